// Types for electron-binary.mjs, so TypeScript tests can share the binary lookup with scripts/start.mjs.
export interface ElectronBinary {
  path: string;
  found: boolean;
}
export function findElectronBinary(env?: NodeJS.ProcessEnv): ElectronBinary;
export function missingElectronMessage(binaryPath: string): string;
