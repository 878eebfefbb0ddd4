// Watch progress end to end, on the built bundle: two <spoiler-feed> elements on one host page,
// each with its own feed URL about the same show (Harbour Lights), share the fan's progress
// live and after a reload; a `progress` attribute wins over stored progress without being
// stored; and the export code from one site, pasted on another origin (its own localStorage),
// carries the progress there.
//
// The widget's files, the feeds and each host site are on their own origins (servers on
// 127.0.0.1, one port each). Every wait polls for a condition with a generous limit; nothing
// waits for a fixed time, so a slow, busy machine only makes the tests slower.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_JSON, json, launchBrowser, startServer, status } from './server.mjs';
import {
  CORS,
  assertBuilt,
  assertStarted,
  cardIds,
  dist,
  fixtures,
  itemRef,
  openTestPage,
  retry,
  servePage,
} from './support.mjs';

const FIXTURE = JSON.parse(readFileSync(join(fixtures, 'progress.json'), 'utf8'));

/** How long any one condition may take to come true on a slow, busy machine. */
const WAIT_MS = 30_000;
/** The limit for a whole test. */
const TEST_TIMEOUT = { timeout: 240_000 };
const STORAGE_KEY = 'spoilerfeed:progress:harbour lights';

/**
 * Another site's feed about the same show: no episode list, a few of the fixture's updates
 * under ids of its own (`ob-…` for `hl-…`), so that neither feed's ids are part of the other's.
 */
function otherFeed() {
  const keep = ['hl-plain-none', 'hl-s1e3-major', 'hl-s2e4-moderate', 'hl-s2e5-major', 'hl-s2e6-major', 'hl-s2-major'];
  const feed = structuredClone(FIXTURE);
  feed.title = 'Another Harbour Lights fan site';
  delete feed._spoilerfeed.episodes;
  feed.items = feed.items
    .filter((item) => keep.includes(item.id))
    .map((item) => JSON.parse(JSON.stringify(item).replaceAll('hl-', 'ob-')));
  return feed;
}
const OTHER = otherFeed();

let widget; // the widget's files (dist/)
let feeds; // both feeds, with CORS
let siteA; // one fan site
let siteB; // another fan site: another port, so another origin and another localStorage
let browser;

