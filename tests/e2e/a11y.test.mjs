// Accessibility checked by a standard engine: axe-core's WCAG 2.1 A and AA rules, on the
// standalone page, the <spoiler-feed> element in a host page and the iframe, at each level,
// after a reveal, with the error card, the offline notice, the check page, the embed-code
// builder and the muted-words and snooze panels open, in light and dark. No rule is left out.
// Then the keyboard path: Tab reaches the level picker, the chips, every Reveal and "Show
// more" in order, and focus stays on something sensible after a reveal, "Hide again", a level
// change, the new-updates banner and the last "Show more".
//
// Each scheme loads a few pages and walks the states within them, so the suite stays short.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_JSON, file, json, launchBrowser, startServer, status } from './server.mjs';
import {
  assertBuilt,
  axeViolations,
  dist,
  feedPage,
  fixtures,
  focused,
  openTestPage,
  retry,
  servePage,
  toolsPage,
} from './support.mjs';

const ALL_KINDS = join(fixtures, 'all-kinds.json');
/** How long any one condition may take on a slow, busy machine. */
const WAIT_MS = 30_000;
const TEST_TIMEOUT = { timeout: 240_000 };
const LEVELS = ['none', 'mild', 'moderate', 'major'];
/** Few entries per page, so that "Show more" shows too. */
const MAX_ITEMS = 6;

const eventually = (check, options = {}) => retry(check, { timeout: WAIT_MS, annotate: 'timeout', ...options });

let site;
let browser;
/** What /flaky.json answers: the feed, or a dropped connection. */
let flakyUp = true;
/** What /growing.json answers: the fixture, with `extra` newer updates before its own. */
const fixture = JSON.parse(readFileSync(ALL_KINDS, 'utf8'));
let extra = [];

