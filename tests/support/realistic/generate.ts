/**
 * Realistic sync test set: synthesised speech (espeak-ng, several voices and speeds, English and Mandarin) placed
 * on a timeline with human-like cue timing (a cue starts 0-300 ms before its voice and ends 200-800 ms after it;
 * some cues span two utterances), mixed over a music-and-noise bed at 5-10 dB SNR, then damaged the way real
 * files are (offsets, frame rates, ad breaks, a removed scene, partial subtitles, unrelated audio). Each case
 * writes `audio.wav`, `true.srt` (the cues timed to the audio), `damaged.srt` (what a sync gets) and `truth.json`
 * (per damaged cue, its true start and end in the audio, or null when its scene is not in the audio).
 * Deterministic: a case is a function of its spec and seed.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatSrtTime } from '../../../src-shared/time';
import { type Rng, randInt, seededRng, uniform } from './rng';
import { makePool, SAMPLE_RATE, type Utterance } from './speech-pool';

/** What happened to the subtitles (or the audio) of a case. */
export type Damage =
  | { kind: 'none' }
  | { kind: 'offset'; offsetMs: number }
  /** Subtitles timed at another frame rate: subtitle time = programme time * scale + offsetMs. */
  | { kind: 'frame-rate'; scale: number; offsetMs: number }
  /** The audio has ad breaks the subtitles do not know about: `breaks` at these shares of the programme. */
  | { kind: 'ad-break'; atShares: number[]; lengthMs: number; offsetMs: number }
  /** The audio lacks a scene the subtitles still have (starting at `atShare` of the programme). */
  | { kind: 'removed-scene'; atShare: number; lengthMs: number; offsetMs: number }
  /** Subtitles only for the first `share` of the programme. */
  | { kind: 'partial'; share: number; offsetMs: number }
  /** The audio is music only. */
  | { kind: 'music-only' }
  /** The audio is other speech (another programme). */
  | { kind: 'other-speech' };

export interface CaseSpec {
  name: string;
  durationMs: number;
  damage: Damage;
  seed: number;
  /** Speech-to-bed power ratio range in dB (default 5..10). */
  snrDb?: [number, number];
}

/** One cue's true time in the audio, or null when its scene is not in the audio. */
export type TruthTime = { startMs: number; endMs: number } | null;

export interface GeneratedCase {
  spec: CaseSpec;
  dir: string;
  audioPath: string;
  trueSrtPath: string;
  damagedSrtPath: string;
  truthPath: string;
  /** Per cue of damaged.srt (same order), the true times. */
  truth: TruthTime[];
  /** Voiced spans of the subtitled speech in the audio (ms), for diagnostics. */
  voiceSpans: [number, number][];
  /** Whether a sync must refuse this case. */
  mustRefuse: boolean;
  snrDb: number;
}

/** The standard cases (12-minute programmes unless the damage says otherwise). `scale` shortens them for tests. */
export function standardCases(scale = 1): CaseSpec[] {
  const min = (m: number) => Math.round(m * 60_000 * scale);
  return [
    { name: 'none', durationMs: min(12), damage: { kind: 'none' }, seed: 101 },
    { name: 'offset', durationMs: min(12), damage: { kind: 'offset', offsetMs: 3_450 }, seed: 102 },
    { name: 'offset-2min', durationMs: min(12), damage: { kind: 'offset', offsetMs: 120_000 }, seed: 103 },
    {
      name: 'frame-rate',
      durationMs: min(12),
      damage: { kind: 'frame-rate', scale: 25 / 23.976, offsetMs: -1_200 },
      seed: 104,
    },
    {
      name: 'ad-break-middle',
      durationMs: min(12),
      damage: { kind: 'ad-break', atShares: [0.5], lengthMs: 30_000, offsetMs: 800 },
      seed: 105,
    },
    {
      name: 'ad-break-30',
      durationMs: min(12),
      damage: { kind: 'ad-break', atShares: [0.3], lengthMs: 30_000, offsetMs: 0 },
      seed: 106,
    },
    {
      name: 'removed-scene',
      durationMs: min(12),
      damage: { kind: 'removed-scene', atShare: 0.55, lengthMs: 40_000, offsetMs: -600 },
      seed: 107,
    },
    { name: 'partial', durationMs: min(12), damage: { kind: 'partial', share: 0.4, offsetMs: 2_100 }, seed: 108 },
    { name: 'clip-5min', durationMs: min(5), damage: { kind: 'offset', offsetMs: -1_700 }, seed: 109 },
    { name: 'long-60min', durationMs: min(60), damage: { kind: 'offset', offsetMs: 4_321 }, seed: 110 },
    { name: 'music-only', durationMs: min(12), damage: { kind: 'music-only' }, seed: 111 },
    { name: 'other-speech', durationMs: min(12), damage: { kind: 'other-speech' }, seed: 112 },
  ];
}

