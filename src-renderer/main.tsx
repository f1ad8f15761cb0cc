/** Renderer entry: mounts the editor. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { EditorApp } from './editor-app';
import { translator } from './i18n';
import { applyTheme } from './theme';

// The system's theme until the settings arrive (startup), so the first paint is already in the right colours.
applyTheme('system');
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={translator.i18n}>
      <EditorApp />
    </I18nextProvider>
  </StrictMode>,
);
