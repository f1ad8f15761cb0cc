// The Electron fuses a packaged Cuewave build sets, by their @electron/fuses names (FuseV1Options). Fuses are bits
// in the Electron binary flipped at package time; they turn off features a subtitle editor never uses but an attacker
// could (running the app binary as plain Node, loading app code from outside the signed ASAR...).
// electron-builder.config.mjs passes them on as `electronFuses`; a packager without that option can call
// `flipFuses(electronBinaryPath)` after packing (needs the @electron/fuses package, which electron-builder ships).

/** FuseV1Options name -> value for a packaged build. */
export const FUSES = Object.freeze({
  /** `ELECTRON_RUN_AS_NODE=1 cuewave` must not turn the app into a Node interpreter. */
  RunAsNode: false,
  /** Cookies and other Chromium storage encrypted with the OS key store. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS could preload arbitrary code into main. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends would open a debugger port into main. */
  EnableNodeCliInspectArguments: false,
  /** The app.asar is checked against the hash embedded at package time (macOS and Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Main code loads only from app.asar, never from a loose `app/` folder someone put beside it. */
  OnlyLoadAppFromAsar: true,
  /** file: pages get no extra privileges (our renderer needs none; media comes through cuewave-media:). */
  GrantFileProtocolExtraPrivileges: false,
});

/** The same settings in electron-builder's `electronFuses` spelling (camelCase keys). */
export function electronBuilderFuses() {
  return Object.fromEntries(
    Object.entries(FUSES).map(([name, value]) => [name[0].toLowerCase() + name.slice(1), value]),
  );
}

/** Flips the fuses in a packaged Electron binary (for packagers without electron-builder's `electronFuses`). */
export async function flipFuses(electronBinaryPath) {
  let fuses;
  try {
    fuses = await import('@electron/fuses');
  } catch {
    throw new Error('flipping fuses needs the @electron/fuses package (electron-builder and Electron Forge ship it)');
  }
  const settings = { version: fuses.FuseVersion.V1 };
  for (const [name, value] of Object.entries(FUSES)) settings[fuses.FuseV1Options[name]] = value;
  await fuses.flipFuses(electronBinaryPath, settings);
}
