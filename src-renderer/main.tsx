/** Renderer entry: mounts the editor. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorApp } from './editor-app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <EditorApp />
  </StrictMode>,
);
