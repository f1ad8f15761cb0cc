// Types for electron-builder.config.mjs (read by tests/main/fuses.test.ts).
declare const config: {
  appId: string;
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  [key: string]: unknown;
};
export default config;
