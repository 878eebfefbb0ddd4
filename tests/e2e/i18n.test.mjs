// The fan's language end to end: a German host page shows a German widget (its words, its
// dates, the feed's own text marked with the feed's language, the same events and error
// codes), the standalone page's `lang` query, and a right-to-left page whose layout holds.
// axe-core checks the German and the right-to-left pages too.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_JSON, json, launchBrowser, startServer, status } from './server.mjs';
import { assertBuilt, axeViolations, dist, feedPage, fixtures, openTestPage, retry, servePage } from './support.mjs';

const WAIT_MS = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };
const eventually = (check) => retry(check, { timeout: WAIT_MS, annotate: 'timeout' });

/** The all-kinds fixture, said to be written in English. */
const english = { ...JSON.parse(readFileSync(join(fixtures, 'all-kinds.json'), 'utf8')), language: 'en' };

let site;
let browser;

before(async () => {
  assertBuilt('spoiler-feed.js', 'the bundle');
  site = await startServer({
    root: dist,
    routes: {
      '/favicon.ico': status(204),
      '/english.json': json(english, { type: FEED_JSON }),
      '/missing.json': status(404, 'no such feed'),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

function openPage(t, options = {}) {
  return openTestPage(t, browser, {
    viewport: { width: 900, height: 900 },
    colorScheme: 'light',
    timeout: WAIT_MS,
    navigationTimeout: 60_000,
    locale: 'en-US',
    ...options,
  });
}

/** A host page in `lang` (and `dir`) with `body`, loading the element's script. */
function hostPage(lang, body, dir = '') {
  return servePage(
    site,
    `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><title>Fanseite</title></head>
<body><main><h1>Fanseite</h1>${body}</main>
<script type="module" src="${site.url}/spoiler-feed.js"></script></body></html>`,
  );
}

test('a German host page shows a German widget; the feed keeps its own language', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.addInitScript(() => {
    window.events = [];
    for (const name of ['spoilerfeed:load', 'spoilerfeed:error']) {
      document.addEventListener(name, (event) => window.events.push({ name, code: event.detail.error ?? null }));
    }
  });
  await page.goto(
    hostPage(
      'de',
      `<spoiler-feed src="${site.url}/english.json" level="none"></spoiler-feed>
<div lang="en"><spoiler-feed id="missing" src="${site.url}/missing.json" lang="de"></spoiler-feed></div>`,
    ),
  );
  const widget = page.locator('spoiler-feed').first();
  await widget.locator('[data-testid="placeholder"]').first().waitFor();
  const root = widget.locator('.spoilerfeed');
  assert.equal(await root.getAttribute('lang'), 'de');
  assert.equal(await root.getAttribute('dir'), 'ltr');
  assert.equal((await widget.locator('legend').textContent()).trim(), 'Spoiler-Stufe');
  assert.match(await widget.locator('[data-testid="placeholder"] button').first().textContent(), /^Aufdecken/);
  assert.match(await widget.getByTestId('hidden-count').textContent(), /^12 Meldungen über Keine verborgen$/);
  assert.deepEqual(
    await widget.locator('[data-testid="kind-chip"]').allTextContents(),
    ['Produktion', 'Besetzung', 'Start', 'News'],
  );
  // Dates through the browser's Intl in German ("vor 3 Tagen", "gestern", "in 2 Monaten").
  const times = await widget.locator('time').allTextContents();
  assert.ok(times.length > 0 && times.every((time) => /^(vor |in |gestern|morgen|gerade eben)/.test(time.trim())), JSON.stringify(times));
  // The feed's text is English: its cards say so, for screen readers.
  const title = widget.locator('[data-testid="card"] .sf-card__title').first();
  assert.equal(await title.getAttribute('lang'), 'en');

  // The same events and codes in any language.
  const missing = page.locator('#missing');
  await missing.getByTestId('error').waitFor();
  assert.equal(await missing.locator('.spoilerfeed').getAttribute('lang'), 'de', 'the attribute wins over the ancestor');
  assert.match(await missing.locator('.sf-error__message').textContent(), /HTTP 404/);
  assert.equal((await missing.locator('.sf-error button').textContent()).trim(), 'Erneut versuchen');
  await eventually(async () => {
    const events = await page.evaluate(() => window.events);
    assert.ok(events.some((event) => event.name === 'spoilerfeed:load'), JSON.stringify(events));
    assert.ok(events.some((event) => event.name === 'spoilerfeed:error' && event.code === 'http'), JSON.stringify(events));
  });

  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `the German page: axe-core\n${violations.join('\n')}`);

  // A new lang attribute applies at once.
  await widget.evaluate((element) => element.setAttribute('lang', 'fr'));
  await eventually(async () => {
    assert.equal(await root.getAttribute('lang'), 'fr');
    assert.equal((await widget.locator('.sf-levels__legend').textContent()).trim(), 'Niveau de spoiler');
  });
  assert.deepEqual(errors, []);
});

test('the standalone page and its check page take ?lang=, else the browser language', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t, { locale: 'es-ES' });
  await page.goto(feedPage(site, `${site.url}/english.json`));
  await page.locator('[data-testid="placeholder"]').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es-ES', "the browser's language");
  assert.equal((await page.locator('.sf-levels__legend').textContent()).trim(), 'Nivel de spoiler');

  await page.goto(feedPage(site, `${site.url}/english.json`, '&lang=fr'));
  await page.locator('[data-testid="placeholder"]').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.equal((await page.locator('.sf-levels__legend').textContent()).trim(), 'Niveau de spoiler');

  // The check page for site owners too.
  await page.goto(feedPage(site, `${site.url}/english.json`, '&check=1&lang=de'));
  await page.getByTestId('check-report').waitFor();
  assert.equal((await page.locator('h1').textContent()).trim(), 'Einen Feed prüfen');
  assert.equal((await page.getByTestId('show-titles').textContent()).trim(), 'Titel zeigen');
  assert.deepEqual(errors, []);
});

test('right to left: dir follows the language and nothing overflows', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t, { viewport: { width: 420, height: 900 } });
  await page.goto(hostPage('ar', `<spoiler-feed src="${site.url}/english.json" level="major"></spoiler-feed>`, 'rtl'));
  const widget = page.locator('spoiler-feed');
  await widget.locator('[data-testid="card"]').first().waitFor();
  assert.equal(await widget.locator('.spoilerfeed').getAttribute('dir'), 'rtl');
  const layout = await page.evaluate(() => {
    const root = document.querySelector('spoiler-feed').shadowRoot.querySelector('.spoilerfeed');
    const box = root.getBoundingClientRect();
    const outside = [...root.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length && !el.closest('.sf-visually-hidden'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      })
      .map((el) => el.className || el.tagName);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      outside,
      direction: getComputedStyle(root).direction,
    };
  });
  assert.equal(layout.direction, 'rtl');
  assert.equal(layout.overflow, 0, 'no horizontal scrolling');
  assert.deepEqual(layout.outside, [], 'everything inside the widget box');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `the right-to-left page: axe-core\n${violations.join('\n')}`);
  assert.deepEqual(errors, []);
});

