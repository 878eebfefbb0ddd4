// The site owner's tools page (tools.html, a wasm of its own): the fan's pages never download
// it; the standalone page's links and old check links (index.html?check=1) land on it; its
// embed-code builder writes the host's muted words and speaks the widget's language. The
// check page itself, the builder's tag maps, copy and axe runs are in check.test.mjs,
// fan.test.mjs, a11y.test.mjs and hostile.test.mjs.
//
//   cd tests/e2e && SPOILERFEED_DIST=../../dist node --test tools.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FEED_JSON, file, launchBrowser, startServer, status } from './server.mjs';
import {
  assertBuilt,
  dist,
  feedPage,
  fixtures,
  openBuilder,
  openTestPage,
  retry,
  servePage,
  toolsPage,
} from './support.mjs';

const TAGGED = join(fixtures, 'tagged.json');
const WAIT = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };
const eventually = (check) => retry(check, { timeout: WAIT, annotate: 'timeout' });

/** The tools page's files: none of them is the fan's. */
const TOOLS_FILES = /^GET \/tools(\.html|\.js|_bg\.wasm|-loader\.js)(\?|$)/;

let site;
let browser;

before(async () => {
  assertBuilt('tools.html', 'the site');
  site = await startServer({
    root: dist,
    routes: {
      '/favicon.ico': status(204),
      '/tagged.json': file(TAGGED, { type: FEED_JSON }),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const openPage = (t, options = {}) =>
  openTestPage(t, browser, { viewport: { width: 900, height: 900 }, timeout: WAIT, locale: 'en-US', ...options });

const feed = () => `${site.url}/tagged.json`;

test('the element, the iframe and the standalone page never request the tools page’s files', TEST_TIMEOUT, async (t) => {
  const from = site.requests.length;
  const { page, errors } = await openPage(t);
  await page.goto(feedPage(site, feed()));
  await page.locator('[data-testid="placeholder"]').first().waitFor();
  await page.locator('input[name="spoiler-level"][value="major"]').check();
  await page.locator('[data-testid="card"]').first().waitFor();
  // The page links to the tools, and that is all.
  for (const link of ['check-link', 'embed-link']) {
    assert.match(await page.getByTestId(link).getAttribute('href'), /\/tools\.html\?/, link);
  }
  await page.goto(
    servePage(
      site,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fan site</title></head><body><main>
<h1>Fan site</h1>
<spoiler-feed src="${feed()}" level="major"></spoiler-feed>
<iframe src="${site.url}/index.html?embed=1&feed=${encodeURIComponent(feed())}" title="Show news"></iframe>
<script type="module" src="${site.url}/spoiler-feed.js"></script>
<script src="${site.url}/spoiler-feed-frame.js" defer></script>
</main></body></html>`,
    ),
  );
  await page.locator('spoiler-feed [data-testid="card"]').first().waitFor();
  // The same origin's storage: the iframe lists at the level chosen above.
  await page.frameLocator('iframe').locator('[data-testid="card"]').first().waitFor();
  const asked = site.requests.slice(from);
  // The fan's files were fetched: the log is the one to look in.
  assert.ok(asked.some((line) => line.startsWith('GET /spoilerfeed_bg.wasm')), asked.join('\n'));
  assert.deepEqual(asked.filter((line) => TOOLS_FILES.test(line)), [], asked.join('\n'));
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('an old check link (index.html?check=1&feed=X) ends on the tools page’s check page for X', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(servePage(site, '<!doctype html><html lang="en"><title>Start</title><main><h1>Start</h1></main></html>'));
  const entries = await page.evaluate(() => history.length);
  const from = site.requests.length;
  await page.goto(feedPage(site, feed(), '&check=1&default-level=mild#top'));
  await page.getByTestId('check-report').waitFor();
  const landed = new URL(page.url());
  assert.equal(landed.pathname, '/tools.html');
  assert.equal(landed.searchParams.get('feed'), feed());
  assert.equal(landed.searchParams.get('default-level'), 'mild');
  assert.equal(landed.hash, '#top');
  assert.equal(await page.getByTestId('check-default').textContent(), 'Default level: Mild, from this page');
  // The old page was replaced, not stacked: Back leaves the tools.
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  // The fan's widget never started: the feed was asked for once, by the check page.
  const feeds = site.requests.slice(from).filter((line) => line.startsWith('GET /tagged.json'));
  assert.equal(feeds.length, 1, feeds.join('\n'));
  assert.equal(await page.locator('input[name="spoiler-level"]').count(), 0);
  // `check=0` is the widget.
  await page.goto(feedPage(site, feed(), '&check=0'));
  await page.locator('[data-testid="placeholder"]').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/index.html');
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('the builder writes the host’s muted words into both snippets', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  // From the standalone page, with the page's muted words.
  await page.goto(feedPage(site, feed(), '&mute=vecna'));
  await page.locator('[data-testid="placeholder"]').first().waitFor();
  const builder = await openBuilder(page);
  const snippet = builder.getByTestId('embed-snippet');
  const words = builder.locator('input[name="embed-mute"]');
  assert.equal(await words.inputValue(), 'vecna');
  await eventually(async () => assert.match(await snippet.inputValue(), /<spoiler-feed [^>]* mute="vecna"/));
  await words.fill("Vecna,  the keeper's daughter , ");
  await eventually(async () =>
    assert.match(await snippet.inputValue(), /<spoiler-feed [^>]* mute="Vecna, the keeper's daughter"/),
  );
  await builder.locator('input[name="embed-mode"][value="iframe"]').check();
  await eventually(async () => {
    const src = (await snippet.inputValue()).match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
    assert.equal(new URL(src).searchParams.get('mute'), "Vecna, the keeper's daughter");
  });
  // Emptied, the snippet says nothing of it.
  await words.fill('');
  await eventually(async () => assert.doesNotMatch(await snippet.inputValue(), /mute=/));
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('with lang=de the builder’s choices are in German', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(toolsPage(site, feed(), '&lang=de'));
  assert.equal((await page.locator('h1').textContent()).trim(), 'Werkzeuge für Website-Betreiber');
  const builder = page.getByTestId('embed-builder');
  await builder.locator('summary').click();
  const options = (select) =>
    builder.locator(select).first().locator('option').evaluateAll((all) => all.map((o) => [o.value, o.textContent]));
  assert.deepEqual(await options('select[name="embed-theme"]'), [
    ['auto', 'Automatisch'],
    ['light', 'Hell'],
    ['dark', 'Dunkel'],
  ]);
  assert.deepEqual(await options('select[name="embed-default-level"]'), [
    ['', 'Stark (nicht gesetzt)'],
    ['none', 'Keine'],
    ['mild', 'Leicht'],
    ['moderate', 'Mittel'],
    ['major', 'Stark'],
  ]);
  await builder.getByTestId('embed-list-tags').click();
  const casting = builder.locator('[data-testid="embed-tag"][data-tag="Casting"]');
  assert.deepEqual(await options('[data-testid="embed-tag"][data-tag="Casting"] select[name="tag-level"]'), [
    ['', 'Leicht (vom Feed)'],
    ['none', 'Keine'],
    ['mild', 'Leicht'],
    ['moderate', 'Mittel'],
    ['major', 'Stark'],
  ]);
  const kinds = await options('[data-testid="embed-tag"][data-tag="Casting"] select[name="tag-kind"]');
  assert.deepEqual(kinds.slice(1), [
    ['production', 'Produktion'],
    ['cast', 'Besetzung'],
    ['release', 'Start'],
    ['other', 'News'],
  ]);
  // The values are still the attributes' keywords.
  await casting.locator('select[name="tag-level"]').selectOption('moderate');
  await eventually(async () =>
    assert.match(await builder.getByTestId('embed-snippet').inputValue(), / tag-levels="casting:moderate"/),
  );
  assert.deepEqual(errors, [], 'no uncaught errors');
});
