// electron-vite 6 (Vite 8, Rolldown) build of the three targets into out/, with every entry named explicitly.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // ESM (package.json "type": "module") -> out/main/index.js, the package's "main".
      // The spell worker is its own entry: spell.ts starts out/main/spell-worker.js as a worker_thread.
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          'spell-worker': resolve(root, 'src-main/services/spell-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot load other modules: bundle everything it imports.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload.ts') },
        // Sandboxed preloads must be CommonJS; .cjs keeps Node from reading it as ESM under "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
