/** Specification of the validation profiles and their lookup. */
import { describe, expect, it } from 'vitest';
import { getProfile, PROFILE_NAMES, PROFILES } from '../../src-shared/profiles';

describe('PROFILES', () => {
  it('lists every profile under its own name', () => {
    expect([...PROFILE_NAMES].sort()).toEqual(Object.keys(PROFILES).sort());
    for (const name of PROFILE_NAMES) expect(PROFILES[name].name).toBe(name);
  });

  it('has sane limits in every profile', () => {
    for (const name of PROFILE_NAMES) {
      const profile = PROFILES[name];
      expect(profile.label.length).toBeGreaterThan(0);
      expect(profile.minDurationMs).toBeGreaterThan(0);
      expect(profile.maxDurationMs).toBeGreaterThan(profile.minDurationMs);
      expect(profile.maxCps).toBeGreaterThan(0);
      expect(profile.maxLineLength).toBeGreaterThan(0);
      expect(profile.maxLines).toBeGreaterThanOrEqual(1);
      expect(profile.minGapMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('uses the Netflix English figures', () => {
    expect(PROFILES['netflix-en']).toMatchObject({
      maxLineLength: 42,
      maxLines: 2,
      maxCps: 20,
      minDurationMs: 833, // 5/6 s
      maxDurationMs: 7000,
      minGapMs: 83, // 2 frames at 24 fps
    });
  });

  it('uses the Netflix Simplified Chinese figures', () => {
    expect(PROFILES['netflix-zh-hans']).toMatchObject({
      maxLineLength: 16,
      maxLines: 2,
      maxCps: 9,
      minDurationMs: 833,
      maxDurationMs: 7000,
      minGapMs: 83,
    });
  });

  it('does not check gaps by default, because touching cues are normal', () => {
    expect(PROFILES.default.minGapMs).toBe(0);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(PROFILES)).toBe(true);
    expect(Object.isFrozen(PROFILES.default)).toBe(true);
  });
});

describe('getProfile', () => {
  it('finds a profile by name, ignoring case and surrounding spaces', () => {
    expect(getProfile('netflix-en')).toBe(PROFILES['netflix-en']);
    expect(getProfile(' Netflix-ZH-Hans ')).toBe(PROFILES['netflix-zh-hans']);
  });

  it('returns null for unknown names, including Object.prototype members', () => {
    expect(getProfile('netflix-fr')).toBeNull();
    expect(getProfile('')).toBeNull();
    expect(getProfile('toString')).toBeNull();
    expect(getProfile('__proto__')).toBeNull();
  });
});
