// The fan's guards end to end, on the built bundle: a word muted in one <spoiler-feed> hides
// its updates at once in a second element of the same origin, in another tab, and after a
// reload; no muted text is anywhere in the document, shadow roots included; the host's `mute`
// attribute (and query) applies and follows changes; a pace (`progress="aired-30d"`, or the
// fan's pick) and a snooze survive a reload; a snooze until a date lasts through that day in
// the browser's time zone (Los Angeles, with the page's clock set).
//
// The widget's files, the feeds and the host site are on their own origins (servers on
// 127.0.0.1, one port each). Every wait polls for a condition with a generous limit; nothing
// waits for a fixed time. Nothing here depends on today's date: the only air dates relied on
// are long past, and the date snooze sets the page's clock.

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
  feedPage,
  fixtures,
  openTestPage,
  retry,
  servePage,
} from './support.mjs';

const PROGRESS = JSON.parse(readFileSync(join(fixtures, 'progress.json'), 'utf8'));

/** How long any one condition may take to come true on a slow, busy machine. */
const WAIT_MS = 30_000;
/** The limit for a whole test. */
const TEST_TIMEOUT = { timeout: 240_000 };

/** Spoiler-free updates (by their labels), each with its marker in the title. */
function guardsFeed() {
  const item = (id, title, more = {}) => ({
    id,
    title: `SECRET-${id} ${title}`,
    date_published: '2025-06-01T10:00:00Z',
    _spoilerfeed: { level: 'none' },
    ...more,
  });
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Harbour news',
    _spoilerfeed: { show: 'Harbour Lights' },
    items: [
      item('g-title', 'The Lantern Keeper is back'),
      item('g-html', 'Set photos', { content_html: '<p>Spotted: the <b>lantern</b> keeper&rsquo;s boat</p>' }),
      item('g-tag', 'Behind the scenes', { tags: ['LANTERN KEEPER'] }),
      item('g-plain', 'Season wraps'),
      item('g-light', "The lamplighter's tale"),
      item('g-accent', 'Mar\u00e9e haute'),
    ],
  };
}
const GUARDS = guardsFeed();
const ALL = GUARDS.items.map((item) => item.id);
const NOT_KEEPER = ['g-plain', 'g-light', 'g-accent'];

let widget; // the widget's files (dist/)
let feeds; // the feeds, with CORS
let site; // the fan site
let browser;

before(async () => {
  assertBuilt('spoiler-feed.js', 'the bundle');
  widget = await startServer({ root: dist, headers: CORS });
  feeds = await startServer({
    headers: CORS,
    routes: {
      '/guards/feed.json': json(GUARDS, { type: FEED_JSON }),
      '/harbour/feed.json': json(PROGRESS, { type: FEED_JSON }),
    },
  });
  site = await startServer({ routes: { '/favicon.ico': status(204) } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([widget?.close(), feeds?.close(), site?.close()]);
});

// ---------------------------------------------------------------------------------------
// Helpers

const GUARDS_FEED = () => `${feeds.url}/guards/feed.json`;
const HARBOUR_FEED = () => `${feeds.url}/harbour/feed.json`;

/** Serves a host page around `body`; returns its URL. */
function serve(body) {
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

function openPage(t) {
  return openTestPage(t, browser, { viewport: { width: 1000, height: 900 }, timeout: WAIT_MS, navigationTimeout: 60_000 });
}

const eventually = (check, options = {}) => retry(check, { timeout: WAIT_MS, annotate: 'always', ...options });

/** Waits until the element shows exactly the cards `ids`. */
async function expectCards(scope, ids, what) {
  const expected = [...ids].sort();
  await eventually(async () => {
    await assertStarted(scope, what);
    assert.deepEqual(await cardIds(scope), expected, `${what}: cards`);
  });
}

/** Waits until the feed is in the element. */
async function loaded(scope) {
  await scope.locator('article').first().waitFor({ timeout: WAIT_MS });
}

/** Mutes `words` through the element's panel with the keyboard: open it, type, press Enter. */
async function mute(scope, words) {
  const panel = scope.locator('[data-testid="mute-panel"]');
  await panel.locator('summary').focus();
  await panel.locator('summary').press('Enter');
  const field = panel.getByLabel('Mute a word or phrase');
  await field.fill(words);
  await field.press('Enter');
}

/**
 * Fails if a marker of an item not in `shown` is anywhere in the page (light DOM and every
 * shadow root), or if any of `words` is anywhere outside the mute panels (where the fan's own
 * words are listed).
 */
async function expectNothingMuted(page, shown, words, what) {
  const { all, outsidePanels } = await page.evaluate(() => {
    const roots = [...document.querySelectorAll('spoiler-feed')].map((element) => element.shadowRoot);
    const outside = roots.map((root) => {
      const copy = root.querySelector('.spoilerfeed')?.cloneNode(true);
      copy?.querySelectorAll('[data-testid="mute-panel"]').forEach((panel) => panel.remove());
      return copy?.outerHTML ?? '';
    });
    return {
      all: [document.documentElement.outerHTML, ...roots.map((root) => root.innerHTML)].join('\n'),
      outsidePanels: outside.join('\n'),
    };
  });
  for (const id of ALL) {
    assert.equal(all.includes(`SECRET-${id}`), shown.includes(id), `${what}: the marker of ${id}`);
  }
  for (const word of words) {
    assert.ok(!outsidePanels.toLowerCase().includes(word), `${what}: "${word}" outside the panels`);
  }
}

function stored(page, key) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), key);
}

