// A fan site's WordPress RSS feed end to end: a host page embeds <spoiler-feed> with its
// categories mapped to levels (`tag-levels`), the feed served as application/rss+xml from
// another origin. Which updates are cards is computed here from the fixture's XML and the
// attribute alone, independently of the widget.
//
//   cd tests/e2e && SPOILERFEED_DIST=../../dist node --test rss.test.mjs
//
// Covered: at None only the production updates are cards and nothing of the others is in the
// page (shadow root included); raising the level shows more; a reveal shows one update; a
// reload remembers the level and the reveal; the feed's HTML never becomes markup. An
// ISO-8859-1 feed (umlauts as single bytes) reads right whether the server names its charset
// or only the XML declaration does, and its cards carry the channel's language.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { file, launchBrowser, startServer, status, text } from './server.mjs';
import { CORS, assertBuilt, assertStarted, cardIds, dist, fixtures, itemRef, openTestPage, retry, servePage } from './support.mjs';

const FEED = join(fixtures, 'wordpress-rss.xml');
const TAG_LEVELS = 'production:none, casting:mild, trailers:moderate, spoilers:major';

/** How long any one condition may take to come true on a slow, busy machine. */
const WAIT_MS = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };

const LEVELS = ['none', 'mild', 'moderate', 'major'];

/** The text of every `<tag>` in `xml`, CDATA unwrapped. */
function texts(xml, tag) {
  return [...xml.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    m[1].replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1').trim(),
  );
}

/**
 * The fixture's items as the widget should classify them: the most spoiling level of the
 * categories the host maps, and `major` when it maps none (fail closed).
 */
function model() {
  const map = Object.fromEntries(TAG_LEVELS.split(',').map((pair) => pair.trim().split(':')));
  return texts(readFileSync(FEED, 'utf8'), 'item').map((item) => {
    const id = texts(item, 'guid')[0];
    const mapped = texts(item, 'category')
      .map((category) => map[category.toLowerCase()])
      .filter((level) => level !== undefined);
    const level = mapped.length ? mapped.sort((a, b) => LEVELS.indexOf(b) - LEVELS.indexOf(a))[0] : 'major';
    const secret = /SECRET-[\w-]+/.exec(item)?.[0];
    return { id, level, secret };
  });
}

const ITEMS = model();

/** A German fan site's RSS feed, its XML declaration ending in `declaration`. */
const GERMAN_TITLE = 'Dreharbeiten in Köln: Grüße an alle Fans';
const GERMAN_TEXT = 'Die Kameras laufen wieder: für Staffel 3 gehört auch ein Besuch in Düsseldorf dazu.';
const GERMAN_RSS = (declaration) => `<?xml version="1.0" ${declaration}?>
<rss version="2.0" xmlns:sf="urn:spoilerfeed:1"><channel>
<title>Harbour Lights: Neuigkeiten</title><link>https://fans.example/</link><language>de-DE</language>
<sf:default-level>none</sf:default-level>
<item><guid>koeln</guid><title>${GERMAN_TITLE}</title><description>${GERMAN_TEXT}</description></item>
</channel></rss>`;

/** `text` in ISO-8859-1: one byte a character (every character here is in Latin-1). */
function latin1(text) {
  assert.ok([...text].every((c) => c.charCodeAt(0) < 256), 'the text is Latin-1');
  return Buffer.from(text, 'latin1');
}

/** The ids (sorted) that are cards at `level` with `revealed`, and the secrets that must not show. */
function expected(level, revealed = []) {
  const shown = (item) => LEVELS.indexOf(item.level) <= LEVELS.indexOf(level) || revealed.includes(item.id);
  return {
    cards: ITEMS.filter(shown).map((item) => item.id).sort(),
    placeholders: ITEMS.filter((item) => !shown(item)).length,
    secrets: ITEMS.filter((item) => !shown(item)).map((item) => item.secret),
  };
}

let widget; // the widget's files
let feeds; // the feed, with CORS
let host; // the fan site's pages
let browser;

