/**
 * The preview's HTTP server: the pages, the built bundles, SLDS assets, and the emulated org (emulated-org/) that
 * answers the components' Apex calls with the Apex itself, the UI API from its records, and the Apex REST webhook
 * endpoint. Loopback only unless `host` says otherwise.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_OUT_DIR, REPO_ROOT } from './build';
import { EmulatedOrg, type PreviewUserKind } from './emulated-org/host';
import { cacheControlFor, HttpError, readJsonObject, sendFile, sendJson, sendText } from './http-util';
import { WEBHOOK_EVENTS } from './mock-aloware/events';
import { DEFAULT_TOKEN, FAILURE_MODES, startMockAloware, type MockAloware } from './mock-aloware/server';
import { PAGES } from './pages';
import { PRELOAD_MANIFEST } from './preload';

const SLDS_ASSETS = path.join(REPO_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const STATIC_RESOURCES = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'staticresources');
const APP_DIR = path.join(import.meta.dirname, 'app');

/** The Apex REST webhook endpoint (`AlowareWebhookResource`'s urlMapping under /services/apexrest). */
export const WEBHOOK_PATH = '/services/apexrest/aloware/v1/webhooks';
/** A mapping deployment that maps a row to this Lead field fails (a subscriber-org failure, simulated). */
export const DEPLOY_FAILURE_FIELD = 'Partner_Notes_Text__c';

export interface PreviewServerOptions {
  /** 0: any free port. */
  port?: number;
  host?: string;
  outDir?: string;
  /** Mock Aloware API port (0: any free port). */
  mockPort?: number;
  /** Log each Apex call with its duration. */
  logRequests?: boolean;
  /** Epoch ms of the newest generated sync-log entry (default: now). */
  anchor?: number;
  /** Generated sync-log entries (default 100,000). */
  logEntries?: number;
  /** How long a delayed Queueable (a backoff retry) waits in the preview, ms (default 3000). */
  queueDelayMs?: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The emulated org (force-app in the Apex emulator, with the sample data). */
  org: EmulatedOrg;
  mock: MockAloware;
  /** Fresh org data and mock data (tests call it between scenarios). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The page's entry and its static chunks, from the build's manifest (none listed when it is missing). */
function preloadsOf(outDir: string, bundle: string): string[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, PRELOAD_MANIFEST), 'utf8')) as Record<
      string,
      string[]
    >;
    return manifest[bundle] ?? [];
  } catch {
    return [];
  }
}