// ---------------------------------------------------------------------------------------
// Tests

test('a word muted in one element hides its updates in every element and tab, live and after a reload', TEST_TIMEOUT, async (t) => {
  const { context, page, errors } = await openPage(t);
  await page.goto(
    serve(`<spoiler-feed id="first" src="${GUARDS_FEED()}"></spoiler-feed>
<spoiler-feed id="second" src="${GUARDS_FEED()}"></spoiler-feed>`),
  );
  const first = page.locator('spoiler-feed#first');
  const second = page.locator('spoiler-feed#second');
  await loaded(first);
  await loaded(second);
  await expectCards(first, ALL, 'nothing muted');

  await mute(first, 'lantern keeper');
  await expectCards(first, NOT_KEEPER, 'muted here');
  await expectCards(second, NOT_KEEPER, 'muted in the other element');
  for (const scope of [first, second]) {
    await eventually(async () => {
      assert.equal(await scope.locator('[data-testid="hidden-count"]').textContent(), '3 muted');
      assert.equal(await scope.locator('[data-testid="mute-panel"] summary').textContent(), 'Muted words (1)');
    });
    const reasons = await scope.locator('.sf-placeholder__reason').allTextContents();
    assert.deepEqual(reasons, Array(3).fill('Hidden: mentions a word you muted'));
  }
  await expectNothingMuted(page, NOT_KEEPER, ['lantern', 'keeper'], 'muted');
  assert.deepEqual(await stored(page, 'spoilerfeed:guards:mute'), { every: ['lantern keeper'], shows: {} });

  // Reveal works, once, on purpose.
  await first.locator('[data-testid="placeholder"]').first().getByRole('button', { name: /Reveal/ }).click();
  await eventually(async () => assert.equal((await cardIds(first)).length, NOT_KEEPER.length + 1));
  await first.getByRole('button', { name: 'Hide again' }).click();
  await expectCards(first, NOT_KEEPER, 'hidden again');

  await page.reload();
  await loaded(first);
  await loaded(second);
  await expectCards(first, NOT_KEEPER, 'after a reload');
  await expectCards(second, NOT_KEEPER, 'the other element after a reload');
  await expectNothingMuted(page, NOT_KEEPER, ['lantern', 'keeper'], 'after a reload');

  // Another tab of the same site follows too (it hears of the change from storage).
  const other = await context.newPage();
  await other.goto(page.url());
  const tab = other.locator('spoiler-feed#first');
  await loaded(tab);
  await expectCards(tab, NOT_KEEPER, 'another tab');

  // Removed in the second element: back in both at once, and in the other tab.
  await second.locator('[data-testid="mute-panel"] summary').click();
  await second.getByRole('button', { name: 'Remove lantern keeper' }).click();
  await expectCards(first, ALL, 'unmuted in the other element');
  await expectCards(second, ALL, 'unmuted here');
  await expectCards(tab, ALL, 'unmuted in another tab');
  assert.equal(await first.locator('[data-testid="hidden-count"]').count(), 0);

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('the host mutes words with the mute attribute and the query, and can change them', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(serve(`<spoiler-feed id="host" src="${GUARDS_FEED()}" mute="Lantern Keeper, maree, lamp"></spoiler-feed>`));
  const host = page.locator('spoiler-feed#host');
  await loaded(host);
  // Accents dropped, whole words only: `lamp` leaves the lamplighter alone.
  await expectCards(host, ['g-plain', 'g-light'], 'mute attribute');
  await expectNothingMuted(page, ['g-plain', 'g-light'], [], 'mute attribute');
  // Listed, not removable, not stored.
  assert.equal(await host.locator('[data-testid="host-muted-word"]').count(), 3);
  assert.equal(await host.locator('[data-testid="host-muted-word"] button').count(), 0);
  assert.equal(await stored(page, 'spoilerfeed:guards:mute'), null);

  await host.evaluate((element) => element.setAttribute('mute', 'maree'));
  await expectCards(host, ['g-title', 'g-html', 'g-tag', 'g-plain', 'g-light'], 'mute attribute changed');

  // The standalone page reads the same setting from its query.
  await page.goto(feedPage(widget, GUARDS_FEED(), `&mute=${encodeURIComponent('lantern keeper')}`));
  const standalone = page.locator('body');
  await loaded(standalone);
  await expectCards(standalone, NOT_KEEPER, 'mute query');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('a pace and a snooze survive a reload', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  // The host's pace: a month behind the broadcast, so seasons 1 and 2 (aired long ago) are in.
  await page.goto(serve(`<spoiler-feed id="paced" src="${HARBOUR_FEED()}" progress="aired-30d"></spoiler-feed>`));
  const paced = page.locator('spoiler-feed#paced');
  await loaded(paced);
  await eventually(async () => assert.ok((await cardIds(paced)).includes('hl-s2-major'), 'season 2 unlocked'));
  const picker = paced.locator('[data-testid="progress"][data-show="Harbour Lights"] select[name="progress"]');
  assert.equal(await picker.inputValue(), 'aired-30d');

  // The fan's own pace, stored and read back after a reload.
  await page.goto(serve(`<spoiler-feed id="fan" src="${HARBOUR_FEED()}"></spoiler-feed>`));
  const fan = page.locator('spoiler-feed#fan');
  await loaded(fan);
  const select = fan.locator('[data-testid="progress"][data-show="Harbour Lights"] select[name="progress"]');
  await select.selectOption('aired-14d');
  await eventually(async () => assert.ok((await cardIds(fan)).includes('hl-s2-major'), 'season 2 unlocked'));
  assert.deepEqual(await stored(page, 'spoilerfeed:progress:harbour lights'), { watched: 'aired-14d', ahead: false });
  const withPace = await cardIds(fan);
  await page.reload();
  await loaded(fan);
  await expectCards(fan, withPace, 'the pace after a reload');
  assert.equal(await select.inputValue(), 'aired-14d');

  // Snoozed until unsnoozed: every Harbour Lights update is a placeholder with kind and date.
  const panel = fan.locator('[data-testid="snooze-panel"]');
  await panel.locator('summary').click();
  const form = panel.locator('[data-testid="snooze"]');
  await form.getByLabel('Hide everything about').selectOption('Harbour Lights');
  await form.locator('select[name="snooze-for"]').selectOption('unsnoozed');
  await form.getByRole('button', { name: 'Snooze' }).click();
  const others = withPace.filter((id) => !id.startsWith('hl-'));
  await expectCards(fan, others, 'snoozed');
  assert.deepEqual(await stored(page, 'spoilerfeed:guards:snooze'), { 'harbour lights': null });
  const snoozed = fan.locator('[data-guard="snoozed"]');
  assert.ok((await snoozed.count()) > 0);
  for (const text of await snoozed.allTextContents()) {
    assert.ok(!text.includes('Harbour Lights'), 'a snoozed placeholder has only kind and date');
  }

  await page.reload();
  await loaded(fan);
  await expectCards(fan, others, 'the snooze after a reload');
  await fan.locator('[data-testid="snooze-panel"] summary').click();
  await fan.getByRole('button', { name: 'Unsnooze' }).click();
  await expectCards(fan, withPace, 'unsnoozed');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('a snooze until Friday lasts through Friday where the fan is', TEST_TIMEOUT, async (t) => {
  // A fan in Los Angeles on Friday 11 December 2026, 15:00 (23:00 UTC).
  const { page, errors } = await openTestPage(t, browser, {
    viewport: { width: 1000, height: 900 },
    timeout: WAIT_MS,
    navigationTimeout: 60_000,
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
  });
  await page.clock.setFixedTime(new Date('2026-12-11T15:00:00-08:00'));
  const url = serve(`<spoiler-feed id="fan" src="${GUARDS_FEED()}"></spoiler-feed>`);
  await page.goto(url);
  const fan = page.locator('spoiler-feed#fan');
  await loaded(fan);
  await expectCards(fan, ALL, 'before the snooze');

  const panel = fan.locator('[data-testid="snooze-panel"]');
  await panel.locator('summary').click();
  await panel.locator('input[name="snooze-until"]').fill('2026-12-11');
  await panel.getByRole('button', { name: 'Snooze' }).click();
  await expectCards(fan, [], 'snoozed until Friday');
  assert.deepEqual(await stored(page, 'spoilerfeed:guards:snooze'), { 'harbour lights': '2026-12-11' });
  const row = fan.locator('[data-testid="snoozed"]');
  assert.match(await row.textContent(), /Harbour Lights is snoozed until Friday, Dec 11, end of day/);

  // 23:59 on Friday there (07:59 UTC on Saturday): still snoozed.
  await page.clock.setFixedTime(new Date('2026-12-11T23:59:00-08:00'));
  await page.reload();
  await loaded(fan);
  await expectCards(fan, [], 'late on Friday');
  // Saturday has begun there: the snooze is over by itself.
  await page.clock.setFixedTime(new Date('2026-12-12T00:00:30-08:00'));
  await page.reload();
  await loaded(fan);
  await expectCards(fan, ALL, 'on Saturday');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
