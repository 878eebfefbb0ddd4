// The site owner's tests: the check page (index.html?check=1&feed=...) and the embed-code
// builder's tag maps, on the release build in dist/ served on 127.0.0.1. What each update's
// level and reason should be is worked out here from the feed's JSON, independently of the
// widget.
//
//   cd tests/e2e && SPOILERFEED_DIST=../../dist node --test check.test.mjs
//
// Nothing waits a fixed time: every check polls (`eventually`), with generous timeouts.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_JSON, file, launchBrowser, startServer, status } from './server.mjs';
import { assertBuilt, dist, feedPage, fixtures, itemRef, openBuilder, openTestPage, retry } from './support.mjs';

/** A fan site's feed: categories as tags, mapped by its own `_spoilerfeed.tag_levels`. */
const TAGGED = join(fixtures, 'tagged.json');

/** How long any one condition may take to come true (the first also compiles the wasm). */
const WAIT = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };

const LEVELS = ['none', 'mild', 'moderate', 'major'];
const LABELS = { none: 'None', mild: 'Mild', moderate: 'Moderate', major: 'Major' };

const eventually = (check) => retry(check, { timeout: WAIT, annotate: 'timeout' });

/** A tag map as the feed writes it (an object, or "tag:level, tag:level"), keys as matched. */
function tagMap(value) {
  const pairs =
    typeof value === 'string'
      ? value.split(',').map((pair) => {
          const at = pair.lastIndexOf(':');
          return [pair.slice(0, at), pair.slice(at + 1)];
        })
      : Object.entries(value ?? {});
  return new Map(pairs.map(([tag, level]) => [tag.trim().toLowerCase(), level.trim().toLowerCase()]));
}

/**
 * Each item's expected level and reason: its own level wins; else the most spoiling of its
 * mapped tags (the first of them names the reason); else the default; else Major.
 */
function model(feed) {
  const ext = feed._spoilerfeed ?? {};
  const levels = tagMap(ext.tag_levels);
  return feed.items.map((item) => {
    const own = item._spoilerfeed?.level;
    let level = null;
    let reason = null;
    if (LEVELS.includes(own)) {
      [level, reason] = [own, 'Own label'];
    } else {
      for (const tag of item.tags ?? []) {
        const mapped = levels.get(tag.trim().toLowerCase());
        if (mapped && (level === null || LEVELS.indexOf(mapped) > LEVELS.indexOf(level))) {
          [level, reason] = [mapped, `Tag "${tag.trim()}"`];
        }
      }
    }
    if (level === null && LEVELS.includes(ext.default_level)) {
      [level, reason] = [ext.default_level, 'The default level'];
    }
    if (level === null) [level, reason] = ['major', 'Nothing said: Major (fail closed)'];
    return { ref: itemRef(item.id), title: item.title, level, reason };
  });
}

/** The check page's rows, read in one go. */
function rows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="check-item"]')].map((row) => ({
      ref: row.dataset.ref,
      level: row.querySelector('[data-testid="check-level"]').textContent,
      reason: row.querySelector('[data-testid="check-level-reason"]').textContent,
      title: row.querySelector('[data-testid="check-item-title"]')?.textContent ?? null,
    })),
  );
}

let browser;