/** A sound placed on the audio timeline. */
interface Placement {
  atMs: number;
  utterance: Utterance;
  gain: number;
}

/** A programme: utterances and their cues, in programme time. */
interface Programme {
  placements: Placement[];
  cues: { startMs: number; endMs: number; text: string }[];
}

const POOL_SIZE = 72;
/** Programme start: a little intro before the first line. */
const INTRO_MS = 8_000;

function lengthMs(utterance: Utterance): number {
  return (utterance.samples.length / SAMPLE_RATE) * 1000;
}

/** Utterances with natural pauses (mostly short, some longer, a few long music passages) and human-timed cues. */
function buildProgramme(rng: Rng, pool: readonly Utterance[], durationMs: number): Programme {
  const placements: Placement[] = [];
  let t = INTRO_MS + uniform(rng, 0, 3_000);
  while (true) {
    const utterance = pool[randInt(rng, 0, pool.length - 1)] as Utterance;
    if (t + lengthMs(utterance) > durationMs - 3_000) break;
    placements.push({ atMs: t, utterance, gain: uniform(rng, 0.6, 1) });
    const roll = rng();
    const gap =
      roll < 0.7 ? uniform(rng, 250, 1_500) : roll < 0.95 ? uniform(rng, 1_500, 5_000) : uniform(rng, 8_000, 25_000);
    t += lengthMs(utterance) + gap;
  }
  // Cues: one utterance each, or (15 %) two close ones together.
  const groups: Placement[][] = [];
  for (let i = 0; i < placements.length; i++) {
    const here = placements[i] as Placement;
    const next = placements[i + 1];
    if (next && next.atMs - (here.atMs + lengthMs(here.utterance)) < 1_200 && rng() < 0.15) {
      groups.push([here, next]);
      i++;
    } else groups.push([here]);
  }
  const voice = groups.map((g) => ({
    startMs: (g[0] as Placement).atMs,
    endMs: (g.at(-1) as Placement).atMs + lengthMs((g.at(-1) as Placement).utterance),
    text: g.map((p) => p.utterance.text).join('\n'),
  }));
  const starts = voice.map((v, i) => {
    const previousEnd = voice[i - 1]?.endMs ?? 0;
    const gap = v.startMs - previousEnd;
    return Math.max(v.startMs - uniform(rng, 0, 300), previousEnd + Math.min(gap / 2, 100));
  });
  const cues = voice.map((v, i) => {
    const nextStart = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    const endMs = Math.min(v.endMs + uniform(rng, 200, 800), nextStart - 40);
    return { startMs: Math.round(starts[i] as number), endMs: Math.round(endMs), text: v.text };
  });
  return { placements, cues };
}

/** Programme gaps (between utterances) nearest to `atMs`: where a break or a cut can go without cutting a word. */
function gapNear(programme: Programme, atMs: number): number {
  let best = atMs;
  let bestDistance = Number.POSITIVE_INFINITY;
  const p = programme.placements;
  for (let i = 0; i + 1 < p.length; i++) {
    const end = (p[i] as Placement).atMs + lengthMs((p[i] as Placement).utterance);
    const start = (p[i + 1] as Placement).atMs;
    const mid = (end + start) / 2;
    if (start - end > 400 && Math.abs(mid - atMs) < bestDistance) {
      best = mid;
      bestDistance = Math.abs(mid - atMs);
    }
  }
  return best;
}

/** Maps programme time to audio time (null: not in the audio) and lists extra sounds (ads) with louder bed spans. */
interface AudioEdit {
  toAudio: (programmeMs: number) => number | null;
  audioDurationMs: number;
  /** Audio spans where the bed is an ad (louder, with other voices). */
  adSpans: [number, number][];
}