function pageHtml(title: string, bundle: string, preloads: readonly string[]): string {
  const links = preloads.map((file) => `<link rel="modulepreload" href="/build/${file}">\n`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/app/preview.css">
${links}<script type="module" src="/build/${bundle}.js"></script>
</head>
<body>
<div class="slds-p-around_large slds-text-color_weak" role="status">Loading the preview…</div>
</body>
</html>
`;
}

/** The running user the page asked for (`?user=` / `?perm=none`, sent by the stand-ins as a header). */
function userOf(req: http.IncomingMessage): PreviewUserKind {
  const user = req.headers['x-preview-user'];
  if (user === 'rep' || user === 'none') return user;
  return req.headers['x-preview-perm'] === 'none' ? 'none' : 'admin';
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const host = options.host ?? '127.0.0.1';
  const mock = await startMockAloware({ port: options.mockPort ?? 0 });
  const anchor = options.anchor ?? Date.now();
  const org = await EmulatedOrg.start({
    root: REPO_ROOT,
    alowareUrl: mock.url,
    anchor,
    logEntries: options.logEntries,
    apiToken: DEFAULT_TOKEN,
    queueDelayMs: options.queueDelayMs,
    deployFailureField: DEPLOY_FAILURE_FIELD
  });
  let webhookUrl = '';
  let lastSecret: string | null = null;
  const syncWebhookTarget = (): void => {
    if (!webhookUrl || org.webhookSecret === lastSecret) return;
    lastSecret = org.webhookSecret;
    mock.setWebhookTarget({ url: webhookUrl, secret: org.webhookSecret });
  };

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const route = url.pathname;
    const done = (): void => {
      if (options.logRequests && (route.startsWith('/api/') || route.startsWith('/services/'))) {
        console.log(`${req.method} ${route} ${res.statusCode} ${(performance.now() - started).toFixed(1)} ms`);
      }
    };
    res.on('finish', done);
    (async () => {
      const page = PAGES.find((p) => p.route === route);
      if (req.method === 'GET' && page) {
        sendText(res, 200, pageHtml(page.title, page.name, preloadsOf(outDir, page.name)), 'text/html; charset=utf-8');
        return;
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        for (const [prefix, root] of [
          ['/build/', outDir],
          ['/assets/', SLDS_ASSETS],
          ['/app/', APP_DIR],
          ['/resources/', STATIC_RESOURCES]
        ] as const) {
          if (!route.startsWith(prefix)) continue;
          if (sendFile(req, res, root, route.slice(prefix.length), cacheControlFor(route))) return;
        }
        if (route === '/api/preview/info') {
          sendJson(res, 200, {
            mockAlowareUrl: mock.url,
            failureMode: mock.failureMode(),
            failureModes: FAILURE_MODES,
            events: WEBHOOK_EVENTS,
            leads: await org.leadSummaries()
          });
          return;
        }
        if (route === '/api/preview/activities') {
          // The Lead's Activity timeline (the shell draws it as Lightning's activity panel would).
          const leadId = url.searchParams.get('leadId') ?? '';
          sendJson(res, /^[a-zA-Z0-9]{15,18}$/.test(leadId) ? 200 : 400, await org.leadActivities(leadId));
          return;
        }
        if (route === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
      }
      if (req.method === 'POST' && route.startsWith('/api/apex/')) {
        const answer = await org.callAuraJson(
          decodeURIComponent(route.slice('/api/apex/'.length)),
          await readJsonObject(req),
          userOf(req)
        );
        syncWebhookTarget();
        sendText(res, answer.status, answer.json, 'application/json; charset=utf-8');
        return;
      }
      if (req.method === 'POST' && route.startsWith('/api/ui/')) {
        const answer = await org.uiApi(route.slice('/api/ui/'.length), await readJsonObject(req), userOf(req));
        sendJson(res, answer.status, answer.body);
        return;
      }
      if (req.method === 'POST' && route === '/api/preview/aloware-failure') {
        const body = await readJsonObject(req);
        mock.setFailure(typeof body.mode === 'string' ? body.mode : 'none');
        sendJson(res, 200, { mode: mock.failureMode() });
        return;
      }
      if (req.method === 'POST' && route === '/api/preview/emit') {
        // The footer's "Send webhook": the mock Aloware account delivers the event for the Lead's contact.
        const body = await readJsonObject(req);
        const lead = (await org.leadSummaries()).find((l) => l.id === String(body.leadId ?? ''));
        if (!lead) {
          sendJson(res, 404, { message: 'No such Lead in the preview.' });
          return;
        }
        if (!lead.phone || !mock.directory.findByPhone(lead.phone)) {
          sendJson(res, 409, {
            message:
              'Aloware has no contact for this Lead yet: edit and save the Lead so that the sync pushes it first.'
          });
          return;
        }
        syncWebhookTarget();
        const delivered =
          body.again === true
            ? await mock.redeliver()
            : await mock.emit(String(body.event ?? ''), { phone: lead.phone });
        const first = delivered[0];
        sendJson(res, first && first.status < 300 ? 200 : 502, {
          message: `${first?.event ?? String(body.event)} → ${first?.status ?? 'not sent'}. See the card and the sync log.`
        });
        return;
      }
      if (route.startsWith('/services/apexrest/')) {
        // The org's Apex REST endpoint (the Site): the real authentication and inbound path.
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
        const result = await org.rest({
          method: req.method ?? 'GET',
          path: route + url.search,
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
          remoteAddress: req.socket.remoteAddress ?? '127.0.0.1'
        });
        res.writeHead(result.status, result.headers);
        res.end(result.body);
        return;
      }
      sendJson(res, 404, { message: `Not found: ${req.method} ${route}` });
    })().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  webhookUrl = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  syncWebhookTarget();
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    org,
    mock,
    async reset() {
      mock.reset();
      await org.reset();
      lastSecret = null;
      syncWebhookTarget();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await org.close();
      await mock.close();
    }
  };
}