before(async () => {
  assertBuilt('index.html', 'the site');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function serve(t, routes) {
  const server = await startServer({ root: dist, routes });
  t.after(() => server.close());
  return server;
}

const openPage = (t) => openTestPage(t, browser, { viewport: { width: 900, height: 900 }, timeout: WAIT });

test('the check page says each update’s level and why, and shows titles only when asked', TEST_TIMEOUT, async (t) => {
  const feed = JSON.parse(readFileSync(TAGGED, 'utf8'));
  const expected = model(feed);
  const site = await serve(t, { '/tagged.json': file(TAGGED, { type: FEED_JSON }) });
  const { page, errors } = await openPage(t);

  await page.goto(feedPage(site, `${site.url}/tagged.json`, '&check=1'));
  await eventually(async () => assert.equal((await rows(page)).length, expected.length));
  // The standalone page's check link lands on the tools page, with the same query.
  const landed = new URL(page.url());
  assert.equal(landed.pathname, '/tools.html');
  assert.equal(landed.searchParams.get('feed'), `${site.url}/tagged.json`);
  assert.equal(landed.searchParams.get('check'), '1');
  assert.equal(await page.getByTestId('check-title').textContent(), feed.title);
  assert.equal(await page.getByTestId('check-format').textContent(), 'JSON Feed');
  assert.equal(await page.getByTestId('check-items').textContent(), String(expected.length));
  assert.equal(await page.getByTestId('check-skipped').textContent(), '0');
  // The widget itself is not on the check page.
  assert.equal(await page.locator('input[name="spoiler-level"]').count(), 0);

  const byRef = new Map((await rows(page)).map((row) => [row.ref, row]));
  for (const item of expected) {
    const row = byRef.get(item.ref);
    assert.ok(row, `a row for ${item.ref}`);
    assert.equal(row.level, LABELS[item.level], `the level of ${item.ref}`);
    assert.equal(row.reason, item.reason, `the reason of ${item.ref}`);
    assert.equal(row.title, null);
  }
  // Every kind of reason is on the page.
  const reasons = new Set(expected.map((item) => item.reason.split(' ')[0]));
  assert.deepEqual([...reasons].sort(), ['Nothing', 'Own', 'Tag']);

  // No title anywhere in the document before the click.
  const before = await page.content();
  for (const item of expected) {
    assert.ok(!before.includes(item.title), `the title of ${item.ref} is in the page before the click`);
  }

  await page.getByTestId('show-titles').click();
  await eventually(async () => {
    const shown = await rows(page);
    for (const item of expected) {
      assert.equal(shown.find((row) => row.ref === item.ref)?.title, item.title);
    }
  });
  assert.equal(await page.getByTestId('show-titles').count(), 0);
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('the page’s own tag maps and default level win on the check page', TEST_TIMEOUT, async (t) => {
  const site = await serve(t, { '/tagged.json': file(TAGGED, { type: FEED_JSON }) });
  const { page, errors } = await openPage(t);
  const query = `&check=1&tag-levels=${encodeURIComponent('trailers:mild, news:moderate')}&default-level=mild`;
  await page.goto(feedPage(site, `${site.url}/tagged.json`, query));
  await eventually(async () => assert.ok((await rows(page)).length > 0));
  assert.equal(await page.getByTestId('check-default').textContent(), 'Default level: Mild, from this page');
  const levels = page.getByTestId('check-tag-levels');
  assert.match(await levels.textContent(), /trailersMildthis page, over the feed's Moderate/);
  const reasons = (await rows(page)).map((row) => row.reason);
  assert.ok(reasons.includes('The default level'), reasons.join(' | '));
  assert.ok(reasons.includes('Tag "News"'), reasons.join(' | '));
  assert.ok(!reasons.includes('Nothing said: Major (fail closed)'), reasons.join(' | '));
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('a feed that fails shows the error card, and Retry loads it', TEST_TIMEOUT, async (t) => {
  const site = await serve(t, { '/tagged.json': status(503, 'down') });
  const { page, errors } = await openPage(t);
  await page.goto(feedPage(site, `${site.url}/tagged.json`, '&check=1'));
  await page.getByTestId('error').waitFor();
  site.setRoute('/tagged.json', file(TAGGED, { type: FEED_JSON }));
  await page.getByRole('button', { name: 'Retry' }).click();
  await eventually(async () => assert.ok((await rows(page)).length > 0));
  assert.equal(await page.getByTestId('error').count(), 0);
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('the embed builder maps a tag of the feed, and the page links to its check', TEST_TIMEOUT, async (t) => {
  const site = await serve(t, { '/tagged.json': file(TAGGED, { type: FEED_JSON }) });
  const { page, errors } = await openPage(t);
  await page.goto(feedPage(site, `${site.url}/tagged.json`));
  await page.locator('[data-testid="placeholder"]').first().waitFor();

  const builder = await openBuilder(page);
  // The tags may give things away: they are listed only when asked.
  assert.equal(await builder.getByTestId('embed-tag').count(), 0);
  await builder.getByTestId('embed-list-tags').click();
  const casting = builder.locator('[data-testid="embed-tag"][data-tag="Casting"]');
  // Left unset, a tag keeps the feed's own mapping, and the builder says so.
  assert.equal(await casting.locator('select[name="tag-level"] option[value=""]').textContent(), "Mild (the feed's)");
  const theories = builder.locator('[data-testid="embed-tag"][data-tag="Theories"]');
  assert.equal(await theories.locator('select[name="tag-level"] option[value=""]').textContent(), 'not mapped');
  await casting.locator('select[name="tag-level"]').selectOption('moderate');
  await casting.locator('select[name="tag-kind"]').selectOption('cast');
  await builder.locator('select[name="embed-default-level"]').selectOption('mild');
  const snippet = builder.getByTestId('embed-snippet');
  await eventually(async () => {
    const element = await snippet.inputValue();
    assert.match(element, / tag-levels="casting:moderate"/);
    assert.match(element, / tag-kinds="casting:cast"/);
    assert.match(element, / default-level="mild"/);
  });
  await builder.locator('input[name="embed-mode"][value="iframe"]').check();
  await eventually(async () => {
    const src = (await snippet.inputValue()).match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
    const query = new URL(src).searchParams;
    assert.equal(query.get('tag-levels'), 'casting:moderate');
    assert.equal(query.get('tag-kinds'), 'casting:cast');
    assert.equal(query.get('default-level'), 'mild');
  });
  // Unmapped again, the tag leaves the snippet.
  await casting.locator('select[name="tag-level"]').selectOption('');
  await eventually(async () => assert.doesNotMatch(await snippet.inputValue(), /tag-levels/));

  // The tools page links to the feed's check page.
  await page.getByTestId('check-link').click();
  await page.waitForURL(/\/tools\.html\?(.*&)?check=1/);
  await eventually(async () => assert.ok((await rows(page)).length > 0));
  assert.equal(new URL(page.url()).searchParams.get('feed'), `${site.url}/tagged.json`);
  assert.deepEqual(errors, [], 'no uncaught errors');
});
