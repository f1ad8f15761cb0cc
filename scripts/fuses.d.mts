// Types for fuses.mjs, so the TypeScript test can read the fuse settings.
export const FUSES: Readonly<Record<string, boolean>>;
export function electronBuilderFuses(): Record<string, boolean>;
export function flipFuses(electronBinaryPath: string): Promise<void>;
