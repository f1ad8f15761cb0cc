/** Runs the `cuewave` command line in-process, collecting what it prints. */
import { runCli } from '../../src-main/cli';
import type { CheckIssue } from '../../src-main/cli/check';

/** What one `cuewave` run returned and printed. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cuewave ...argv` in this process and returns its exit code, stdout and stderr. The locale is `C` (English
 * messages) whatever the machine's, so the English wording is what is checked.
 */
export async function cli(...argv: string[]): Promise<CliResult> {
  return cliIn({ LANG: 'C' }, ...argv);
}

/** Runs `cuewave ...argv` in this process with these environment variables (LC_ALL, LC_MESSAGES, LANG). */
export async function cliIn(env: Record<string, string>, ...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, env);
  return { code, stdout, stderr };
}

/** What `cuewave check --json` prints. */
export interface CheckReport {
  file: string;
  encoding: string;
  bom: boolean;
  eol: string;
  cues: number;
  errors: number;
  warnings: number;
  issues: CheckIssue[];
}

/** Runs `cuewave check FILE --json ...extra`; `report` is null when nothing was printed (the file was refused). */
export async function checkJson(
  file: string,
  ...extra: string[]
): Promise<{ code: number; report: CheckReport; stderr: string }> {
  const { code, stdout, stderr } = await cli('check', file, '--json', ...extra);
  return { code, report: (stdout ? JSON.parse(stdout) : null) as CheckReport, stderr };
}