before(async () => {
  assertBuilt('index.html', 'the site');
  site = await startServer({
    root: dist,
    routes: {
      '/favicon.ico': status(204),
      '/all-kinds.json': file(ALL_KINDS, { type: FEED_JSON }),
      '/missing.json': status(404, 'no such feed'),
      '/growing.json': (req, res) => json({ ...fixture, items: [...extra, ...fixture.items] }, { type: FEED_JSON })(req, res),
      '/flaky.json': (req, res) => (flakyUp ? file(ALL_KINDS, { type: FEED_JSON })(req, res) : req.socket.destroy()),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

function openPage(t, colorScheme) {
  return openTestPage(t, browser, {
    viewport: { width: 1000, height: 900 },
    colorScheme,
    timeout: WAIT_MS,
    navigationTimeout: 60_000,
  });
}

/** Fails with every violation, each with its elements, if axe finds any on `target`. */
async function expectAccessible(target, what, options) {
  const violations = await axeViolations(target, options);
  assert.deepEqual(violations, [], `${what}: axe-core's WCAG 2.1 A/AA rules\n${violations.join('\n')}`);
}

/** Waits until `scope` shows entries (cards or placeholders). */
async function waitForEntries(scope) {
  await scope.locator('[data-testid="card"], [data-testid="placeholder"]').first().waitFor({ state: 'visible' });
}

/** Picks `level` in `scope` and waits until the list follows it. */
async function pickLevel(scope, level) {
  await scope.locator(`input[name="spoiler-level"][value="${level}"]`).check();
  // Four updates per level in the fixture.
  const hidden = (LEVELS.length - 1 - LEVELS.indexOf(level)) * 4;
  const count = scope.locator('[data-testid="hidden-count"]');
  await eventually(async () => {
    if (hidden === 0) assert.equal(await count.count(), 0, `nothing hidden at ${level}`);
    else assert.match(await count.textContent(), new RegExp(`^${hidden} updates hidden`), `hidden at ${level}`);
  });
}

/** Every level, then a reveal, each checked by axe. */
async function walkLevels(scope, target, what) {
  for (const level of LEVELS) {
    await pickLevel(scope, level);
    await expectAccessible(target, `${what} at ${level}`);
  }
  await pickLevel(scope, 'none');
  await scope.locator('[data-testid="placeholder"] button').first().click();
  await scope.locator('.sf-card--revealed').first().waitFor();
  await expectAccessible(target, `${what} after a reveal`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe: the standalone page, the tools page's embed-code builder and check page, error and offline notice (${scheme})`, TEST_TIMEOUT, async (t) => {
    const { page, errors } = await openPage(t, scheme);
    await page.goto(feedPage(site, `${site.url}/all-kinds.json`, `&max-items=${MAX_ITEMS}`));
    await waitForEntries(page);
    // The muted-words and snooze panels open too, a word muted so its list shows.
    for (const panel of ['mute-panel', 'snooze-panel']) {
      const summary = page.locator(`[data-testid="${panel}"] summary`);
      if (await summary.count()) await summary.click();
    }
    if (await page.getByTestId('mute-input').count()) {
      await page.getByTestId('mute-input').fill('zebra');
      await page.getByTestId('mute-input').press('Enter');
      await page.getByTestId('muted-word').first().waitFor();
    }
    await walkLevels(page, page, `standalone page (${scheme})`);

    // The builder, its muted words set and the feed's tags listed.
    await page.goto(toolsPage(site, `${site.url}/all-kinds.json`, '&mute=zebra'));
    await page.locator('[data-testid="embed-builder"] summary').click();
    const listTags = page.getByTestId('embed-list-tags');
    await listTags.waitFor();
    await listTags.click();
    await page.getByTestId('embed-tags').waitFor();
    await expectAccessible(page, `embed-code builder (${scheme})`);

    await page.goto(feedPage(site, `${site.url}/all-kinds.json`, '&check=1'));
    await page.getByTestId('check-report').waitFor();
    await page.getByTestId('show-titles').click();
    await expectAccessible(page, `check page (${scheme})`);

    await page.goto(feedPage(site, `${site.url}/missing.json`));
    await page.getByTestId('error').waitFor();
    await expectAccessible(page, `error card (${scheme})`);

    flakyUp = true;
    await page.goto(feedPage(site, `${site.url}/flaky.json`));
    await waitForEntries(page);
    flakyUp = false;
    await page.reload();
    await page.getByTestId('offline').waitFor();
    await page.getByTestId('error').waitFor();
    await expectAccessible(page, `offline notice and error card (${scheme})`);
    flakyUp = true;
    assert.deepEqual(errors, [], 'no uncaught errors');
  });

  test(`axe: the element in a host page and the iframe (${scheme})`, TEST_TIMEOUT, async (t) => {
    const { page, errors } = await openPage(t, scheme);
    const feed = `${site.url}/all-kinds.json`;
    // The element's reveal is stored for the feed; the iframe starts from a fresh context.
    const { page: framePage, errors: frameErrors } = await openPage(t, scheme);
    await page.goto(
      servePage(
        site,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A fan site</title>
<meta name="color-scheme" content="light dark"></head>
<body><main><h1>A fan site</h1><h2>News</h2>
<spoiler-feed src="${feed}" max-items="${MAX_ITEMS}"></spoiler-feed></main>
<script type="module" src="${site.url}/spoiler-feed.js"></script></body></html>`,
      ),
    );
    const element = page.locator('spoiler-feed');
    await waitForEntries(element);
    await walkLevels(element, page, `element (${scheme})`);

    // Following the system theme, the frame is transparent so the host page's background
    // shows through; axe can't see past the frame and measures against white, so the dark run
    // fixes the theme (the frame then paints its own background).
    const theme = scheme === 'dark' ? '&theme=dark' : '';
    const frameUrl = feedPage(site, feed, `&embed=1&max-items=${MAX_ITEMS}${theme}`);
    await framePage.goto(
      servePage(
        site,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A fan site</title></head>
<body><main><h1>A fan site</h1>
<iframe src="${frameUrl}" title="Show news" style="width: 100%; height: 1200px; border: 0"></iframe></main></body></html>`,
      ),
    );
    const frame = await eventually(() => {
      const found = framePage.frames().find((f) => f.url().includes('embed=1'));
      assert.ok(found, 'the iframe');
      return found;
    });
    await waitForEntries(frame);
    await expectAccessible(framePage, `iframe's host page (${scheme})`, { iframes: false });
    await walkLevels(frame, frame, `iframe (${scheme})`);
    assert.deepEqual([...errors, ...frameErrors], [], 'no uncaught errors');
  });
}

test('keyboard: Tab reaches the level picker, chips, each Reveal and Show more in order; focus stays', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t, 'light');
  await page.goto(feedPage(site, `${site.url}/all-kinds.json`, `&max-items=${MAX_ITEMS}`));
  await waitForEntries(page);
  const reveals = await page.locator('[data-testid="placeholder"] button').count();
  assert.ok(reveals > 0, 'placeholders to reveal');

  // Tab from the top of the page through the widget, noting each stop.
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now.inWidget) {
      if (stops.length) break;
      continue;
    }
    stops.push(now);
    if (now.className.includes('sf-more')) break;
  }
  const names = stops.map((stop) => {
    if (stop.type === 'radio') return 'level';
    if (stop.testid === 'kind-chip') return 'chip';
    if (stop.text.startsWith('Reveal')) return 'reveal';
    if (stop.className.includes('sf-more')) return 'more';
    return 'other';
  });
  // A radio group is one Tab stop; the chips; then the Reveals in list order, then Show more.
  const wanted = ['level', 'chip', 'chip', 'chip', 'chip', ...Array(reveals).fill('reveal'), 'more'];
  assert.deepEqual(
    names.filter((name) => name !== 'other'),
    wanted,
    `Tab order: ${JSON.stringify(stops.map((s) => s.text || s.tag))}`,
  );
  assert.ok(names.indexOf('level') < names.indexOf('chip'), 'the level picker comes before the chips');

  // A reveal from the keyboard moves focus to the revealed card's button, not to <body>.
  await page.locator('[data-testid="placeholder"] button').first().focus();
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const now = await focused(page);
    assert.ok(now.inWidget && now.tag === 'button', `focus after a reveal: ${JSON.stringify(now)}`);
    assert.match(now.text, /Hide again/);
  });
  // Hiding it again from the keyboard moves focus to its Reveal button.
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const now = await focused(page);
    assert.ok(now.inWidget && now.tag === 'button', `focus after Hide again: ${JSON.stringify(now)}`);
    assert.match(now.text, /^Reveal/);
  });

  // A level change from the keyboard keeps focus on the picker.
  await page.locator('input[name="spoiler-level"][value="none"]').focus();
  await page.keyboard.press('ArrowRight');
  await eventually(async () => {
    assert.equal(await page.locator('input[name="spoiler-level"]:checked').getAttribute('value'), 'mild');
    const now = await focused(page);
    assert.ok(now.inWidget && now.type === 'radio', `focus after a level change: ${JSON.stringify(now)}`);
  });

  // "Show more" from the keyboard, until it has shown everything and goes: focus stays in
  // the widget, not on <body>.
  await page.locator('input[name="spoiler-level"][value="major"]').check();
  for (let i = 0; await page.locator('.sf-more').count(); i++) {
    assert.ok(i < 5, 'Show more goes once everything is shown');
    await page.locator('.sf-more').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const now = await focused(page);
      assert.ok(now.inWidget, `focus after Show more: ${JSON.stringify(now)}`);
    });
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('keyboard: focus stays in the widget after the new-updates banner (fake clock)', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t, 'light');
  extra = [];
  await page.clock.install({ time: new Date('2026-03-01T12:00:00Z') });
  await page.goto(feedPage(site, `${site.url}/growing.json`, '&refresh=60'));
  await waitForEntries(page);
  extra = [{ id: 'fresh', title: 'Fresh news', content_text: 'Filming resumed.', date_published: '2026-03-01T12:00:30Z', _spoilerfeed: { level: 'none', kind: 'production' } }];
  const banner = page.getByTestId('new-updates');
  await eventually(async () => {
    await page.clock.fastForward('01:05');
    assert.equal(await banner.count(), 1, 'the banner');
  });
  await banner.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="card"][data-id="fresh"]').waitFor();
  const now = await focused(page);
  assert.ok(now.inWidget && now.tag !== 'body', `focus after the banner: ${JSON.stringify(now)}`);
  assert.deepEqual(errors, [], 'no uncaught errors');
});
