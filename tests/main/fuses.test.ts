// The fuses a packaged build sets, written in the build config: run-as-node off, cookie encryption on, ASAR
// integrity on, app code only from the ASAR.
import { describe, expect, it } from 'vitest';
import builderConfig from '../../electron-builder.config.mjs';
import { electronBuilderFuses, FUSES } from '../../scripts/fuses.mjs';

describe('Electron fuses', () => {
  it('names the hardening fuses with their @electron/fuses names and safe values', () => {
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
    });
  });

  it('the packaging config passes them on as electron-builder electronFuses, with an ASAR', () => {
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.electronFuses).toEqual(electronBuilderFuses());
    expect(builderConfig.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
