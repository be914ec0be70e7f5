/**
 * The preview's HTTP server: the pages, the built bundles, SLDS assets, and the dev API that stands in for the
 * components' Apex controllers and the UI API. Loopback only unless `host` says otherwise.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_OUT_DIR, REPO_ROOT } from './build';
import { runWithContext } from './dev-api/context';
import { apexRoutes } from './dev-api/routes';
import { WEBHOOK_PATH } from './dev-api/settings';
import { createPreviewState, type PreviewState } from './dev-api/state';
import { handleUiApi } from './dev-api/ui-api';
import { HttpError, readJsonObject, sendFile, sendJson, sendText } from './http-util';
import { startMockAloware, type MockAloware } from './mock-aloware/server';
import { PAGES } from './pages';

const SLDS_ASSETS = path.join(REPO_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const STATIC_RESOURCES = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'staticresources');
const APP_DIR = path.join(import.meta.dirname, 'app');

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
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The current in-memory org (replaced by {@link PreviewServer.reset}). */
  readonly state: PreviewState;
  mock: MockAloware;
  /** Fresh state and mock data (tests call it between scenarios). */
  reset(): void;
  close(): Promise<void>;
}

function pageHtml(title: string, bundle: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/app/preview.css">
<script type="module" src="/build/${bundle}.js"></script>
</head>
<body>
<div class="slds-p-around_large slds-text-color_weak" role="status">Loading the preview…</div>
</body>
</html>
`;
}

/** The page's `?perm=none` switch, sent by the stand-ins as a header. */
function permissionsOf(req: http.IncomingMessage): boolean {
  return req.headers['x-preview-perm'] !== 'none';
}

async function handleApex(
  state: PreviewState,
  route: string,
  req: http.IncomingMessage,
  res: http.ServerResponse
): Promise<void> {
  const handler = Object.hasOwn(apexRoutes, route) ? apexRoutes[route] : undefined;
  if (!handler) {
    sendJson(res, 404, {
      message: `No dev API route for Apex method ${route}. Add it to scripts/preview/dev-api/routes.ts.`,
      exceptionType: 'System.NoSuchMethodException'
    });
    return;
  }
  const args = await readJsonObject(req);
  const unknown = Object.keys(args).filter((k) => !handler.params.includes(k));
  if (unknown.length > 0) {
    // Aura refuses parameters the method does not declare: a component bug worth seeing here too.
    sendJson(res, 400, {
      message: `${route} has no parameter ${unknown.join(', ')} (parameters: ${handler.params.join(', ') || 'none'}).`,
      exceptionType: 'System.TypeException'
    });
    return;
  }
  try {
    const result = await runWithContext({ permissions: permissionsOf(req) }, () => handler.handle(args));
    sendJson(res, 200, result ?? null);
  } catch (error) {
    sendJson(res, 500, state.errorBody(error));
  }
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const host = options.host ?? '127.0.0.1';
  const mock = await startMockAloware({ port: options.mockPort ?? 0 });
  const anchor = options.anchor ?? Date.now();
  let state = createPreviewState({ alowareBaseUrl: mock.url, mock, anchor });

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const route = url.pathname;
    const done = (): void => {
      if (options.logRequests && route.startsWith('/api/')) {
        console.log(`${req.method} ${route} ${res.statusCode} ${(performance.now() - started).toFixed(1)} ms`);
      }
    };
    res.on('finish', done);
    (async () => {
      const page = PAGES.find((p) => p.route === route);
      if (req.method === 'GET' && page) {
        sendText(res, 200, pageHtml(page.title, page.name), 'text/html; charset=utf-8');
        return;
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        for (const [prefix, root] of [
          ['/build/', outDir],
          ['/assets/', SLDS_ASSETS],
          ['/app/', APP_DIR],
          ['/resources/', STATIC_RESOURCES]
        ] as const) {
          if (route.startsWith(prefix) && sendFile(res, root, route.slice(prefix.length))) return;
        }
        if (route === '/api/preview/info') {
          sendJson(res, 200, state.previewInfo());
          return;
        }
        if (route === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
      }
      if (req.method === 'POST' && route.startsWith('/api/apex/')) {
        await handleApex(state, decodeURIComponent(route.slice('/api/apex/'.length)), req, res);
        return;
      }
      if (req.method === 'POST' && route.startsWith('/api/ui/')) {
        const body = await readJsonObject(req);
        const result = handleUiApi(state, route.slice('/api/ui/'.length), body, permissionsOf(req));
        sendJson(res, result.status, result.body);
        return;
      }
      if (req.method === 'POST' && route === '/api/preview/aloware-failure') {
        const body = await readJsonObject(req);
        mock.setFailure(typeof body.mode === 'string' ? body.mode : 'none');
        sendJson(res, 200, { mode: mock.failureMode() });
        return;
      }
      if (req.method === 'POST' && route === '/api/preview/emit') {
        const body = await readJsonObject(req);
        const result = await state.simulateEvent(String(body.event ?? ''), String(body.leadId ?? ''));
        sendJson(res, result.status, { message: result.message });
        return;
      }
      if (req.method === 'POST' && route === WEBHOOK_PATH) {
        // The Apex REST webhook endpoint's stand-in: the mock Aloware API delivers generated events here.
        const result = await state.receiveWebhook(
          req.headers.authorization ?? '',
          url.searchParams.get('token'),
          await readJsonObject(req)
        );
        sendJson(res, result.status, result.body);
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
  const webhookUrl = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  state.setWebhookUrl(webhookUrl);
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    get state() {
      return state;
    },
    mock,
    reset() {
      mock.reset();
      state = createPreviewState({ alowareBaseUrl: mock.url, mock, anchor });
      state.setWebhookUrl(webhookUrl);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
    }
  };
}
