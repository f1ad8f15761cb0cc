/**
 * Writes the realistic sync test set: `npx tsx tests/support/realistic/make-cases.ts OUT_DIR [--scale 0.25]
 * [--case NAME ...]`. One folder per case (audio.wav, true.srt, damaged.srt, truth.json); see generate.ts.
 */
import path from 'node:path';
import { generateCase, standardCases } from './generate';

function main(): void {
  const args = process.argv.slice(2);
  const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!out) {
    process.stderr.write('usage: make-cases.ts OUT_DIR [--scale 0.25] [--case NAME ...]\n');
    process.exit(64);
  }
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
  const names = args.flatMap((a, i) => (args[i - 1] === '--case' ? [a] : []));
  for (const spec of standardCases(scale)) {
    if (names.length > 0 && !names.includes(spec.name)) continue;
    const started = performance.now();
    const made = generateCase(spec, path.join(out, spec.name));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${spec.name}: ${made.truth.length} cues, SNR ${made.snrDb.toFixed(1)} dB, ${seconds} s\n`);
  }
}

main();
