/**
 * Crash proof: a real journal service in a child process takes a stream of edits, undos, redos and saves and is
 * killed with SIGKILL at a random moment, 50 times. Each time the next run must offer exactly the document as it
 * was after the last acknowledged edit or a later one that reached the disk (never fewer edits, never garbage);
 * when it offers nothing, the file on disk must be that document (the edits were saved or undone back to it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEditJournals } from '../../src-main/services/recovery/edit-journal';
import { writeSrt } from '../../src-shared/srt';
import { fixturePath } from '../support/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cuewave-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RUNS = 50;
const PARALLEL = 5;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

interface Outcome {
  /** Text hash after each record seq, as the child computed it. */
  states: Map<number, string>;
  lastAck: number;
  lastSent: number;
  /** Hash of the original file (seq 0). */
  original: string;
}

/** Runs one child until a random moment after its first acknowledged batch, then kills it. */
async function crashOnce(run: number): Promise<{ dir: string; file: string; outcome: Outcome }> {
  const dir = path.join(tmp, `run-${run}`, 'recovery');
  const file = path.join(tmp, `run-${run}`, 'interview-3min.srt');
  rmSync(path.dirname(dir), { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(dir), { recursive: true }));
  writeFileSync(file, readFileSync(fixturePath('interview-3min.srt'))); // writable, unlike the fixture
  const original = sha(readFileSync(file, 'utf8'));
  const outcome: Outcome = { states: new Map([[0, original]]), lastAck: 0, lastSent: 0, original };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'recovery-child.ts'), dir, file, String(run * 7919)],
    { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let rest = '';
  let acks = 0;
  const killAfterAcks = 1 + ((run * 37) % 60);
  const killDelayMs = (run * 13) % 17;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`run ${run}: the child exited by itself (${code})`)),
    );
    child.once('error', reject);
    child.stdout?.on('data', (chunk: Buffer) => {
      rest += chunk.toString();
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, seqText, hash] = line.split(' ');
        const seq = Number(seqText);
        if (kind === 'sent') {
          outcome.states.set(seq, hash as string);
          outcome.lastSent = seq;
        } else if (kind === 'ack') {
          outcome.lastAck = seq;
          if (++acks === killAfterAcks) setTimeout(() => child.kill('SIGKILL'), killDelayMs);
        }
      }
    });
    setTimeout(() => child.kill('SIGKILL'), 20_000);
  });
  return { dir, file, outcome };
}

async function check(run: number): Promise<{ offered: boolean }> {
  const { dir, file, outcome } = await crashOnce(run);
  const journals = createEditJournals({ dir });
  const { entries, messages } = await journals.list();
  expect(messages).toEqual([]);
  const allowed = [...outcome.states.entries()].filter(([seq]) => seq >= outcome.lastAck).map(([, hash]) => hash);
  if (entries.length === 0) {
    // Nothing offered: the edits up to the last acknowledged one were saved, or undone back to the saved state.
    expect(allowed, `run ${run}: nothing offered, but the file on disk is not the last acknowledged state`).toContain(
      sha(readFileSync(file, 'utf8')),
    );
    return { offered: false };
  }
  expect(entries).toHaveLength(1);
  const replayed = await journals.replay(entries[0]?.key as string);
  const text = writeSrt(replayed.doc);
  expect(allowed, `run ${run}: offered text is not the state after ack ${outcome.lastAck}`).toContain(sha(text));
  return { offered: true };
}

describe('the journal survives kill -9 at any moment', () => {
  it(`offers the edits up to the last acknowledged one after ${RUNS} kills during edits and saves`, async () => {
    let offered = 0;
    for (let start = 0; start < RUNS; start += PARALLEL) {
      const batch = Array.from({ length: Math.min(PARALLEL, RUNS - start) }, (_, i) => check(start + i + 1));
      for (const result of await Promise.all(batch)) if (result.offered) offered++;
    }
    // Most kills leave unsaved edits behind: the test is about those, not about clean states.
    expect(offered).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
