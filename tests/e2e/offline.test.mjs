// Flaky networks: the offline copy of the last good feed, revalidating requests (ETag /
// Last-Modified → 304), and the background refresh behind the "N new updates" banner.
//
//   cd tests/e2e && SPOILERFEED_DIST=../../dist node --test offline.test.mjs
//
// The widget is served from one server on 127.0.0.1, the feed from another (with CORS), which
// the tests stop and start again on the same port, and which records every request's headers.
// The refresh interval (60 s at least) runs on Playwright's fake clock, so nothing waits a
// minute; nothing waits a fixed time either: every check polls with a generous timeout.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { FEED_JSON, launchBrowser, startServer } from './server.mjs';
import { assertBuilt, dist, feedPage, openTestPage, retry } from './support.mjs';

/** How long any one condition may take to come true. */
const WAIT = 20_000;
/** The first render also compiles the wasm, which is slow on a busy machine. */
const FIRST_WAIT = 30_000;
const TEST_TIMEOUT = 120_000;

const VERSION = 'https://jsonfeed.org/version/1.1';
const NETWORK =
  "Couldn't reach the feed. You may be offline, or the feed's server doesn't allow this site to read it (CORS).";
const OFFLINE = "You're offline, so the feed couldn't be loaded.";

/** Retries `check` until it stops throwing; rethrows its last error after `timeout` ms. */
const eventually = (check, options = {}) => retry(check, { timeout: WAIT, ...options });

/** A feed of `count` spoiler-free updates, newest first, the newest dated `newest`, `step` ms apart. */
function makeFeed(count, { newest = Date.parse('2026-03-01T11:59:30Z'), prefix = 'old', step = 3_600_000 } = {}) {
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push({
      id: `${prefix}-${i}`,
      title: `Update ${prefix} ${i}`,
      content_text: `Filming news number ${i}: the crew moved to a new location and kept going.`,
      date_published: new Date(newest - i * step).toISOString(),
      _spoilerfeed: { level: 'none', kind: 'production', production: { stage: 'filming' } },
    });
  }
  return { version: VERSION, title: 'Flaky feed', _spoilerfeed: { show: 'Harbour Lights' }, items };
}

/**
 * The feed's server: answers /feed.json with CORS, an ETag and a Last-Modified, and 304 to a
 * matching If-None-Match (or, without one, an If-Modified-Since not older than the feed).
 * Records every request with its headers and the status sent. `stop()` closes the port (the
 * connection is refused); `start()` listens again on the same port.
 */