function audioEdit(programme: Programme, spec: CaseSpec): AudioEdit {
  const damage = spec.damage;
  if (damage.kind === 'ad-break') {
    const points = damage.atShares.map((share) => gapNear(programme, share * spec.durationMs)).sort((a, b) => a - b);
    const toAudio = (p: number) => p + damage.lengthMs * points.filter((b) => b <= p).length;
    const adSpans = points.map((b, i): [number, number] => [b + i * damage.lengthMs, b + (i + 1) * damage.lengthMs]);
    return { toAudio, audioDurationMs: spec.durationMs + damage.lengthMs * points.length, adSpans };
  }
  if (damage.kind === 'removed-scene') {
    const from = gapNear(programme, damage.atShare * spec.durationMs);
    const to = gapNear(programme, from + damage.lengthMs);
    const toAudio = (p: number) => (p < from ? p : p >= to ? p - (to - from) : null);
    return { toAudio, audioDurationMs: spec.durationMs - (to - from), adSpans: [] };
  }
  return { toAudio: (p) => p, audioDurationMs: spec.durationMs, adSpans: [] };
}

/** Subtitle time of a programme time under the damage. */
function subtitleTime(damage: Damage, programmeMs: number): number {
  switch (damage.kind) {
    case 'offset':
    case 'ad-break':
    case 'removed-scene':
    case 'partial':
      return programmeMs + damage.offsetMs;
    case 'frame-rate':
      return programmeMs * damage.scale + damage.offsetMs;
    default:
      return programmeMs;
  }
}

function srtOf(cues: readonly { startMs: number; endMs: number; text: string }[]): string {
  return cues
    .map((cue, i) => `${i + 1}\n${formatSrtTime(cue.startMs)} --> ${formatSrtTime(cue.endMs)}\n${cue.text}\n`)
    .join('\n');
}

/** Generates one case into `dir` (created). */
export function generateCase(spec: CaseSpec, dir: string, options: { cacheDir?: string } = {}): GeneratedCase {
  mkdirSync(dir, { recursive: true });
  const rng = seededRng(spec.seed);
  const pool = makePool(seededRng(7), POOL_SIZE, options);
  const [snrLow, snrHigh] = spec.snrDb ?? [5, 10];
  const snrDb = uniform(rng, snrLow, snrHigh);
  const programme = buildProgramme(rng, pool, spec.durationMs);
  const edit = audioEdit(programme, spec);

  // The subtitles and their truth.
  let subtitled = programme.cues;
  if (spec.damage.kind === 'partial') {
    const share = spec.damage.share;
    subtitled = subtitled.filter((cue) => cue.endMs <= share * spec.durationMs);
  }
  if (spec.damage.kind === 'other-speech' || spec.damage.kind === 'music-only') {
    // The subtitles of another programme of the same length.
    subtitled = buildProgramme(seededRng(spec.seed + 1000), pool, spec.durationMs).cues;
  }
  const unrelated = spec.damage.kind === 'other-speech' || spec.damage.kind === 'music-only';
  const truth: TruthTime[] = subtitled.map((cue) => {
    if (unrelated) return null;
    const startMs = edit.toAudio(cue.startMs);
    const endMs = edit.toAudio(cue.endMs);
    return startMs === null || endMs === null ? null : { startMs, endMs };
  });
  const damagedCues = subtitled.map((cue) => ({
    text: cue.text,
    startMs: Math.max(0, Math.round(subtitleTime(spec.damage, cue.startMs))),
    endMs: Math.max(0, Math.round(subtitleTime(spec.damage, cue.endMs))),
  }));
  const trueCues = programme.cues.flatMap((cue) => {
    const startMs = edit.toAudio(cue.startMs);
    const endMs = edit.toAudio(cue.endMs);
    return startMs === null || endMs === null || unrelated ? [] : [{ ...cue, startMs, endMs }];
  });

  // The sounds in the audio.
  const sounds: Placement[] = [];
  const voiceSpans: [number, number][] = [];
  if (spec.damage.kind !== 'music-only') {
    for (const placement of programme.placements) {
      const atMs = edit.toAudio(placement.atMs);
      const endMs = edit.toAudio(placement.atMs + lengthMs(placement.utterance));
      if (atMs === null || endMs === null) continue;
      sounds.push({ ...placement, atMs });
      voiceSpans.push([atMs, atMs + lengthMs(placement.utterance)]);
    }
  }
  // Ads: other lines, faster, no subtitles.
  for (const [from, to] of edit.adSpans) {
    let t = from + 1_500;
    while (true) {
      const utterance = pool[randInt(rng, 0, pool.length - 1)] as Utterance;
      if (t + lengthMs(utterance) > to - 1_000) break;
      sounds.push({ atMs: t, utterance, gain: uniform(rng, 0.8, 1) });
      t += lengthMs(utterance) + uniform(rng, 200, 900);
    }
  }
  let speechPower = 0;
  for (const p of pool) speechPower += p.power * 0.8 * 0.8;
  speechPower /= pool.length;
  const audioPath = path.join(dir, 'audio.wav');
  writeMix(
    audioPath,
    edit.audioDurationMs,
    sounds,
    edit.adSpans,
    Math.sqrt(speechPower) / 10 ** (snrDb / 20),
    spec.seed,
  );

  const trueSrtPath = path.join(dir, 'true.srt');
  const damagedSrtPath = path.join(dir, 'damaged.srt');
  const truthPath = path.join(dir, 'truth.json');
  writeFileSync(trueSrtPath, srtOf(trueCues));
  writeFileSync(damagedSrtPath, srtOf(damagedCues));
  const mustRefuse = unrelated;
  writeFileSync(
    truthPath,
    `${JSON.stringify({ spec, snrDb, mustRefuse, audioDurationMs: edit.audioDurationMs, truth }, null, 1)}\n`,
  );
  return { spec, dir, audioPath, trueSrtPath, damagedSrtPath, truthPath, truth, voiceSpans, mustRefuse, snrDb };
}

