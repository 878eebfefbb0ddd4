// The fan's tests: the release build in dist/ driven in headless Chromium the way a fan (and a
// fan-site maintainer) uses it. Every expectation about which updates are cards and which are
// placeholders is computed here from the feed's JSON, independently of the widget.
//
//   cd tests/e2e && SPOILERFEED_DIST=../../dist node --test fan.test.mjs
//
// Everything is served on 127.0.0.1: the widget from one server, feeds from another (with
// CORS), host pages for the embed snippets from a third. Nothing waits a fixed time: every
// check polls (`eventually`) or uses Playwright's auto-waiting, with generous timeouts, so a
// slow, busy machine only makes the run longer.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FEED_JSON, file, json, launchBrowser, startServer, status, text } from './server.mjs';
import {
  CORS,
  assertBuilt,
  bundledSample,
  dist,
  feedPage,
  fixtures,
  itemRef,
  openBuilder,
  openTestPage,
  output,
  retry,
  sampleFile,
} from './support.mjs';

/** The build ships the sample feed; serve the repository's copy only if it doesn't. */
const sampleRoutes = (headers = {}) =>
  bundledSample ? {} : { '/sample-feed.json': file(sampleFile, { type: FEED_JSON, headers }) };

/** How long any one condition may take to come true. */
const WAIT = 15_000;
/** The first render also compiles the wasm, which is slow on a busy machine. */
const FIRST_WAIT = 30_000;
/** Per test: several page loads each. */
const TEST_TIMEOUT = 180_000;

// ---------------------------------------------------------------------------------------------
// The model: what the fan should see, from the feed's JSON alone.

const LEVELS = ['none', 'mild', 'moderate', 'major'];
const KINDS = ['production', 'cast', 'release', 'other'];
const LABELS = { none: 'None', mild: 'Mild', moderate: 'Moderate', major: 'Major' };
const NOUNS = {
  production: 'production update',
  cast: 'cast update',
  release: 'release update',
  other: 'news update',
};

/** The items as the widget should classify them (fail closed: no level means major). */
function model(feed) {
  const ext = feed._spoilerfeed ?? {};
  const fallback = LEVELS.includes(ext.default_level) ? ext.default_level : 'major';
  return feed.items.map((item) => {
    const own = item._spoilerfeed ?? {};
    return {
      id: item.id,
      ref: itemRef(item.id),
      level: LEVELS.includes(own.level) ? own.level : fallback,
      kind: KINDS.includes(own.kind) ? own.kind : 'other',
      show: own.show ?? ext.show ?? null,
    };
  });
}

/**
 * Which items are cards and which placeholders for the fan's choices.
 * @returns {{cards: string[], placeholders: string[], hidden: number}} cards by id,
 *   placeholders by ref, both sorted
 */
function expectedView(items, { level = 'none', kinds = KINDS, show = null, revealed = [] } = {}) {
  const listed = items.filter((item) => kinds.includes(item.kind) && (show === null || item.show === show));
  const visible = (item) =>
    LEVELS.indexOf(item.level) <= LEVELS.indexOf(level) || revealed.includes(item.id);
  const cards = listed.filter(visible).map((item) => item.id).sort();
  const placeholders = listed.filter((item) => !visible(item)).map((item) => item.ref).sort();
  return { cards, placeholders, hidden: placeholders.length };
}

/** "4 updates hidden above Mild", or null when nothing is hidden. */
function hiddenCountText(hidden, level) {
  if (hidden === 0) return null;
  return `${hidden} update${hidden === 1 ? '' : 's'} hidden above ${LABELS[level]}`;
}

/** What the live region says after a level change. */
function levelAnnouncement(before, after, level) {
  const updates = (n, extra) => `${n} ${extra}update${n === 1 ? '' : 's'}`;
  if (after > before) return `${updates(after - before, 'more ')} shown`;
  if (after < before) return `${updates(before - after, '')} hidden`;
  return `Level ${LABELS[level]}: nothing changed`;
}

/** What the live region says after a filter change. */
const updatesShown = (n) => `${n} update${n === 1 ? '' : 's'} shown`;

const readFeed = (path) => JSON.parse(readFileSync(path, 'utf8'));

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Retries `check` until it stops throwing; rethrows its last error after `timeout` ms. */
const eventually = (check, options = {}) => retry(check, { timeout: WAIT, ...options });

