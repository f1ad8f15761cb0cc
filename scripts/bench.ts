/**
 * `npm run -s bench -- [--json] [--case NAME ...]`: runs the benchmark cases and prints
 * `{"benchmarks":[{"case","tool","median_ms","runs",...}]}` with --json, a table otherwise.
 */
import { type BenchCase, type BenchResult, measure } from './bench/harness';

async function loadCases(): Promise<BenchCase[]> {
  // Each module owns one area's cases; a module that is absent is simply skipped.
  const modules = [
    './bench/cases-core',
    './bench/cases-media',
    './bench/cases-ui',
    './bench/cases-sync',
    './bench/cases-journal',
    './bench/cases-text',
    './bench/cases-fix-common',
    './bench/cases-formats',
    './bench/cases-ui-real',
  ];
  const cases: BenchCase[] = [];
  for (const path of modules) {
    try {
      const mod = (await import(path)) as { cases: () => Promise<BenchCase[]> | BenchCase[] };
      cases.push(...(await mod.cases()));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
  return cases;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const wanted: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === '--case' && args[i + 1]) wanted.push(args[++i] as string);
  const all = await loadCases();
  const known = new Set(all.map((c) => c.name));
  const unknown = wanted.filter((w) => !known.has(w));
  if (unknown.length) {
    console.error(`bench: unknown case ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
    process.exit(2);
  }
  const selected = wanted.length ? all.filter((c) => wanted.includes(c.name)) : all;
  const results: BenchResult[] = [];
  for (const bench of selected) {
    const result = await measure(bench);
    results.push(result);
    if (!json)
      console.error(`${result.case.padEnd(22)} ${result.tool.padEnd(14)} ${String(result.median_ms).padStart(10)} ms`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ benchmarks: results })}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
