// Checks of the harness itself (server.mjs), independent of the widget: content
// types, routes that change at run time, headers, and the browser launch.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEED_JSON, json, launchBrowser, startServer, status } from './server.mjs';

// The smallest valid WebAssembly module: magic number and version.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

const PAGE = `<!doctype html>
<html><head><link rel="stylesheet" href="style.css"></head>
<body><p id="status">loading</p><script type="module" src="app.js"></script></body></html>`;

const APP = `
const status = document.getElementById('status');
async function check() {
  await WebAssembly.instantiateStreaming(fetch('empty.wasm'));
  const feed = await fetch('/feed.json');
  status.textContent = feed.ok ? 'feed ' + (await feed.json()).title : 'feed ' + feed.status;
}
document.body.addEventListener('click', () => check().catch((e) => { status.textContent = 'error ' + e; }));
check().catch((e) => { status.textContent = 'error ' + e; });
`;

let root;
let server;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spoilerfeed-harness-'));
  await writeFile(join(root, 'index.html'), PAGE);
  await writeFile(join(root, 'app.js'), APP);
  await writeFile(join(root, 'style.css'), 'body { font-family: sans-serif; }');
  await writeFile(join(root, 'empty.wasm'), EMPTY_WASM);
  await writeFile(join(root, 'data.json'), '{"ok":true}');
  server = await startServer({
    root,
    headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
    routes: { '/feed.json': json({ title: 'Sample' }, { type: FEED_JSON }) },
  });
});

after(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

test('serves files with their content types', async () => {
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8',
    '/style.css': 'text/css; charset=utf-8',
    '/empty.wasm': 'application/wasm',
    '/data.json': 'application/json; charset=utf-8',
    '/feed.json': FEED_JSON,
  };
  for (const [path, type] of Object.entries(expected)) {
    const res = await fetch(server.url + path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), type, path);
    assert.match(res.headers.get('content-security-policy'), /default-src 'self'/, path);
    await res.arrayBuffer();
  }
  assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
});

test('does not serve files outside its root', async () => {
  // fetch() would normalise the path, so send it as it is.
  const code = await new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port: server.port, path: '/..%2f..%2fetc%2fpasswd' }, (res) => {
      res.resume();
      ok(res.statusCode);
    })
      .on('error', fail)
      .end();
  });
  assert.equal(code, 403);
});

test('routes can be switched while a page uses them', { timeout: 30_000 }, async (t) => {
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const statusText = page.locator('#status');

  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'feed Sample');

  server.setRoute('/feed.json', status(503));
  await page.click('body');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'feed 503');

  server.setRoute('/feed.json', json({ title: 'Back' }));
  await page.click('body');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'feed Back');
  assert.equal(await statusText.textContent(), 'feed Back');

  server.setRoute('/feed.json', json({ title: 'Sample' }, { type: FEED_JSON }));
  assert.ok(server.requests.includes('GET /empty.wasm'));
});

test('with gzip, serves text and wasm gzipped to a request that accepts it', async (t) => {
  const zipped = await startServer({ root, gzip: true });
  t.after(() => zipped.close());
  const get = (path, encoding, port = zipped.port) => new Promise((ok, fail) => {
    const headers = encoding === undefined ? {} : { 'Accept-Encoding': encoding };
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
  for (const [path, expected] of [['/app.js', Buffer.from(APP)], ['/empty.wasm', EMPTY_WASM]]) {
    const packed = await get(path, 'gzip, deflate, br');
    assert.equal(packed.headers['content-encoding'], 'gzip', path);
    assert.equal(packed.headers.vary, 'Accept-Encoding', path);
    assert.equal(Number(packed.headers['content-length']), packed.body.length, path);
    assert.deepEqual(gunzipSync(packed.body), expected, path);
    const plain = await get(path, undefined);
    assert.equal(plain.headers['content-encoding'], undefined, `${path} without Accept-Encoding`);
    assert.deepEqual(plain.body, expected, path);
    const refused = await get(path, 'gzip;q=0, identity');
    assert.equal(refused.headers['content-encoding'], undefined, `${path} with gzip refused`);
  }
  // A page in the browser reads gzipped files as it reads plain ones.
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await browser.newPage();
  await page.goto(`${zipped.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('status').textContent !== 'loading');
  assert.equal(await page.textContent('#status'), 'feed 404', 'the wasm compiled from a gzipped response');
  // Without the option, nothing is compressed.
  assert.equal((await get('/app.js', 'gzip', server.port)).headers['content-encoding'], undefined);
});