/** One oscillator note of the music bed. */
interface Note {
  startSample: number;
  endSample: number;
  step: number;
  amplitude: number;
}

const TABLE_SIZE = 4096;
/** A mellow harmonic tone: fundamental, 2nd and 3rd partial. */
const WAVE_TABLE = (() => {
  const table = new Float32Array(TABLE_SIZE + 1);
  for (let i = 0; i <= TABLE_SIZE; i++) {
    const x = (2 * Math.PI * i) / TABLE_SIZE;
    table[i] = (Math.sin(x) + 0.5 * Math.sin(2 * x) + 0.25 * Math.sin(3 * x)) / 1.5;
  }
  return table;
})();

/** Chords (3 notes over a pentatonic scale, changing every 0.4-1.6 s), soft drum hits, pink-ish noise, a slow swell. */
function musicNotes(rng: Rng, totalSamples: number): { notes: Note[]; hits: number[] } {
  const scale = [0, 2, 4, 7, 9];
  const notes: Note[] = [];
  let t = 0;
  while (t < totalSamples) {
    const length = Math.round(uniform(rng, 0.4, 1.6) * SAMPLE_RATE);
    for (let k = 0; k < 3; k++) {
      const semitone = (scale[randInt(rng, 0, 4)] as number) + 12 * randInt(rng, 0, 2);
      const frequency = 110 * 2 ** (semitone / 12);
      notes.push({
        startSample: t,
        endSample: t + length + Math.round(0.3 * SAMPLE_RATE),
        step: (frequency * TABLE_SIZE) / SAMPLE_RATE,
        amplitude: uniform(rng, 0.5, 1),
      });
    }
    t += length;
  }
  const hits: number[] = [];
  const beat = Math.round(uniform(rng, 0.45, 0.65) * SAMPLE_RATE);
  for (let s = 0; s < totalSamples; s += beat) if (rng() < 0.6) hits.push(s);
  return { notes, hits };
}

