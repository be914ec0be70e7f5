/**
 * The preview serves its files as a web server serves versioned resources: each answer carries a validator, an
 * unchanged file is answered 304 to a revalidation (RFC 9110 §13.1.2, §15.4.5), and content-hashed chunks are cached
 * without revalidation. The browser then keeps its compiled scripts across navigations, as it does in an org.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cacheControlFor, sendFile } from '../http-util';

let root: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-http-'));
  fs.writeFileSync(path.join(root, 'page.js'), 'export const a = 1;\n');
  server = http.createServer((req, res) => {
    const route = new URL(req.url ?? '/', 'http://x').pathname;
    if (!sendFile(req, res, root, route.slice(1), cacheControlFor(route))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('sendFile', () => {
  it('should answer a file with its type, a validator and the policy asked for', async () => {
    const response = await fetch(`${base}/page.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('export const a = 1;\n');
  });

  it('should answer 304 without a body when the request presents the current validator, weakly compared', async () => {
    const etag = (await fetch(`${base}/page.js`)).headers.get('etag') ?? '';

    for (const presented of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
      const response = await fetch(`${base}/page.js`, { headers: { 'If-None-Match': presented } });
      expect([presented, response.status]).toEqual([presented, 304]);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
  });

  it('should answer the new content when the file changed since the validator was given', async () => {
    const etag = (await fetch(`${base}/page.js`)).headers.get('etag') ?? '';
    fs.writeFileSync(path.join(root, 'page.js'), 'export const a = 22;\n');
    fs.utimesSync(path.join(root, 'page.js'), new Date(), new Date(Date.now() + 5000));

    const response = await fetch(`${base}/page.js`, { headers: { 'If-None-Match': etag } });

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).not.toBe(etag);
    expect(await response.text()).toBe('export const a = 22;\n');
  });

  it('should not serve a path that leaves the root, nor a missing file', async () => {
    expect((await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });
});

describe('cacheControlFor', () => {
  it('should cache content-hashed chunks without revalidation and revalidate everything else', () => {
    expect(cacheControlFor('/build/chunks/formattedNumber-C8H3TCOp.js')).toBe('public, max-age=31536000, immutable');
    for (const route of ['/build/setup.js', '/build/preload.json', '/assets/styles/slds.css', '/app/shell.js']) {
      expect([route, cacheControlFor(route)]).toEqual([route, 'no-cache']);
    }
  });
});
