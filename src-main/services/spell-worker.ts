/**
 * The spell worker (a worker_thread): loads the dictionary and checks texts off main's event loop, so neither main's
 * IPC nor the renderer waits while a 232,400-cue file is checked. Messages: see SpellRequest / SpellReply in spell.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SpellChecker, type SpellLanguage } from './spell-core';

interface Init {
  lang: SpellLanguage;
  userWords: string[];
}

type Request =
  | { id: number; kind: 'check'; texts: string[] }
  | { id: number; kind: 'suggest'; word: string }
  | { id: number; kind: 'add'; word: string };

const port = parentPort;
if (!port) throw new Error('spell-worker.ts must run as a worker thread');
const init = workerData as Init;
const ready = SpellChecker.load(init.lang, init.userWords);

port.on('message', async (request: Request) => {
  try {
    const checker = await ready;
    if (request.kind === 'check') port.postMessage({ id: request.id, ok: true, value: checker.check(request.texts) });
    else if (request.kind === 'suggest')
      port.postMessage({ id: request.id, ok: true, value: checker.suggest(request.word) });
    else {
      checker.addWord(request.word);
      port.postMessage({ id: request.id, ok: true, value: null });
    }
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
