/**
 * Worker thread that owns the preview's emulated org (org.ts). Requests arrive as messages `{ id, op, ... }` and are
 * answered one at a time `{ id, ok, value | error }`; a timer runs due async jobs and deployments between requests.
 * Blocking callouts (org.ts) stop only this thread, so the main thread keeps serving the mock Aloware API.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeThrow } from '../../../emulator/src/emulator';
import { PreviewOrg, type OrgOptions } from './org';

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');

const started = performance.now();
const org = new PreviewOrg(workerData as OrgOptions);
port.postMessage({
  ready: true,
  loadMillis: org.loadMillis,
  seedMillis: org.seedMillis,
  totalMillis: performance.now() - started,
  webhookSecret: org.webhookSecret
});

type Request = { id: number; op: string; args: unknown[] };

port.on('message', (msg: Request) => {
  try {
    const fn = (org as unknown as Record<string, (...a: unknown[]) => unknown>)[msg.op];
    if (typeof fn !== 'function') throw new Error(`unknown operation ${msg.op}`);
    const value = fn.apply(org, msg.args);
    port.postMessage({ id: msg.id, ok: true, value, webhookSecret: org.webhookSecret });
  } catch (e) {
    const d = describeThrow(org.emulator.interp, e);
    port.postMessage({ id: msg.id, ok: false, error: `${d.type}: ${d.message}` });
  }
});

setInterval(() => {
  try {
    if (org.tick() > 0) port.postMessage({ ticked: true, webhookSecret: org.webhookSecret });
  } catch (e) {
    console.error('[preview org] tick failed', e);
  }
}, 250).unref();