before(async () => {
  assertBuilt('spoiler-feed.js', 'the bundle');
  widget = await startServer({ root: dist, headers: CORS });
  feeds = await startServer({
    headers: CORS,
    routes: {
      '/feed/': file(FEED, { type: 'application/rss+xml; charset=UTF-8' }),
      // Only the declaration names the encoding; then only the header does.
      '/latin1/declared/': text(latin1(GERMAN_RSS('encoding="ISO-8859-1"')), { type: 'application/rss+xml' }),
      '/latin1/header/': text(latin1(GERMAN_RSS('')), { type: 'application/rss+xml; charset=ISO-8859-1' }),
    },
  });
  host = await startServer({ routes: { '/favicon.ico': status(204) } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([widget?.close(), feeds?.close(), host?.close()]);
});

const eventually = (check, options = {}) => retry(check, { timeout: WAIT_MS, annotate: 'timeout', ...options });

/** The page and the shadow root of its widget, as HTML. */
function everything(page) {
  return page.evaluate(() => {
    const element = document.querySelector('spoiler-feed');
    return `${document.documentElement.outerHTML}\n${element?.shadowRoot?.innerHTML ?? ''}`;
  });
}

/** Waits until the widget shows what `expected(level, revealed)` says, and nothing more. */
async function expectView(page, level, revealed = []) {
  const want = expected(level, revealed);
  const element = page.locator('spoiler-feed');
  await eventually(async () => {
    await assertStarted(element, level);
    assert.deepEqual(await cardIds(element), want.cards, `cards at ${level}`);
    assert.equal(await element.locator('[data-testid="placeholder"]').count(), want.placeholders, `placeholders at ${level}`);
    const checked = await element.locator('input[name="spoiler-level"]:checked').evaluate((input) => input.value);
    assert.equal(checked, level, 'the level picked');
  });
  const html = await everything(page);
  for (const secret of want.secrets) assert.ok(!html.includes(secret), `hidden text (${secret}) is in the page at ${level}`);
  for (const item of ITEMS.filter((item) => want.cards.includes(item.id))) {
    assert.ok(html.includes(item.secret), `the shown update's text (${item.secret}) is on its card`);
  }
}

test('the model has an update at every level the host maps, and one it does not', () => {
  assert.deepEqual(
    ITEMS.map((item) => item.level).sort(),
    ['major', 'major', 'mild', 'moderate', 'none', 'none'],
  );
  assert.ok(ITEMS.every((item) => item.id && item.secret));
});

test('a WordPress RSS feed with tag-levels: levels, a reveal, and both remembered after a reload', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openTestPage(t, browser, { timeout: WAIT_MS, navigationTimeout: 60_000 });
  const url = servePage(
    host,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Lights fans</title></head>
<body><h1>News</h1>
<spoiler-feed src="${feeds.url}/feed/" tag-levels="${TAG_LEVELS}"></spoiler-feed>
<script type="module" src="${widget.url}/spoiler-feed.js"></script>
</body></html>`,
  );
  await page.goto(url);
  const element = page.locator('spoiler-feed');

  // At None only the production updates are cards.
  await expectView(page, 'none');

  // Raising the level shows more.
  for (const level of ['mild', 'moderate', 'major']) {
    await element.locator(`input[name="spoiler-level"][value="${level}"]`).check();
    await expectView(page, level);
  }

  // The feed's HTML is text: no element, handler or script of it reached the page.
  const markup = await page.evaluate(() => {
    const root = document.querySelector('spoiler-feed').shadowRoot;
    return {
      elements: root.querySelectorAll('[data-testid="card"] script, [data-testid="card"] img[onerror], [onerror]').length,
      pwned: window.__pwned ?? null,
    };
  });
  assert.deepEqual(markup, { elements: 0, pwned: null });

  // Back at None, reveal the casting update.
  await element.locator('input[name="spoiler-level"][value="none"]').check();
  await expectView(page, 'none');
  const casting = ITEMS.find((item) => item.level === 'mild');
  await element.locator(`[data-testid="placeholder"][data-ref="${itemRef(casting.id)}"] button`).click();
  await expectView(page, 'none', [casting.id]);

  // A reload remembers the level and the reveal.
  await page.reload();
  await expectView(page, 'none', [casting.id]);
  assert.deepEqual(errors, [], 'no page errors');
});

for (const route of ['declared', 'header']) {
  test(`an ISO-8859-1 RSS feed whose encoding only the ${route === 'header' ? 'Content-Type header' : 'XML declaration'} names shows its umlauts`, TEST_TIMEOUT, async (t) => {
    const { page, errors } = await openTestPage(t, browser, { timeout: WAIT_MS, navigationTimeout: 60_000 });
    const url = servePage(
      host,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fans</title></head>
<body><spoiler-feed src="${feeds.url}/latin1/${route}/"></spoiler-feed>
<script type="module" src="${widget.url}/spoiler-feed.js"></script>
</body></html>`,
    );
    await page.goto(url);
    const card = page.locator('spoiler-feed [data-testid="card"]');
    await eventually(async () => assert.equal(await card.count(), 1, 'one card'));
    const title = card.locator('.sf-card__title');
    assert.equal((await title.textContent()).trim(), GERMAN_TITLE);
    assert.equal((await card.locator('.sf-card__text').textContent()).trim(), GERMAN_TEXT);
    // The channel's language is the card's text's, so screen readers read it as German.
    assert.equal(await title.getAttribute('lang'), 'de-DE');
    assert.deepEqual(errors, [], 'no page errors');
  });
}
