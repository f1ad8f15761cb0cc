/** A small seeded random number generator (mulberry32), so every generated case is the same on every run. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

/** A uniform integer in [min, max]. */
export function randInt(rng: Rng, min: number, max: number): number {
  return Math.min(max, Math.floor(uniform(rng, min, max + 1)));
}
