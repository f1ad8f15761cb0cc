/** Synthetic audio files for tests. */
import { writeFileSync } from 'node:fs';

/** Writes a 16 kHz mono PCM WAV of quiet noise (about -50 dBFS peaks) and nothing else. */
export function writeNoiseWav(file: string, seconds: number): void {
  const samples = 16_000 * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16_000, 24);
  wav.writeUInt32LE(32_000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(samples * 2, 40);
  let state = 12345;
  for (let i = 0; i < samples; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    wav.writeInt16LE(Math.round((state / 2 ** 32 - 0.5) * 200), 44 + i * 2);
  }
  writeFileSync(file, wav);
}
