/**
 * `npm start`: builds the real components (scripts/preview/build.ts) and serves the preview on `PORT` (default 3000):
 * `/` the Aloware Setup page, `/lead` a Lead record page with the engagement card, backed by force-app's Apex run by
 * the Apex emulator (scripts/preview/emulated-org/). The mock Aloware API runs on a loopback port of its own
 * (`MOCK_ALOWARE_PORT`, default: any free port).
 *
 * Environment: `PORT`, `HOST` (default 127.0.0.1; `0.0.0.0` to reach it from another machine), `MOCK_ALOWARE_PORT`,
 * `PREVIEW_LOG=1` (log each Apex call with its duration).
 */
import { buildPreview } from './build';
import { startPreviewServer } from './server';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const listenPort = port('PORT', 3000);
  const mockPort = port('MOCK_ALOWARE_PORT', 0);
  console.log('Building the components (LWC compiler, synthetic shadow, lightning-base-components)…');
  const build = await buildPreview();
  for (const warning of build.warnings) console.warn(`warning: ${warning}`);
  for (const missing of build.missing)
    console.warn(`warning: ${missing} is not in force-app yet: its page shows a notice`);
  console.log(
    `Built ${build.components.size} components in ${(build.millis / 1000).toFixed(1)} s (${(build.bytes / 1e6).toFixed(1)} MB with source maps).`
  );
  console.log('Loading force-app into the Apex emulator and the sample data (100,000 sync-log entries)…');
  const server = await startPreviewServer({
    port: listenPort,
    host: process.env.HOST || '127.0.0.1',
    mockPort,
    logRequests: process.env.PREVIEW_LOG === '1'
  });
  const t = server.org.times;
  console.log(
    `Emulated org ready in ${(t.totalMillis / 1000).toFixed(1)} s (force-app ${(t.loadMillis / 1000).toFixed(1)} s, sample data and setup ${(t.seedMillis / 1000).toFixed(1)} s).`
  );
  console.log(`Mock Aloware API: ${server.mock.url} (token "preview-token")`);
  console.log(`Aloware Setup:    ${server.url}`);
  console.log(`Lead page:        ${server.url}lead`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error && typeof error === 'object' && (error as { code?: string }).code === 'EADDRINUSE') {
    console.error(`Port ${process.env.PORT ?? 3000} is in use: set PORT to another port (PORT=3001 npm start).`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
