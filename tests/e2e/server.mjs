// Test harness for the end-to-end tests: a small static file server and a
// headless Chromium launcher.
//
//   const server = await startServer({ root: distDir, routes: { '/feed.json': json(feed) } });
//   server.setRoute('/feed.json', status(503));   // the feed breaks...
//   server.setRoute('/feed.json', json(feed));    // ...and recovers
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   await page.goto(`${server.url}/index.html`);
//   ...
//   await browser.close();
//   await server.close();

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync, constants as zlib } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

/** Content types by file extension. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The content type of a JSON Feed document (https://jsonfeed.org/version/1.1). */
export const FEED_JSON = 'application/feed+json';

/**
 * Starts a static file server on 127.0.0.1, on a free port.
 *
 * @param {object} [options]
 * @param {string} [options.root] directory served for paths no route claims
 * @param {Record<string, Function>} [options.routes] handlers by exact path
 *   (query string ignored): `(req, res) => void`, writing the response; see
 *   `json`, `text`, `status`, `file` for ready-made ones
 * @param {Record<string, string>} [options.headers] headers added to every
 *   response, such as a Content-Security-Policy (a route may override them)
 * @param {Record<string, string>} [options.types] content types by path
 *   (such as `{ '/sample-feed.json': FEED_JSON }`), overriding MIME_TYPES
 * @param {boolean} [options.gzip] serve files from `root` gzipped (level 9,
 *   `Content-Encoding: gzip`) to a request that accepts it, as a web server
 *   set up for production does; images and fonts stay as they are
 * @returns {Promise<{url: string, port: number, requests: string[],
 *   setRoute: (path: string, handler?: Function|null) => void,
 *   close: () => Promise<void>}>} `requests` lists every request as
 *   "METHOD /path?query", in order
 */
export async function startServer({ root, routes = {}, headers = {}, types = {}, gzip = false } = {}) {
  const table = new Map(Object.entries(routes));
  const base = root === undefined ? undefined : resolve(root);
  const requests = [];
  // Gzipped files by path, kept while the file's size and time are the same.
  const gzipped = gzip ? new Map() : null;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    try {
      const route = table.get(url.pathname);
      if (route) {
        await route(req, res);
      } else if (base !== undefined) {
        await serveStatic(base, url.pathname, types, req, res, gzipped);
      } else {
        sendText(res, 404, 'not found');
      }
    } catch (err) {
      if (!res.headersSent) sendText(res, 500, `test server error: ${err.message}`);
      else res.destroy(err);
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Sets, replaces or (with no handler) removes the route of `path`. */
    setRoute(path, handler) {
      if (handler) table.set(path, handler);
      else table.delete(path);
    },
    /** Stops the server, dropping open connections. */
    close() {
      return new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    },
  };
}

/** Types worth compressing: text and wasm, not images or fonts (compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json|feed\+json|xml|rss\+xml|atom\+xml)|image\/svg\+xml)/;

/** Whether the request's Accept-Encoding takes gzip (and doesn't refuse it with q=0). */
function acceptsGzip(req) {
  return String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s*;\s*/))
    .some(([coding, ...params]) => (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
}

async function serveStatic(base, pathname, types, req, res, gzipped) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'method not allowed');
  }
  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return sendText(res, 400, 'bad path');
  }
  let path = resolve(join(base, relative));
  if (path !== base && !path.startsWith(base + sep)) return sendText(res, 403, 'forbidden');
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) return sendText(res, 404, 'not found');
  const type = types[pathname] ?? MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  if (gzipped && COMPRESSIBLE.test(type)) {
    res.setHeader('Vary', 'Accept-Encoding');
    if (acceptsGzip(req)) {
      let entry = gzipped.get(path);
      if (!entry || entry.size !== info.size || entry.mtimeMs !== info.mtimeMs) {
        const body = gzipSync(await readFile(path), { level: zlib.Z_BEST_COMPRESSION });
        entry = { size: info.size, mtimeMs: info.mtimeMs, body };
        gzipped.set(path, entry);
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': entry.body.length });
      return res.end(req.method === 'HEAD' ? undefined : entry.body);
    }
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size });
  if (req.method === 'HEAD') return res.end();
  await new Promise((ok, fail) => {
    createReadStream(path).on('error', fail).pipe(res).on('finish', ok).on('error', fail);
  });
}

function sendText(res, code, body) {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

/**
 * A route answering with `body` as JSON (a string is sent as it is).
 * @param {unknown} body
 * @param {{status?: number, type?: string, headers?: Record<string, string>, delayMs?: number}} [options]
 *   `type` defaults to application/json; use FEED_JSON for a JSON Feed
 */
export function json(body, { status: code = 200, type = 'application/json; charset=utf-8', headers = {}, delayMs = 0 } = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return async (_req, res) => {
    if (delayMs > 0) await new Promise((ok) => setTimeout(ok, delayMs));
    res.writeHead(code, { 'Content-Type': type, ...headers });
    res.end(payload);
  };
}

/** A route answering with plain text (or another `type`). */
export function text(body, { status: code = 200, type = 'text/plain; charset=utf-8', headers = {} } = {}) {
  return (_req, res) => {
    res.writeHead(code, { 'Content-Type': type, ...headers });
    res.end(body);
  };
}

/** A route answering with only a status code, such as 500 or 503. */
export function status(code, body = '') {
  return text(body, { status: code });
}

/** A route answering with a file from disk (a sample feed, a fixture). */
export function file(path, { type, headers = {} } = {}) {
  return async (req, res) => {
    const info = await stat(path);
    res.writeHead(200, {
      'Content-Type': type ?? MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      ...headers,
    });
    if (req.method === 'HEAD') return res.end();
    await new Promise((ok, fail) => {
      createReadStream(path).on('error', fail).pipe(res).on('finish', ok).on('error', fail);
    });
  };
}

/** Chromium's arguments for a closed network, as root, without a display. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium ($CHROMIUM, default /usr/bin/chromium) headless
 * through playwright-core. Extra launch options are passed on.
 */
export function launchBrowser(options = {}) {
  const { args = [], ...rest } = options;
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    ...rest,
  });
}
