// A blocking HTTP client for the emulated Apex's callouts: reads one request as JSON on stdin
// ({ method, url, headers, body, timeoutMs }), performs it, and prints the answer as JSON
// ({ status, statusText, headers, body } or { error }). Run with execFileSync by the worker that runs the emulator.
'use strict';
const http = require('node:http');
const https = require('node:https');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const req = JSON.parse(input);
  const url = new URL(req.url);
  const client = url.protocol === 'https:' ? https : http;
  const done = (answer) => {
    process.stdout.write(JSON.stringify(answer));
    process.exit(0);
  };
  const request = client.request(url, { method: req.method, headers: req.headers, timeout: req.timeoutMs }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const headers = {};
      for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
      done({
        status: res.statusCode,
        statusText: res.statusMessage || '',
        headers,
        body: Buffer.concat(chunks).toString('utf8')
      });
    });
  });
  request.on('timeout', () => {
    request.destroy();
    done({ error: 'timeout' });
  });
  request.on('error', (e) => done({ error: `Unable to tunnel through proxy. ${e.message}` }));
  if (req.body !== null && req.body !== undefined) request.write(req.body);
  request.end();
});
