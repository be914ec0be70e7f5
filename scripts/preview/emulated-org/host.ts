/**
 * The main thread's handle on the emulated org (worker.ts): starts the worker (force-app parsed and the sample data
 * loaded there) and forwards calls to it as promises.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RestCall, RestResult } from '../../../emulator/src/stdlib/rest';
import { bundleWorker } from './bundle';
import type { ApexAnswer, ApexJsonAnswer, LeadSummary, OrgOptions, PreviewUserKind } from './org';

export type { ApexAnswer, LeadSummary, PreviewUserKind };

export interface StartTimes {
  loadMillis: number;
  seedMillis: number;
  totalMillis: number;
}

/** Where the worker bundles go (git-ignored, beside the preview builds). */
const WORKER_BUNDLE_DIR = path.resolve(__dirname, '..', '..', '..', '.preview-build', 'emulated-org');
let bundles = 0;

export class EmulatedOrg {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** The webhook secret Aloware sends (the admin pasted the last generated one). */
  webhookSecret: string | null = null;
  /** Called after the org changed on its own (async jobs, deployments). */
  onTick: (() => void) | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly times: StartTimes
  ) {
    worker.on(
      'message',
      (msg: { id?: number; ok?: boolean; value?: unknown; error?: string; webhookSecret?: string | null }) => {
        if (msg.webhookSecret !== undefined) this.webhookSecret = msg.webhookSecret;
        if (msg.id === undefined) {
          this.onTick?.();
          return;
        }
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(new Error(msg.error ?? 'emulated org failed'));
      }
    );
    worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  static async start(options: OrgOptions): Promise<EmulatedOrg> {
    const bundle = await bundleWorker(
      path.join(__dirname, 'worker.ts'),
      path.join(WORKER_BUNDLE_DIR, `worker-${process.pid}-${++bundles}.cjs`)
    );
    const worker = new Worker(bundle, { workerData: options });
    return new Promise((resolve, reject) => {
      const onError = (e: Error): void => reject(e);
      worker.once('error', onError);
      worker.once('message', (msg: StartTimes & { ready?: boolean; webhookSecret?: string | null }) => {
        worker.off('error', onError);
        // Loaded whole when the worker started: the file is no longer needed (kept when the start failed).
        fs.rmSync(bundle, { force: true });
        if (!msg.ready) {
          reject(new Error('the emulated org did not start'));
          return;
        }
        const org = new EmulatedOrg(worker, msg);
        org.webhookSecret = msg.webhookSecret ?? null;
        resolve(org);
      });
    });
  }

  private call<T>(op: string, ...args: unknown[]): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  callAura(route: string, params: Record<string, unknown>, user: PreviewUserKind): Promise<ApexAnswer> {
    return this.call('callAura', route, params, user);
  }

  /** `callAura` with the body as the JSON text the Apex wrote (sent to the browser as is). */
  callAuraJson(route: string, params: Record<string, unknown>, user: PreviewUserKind): Promise<ApexJsonAnswer> {
    return this.call('callAuraJson', route, params, user);
  }

  uiApi(route: string, body: Record<string, unknown>, user: PreviewUserKind): Promise<ApexAnswer> {
    return this.call('uiApi', route, body, user);
  }

  rest(call: RestCall): Promise<RestResult> {
    return this.call('rest', call);
  }

  leadSummaries(): Promise<LeadSummary[]> {
    return this.call('leadSummaries');
  }

  /** The Tasks on a Lead, newest first: what the Lead's Activity timeline lists (system mode, as the admin). */
  leadActivities(leadId: string): Promise<Record<string, unknown>[]> {
    if (!/^[a-zA-Z0-9]{15,18}$/.test(leadId)) return Promise.resolve([]);
    return this.query(
      'SELECT Id, Subject, Status, ActivityDate, CallDisposition, CallDurationInSeconds, Description, ' +
        'Aloware_Channel__c, Aloware_Direction__c, Aloware_Occurred_At__c, Aloware_Communication_Link__c ' +
        `FROM Task WHERE WhoId = '${leadId}' ORDER BY Aloware_Occurred_At__c DESC NULLS LAST, CreatedDate DESC LIMIT 50`
    );
  }

  /** SOQL as the admin (tests inspect the org). */
  query(soql: string): Promise<Record<string, unknown>[]> {
    return this.call('query', soql);
  }

  /** Anonymous Apex as the admin; resolves with the uncaught exception's text, or null. */
  executeAnonymous(code: string): Promise<string | null> {
    return this.call('executeAnonymous', code);
  }

  /** Whether `Class.method` is a static `@AuraEnabled` method the org answers. */
  answers(route: string): Promise<boolean> {
    return this.call<boolean>('hasAuraMethod', route);
  }

  /** Runs due async jobs and deployments now. */
  tick(): Promise<number> {
    return this.call('tick');
  }

  reset(): Promise<void> {
    return this.call('reset');
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