/**
 * What the widget shows right now, read in one go from a page or frame (or from the shadow
 * root of `shadowHost`).
 */
function listState(target, shadowHost = null) {
  return target.evaluate((host) => {
    const root = host ? document.querySelector(host)?.shadowRoot : document;
    if (!root) return { missing: host };
    const all = (selector) => [...root.querySelectorAll(selector)];
    const one = (selector) => root.querySelector(selector)?.textContent.trim() ?? null;
    return {
      cards: all('[data-testid="card"]').map((el) => el.dataset.id).sort(),
      placeholders: all('[data-testid="placeholder"]').map((el) => el.dataset.ref).sort(),
      hiddenCount: one('[data-testid="hidden-count"]'),
      error: one('[data-testid="error"]'),
      level: root.querySelector('input[name="spoiler-level"]:checked')?.value ?? null,
    };
  }, shadowHost);
}

/** Waits until the list is exactly `view` at `level`, with the matching hidden count. */
async function expectList(target, view, level, { timeout = WAIT, shadowHost = null } = {}) {
  const want = {
    cards: view.cards,
    placeholders: view.placeholders,
    hiddenCount: hiddenCountText(view.hidden, level),
    error: null,
    level,
  };
  await eventually(async () => assert.deepEqual(await listState(target, shadowHost), want), { timeout });
}

/** Waits until the live region says `expected`. */
async function expectLive(page, expected) {
  const live = page.locator('[data-testid="live"]');
  await eventually(async () => assert.equal((await live.textContent()).trim(), expected));
}

/** A fresh context and page; both closed after the test. Uncaught page errors are collected. */
const openPage = (t, browser, options = {}) =>
  openTestPage(t, browser, { viewport: { width: 800, height: 900 }, ...options, timeout: WAIT });

async function serve(t, options) {
  const server = await startServer(options);
  t.after(() => server.close());
  return server;
}

const levelLabel = (page, level) =>
  page.locator('label', { has: page.locator(`input[name="spoiler-level"][value="${level}"]`) });
const levelRadio = (page, level) => page.locator(`input[name="spoiler-level"][value="${level}"]`);
const chip = (page, kind) => page.locator(`button[data-testid="kind-chip"][data-kind="${kind}"]`);

let browser;

