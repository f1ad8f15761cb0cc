/**
 * The browser host's services in a process of their own (`launchApp({ serviceProcess: true })`), so a test can end
 * them as a crash does: SIGKILL, no shutdown, no flush. Started by browser-host.ts with Node IPC; the messages are
 * `ServiceMessage` (to this process) and `HostMessage` (to the host). Environment: the host's, plus the launch's env.
 *
 * usage: service-process DATA_DIR
 */
import type { SenderInfo } from '../../src-main/security';
import type { UnsavedAnswer } from '../../src-main/window';
import type { DialogKind } from './dialog-stub';
import { startServiceServer } from './service-server';

/** From the host. */
export type ServiceMessage =
  | {
      type: 'dispatch';
      id: number;
      channel: string;
      sender: SenderInfo;
      requestJson: string;
      /** Fields of the request the page uploaded (service-server.ts), by upload id. */
      uploads: Record<string, string> | null;
    }
  | { type: 'dialogAnswer'; id: number; answer: string | null }
  | { type: 'openFromCommandLine'; files: string[]; cwd: string }
  | { type: 'dispose' };

/** To the host. */
export type HostMessage =
  | { type: 'ready'; origin: string; pid: number }
  | { type: 'result'; id: number; json: string }
  | { type: 'dialog'; id: number; kind: DialogKind; subject: string }
  | { type: 'event'; event: string; json: string }
  | { type: 'title'; title: string }
  | { type: 'forceClose' }
  | { type: 'log'; line: string }
  | { type: 'disposed' };

const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  process.stderr.write('usage: service-process DATA_DIR (started by the browser host with an IPC channel)\n');
  process.exit(2);
}
const toHost = (message: HostMessage) => process.send?.(message);

const waiting = new Map<number, (answer: string | null) => void>();
let nextId = 0;
function ask(kind: DialogKind, subject: string): Promise<string | null> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    toHost({ type: 'dialog', id, kind, subject });
  });
}

const server = await startServiceServer({
  dataDir,
  dialogs: {
    openFile: ({ title }) => ask('open', title),
    saveFile: ({ title }) => ask('save', title),
    askUnsaved: async (name) => ((await ask('unsaved', name)) as UnsavedAnswer | null) ?? 'cancel',
  },
  log: (line) => toHost({ type: 'log', line }),
  window: {
    setTitle: (title) => toHost({ type: 'title', title }),
    forceClose: () => toHost({ type: 'forceClose' }),
  },
  send: (event, payload) => toHost({ type: 'event', event, json: JSON.stringify(payload) }),
});

process.on('message', (message: ServiceMessage) => {
  switch (message.type) {
    case 'dispatch':
      void server
        .dispatchJson(message.channel, message.sender, message.requestJson, message.uploads)
        .then((json) => toHost({ type: 'result', id: message.id, json }));
      break;
    case 'dialogAnswer':
      waiting.get(message.id)?.(message.answer);
      waiting.delete(message.id);
      break;
    case 'openFromCommandLine':
      server.services.openFromCommandLine(message.files, message.cwd);
      break;
    case 'dispose':
      void server.close().then(() => {
        toHost({ type: 'disposed' });
        process.disconnect();
      });
      break;
  }
});

// The host gone (the test run ended or died) ends this process too, as no window is left to serve.
process.on('disconnect', () => process.exit(0));

toHost({ type: 'ready', origin: server.origin, pid: process.pid });