function feedServer(initial) {
  let version = 0;
  let body = '';
  let etag = '';
  let lastModified = '';
  const requests = [];
  const self = {
    requests,
    fail: null,
    port: 0,
    get url() {
      return `http://127.0.0.1:${self.port}/feed.json`;
    },
    get etag() {
      return etag;
    },
    get lastModified() {
      return lastModified;
    },
    /** Replaces the feed: a new ETag and a Last-Modified a minute later. */
    setFeed(feed) {
      version += 1;
      body = typeof feed === 'string' ? feed : JSON.stringify(feed);
      etag = `"feed-v${version}"`;
      lastModified = new Date(Date.parse('2026-03-01T10:00:00Z') + version * 60_000).toUTCString();
    },
    start() {
      return new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(self.port, '127.0.0.1', () => {
          self.port = server.address().port;
          ok();
        });
      });
    },
    stop() {
      return new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    },
    /** The requests for the feed, as `{ status, headers }`. */
    feedRequests() {
      return requests.filter((r) => r.path === '/feed.json' && r.method === 'GET');
    },
  };
  const server = createServer((req, res) => {
    const record = { method: req.method, path: new URL(req.url, 'http://x').pathname, headers: { ...req.headers }, status: null };
    requests.push(record);
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (self.fail) {
      record.status = self.fail;
      res.writeHead(self.fail, { ...cors, 'Content-Type': 'text/plain' });
      return res.end('failing on purpose');
    }
    const validators = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh = inm !== undefined ? inm.split(/\s*,\s*/).includes(etag) : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified);
    if (fresh) {
      record.status = 304;
      res.writeHead(304, { ...cors, ...validators });
      return res.end();
    }
    record.status = 200;
    const type = body.startsWith('<') ? 'application/rss+xml; charset=utf-8' : FEED_JSON;
    res.writeHead(200, { ...cors, ...validators, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  self.setFeed(initial);
  return self;
}

let browser;
let site;

before(async () => {
  assertBuilt('index.html', 'the site');
  browser = await launchBrowser();
  site = await startServer({ root: dist });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function openPage(t) {
  const { context, page, errors } = await openTestPage(t, browser, { viewport: { width: 800, height: 900 }, timeout: WAIT });
  return { context, page, pageErrors: errors };
}

async function startFeeds(t, feed) {
  const feeds = feedServer(feed);
  await feeds.start();
  t.after(() => feeds.stop());
  return feeds;
}

const pageFor = (feeds, query = '') => feedPage(site, feeds.url, query);

/** What the widget shows, read in one go. */
function view(page) {
  return page.evaluate(() => {
    const text = (s) => document.querySelector(s)?.textContent.trim() ?? null;
    return {
      cards: [...document.querySelectorAll('[data-testid="card"]')].map((el) => el.dataset.id),
      offline: text('[data-testid="offline"]'),
      error: text('[data-testid="error"]'),
      banner: text('[data-testid="new-updates"]'),
    };
  });
}

/** Waits until `check(view)` holds. */
async function until(page, check, timeout = WAIT) {
  return eventually(async () => {
    const now = await view(page);
    check(now);
    return now;
  }, { timeout });
}

test('offline: the last good feed is shown with a notice, and Retry brings the live one back', { timeout: TEST_TIMEOUT }, async (t) => {
  const feeds = await startFeeds(t, makeFeed(5));
  const { context, page, pageErrors } = await openPage(t);
  // A fixed clock, so the age of the offline copy is known exactly.
  await page.clock.install({ time: new Date('2026-03-01T12:00:00Z') });

  await page.goto(pageFor(feeds));
  const online = await until(page, (v) => assert.equal(v.cards.length, 5), FIRST_WAIT);
  assert.equal(online.offline, null);
  // The copy is written just after the cards are on screen, the body as it came.
  const saved = await page.waitForFunction(
    (url) => localStorage.getItem(`spoilerfeed:feed-saved:${url}`) && localStorage.getItem(`spoilerfeed:feed:${url}`),
    feeds.url,
    { timeout: FIRST_WAIT },
  );
  assert.equal(JSON.parse(await saved.jsonValue()).items.length, 5, 'a copy of the feed is kept in localStorage');

  // The feed's server goes away; two hours later the fan comes back.
  await feeds.stop();
  await page.clock.fastForward('02:00:00');
  await page.reload();
  const cached = await until(page, (v) => {
    assert.equal(v.offline, 'Offline: showing updates from 2 hours ago');
    assert.ok(v.error?.includes(NETWORK), `error card: ${v.error}`);
  }, FIRST_WAIT);
  assert.deepEqual(cached.cards, online.cards, 'the cached cards, in the same order');
  const retry = page.locator('[data-testid="error"]').getByRole('button', { name: 'Retry' });
  assert.ok(await retry.isVisible(), 'the error card offers Retry');

  // The browser itself goes offline: Retry says so, and still shows the copy.
  await context.setOffline(true);
  await retry.click();
  await until(page, (v) => {
    assert.ok(v.error?.includes(OFFLINE), `error card: ${v.error}`);
    assert.equal(v.offline, 'Offline: showing updates from 2 hours ago');
    assert.deepEqual(v.cards, online.cards);
  });

  // Back online, the server back on the same port: Retry shows the live feed, notice gone.
  await context.setOffline(false);
  await feeds.start();
  const before = feeds.feedRequests().length;
  await retry.click();
  const live = await until(page, (v) => {
    assert.equal(v.offline, null, 'the offline notice is gone');
    assert.equal(v.error, null, 'the error card is gone');
  });
  assert.deepEqual(live.cards, online.cards);
  assert.ok(feeds.feedRequests().length > before, 'Retry asked the server again');
  // Still usable.
  await page.locator('input[name="spoiler-level"][value="major"]').check();
  await until(page, (v) => assert.deepEqual(v.cards, online.cards));
  assert.deepEqual(pageErrors, []);
});

/** The same updates as `makeFeed(count)`, as an RSS 2.0 feed at level none. */
function makeRss(count) {
  const items = makeFeed(count).items.map(
    (item) => `<item><guid isPermaLink="false">${item.id}</guid><title>${item.title}</title>` +
      `<description>${item.content_text}</description><pubDate>${new Date(item.date_published).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:sf="urn:spoilerfeed:1"><channel><title>Flaky RSS</title>
<sf:show>Harbour Lights</sf:show><sf:default-level>none</sf:default-level>
${items.join('\n')}
</channel></rss>`;
}

test('an RSS feed: a 304 on reload and, with the server gone, the offline copy show the same cards', { timeout: TEST_TIMEOUT }, async (t) => {
  const feeds = await startFeeds(t, makeRss(3));
  const { page, pageErrors } = await openPage(t);
  await page.goto(pageFor(feeds));
  const online = await until(page, (v) => assert.deepEqual(v.cards, ['old-0', 'old-1', 'old-2']), FIRST_WAIT);
  await page.waitForFunction((url) => localStorage.getItem(`spoilerfeed:feed:${url}`)?.startsWith('<?xml'), feeds.url, { timeout: FIRST_WAIT });

  // Revalidated: the server answers 304 and the stored XML is read again.
  await page.reload();
  await until(page, (v) => {
    assert.deepEqual(v.cards, online.cards);
    assert.equal(v.error, null);
  }, FIRST_WAIT);
  assert.equal(feeds.feedRequests().at(-1).status, 304, 'the reload was answered with 304');

  // The server goes away: the offline copy, read from the stored XML.
  await feeds.stop();
  await page.reload();
  await until(page, (v) => {
    assert.match(v.offline ?? '', /^Offline: showing updates from/);
    assert.deepEqual(v.cards, online.cards);
  }, FIRST_WAIT);
  assert.deepEqual(pageErrors, []);
});

test('conditional requests: reload and Retry revalidate with If-None-Match, and a 304 still shows the cards', { timeout: TEST_TIMEOUT }, async (t) => {
  const feeds = await startFeeds(t, makeFeed(4));
  const { page, pageErrors } = await openPage(t);
  await page.goto(pageFor(feeds));
  const first = await until(page, (v) => assert.equal(v.cards.length, 4), FIRST_WAIT);
  let requests = feeds.feedRequests();
  assert.equal(requests.length, 1);
  assert.equal(requests[0].status, 200);
  assert.equal(requests[0].headers['if-none-match'], undefined, 'nothing to revalidate the first time');

  // Reload: the browser revalidates; the server says 304; the cards are the same.
  await page.reload();
  await eventually(() => assert.equal(feeds.feedRequests().length, 2));
  const second = await until(page, (v) => assert.equal(v.cards.length, 4), FIRST_WAIT);
  requests = feeds.feedRequests();
  assert.equal(requests[1].headers['if-none-match'], feeds.etag, 'the reload carries If-None-Match');
  assert.equal(requests[1].headers['if-modified-since'], feeds.lastModified, 'and If-Modified-Since');
  assert.equal(requests[1].status, 304);
  assert.deepEqual(second.cards, first.cards);
  assert.equal(second.error, null);
  assert.equal(second.offline, null);

  // The server goes away: the reload shows the offline copy and the error card.
  await feeds.stop();
  await page.reload();
  await until(page, (v) => {
    assert.ok(v.error?.includes(NETWORK), `error card: ${v.error}`);
    assert.deepEqual(v.cards, first.cards, 'the last good copy is shown');
    assert.match(v.offline ?? '', /^Offline: showing updates from /);
  }, FIRST_WAIT);

  // It comes back: Retry revalidates, gets a 304, and shows the feed.
  await feeds.start();
  let count = feeds.feedRequests().length;
  await page.locator('[data-testid="error"]').getByRole('button', { name: 'Retry' }).click();
  const recovered = await until(page, (v) => {
    assert.equal(v.error, null);
    assert.equal(v.offline, null);
  });
  assert.deepEqual(recovered.cards, first.cards);
  let retried = feeds.feedRequests().slice(count);
  assert.equal(retried.length, 1, 'one request for one Retry');
  assert.equal(retried[0].headers['if-none-match'], feeds.etag, 'Retry carries If-None-Match');
  assert.equal(retried[0].status, 304);

  // An HTTP error is told apart from a network failure, over the same offline copy...
  feeds.fail = 500;
  await page.reload();
  await until(page, (v) => {
    assert.ok(v.error?.includes("The feed's server answered with HTTP 500"), `error card: ${v.error}`);
    assert.deepEqual(v.cards, first.cards);
    // The network works, so the notice doesn't say "Offline".
    assert.match(v.offline ?? '', /^Showing the updates saved /);
  }, FIRST_WAIT);
  // ...and Retry recovers from it too. (Chromium drops its cached copy when a revalidation
  // gets a 500, so this request may be unconditional: either answer must show the feed.)
  feeds.fail = null;
  count = feeds.feedRequests().length;
  await page.locator('[data-testid="error"]').getByRole('button', { name: 'Retry' }).click();
  const again = await until(page, (v) => {
    assert.equal(v.error, null);
    assert.equal(v.offline, null);
  });
  assert.deepEqual(again.cards, first.cards);
  retried = feeds.feedRequests().slice(count);
  assert.equal(retried.length, 1);
  assert.ok([200, 304].includes(retried[0].status));
  assert.deepEqual(pageErrors, []);
});

test('auto-refresh: "3 new updates" waits behind a banner without moving the cards (fake clock)', { timeout: TEST_TIMEOUT }, async (t) => {
  const NOW = Date.parse('2026-03-01T12:00:00Z');
  const old = makeFeed(30, { newest: NOW - 30_000 });
  const feeds = await startFeeds(t, old);
  const { page, pageErrors } = await openPage(t);
  await page.clock.install({ time: new Date(NOW) });
  await page.goto(pageFor(feeds, '&refresh=60'));
  const start = await until(page, (v) => assert.equal(v.cards.length, 30), FIRST_WAIT);
  const newestTime = page.locator('[data-testid="card"]').first().locator('time');
  assert.equal((await newestTime.textContent()).trim(), 'just now');

  // Read the middle of the list: a card in view, away from the top.
  const reading = page.locator('[data-testid="card"]').nth(12);
  await reading.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -200));
  // Where the fan sees it: its id and its top edge in the viewport.
  const where = () => reading.evaluate((el) => ({ id: el.dataset.id, top: Math.round(el.getBoundingClientRect().top) }));
  const before = await where();
  assert.ok(await page.evaluate(() => window.scrollY > 0), 'scrolled down, away from the banner slot');
  assert.ok(before.top > 0 && before.top < 900, `the card is in view: ${JSON.stringify(before)}`);

  // A minute on, nothing new: the refresh revalidates (304) and shows no banner. The cards'
  // times are shown against the time of the last load, so "1 minute ago" proves it ran.
  await page.clock.fastForward('01:05');
  await eventually(() => assert.equal(feeds.feedRequests().length, 2, 'one refresh after 60 s'));
  assert.equal(feeds.feedRequests()[1].headers['if-none-match'], feeds.etag, 'the refresh revalidates');
  assert.equal(feeds.feedRequests()[1].status, 304);
  await eventually(async () => assert.equal((await newestTime.textContent()).trim(), '1 minute ago'));
  assert.equal((await view(page)).banner, null, 'no banner when nothing is new');

  // Three updates are published; the next refresh finds them.
  const fresh = makeFeed(3, { newest: NOW + 60_000, prefix: 'new', step: 10_000 });
  feeds.setFeed({ ...old, items: [...fresh.items, ...old.items] });
  await page.clock.fastForward('01:05');
  const pending = await until(page, (v) => assert.equal(v.banner, '3 new updates'));
  assert.equal(feeds.feedRequests().length, 3);
  assert.equal(feeds.feedRequests()[2].status, 200);

  // Nothing moved: same cards, same first card, the card being read where it was.
  assert.deepEqual(pending.cards, start.cards, 'the list is unchanged until the fan asks');
  assert.deepEqual(await where(), before, 'the card being read has not moved');
  const banner = page.locator('[data-testid="new-updates"]');
  const box = await banner.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `the banner is in view while reading: ${JSON.stringify(box)}`);
  assert.equal((await page.locator('[data-testid="live"]').textContent()).trim(), '3 new updates available');

  // Asked for, they show: newest first, banner gone.
  await banner.click();
  const shown = await until(page, (v) => {
    assert.equal(v.banner, null);
    assert.equal(v.cards.length, 33);
  });
  assert.deepEqual(shown.cards.slice(0, 3), ['new-0', 'new-1', 'new-2']);
  assert.deepEqual(shown.cards.slice(3), start.cards);
  assert.deepEqual(pageErrors, []);
});

test('auto-refresh: a failed refresh changes nothing the fan sees (fake clock)', { timeout: TEST_TIMEOUT }, async (t) => {
  const feeds = await startFeeds(t, makeFeed(5));
  const { page, pageErrors } = await openPage(t);
  await page.clock.install({ time: new Date('2026-03-01T12:00:00Z') });
  await page.goto(pageFor(feeds, '&refresh=60'));
  const start = await until(page, (v) => assert.equal(v.cards.length, 5), FIRST_WAIT);
  feeds.fail = 503;
  await page.clock.fastForward('01:05');
  await eventually(() => assert.equal(feeds.feedRequests().at(-1).status, 503));
  // The next refresh works again and finds one new update: the failure left the list intact.
  feeds.fail = null;
  feeds.setFeed(makeFeed(6, { newest: Date.parse('2026-03-01T12:01:00Z'), prefix: 'old' }));
  await page.clock.fastForward('01:05');
  const after = await until(page, (v) => assert.equal(v.banner, '1 new update'));
  assert.equal(after.error, null, 'no error card for a background failure');
  assert.equal(after.offline, null);
  assert.deepEqual(after.cards, start.cards);
  assert.deepEqual(pageErrors, []);
});
