// Packaging configuration (electron-builder's format). Cuewave is run from source here (`npm start`); whoever
// packages it gets the hardening below. The fuses are listed once, in scripts/fuses.mjs.
import { electronBuilderFuses } from './scripts/fuses.mjs';

export default {
  appId: 'org.cuewave.editor',
  productName: 'Cuewave',
  directories: { output: 'dist' },
  files: ['out/**', 'resources/**', 'package.json'],
  // The app code is one ASAR whose integrity the fuses below make Electron check.
  asar: true,
  electronFuses: electronBuilderFuses(),
};