/** Mixes the bed (scaled to `bedRms`, 6 dB louder in ad spans) and the sounds into a 16 kHz mono WAV, in blocks. */
function writeMix(
  file: string,
  durationMs: number,
  sounds: readonly Placement[],
  adSpans: readonly [number, number][],
  bedRms: number,
  seed: number,
): void {
  const rng = seededRng(seed * 31 + 7);
  const totalSamples = Math.round((durationMs / 1000) * SAMPLE_RATE);
  const { notes, hits } = musicNotes(rng, totalSamples);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + totalSamples * 2, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(totalSamples * 2, 40);
  const fd = openSync(file, 'w');
  writeSync(fd, header);

  const ordered = [...sounds].sort((a, b) => a.atMs - b.atMs);
  const block = SAMPLE_RATE * 10;
  const bed = new Float32Array(block);
  const mix = new Float32Array(block);
  const out = Buffer.alloc(block * 2);
  let noiseState = (seed * 2654435761) >>> 0;
  let pink = 0;
  let noteFrom = 0;
  let hitFrom = 0;
  let soundFrom = 0;
  // The bed's own RMS, measured on the first block, scales the whole bed to `bedRms`.
  let bedNominalRms = 0;
  for (let start = 0; start < totalSamples; start += block) {
    const n = Math.min(block, totalSamples - start);
    bed.fill(0, 0, n);
    while (noteFrom < notes.length && (notes[noteFrom] as Note).endSample < start) noteFrom++;
    for (let k = noteFrom; k < notes.length; k++) {
      const note = notes[k] as Note;
      if (note.startSample >= start + n) break;
      const from = Math.max(start, note.startSample);
      const to = Math.min(start + n, note.endSample);
      let phase = ((from - note.startSample) * note.step) % TABLE_SIZE;
      for (let s = from; s < to; s++) {
        const age = (s - note.startSample) / SAMPLE_RATE;
        const envelope = Math.min(1, age / 0.02) * Math.exp(-age * 1.2) * note.amplitude * 0.45;
        const i = phase | 0;
        const f = phase - i;
        bed[s - start] =
          (bed[s - start] as number) +
          envelope * ((WAVE_TABLE[i] as number) * (1 - f) + (WAVE_TABLE[i + 1] as number) * f);
        phase += note.step;
        if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
      }
    }
    while (hitFrom < hits.length && (hits[hitFrom] as number) + SAMPLE_RATE < start) hitFrom++;
    for (let s = 0; s < n; s++) {
      noiseState = (Math.imul(noiseState, 1664525) + 1013904223) >>> 0;
      const white = noiseState / 2 ** 32 - 0.5;
      pink = 0.97 * pink + 0.03 * white * 6;
      bed[s] = (bed[s] as number) + pink * 0.5 + white * 0.08;
    }
    for (let k = hitFrom; k < hits.length; k++) {
      const hit = hits[k] as number;
      if (hit >= start + n) break;
      for (let s = Math.max(start, hit); s < Math.min(start + n, hit + 0.12 * SAMPLE_RATE); s++) {
        noiseState = (Math.imul(noiseState, 1664525) + 1013904223) >>> 0;
        const age = (s - hit) / SAMPLE_RATE;
        bed[s - start] = (bed[s - start] as number) + (noiseState / 2 ** 32 - 0.5) * 1.6 * Math.exp(-age * 40);
      }
    }
    if (bedNominalRms === 0) {
      let sum = 0;
      for (let s = 0; s < n; s++) sum += (bed[s] as number) ** 2;
      bedNominalRms = Math.sqrt(sum / Math.max(1, n)) || 1;
    }
    // Level: the target RMS with a slow +/- 3 dB swell, +6 dB in ads.
    for (let s = 0; s < n; s++) {
      const ms = ((start + s) / SAMPLE_RATE) * 1000;
      const swell = 10 ** ((3 * Math.sin((2 * Math.PI * ms) / 23_000)) / 20);
      const ad = adSpans.some(([a, b]) => ms >= a && ms < b) ? 2 : 1;
      mix[s] = ((bed[s] as number) / bedNominalRms) * bedRms * swell * ad;
    }
    while (soundFrom < ordered.length) {
      const sound = ordered[soundFrom] as Placement;
      const endSample = Math.round((sound.atMs / 1000) * SAMPLE_RATE) + sound.utterance.samples.length;
      if (endSample >= start) break;
      soundFrom++;
    }
    for (let k = soundFrom; k < ordered.length; k++) {
      const sound = ordered[k] as Placement;
      const at = Math.round((sound.atMs / 1000) * SAMPLE_RATE);
      if (at >= start + n) break;
      const samples = sound.utterance.samples;
      const from = Math.max(start, at);
      const to = Math.min(start + n, at + samples.length);
      for (let s = from; s < to; s++)
        mix[s - start] = (mix[s - start] as number) + (samples[s - at] as number) * sound.gain;
    }
    for (let s = 0; s < n; s++) {
      const v = Math.max(-1, Math.min(1, (mix[s] as number) * 0.9));
      out.writeInt16LE(Math.round(v * 32767), s * 2);
    }
    writeSync(fd, out, 0, n * 2);
  }
  closeSync(fd);
}
