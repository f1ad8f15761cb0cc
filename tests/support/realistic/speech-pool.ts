/**
 * A pool of synthesised utterances for the realistic sync test set: espeak-ng sentences in several voices and
 * speeds (English and Mandarin), resampled to 16 kHz, trimmed to the voice, cached on disk so a 60-minute case
 * reuses the same few dozen synthesised files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Rng, randInt } from './rng';

export const SAMPLE_RATE = 16_000;

/** One synthesised sentence: samples start and end with the voice (no leading or trailing silence). */
export interface Utterance {
  text: string;
  voice: string;
  language: 'en' | 'cmn';
  samples: Float32Array;
  /** Mean square of the voiced samples (for the signal-to-noise ratio of the mix). */
  power: number;
}

const EN_WORDS = (
  'time people way year day thing man world life hand part child eye woman place work week case point number ' +
  'group problem fact night water room mother area money story month lot right study book job word business ' +
  'issue side kind head house service friend father power hour game line end member law car city name team ' +
  'minute idea kid body face door health art war history party result change morning reason research girl guy ' +
  'moment air teacher force education always never really quite almost later again still maybe here there ' +
  'went said found took gave told asked called tried left kept began seemed helped showed heard played moved ' +
  'good new first last long great little own other old right big high different small large next early young'
).split(' ');

const CMN_SENTENCES = [
  '我们今天去公园散步吧',
  '你明天早上几点起床',
  '这个问题我们以后再说',
  '他昨天晚上没有回家',
  '请把门关上谢谢',
  '天气预报说下午会下雨',
  '我觉得这部电影很好看',
  '你知道图书馆在哪里吗',
  '我们已经等了很长时间了',
  '妈妈做的饭最好吃',
  '这件事情你不要告诉别人',
  '火车马上就要开了快走吧',
  '他的中文说得越来越好了',
  '周末我们一起去爬山怎么样',
  '这里的风景真是太美了',
  '对不起我来晚了',
];

/** espeak-ng voices (language+variant) and whether they speak English or Mandarin. */
const VOICES: { voice: string; language: 'en' | 'cmn' }[] = [
  { voice: 'en-us', language: 'en' },
  { voice: 'en-us+f3', language: 'en' },
  { voice: 'en-gb+m3', language: 'en' },
  { voice: 'en-gb-scotland+f2', language: 'en' },
  { voice: 'cmn', language: 'cmn' },
  { voice: 'cmn+f4', language: 'cmn' },
];

/** Where synthesised utterances are cached across runs. */
export function defaultCacheDir(): string {
  return path.join(os.tmpdir(), 'cuewave-realistic-cache');
}

function englishSentence(rng: Rng): string {
  const words = randInt(rng, 3, 14);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(EN_WORDS[randInt(rng, 0, EN_WORDS.length - 1)] as string);
  const text = out.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}${rng() < 0.2 ? '?' : '.'}`;
}

/** Reads a 16-bit mono PCM WAV (espeak-ng's output) as floats in -1..1 with its sample rate. */
function readWav(bytes: Buffer): { rate: number; samples: Float32Array } {
  const rate = bytes.readUInt32LE(24);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4);
    let size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') {
      // espeak-ng writing to a file leaves the size correct; streamed output may carry 0x7fffffff.
      size = Math.min(size, bytes.length - offset - 8);
      const samples = new Float32Array(size >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(offset + 8 + i * 2) / 32768;
      return { rate, samples };
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error('espeak-ng output has no data chunk');
}

/** Linear resampling to SAMPLE_RATE. */
function resample(samples: Float32Array, rate: number): Float32Array {
  if (rate === SAMPLE_RATE) return samples;
  const length = Math.floor((samples.length * SAMPLE_RATE) / rate);
  const out = new Float32Array(length);
  const step = rate / SAMPLE_RATE;
  for (let i = 0; i < length; i++) {
    const x = i * step;
    const j = Math.floor(x);
    const f = x - j;
    out[i] = (samples[j] ?? 0) * (1 - f) + (samples[j + 1] ?? samples[j] ?? 0) * f;
  }
  return out;
}

/** The samples from the first to the last one above 2 % of the peak: the voice, without espeak's silent padding. */
function trimToVoice(samples: Float32Array): Float32Array {
  let peak = 0;
  for (const v of samples) peak = Math.max(peak, Math.abs(v));
  const threshold = peak * 0.02;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] as number) < threshold) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] as number) < threshold) last--;
  return samples.slice(first, last + 1);
}

function synthesize(text: string, voice: string, speed: number, cacheDir: string): Float32Array {
  const key = createHash('sha1').update(`${voice}|${speed}|${text}`).digest('hex').slice(0, 16);
  const cached = path.join(cacheDir, `${key}.f32`);
  if (existsSync(cached)) {
    const bytes = readFileSync(cached);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  }
  mkdirSync(cacheDir, { recursive: true });
  const wavFile = path.join(cacheDir, `${key}.${process.pid}.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', String(speed), '-w', wavFile, text]);
  const { rate, samples } = readWav(readFileSync(wavFile));
  const voiced = trimToVoice(resample(samples, rate));
  const temp = `${cached}.${process.pid}`;
  writeFileSync(temp, Buffer.from(voiced.buffer, voiced.byteOffset, voiced.byteLength));
  renameSync(temp, cached);
  return voiced;
}

/**
 * `count` utterances from `rng`: each voice in turn, a random speed of 120-190 words per minute, random English
 * word sequences or Mandarin sentences. `languages` limits the voices (default both).
 */
export function makePool(
  rng: Rng,
  count: number,
  options: { cacheDir?: string; languages?: readonly ('en' | 'cmn')[] } = {},
): Utterance[] {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const languages = options.languages ?? ['en', 'cmn'];
  const voices = VOICES.filter((v) => languages.includes(v.language));
  const pool: Utterance[] = [];
  for (let i = 0; i < count; i++) {
    const { voice, language } = voices[i % voices.length] as (typeof VOICES)[number];
    const text =
      language === 'en' ? englishSentence(rng) : (CMN_SENTENCES[randInt(rng, 0, CMN_SENTENCES.length - 1)] as string);
    const speed = randInt(rng, 120, 190);
    const samples = synthesize(text, voice, speed, cacheDir);
    let sum = 0;
    for (const v of samples) sum += v * v;
    pool.push({ text, voice, language, samples, power: sum / Math.max(1, samples.length) });
  }
  return pool;
}