before(async () => {
  assertBuilt('index.html', 'the site');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------
// 1. The fan's path through the bundled sample.

test('a fan picks levels, filters, reveals one update, and finds it all again after a reload', { timeout: TEST_TIMEOUT }, async (t) => {
  const sample = model(readFeed(sampleFile));
  const site = await serve(t, { root: dist, routes: sampleRoutes() });
  const { page, errors } = await openPage(t, browser);

  // No query: the bundled sample, at the safest level.
  await page.goto(`${site.url}/index.html`);
  const atNone = expectedView(sample, { level: 'none' });
  await expectList(page, atNone, 'none', { timeout: FIRST_WAIT });
  assert.ok(atNone.cards.length > 0 && atNone.placeholders.length > 0, 'the sample has both');
  for (const id of atNone.cards) {
    assert.equal(sample.find((item) => item.id === id).level, 'none', `${id} is a level-none card`);
  }
  assert.equal(await page.locator('#spoilerfeed').count(), 1);

  // Every level, by its label or with the arrow keys; the count and the announcement follow.
  let shown = atNone.cards.length;
  const pick = async (level, how) => {
    await how();
    const view = expectedView(sample, { level });
    await expectList(page, view, level);
    await expectLive(page, levelAnnouncement(shown, view.cards.length, level));
    assert.equal(await levelRadio(page, level).isChecked(), true, `${level} is checked`);
    shown = view.cards.length;
    return view;
  };
  const atMild = await pick('mild', () => levelLabel(page, 'mild').click());
  // The wording itself, spelled out once (the helpers above build the same sentences).
  assert.equal(
    await page.locator('[data-testid="hidden-count"]').textContent(),
    `${atMild.hidden} updates hidden above Mild`,
  );
  await expectLive(page, `${atMild.cards.length - atNone.cards.length} more updates shown`);
  await pick('moderate', async () => {
    await levelRadio(page, 'mild').focus();
    await page.keyboard.press('ArrowRight');
  });
  await pick('major', () => levelLabel(page, 'major').click());
  assert.equal(await page.locator('[data-testid="hidden-count"]').count(), 0, 'nothing hidden at Major');
  await pick('moderate', async () => {
    await levelRadio(page, 'major').focus();
    await page.keyboard.press('ArrowLeft');
  });
  await pick('none', () => levelLabel(page, 'none').click());
  await pick('mild', () => levelLabel(page, 'mild').click());

  // The show filter.
  const showPicker = page.locator('select[name="show"]');
  const tlou = 'The Last of Us';
  await showPicker.selectOption(tlou);
  const tlouView = expectedView(sample, { level: 'mild', show: tlou });
  await expectList(page, tlouView, 'mild');
  await expectLive(page, updatesShown(tlouView.cards.length));
  await showPicker.selectOption('');
  await expectList(page, expectedView(sample, { level: 'mild' }), 'mild');

  // One kind, by its chip.
  await chip(page, 'other').click();
  const otherOnly = { level: 'mild', kinds: ['other'] };
  const otherView = expectedView(sample, otherOnly);
  await expectList(page, otherView, 'mild');
  await expectLive(page, updatesShown(otherView.cards.length));
  for (const kind of KINDS) {
    assert.equal(await chip(page, kind).getAttribute('aria-pressed'), String(kind === 'other'), `chip ${kind}`);
  }
  const listedKinds = await page.$$eval(
    '[data-testid="card"], [data-testid="placeholder"]',
    (els) => [...new Set(els.map((el) => el.dataset.kind))],
  );
  assert.deepEqual(listedKinds, ['other']);

  // Reveal the first placeholder with the keyboard: Tab to its button, Enter.
  const first = page.locator('[data-testid="placeholder"]').first();
  const ref = await first.getAttribute('data-ref');
  const target = sample.find((item) => item.ref === ref);
  assert.ok(target, `placeholder ${ref} is one of the feed's items`);
  assert.equal(await first.locator('button[aria-expanded="false"]').count(), 1);
  let onTarget = false;
  for (let presses = 0; presses < 60 && !onTarget; presses += 1) {
    await page.keyboard.press('Tab');
    onTarget = await page.evaluate((want) => {
      const el = document.activeElement;
      return el?.tagName === 'BUTTON' && el.closest('[data-testid="placeholder"]')?.dataset.ref === want;
    }, ref);
  }
  assert.ok(onTarget, 'Tab reaches the Reveal button');
  await page.keyboard.press('Enter');
  const revealedPrefs = { ...otherOnly, revealed: [target.id] };
  await expectList(page, expectedView(sample, revealedPrefs), 'mild');
  const card = page.locator(`[data-testid="card"][data-ref="${ref}"]`);
  assert.equal(await card.getAttribute('data-id'), target.id);
  await eventually(async () =>
    assert.deepEqual(
      await page.evaluate(() => ({
        text: document.activeElement?.textContent.trim(),
        expanded: document.activeElement?.getAttribute('aria-expanded'),
        card: document.activeElement?.closest('[data-testid="card"]')?.dataset.id,
      })),
      { text: 'Hide again', expanded: 'true', card: target.id },
    ),
  );
  await expectLive(page, `Revealed: ${NOUNS[target.kind]}`);

  // A reload keeps the level, the kind filter and the reveal.
  await page.reload();
  await expectList(page, expectedView(sample, revealedPrefs), 'mild', { timeout: FIRST_WAIT });
  assert.equal(await chip(page, 'other').getAttribute('aria-pressed'), 'true');
  assert.equal(await card.locator('button[aria-expanded="true"]').textContent(), 'Hide again');

  // A level in the address wins over the stored one (the rest stays as stored).
  await page.goto(`${site.url}/index.html?level=none`);
  const noneRevealed = expectedView(sample, { ...revealedPrefs, level: 'none' });
  await expectList(page, noneRevealed, 'none', { timeout: FIRST_WAIT });
  assert.equal(await chip(page, 'other').getAttribute('aria-pressed'), 'true');

  // "Hide again" puts the placeholder back.
  await card.locator('button[aria-expanded="true"]').click();
  await expectList(page, expectedView(sample, { ...otherOnly, level: 'none' }), 'none');
  await expectLive(page, 'Hidden again');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------------
// 2. What is above the level is not in the DOM at all.

test('hidden updates never reach the DOM, at any level', { timeout: TEST_TIMEOUT }, async (t) => {
  const feed = readFeed(join(fixtures, 'all-kinds.json'));
  const items = model(feed);
  const site = await serve(t, { root: dist });
  const feeds = await serve(t, { root: fixtures, headers: CORS });
  const { page, errors } = await openPage(t, browser);

  // The marker text really is in every spoiling field, so its absence means something.
  for (const item of items) {
    const raw = JSON.stringify(feed.items.find((it) => it.id === item.id));
    assert.ok(raw.includes(`SECRET-${item.id}`), `${item.id} carries its marker`);
  }

  for (const level of LEVELS) {
    await page.goto(feedPage(site, `${feeds.url}/all-kinds.json`, `&level=${level}`));
    await expectList(page, expectedView(items, { level }), level, { timeout: FIRST_WAIT });
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    for (const item of items) {
      const above = LEVELS.indexOf(item.level) > LEVELS.indexOf(level);
      if (above) {
        assert.ok(!html.includes(`SECRET-${item.id}`), `at ${level}: no marker of ${item.id}`);
        assert.ok(!html.includes(item.id), `at ${level}: not even the id ${item.id}`);
      } else {
        assert.ok(html.includes(`SECRET-${item.id}`), `at ${level}: ${item.id} is shown`);
      }
    }
    const inPlaceholders = await page.$$eval('[data-testid="placeholder"]', (els) =>
      els.map((el) => el.outerHTML).filter((html) => /<a[\s>]|<img|href=|src=/i.test(html)),
    );
    assert.deepEqual(inPlaceholders, [], `at ${level}: placeholders have no link or image`);
    const placeholderAttrs = await page.$$eval('[data-testid="placeholder"]', (els) =>
      els.flatMap((el) => el.getAttributeNames()).filter((name) => name.startsWith('data-')),
    );
    assert.ok(!placeholderAttrs.includes('data-id'), 'placeholders carry no id');
  }

  // A feed that tries to put scripts behind links: no href or src may carry them, and its
  // HTML is shown as text, never run.
  const hostile = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile links',
    _spoilerfeed: { show: 'Hostile', default_level: 'none' },
    items: [
      { id: 'h1', title: 'plain', url: 'javascript:window.__pwned=1', content_text: 'one' },
      { id: 'h2', title: 'mixed case', url: ' JaVaScRiPt:window.__pwned=2', external_url: 'java\tscript:window.__pwned=3', content_text: 'two' },
      { id: 'h3', title: 'data', url: 'data:text/html,<script>window.__pwned=4</script>', image: 'javascript:window.__pwned=5', content_html: '<img src="x" onerror="window.__pwned=6"><a href="javascript:window.__pwned=7">x</a>' },
      { id: 'h4', title: 'above', url: 'javascript:window.__pwned=8', content_text: 'four', _spoilerfeed: { level: 'major' } },
    ],
  };
  feeds.setRoute('/hostile.json', json(hostile, { type: FEED_JSON, headers: CORS }));
  for (const level of ['none', 'major']) {
    await page.goto(feedPage(site, `${feeds.url}/hostile.json`, `&level=${level}`));
    await expectList(page, expectedView(model(hostile), { level }), level, { timeout: FIRST_WAIT });
    const bad = await page.evaluate(() =>
      [...document.querySelectorAll('[href], [src]')]
        .flatMap((el) => [el.getAttribute('href'), el.getAttribute('src')])
        .filter((value) => value !== null && !/^\s*(https?:|\.?\/|[\w.-]+\.(js|css|wasm)$)/i.test(value)),
    );
    assert.deepEqual(bad, [], `at ${level}: every href/src is http(s) or the widget's own file`);
    const javascript = await page.evaluate(() =>
      [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')).filter((h) => /^\s*javascript:/i.test(h)),
    );
    assert.deepEqual(javascript, []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no feed script ran');
    assert.equal(await page.locator('#spoilerfeed img[onerror]').count(), 0);
  }
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------------
// 3. A broken feed: a specific message each time, and Retry recovers.

test('feed errors say what went wrong, and Retry recovers', { timeout: TEST_TIMEOUT }, async (t) => {
  const items = model(readFeed(join(fixtures, 'all-kinds.json')));
  const site = await serve(t, { root: dist });
  const feeds = await serve(t, {
    root: fixtures,
    headers: CORS,
    routes: { '/flaky.json': status(500) },
  });
  const { page, errors } = await openPage(t, browser);
  const errorCard = page.locator('[data-testid="error"]');
  const retry = errorCard.getByRole('button', { name: 'Retry' });
  const expectError = async (words, timeout = WAIT) => {
    await eventually(async () => {
      const message = await errorCard.textContent({ timeout: 1000 });
      assert.ok(message.includes(words), `error card says "${words}": ${message}`);
    }, { timeout });
    assert.equal(await page.locator('[data-testid="card"], [data-testid="placeholder"]').count(), 0);
    assert.equal(await page.locator('[data-testid="loading"]').count(), 0);
  };

  await page.goto(feedPage(site, `${feeds.url}/flaky.json`));
  await expectError('HTTP 500', FIRST_WAIT);

  feeds.setRoute('/flaky.json', status(404));
  await retry.click();
  await expectError('HTTP 404');

  feeds.setRoute('/flaky.json', text('<!doctype html><title>Oops</title><p>Moved.</p>', { type: 'text/html; charset=utf-8' }));
  await retry.click();
  await expectError("isn't a feed");

  feeds.setRoute('/flaky.json', json({ items: {} }));
  await retry.click();
  await expectError("isn't a JSON Feed");

  feeds.setRoute('/flaky.json', file(join(fixtures, 'all-kinds.json'), { type: FEED_JSON }));
  await retry.click();
  await expectList(page, expectedView(items, { level: 'none' }), 'none');
  assert.equal(await errorCard.count(), 0, 'the error card is gone');

  // One request per attempt: the first load and four retries.
  assert.equal(feeds.requests.filter((r) => r.startsWith('GET /flaky.json')).length, 5);

  // A feed server that doesn't allow cross-origin reads.
  feeds.setRoute('/no-cors.json', (req, res) => {
    res.removeHeader('Access-Control-Allow-Origin');
    res.writeHead(200, { 'Content-Type': FEED_JSON });
    res.end(readFileSync(join(fixtures, 'all-kinds.json')));
  });
  await page.goto(feedPage(site, `${feeds.url}/no-cors.json`));
  await expectError("Couldn't reach the feed", FIRST_WAIT);
  assert.equal(await retry.count(), 1);

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------------
// 4. Feeds from the wild, with no spoiler metadata: read, and all hidden until Major.

test('real-world feeds load, hidden at None and all shown at Major', { timeout: TEST_TIMEOUT }, async (t) => {
  const wild = join(fixtures, 'wild');
  const site = await serve(t, { root: dist });
  const feeds = await serve(t, { root: wild, headers: CORS });
  const { page, errors } = await openPage(t, browser);
  const names = readdirSync(wild).filter((name) => name.endsWith('.json')).sort();
  assert.ok(names.length >= 2, 'the wild feeds are there');

  for (const name of names) {
    const count = readFeed(join(wild, name)).items.length;
    await page.goto(feedPage(site, `${feeds.url}/${name}`));
    await eventually(async () => {
      const state = await listState(page);
      assert.deepEqual(
        { cards: state.cards.length, placeholders: state.placeholders.length, error: state.error, level: state.level },
        { cards: 0, placeholders: count, error: null, level: 'none' },
        name,
      );
    }, { timeout: FIRST_WAIT });
    assert.equal(await page.locator('[data-testid="empty"]').textContent(), 'No updates at this level yet');

    await levelLabel(page, 'major').click();
    await eventually(async () => {
      const state = await listState(page);
      assert.deepEqual(
        { cards: state.cards.length, placeholders: state.placeholders.length, error: state.error },
        { cards: count, placeholders: 0, error: null },
        name,
      );
    });
    for (const level of await page.$$eval('[data-testid="card"]', (els) => els.map((el) => el.dataset.level))) {
      assert.equal(level, 'major', `${name}: an unclassified update counts as major`);
    }
    // content_html is shown as text, never as markup.
    assert.equal(await page.locator('#spoilerfeed video, #spoilerfeed script, #spoilerfeed iframe').count(), 0, name);
    const hrefs = await page.$$eval('#spoilerfeed [href]', (els) => els.map((el) => el.getAttribute('href')));
    for (const href of hrefs) assert.match(href, /^https?:\/\//, `${name}: ${href}`);
  }
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------------
// 5. Screenshots for a human to look at (tests/e2e/output/, not committed).

test('screenshots of the sample at each level, narrow and dark', { timeout: TEST_TIMEOUT }, async (t) => {
  await mkdir(output, { recursive: true });
  const sample = model(readFeed(sampleFile));
  const site = await serve(t, { root: dist, routes: sampleRoutes() });
  const { page, errors } = await openPage(t, browser, { viewport: { width: 800, height: 900 } });

  for (const level of LEVELS) {
    await page.goto(`${site.url}/index.html?level=${level}`);
    await expectList(page, expectedView(sample, { level }), level, { timeout: FIRST_WAIT });
    await page.screenshot({ path: join(output, `fan-sample-${level}.png`), fullPage: true });
  }
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  // A phone: nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${site.url}/index.html?level=mild`);
  await expectList(page, expectedView(sample, { level: 'mild' }), 'mild', { timeout: FIRST_WAIT });
  await page.screenshot({ path: join(output, 'fan-sample-320px.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `no horizontal scrolling at 320 px (page is ${overflow} px wide)`);

  // Dark mode from the system setting.
  await page.setViewportSize({ width: 800, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${site.url}/index.html?level=mild`);
  await expectList(page, expectedView(sample, { level: 'mild' }), 'mild', { timeout: FIRST_WAIT });
  await page.screenshot({ path: join(output, 'fan-sample-dark.png'), fullPage: true });
  const dark = await background();
  const brightness = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(brightness(dark) < brightness(light), `dark background ${dark} is darker than ${light}`);

  for (const name of ['none', 'mild', 'moderate', 'major', '320px', 'dark']) {
    assert.ok(existsSync(join(output, `fan-sample-${name}.png`)), name);
  }
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------------
// 6. The embed-code builder, and its snippets pasted into pages on another origin.

test('the embed builder gives snippets that work on another site', { timeout: TEST_TIMEOUT }, async (t) => {
  const sample = model(readFeed(sampleFile));
  // The widget's files must be readable from the host page's origin (module script, wasm,
  // styles and the feed), as the README asks of a widget server.
  const site = await serve(t, {
    root: dist,
    headers: CORS,
    routes: sampleRoutes(CORS),
  });
  const host = await serve(t, {});
  const { page, errors } = await openPage(t, browser);

  await page.goto(`${site.url}/index.html`);
  await expectList(page, expectedView(sample, { level: 'none' }), 'none', { timeout: FIRST_WAIT });
  await levelLabel(page, 'moderate').click();
  const moderate = expectedView(sample, { level: 'moderate' });
  await expectList(page, moderate, 'moderate');

  // The builder is on the site owner's tools page, linked with what the fan sees.
  const builder = await openBuilder(page);
  await eventually(async () => assert.equal(await builder.evaluate((el) => el.open), true));
  const snippet = builder.locator('[data-testid="embed-snippet"]');

  // As an iframe, dark.
  await builder.locator('input[name="embed-mode"][value="iframe"]').check();
  await builder.locator('select[name="embed-theme"]').selectOption('dark');
  let iframeSnippet = '';
  await eventually(async () => {
    iframeSnippet = await snippet.inputValue();
    assert.match(iframeSnippet, /^<iframe /);
    assert.match(iframeSnippet, /[?&;]level=moderate/);
    assert.match(iframeSnippet, /[?&;]theme=dark/);
    assert.match(iframeSnippet, /[?&;]embed=1/);
  });
  assert.ok(iframeSnippet.includes(`src="${site.url}/index.html?`), iframeSnippet);
  assert.ok(
    iframeSnippet.includes(`<script src="${site.url}/spoiler-feed-frame.js" defer></script>`),
    'the sizing script comes with it, as a file (no inline script or style for strict CSPs)',
  );
  assert.ok(!iframeSnippet.includes('style='), iframeSnippet);
  // Registered before the snippet's sizer, this listener sees each resize message first, so it
  // records the iframe's height from before the sizer acted on it.
  const recorder = `<script>
  window.resizes = [];
  addEventListener("message", (e) => {
    if (e.data && e.data.type === "spoilerfeed:resize") {
      const frame = document.querySelector("iframe");
      window.resizes.push({ before: frame.getBoundingClientRect().height, reported: e.data.height });
    }
  });
</script>`;
  host.setRoute('/iframe.html', text(hostHtml(iframeSnippet, recorder), { type: 'text/html; charset=utf-8' }));

  // The host page, in a context of its own: nothing stored, everything from the snippet.
  const hostSide = await openPage(t, browser);
  const hostPage = hostSide.page;
  await hostPage.goto(`${host.url}/iframe.html`);
  const frameHandle = await hostPage.locator('iframe').elementHandle();
  const frame = await frameHandle.contentFrame();
  await expectList(frame, moderate, 'moderate', { timeout: FIRST_WAIT });
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-embed')), true);
  assert.equal(await frame.locator('h1').count(), 0, 'no page heading in the iframe');
  assert.equal(await frame.locator('[data-testid="embed-builder"]').count(), 0);

  const heights = () =>
    Promise.all([
      frameHandle.evaluate((el) => ({ style: el.style.height, box: el.getBoundingClientRect().height })),
      frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    ]);
  const expectSized = async () => {
    let last;
    await eventually(async () => {
      const [outer, inner] = await heights();
      last = inner;
      assert.equal(outer.style, `${inner}px`, 'the sizer set the iframe to the content height');
      assert.ok(Math.abs(outer.box - inner) <= 1, `iframe ${outer.box} px, content ${inner} px`);
      assert.ok(inner > 150, `content (${inner} px) is taller than the default 150 px`);
    });
    return last;
  };
  const before = await expectSized();
  const resizes = await hostPage.evaluate(() => window.resizes);
  assert.ok(resizes.length >= 1, 'the widget posted its height');
  assert.equal(resizes[0].before, 150, 'the iframe started at the default 150 px');
  assert.ok(resizes.at(-1).reported > 150, `and grew to ${resizes.at(-1).reported} px`);
  await hostPage.screenshot({ path: join(output, 'fan-embed-iframe.png'), fullPage: true });

  // A change inside the frame resizes it again.
  await levelLabel(frame, 'major').click();
  await expectList(frame, expectedView(sample, { level: 'major' }), 'major');
  await eventually(async () => {
    const grown = await expectSized();
    assert.ok(grown > before, `the iframe grew with more cards (${before} → ${grown} px)`);
  });

  // As an element, level locked, light theme.
  await builder.locator('input[name="embed-mode"][value="element"]').check();
  await builder.locator('select[name="embed-theme"]').selectOption('light');
  await builder.locator('input[name="embed-lock"]').check();
  let elementSnippet = '';
  await eventually(async () => {
    elementSnippet = await snippet.inputValue();
    assert.ok(elementSnippet.includes(`<script type="module" src="${site.url}/spoiler-feed.js"></script>`), elementSnippet);
    assert.match(elementSnippet, /<spoiler-feed [^>]*lock-level="moderate"/);
    assert.match(elementSnippet, /<spoiler-feed [^>]*theme="light"/);
  });
  host.setRoute('/element.html', text(hostHtml(elementSnippet), { type: 'text/html; charset=utf-8' }));

  await hostPage.goto(`${host.url}/element.html`);
  await expectList(hostPage, moderate, 'moderate', { timeout: FIRST_WAIT, shadowHost: 'spoiler-feed' });
  // Playwright's CSS selectors pierce the open shadow root...
  assert.equal(await hostPage.locator('spoiler-feed [data-testid="card"]').count(), moderate.cards.length);
  // ...while the page's own DOM holds none of the widget.
  assert.equal(await hostPage.evaluate(() => document.querySelectorAll('[data-testid="card"]').length), 0);
  assert.equal(await hostPage.locator('spoiler-feed fieldset').evaluate((el) => el.disabled), true, 'the level is locked');
  assert.equal(await hostPage.locator('spoiler-feed button[aria-expanded="false"]').count(), 0, 'no Reveal when locked');
  await hostPage.screenshot({ path: join(output, 'fan-embed-element.png'), fullPage: true });

  assert.deepEqual(errors, [], 'no uncaught errors in the builder page');
  assert.deepEqual(hostSide.errors, [], 'no uncaught errors in the host page');
});

// The builder starts from the page's own theme, as it starts from its feed and level.
test('the embed builder starts with the theme the page was opened with', { timeout: TEST_TIMEOUT }, async (t) => {
  const site = await serve(t, { root: dist, routes: sampleRoutes() });
  const { page, errors } = await openPage(t, browser);
  await page.goto(`${site.url}/index.html?theme=dark`);
  await page.locator('[data-testid="card"], [data-testid="placeholder"]').first().waitFor({ timeout: FIRST_WAIT });
  const builder = await openBuilder(page);
  assert.equal(await builder.locator('select[name="embed-theme"]').inputValue(), 'dark');
  assert.match(await builder.locator('[data-testid="embed-snippet"]').inputValue(), / theme="dark"/);
  assert.deepEqual(errors, [], 'no uncaught errors');
});

// The copy button says whether the snippet reached the clipboard. A page that isn't a secure
// context has no clipboard at all, and a browser may refuse: neither may break the page.
test('the embed builder says when the snippet could not be copied', { timeout: TEST_TIMEOUT }, async (t) => {
  const site = await serve(t, { root: dist, routes: sampleRoutes() });
  const refusals = {
    'no clipboard': () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
    'a refusal': () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    },
  };
  for (const [what, refuse] of Object.entries(refusals)) {
    const { page, errors } = await openPage(t, browser);
    await page.addInitScript(refuse);
    await page.goto(`${site.url}/index.html`);
    await page.locator('[data-testid="card"], [data-testid="placeholder"]').first().waitFor({ timeout: FIRST_WAIT });
    const builder = await openBuilder(page);
    const status = builder.getByRole('status');
    await builder.getByRole('button', { name: 'Copy snippet' }).click();
    await eventually(async () => {
      assert.equal(await status.textContent(), "Couldn't copy: select the snippet and copy it yourself", what);
    });
    // Another choice makes another snippet, not copied either way.
    await builder.locator('input[name="embed-mode"][value="iframe"]').check();
    await eventually(async () => assert.equal(await status.textContent(), '', what));
    assert.deepEqual(errors, [], `${what}: no uncaught errors`);
  }
});

// With `embed=1` and an explicit `theme`, the text outside the cards (the "Spoiler level"
// legend, the "Show" label, the hidden count) must stay readable on a host page of the other
// scheme: the frame keeps an opaque background of its own.
test('an iframe with an explicit theme is readable on a host page of the other scheme', {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  const site = await serve(t, { root: dist, routes: sampleRoutes() });
  const host = await serve(t, {});
  for (const [theme, system] of [['dark', 'light'], ['light', 'dark']]) {
    const { page } = await openPage(t, browser, { colorScheme: system });
    const path = `/themed-${theme}.html`;
    const src = `${site.url}/index.html?theme=${theme}&embed=1`;
    host.setRoute(path, text(hostHtml(`<iframe src="${src}" title="Show news" style="width: 100%; border: 0; height: 600px"></iframe>`), { type: 'text/html; charset=utf-8' }));
    await page.goto(`${host.url}${path}`);
    const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
    await frame.locator('[data-testid="card"]').first().waitFor({ timeout: FIRST_WAIT });
    const look = await frame.evaluate(() => ({
      html: getComputedStyle(document.documentElement).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
      scheme: getComputedStyle(document.documentElement).colorScheme,
      legend: getComputedStyle(document.querySelector('legend')).color,
    }));
    const opaque = [look.html, look.body].some((c) => c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c));
    assert.ok(opaque || look.scheme === theme, `theme=${theme} on a ${system} system: ${JSON.stringify(look)}`);
  }
});

/** A blank fan-site page with `snippet` pasted into its body (and `head` into its head). */
function hostHtml(snippet, head = '') {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A fan site</title>${head}</head>
<body>
<h1>Fan site</h1>
${snippet}
<p>Footer</p>
</body>
</html>
`;
}