// Languages other than English are catalogue files (dist/i18n/), fetched when chosen.

/** The German catalogue file as built. */
const germanFile = () => readFileSync(join(dist, 'i18n', 'de.json'), 'utf8');

/** How many times the German catalogue has been asked for so far. */
const germanRequests = () => site.requests.filter((line) => line.startsWith('GET /i18n/de.json')).length;

/**
 * Records, on every frame, the first placeholder or card a widget shows and the level
 * picker's legend beside it, as they were when they first appeared: what the fan saw first.
 */
function recordFirstCard() {
  window.firstSeen = null;
  const look = () => {
    const element = document.querySelector('spoiler-feed');
    const root = element?.shadowRoot ?? document;
    const card = root.querySelector('[data-testid="placeholder"], [data-testid="card"]');
    if (card && !window.firstSeen) {
      window.firstSeen = {
        card: card.textContent,
        legend: root.querySelector('.sf-levels__legend')?.textContent ?? null,
      };
    }
    if (!window.firstSeen) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

test('lang=de: the first card painted is German, though the catalogue comes slowly', TEST_TIMEOUT, async (t) => {
  site.setRoute('/i18n/de.json', json(germanFile(), { delayMs: 1500 }));
  t.after(() => site.setRoute('/i18n/de.json'));
  const { page, errors } = await openPage(t, { initScript: recordFirstCard });
  const before = germanRequests();
  await page.goto(hostPage('en', `<spoiler-feed src="${site.url}/english.json" level="none" lang="de"></spoiler-feed>`));
  await page.locator('spoiler-feed [data-testid="placeholder"]').first().waitFor();
  const first = await page.evaluate(() => window.firstSeen);
  assert.ok(first, 'a card was seen');
  // The none-level production update: its kind, stage and date in German.
  assert.match(first.card, /^Produktion.*vor \d+ Tagen.*Dreharbeiten/, `the first card: ${first.card}`);
  assert.equal(first.legend.trim(), 'Spoiler-Stufe');
  assert.equal(germanRequests() - before, 1, 'one request for the catalogue');

  // The standalone page: the loader asks for the catalogue as it asks for the feed.
  const standalone = await openPage(t, { initScript: recordFirstCard });
  await standalone.page.goto(feedPage(site, `${site.url}/english.json`, '&lang=de&level=none'));
  await standalone.page.locator('[data-testid="placeholder"]').first().waitFor();
  const seen = await standalone.page.evaluate(() => window.firstSeen);
  assert.match(seen.card, /^Produktion.*vor \d+ Tagen.*Dreharbeiten/, `the first card: ${seen.card}`);
  assert.equal(seen.legend.trim(), 'Spoiler-Stufe');
  assert.equal(germanRequests() - before, 2, 'one request on the standalone page');
  assert.deepEqual([...errors, ...standalone.errors], []);
});

for (const [what, route] of [
  ['missing', status(404, 'no such file')],
  ['malformed', json('{"reveal": "Aufdecken", ')],
  ['over the size limit', json({ reveal: 'Aufdecken', filler: 'x'.repeat(70_000) })],
]) {
  test(`a catalogue ${what}: the English words and a console warning, no error card`, TEST_TIMEOUT, async (t) => {
    site.setRoute('/i18n/de.json', route);
    t.after(() => site.setRoute('/i18n/de.json'));
    const { page, errors } = await openPage(t);
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(hostPage('de', `<spoiler-feed src="${site.url}/english.json" level="none"></spoiler-feed>`));
    const widget = page.locator('spoiler-feed');
    await widget.locator('[data-testid="placeholder"]').first().waitFor();
    assert.equal((await widget.locator('legend').textContent()).trim(), 'Spoiler level');
    assert.match(await widget.locator('[data-testid="placeholder"] button').first().textContent(), /^Reveal/);
    assert.equal(await widget.locator('.spoilerfeed').getAttribute('lang'), 'de', 'dates and numbers stay German');
    assert.equal(await widget.getByTestId('error').count(), 0, 'no error card');
    await eventually(() => {
      assert.ok(warnings.some((warning) => warning.includes('de') && warning.includes('English')), JSON.stringify(warnings));
    });
    assert.deepEqual(errors, []);
  });
}

test('two German widgets on a page ask for the catalogue once', TEST_TIMEOUT, async (t) => {
  site.setRoute('/i18n/de.json', json(germanFile(), { delayMs: 300 }));
  t.after(() => site.setRoute('/i18n/de.json'));
  const { page, errors } = await openPage(t);
  const before = germanRequests();
  await page.goto(
    hostPage(
      'de',
      `<spoiler-feed src="${site.url}/english.json" level="none"></spoiler-feed>
<spoiler-feed src="${site.url}/english.json?second" lang="de-AT" level="none"></spoiler-feed>`,
    ),
  );
  for (const widget of await page.locator('spoiler-feed').all()) {
    await widget.locator('[data-testid="placeholder"]').first().waitFor();
    assert.equal((await widget.locator('legend').textContent()).trim(), 'Spoiler-Stufe');
  }
  assert.equal(germanRequests() - before, 1);
  // A third one later takes the words the page has.
  await page.evaluate((src) => {
    const third = document.createElement('spoiler-feed');
    third.id = 'third';
    third.setAttribute('src', src);
    document.body.append(third);
  }, `${site.url}/english.json?third`);
  await page.locator('#third legend').waitFor();
  assert.equal((await page.locator('#third legend').textContent()).trim(), 'Spoiler-Stufe');
  assert.equal(germanRequests() - before, 1);
  assert.deepEqual(errors, []);
});

test("a change of the language around the widget is followed", TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(
    hostPage('en', `<div id="around" lang="de"><p><spoiler-feed src="${site.url}/english.json" level="none"></spoiler-feed></p></div>`),
  );
  const widget = page.locator('spoiler-feed');
  const legend = widget.locator('.sf-levels__legend');
  await widget.locator('[data-testid="placeholder"]').first().waitFor();
  assert.equal((await legend.textContent()).trim(), 'Spoiler-Stufe');
  await page.evaluate(() => document.getElementById('around').setAttribute('lang', 'fr'));
  await eventually(async () => {
    assert.equal(await widget.locator('.spoilerfeed').getAttribute('lang'), 'fr');
    assert.equal((await legend.textContent()).trim(), 'Niveau de spoiler');
  });
  // Without a language around it, the page's: English, compiled in.
  await page.evaluate(() => document.getElementById('around').removeAttribute('lang'));
  await eventually(async () => {
    assert.equal(await widget.locator('.spoilerfeed').getAttribute('lang'), 'en');
    assert.equal((await legend.textContent()).trim(), 'Spoiler level');
  });
  assert.deepEqual(errors, []);
});