before(async () => {
  assertBuilt('spoiler-feed.js', 'the bundle');
  widget = await startServer({ root: dist, headers: CORS });
  feeds = await startServer({
    headers: CORS,
    routes: {
      '/harbour/feed.json': json(FIXTURE, { type: FEED_JSON }),
      '/other-site/feed.json': json(OTHER, { type: FEED_JSON }),
    },
  });
  siteA = await startServer({ routes: { '/favicon.ico': status(204) } });
  siteB = await startServer({ routes: { '/favicon.ico': status(204) } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([widget?.close(), feeds?.close(), siteA?.close(), siteB?.close()]);
});

// ---------------------------------------------------------------------------------------
// Helpers

const HARBOUR_FEED = () => `${feeds.url}/harbour/feed.json`;
const OTHER_FEED = () => `${feeds.url}/other-site/feed.json`;

/** Serves a host page around `body` on `site` under a fresh path; returns its URL. */
function serve(site, body) {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A fan site</title></head>
<body>
<h1>Harbour Lights fans</h1>
${body}
<script type="module" src="${widget.url}/spoiler-feed.js"></script>
</body>
</html>`;
  return servePage(site, html);
}

/** A fresh browser context (empty storage) and page, closed after the test. */
function openPage(t) {
  return openTestPage(t, browser, { viewport: { width: 1000, height: 900 }, timeout: WAIT_MS, navigationTimeout: 60_000 });
}

/** Retries `check` (which throws while its condition is false) until it passes or time is up. */
const eventually = (check, options = {}) => retry(check, { timeout: WAIT_MS, annotate: 'always', ...options });

/** The element's shadow root as HTML: what a leak check scans. */
function shadowHtml(scope) {
  return scope.evaluate((element) => element.shadowRoot?.innerHTML ?? '');
}

/** Waits until the element shows exactly the cards `ids` and nothing of any other item. */
async function expectCards(scope, ids, items, what) {
  const expected = [...ids].sort();
  await eventually(async () => {
    await assertStarted(scope, what);
    assert.deepEqual(await cardIds(scope), expected, `${what}: cards`);
    assert.equal(
      await scope.locator('[data-testid="placeholder"]').count(),
      items.length - expected.length,
      `${what}: placeholders`,
    );
  });
  const html = await shadowHtml(scope);
  for (const item of items) {
    if (expected.includes(item.id)) {
      assert.ok(html.includes(`SECRET-${item.id}`), `${what}: ${item.id} shown`);
    } else {
      assert.ok(!html.includes(`SECRET-${item.id}`), `${what}: the text of ${item.id} leaked`);
      assert.ok(!html.includes(item.id), `${what}: the id of ${item.id} leaked`);
    }
  }
}

/** An item's placeholder inside an element. */
function placeholder(scope, id) {
  return scope.locator(`[data-testid="placeholder"][data-ref="${itemRef(id)}"]`);
}

/** Waits until an item's placeholder gives `reason`. */
async function expectReason(scope, id, reason) {
  await eventually(async () => {
    assert.equal((await placeholder(scope, id).locator('.sf-placeholder__reason').textContent())?.trim(), reason);
  });
}

/** The Harbour Lights progress select inside an element. */
function select(scope) {
  return scope.locator('[data-testid="progress"][data-show="Harbour Lights"] select[name="progress"]');
}

async function expectSelected(scope, value, what) {
  await eventually(async () => assert.equal(await select(scope).inputValue(), value, `${what}: the picker`));
}

function storedProgress(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORAGE_KEY);
}

/** Waits until both the feed and the progress picker are in the element. */
async function loaded(scope) {
  await scope.locator('[data-testid="progress"][data-show="Harbour Lights"]').waitFor({ timeout: WAIT_MS });
  await scope.locator('article').first().waitFor({ timeout: WAIT_MS });
}

const HL = FIXTURE.items;
const HL_NONE = ['hl-plain-none', 'hl-s2e3-none'];
const HL_AT_S2E5 = [...HL_NONE, 'hl-s1-major', 'hl-s1e2-major', 'hl-s1e3-major', 'hl-s2e4-moderate', 'hl-s2e5-major'];
const OB_NONE = ['ob-plain-none'];
const OB_AT_S2E5 = [...OB_NONE, 'ob-s1e3-major', 'ob-s2e4-moderate', 'ob-s2e5-major'];

// ---------------------------------------------------------------------------------------
// Tests

test('two elements with two feeds about one show share progress live and after a reload', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(
    serve(
      siteA,
      `<spoiler-feed id="first" src="${HARBOUR_FEED()}"></spoiler-feed>
<spoiler-feed id="second" src="${OTHER_FEED()}"></spoiler-feed>`,
    ),
  );
  const first = page.locator('spoiler-feed#first');
  const second = page.locator('spoiler-feed#second');
  await loaded(first);
  await loaded(second);
  await expectCards(first, HL_NONE, HL, 'first, nothing watched');
  await expectCards(second, OB_NONE, OTHER.items, 'second, nothing watched');
  await expectReason(second, 'ob-s2e5-major', 'Spoils S2E5');
  assert.equal(await storedProgress(page), null);

  // A mark that a reload would wipe, and the feeds' request count so far.
  await page.evaluate(() => {
    window.stillTheSamePage = true;
  });
  const fetched = feeds.requests.length;

  await select(first).selectOption('S2E5');
  await expectCards(first, HL_AT_S2E5, HL, 'first, after picking S2E5');
  // The other element follows at once: its hidden card is now a card.
  await expectCards(second, OB_AT_S2E5, OTHER.items, 'second, after the first picked S2E5');
  await expectSelected(second, 'S2E5', 'second');
  await expectReason(second, 'ob-s2e6-major', "Spoils S2E6: you're at S2E5");
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'the page was not reloaded');
  assert.equal(feeds.requests.length, fetched, 'no feed was fetched again');
  assert.deepEqual(await storedProgress(page), { watched: 'S2E5', ahead: false });

  // And the other way round: one ahead, set in the second element.
  await second.locator('[data-testid="progress"][data-show="Harbour Lights"] input[name="ahead"]').check();
  await expectCards(first, [...HL_AT_S2E5, 'hl-s2e6-major', 'hl-s2e6-mild'], HL, 'first, one ahead');
  await expectCards(second, [...OB_AT_S2E5, 'ob-s2e6-major'], OTHER.items, 'second, one ahead');
  assert.equal(
    await first.locator('[data-testid="progress"][data-show="Harbour Lights"] input[name="ahead"]').isChecked(),
    true,
  );
  assert.deepEqual(await storedProgress(page), { watched: 'S2E5', ahead: true });

  // After a reload both start where the fan is.
  await page.reload();
  await loaded(first);
  await loaded(second);
  assert.equal(await page.evaluate(() => window.stillTheSamePage), undefined, 'this is a new page');
  await expectCards(first, [...HL_AT_S2E5, 'hl-s2e6-major', 'hl-s2e6-mild'], HL, 'first, after the reload');
  await expectCards(second, [...OB_AT_S2E5, 'ob-s2e6-major'], OTHER.items, 'second, after the reload');
  await expectSelected(first, 'S2E5', 'first after the reload');
  await expectSelected(second, 'S2E5', 'second after the reload');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('a progress attribute wins over stored progress and is not stored', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  // The fan has watched up to S2E5 (picked on this site, so it is stored here).
  await page.goto(serve(siteA, `<spoiler-feed id="setup" src="${HARBOUR_FEED()}"></spoiler-feed>`));
  const setup = page.locator('spoiler-feed#setup');
  await loaded(setup);
  await select(setup).selectOption('S2E5');
  await expectCards(setup, HL_AT_S2E5, HL, 'stored S2E5');
  assert.deepEqual(await storedProgress(page), { watched: 'S2E5', ahead: false });

  // A page that knows better for one element.
  await page.goto(
    serve(
      siteA,
      `<spoiler-feed id="fixed" src="${HARBOUR_FEED()}" progress="S1E2"></spoiler-feed>
<spoiler-feed id="free" src="${OTHER_FEED()}"></spoiler-feed>`,
    ),
  );
  const fixed = page.locator('spoiler-feed#fixed');
  const free = page.locator('spoiler-feed#free');
  await loaded(fixed);
  await loaded(free);
  await expectCards(fixed, [...HL_NONE, 'hl-s1e2-major'], HL, 'progress="S1E2"');
  await expectSelected(fixed, 'S1E2', 'the element with the attribute');
  await expectReason(fixed, 'hl-s1e3-major', "Spoils S1E3: you're at S1E2");
  // The element without the attribute keeps the stored progress, and storage is unchanged.
  await expectCards(free, OB_AT_S2E5, OTHER.items, 'no attribute');
  await expectSelected(free, 'S2E5', 'the element without the attribute');
  assert.deepEqual(await storedProgress(page), { watched: 'S2E5', ahead: false });

  // The page changes it: still the page's, still not stored.
  await fixed.evaluate((element) => element.setAttribute('progress', 'S2E4'));
  await expectCards(fixed, [...HL_NONE, 'hl-s1e2-major', 'hl-s1e3-major', 'hl-s1-major', 'hl-s2e4-moderate'], HL, 'progress="S2E4"');
  await expectSelected(fixed, 'S2E4', 'after the attribute changed');
  await expectCards(free, OB_AT_S2E5, OTHER.items, 'no attribute, after the other changed');
  assert.deepEqual(await storedProgress(page), { watched: 'S2E5', ahead: false });

  // Without the attribute the stored progress applies again.
  await fixed.evaluate((element) => element.removeAttribute('progress'));
  await expectCards(fixed, HL_AT_S2E5, HL, 'attribute removed');
  await expectSelected(fixed, 'S2E5', 'after the attribute was removed');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('the export code from one site carries progress to another origin', TEST_TIMEOUT, async (t) => {
  const { context, page, errors } = await openPage(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  // Site A: the fan sets progress and copies the code.
  await page.goto(serve(siteA, `<spoiler-feed id="a" src="${HARBOUR_FEED()}"></spoiler-feed>`));
  const onA = page.locator('spoiler-feed#a');
  await loaded(onA);
  await select(onA).selectOption('S2E5');
  await onA.locator('[data-testid="progress"][data-show="Harbour Lights"] input[name="ahead"]').check();
  const ahead = [...HL_AT_S2E5, 'hl-s2e6-major', 'hl-s2e6-mild'];
  await expectCards(onA, ahead, HL, 'site A, S2E5 and one ahead');
  const panelA = onA.locator('[data-testid="progress-code"]');
  await panelA.locator('summary').click();
  const codeField = panelA.locator('input[name="progress-code"]');
  await eventually(async () => assert.equal(await codeField.inputValue(), 'Harbour+Lights=S2E5+'));
  await codeField.click();
  await codeField.press('ControlOrMeta+a');
  await codeField.press('ControlOrMeta+c');
  const originA = await page.evaluate(() => location.origin);

  // Site B, another origin: its storage knows nothing yet.
  const pageB = await context.newPage();
  pageB.on('pageerror', (err) => errors.push(err.message));
  await pageB.goto(serve(siteB, `<spoiler-feed id="b" src="${HARBOUR_FEED()}"></spoiler-feed>`));
  assert.notEqual(await pageB.evaluate(() => location.origin), originA, 'two origins');
  const onB = pageB.locator('spoiler-feed#b');
  await loaded(onB);
  assert.equal(await storedProgress(pageB), null, 'site B has no progress of its own');
  await expectCards(onB, HL_NONE, HL, 'site B before the code');
  await expectSelected(onB, 'none', 'site B before the code');

  // The fan pastes the code and uses it.
  const panelB = onB.locator('[data-testid="progress-code"]');
  await panelB.locator('summary').click();
  const importField = panelB.locator('input[name="progress-import"]');
  await importField.click();
  await importField.press('ControlOrMeta+v');
  await eventually(async () => assert.equal(await importField.inputValue(), 'Harbour+Lights=S2E5+', 'the pasted code'));
  await panelB.getByRole('button', { name: 'Use this code' }).click();

  await expectCards(onB, ahead, HL, 'site B after the code');
  await expectSelected(onB, 'S2E5', 'site B after the code');
  assert.equal(
    await onB.locator('[data-testid="progress"][data-show="Harbour Lights"] input[name="ahead"]').isChecked(),
    true,
  );
  assert.deepEqual(await storedProgress(pageB), { watched: 'S2E5', ahead: true });
  assert.equal(await panelB.locator('input[name="progress-code"]').inputValue(), 'Harbour+Lights=S2E5+');

  // It stays on site B.
  await pageB.reload();
  await loaded(onB);
  await expectCards(onB, ahead, HL, 'site B after a reload');

  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
});
