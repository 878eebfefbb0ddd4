// Embedding end to end: the <spoiler-feed> element and the iframe mode, with the host page,
// the widget's files and the feeds each on their own origin (three servers on 127.0.0.1).
//
// Covered: independent elements, shadow-root isolation both ways (a hostile host stylesheet
// can't reach in, the widget's CSS can't leak out), attribute changes and lock-level, removal
// and a new src (the pending request is aborted, no timer is left, a fresh element works), the
// iframe's self-sizing with the README's snippet, the host events and their details, and
// theming through custom properties and ::part(), and an iframe below the fold sized before
// it is scrolled to. The standalone page's embed-code builder is covered elsewhere.
//
// Everything waits for conditions (polling with generous timeouts), never for fixed delays,
// so that a slow, busy machine only makes it slower.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_JSON, file, launchBrowser, startServer, status } from './server.mjs';
import {
  CORS,
  assertBuilt,
  assertStarted,
  cardIds,
  dist,
  fixtures,
  openTestPage,
  repoSample as SAMPLE,
  retry,
  servePage,
} from './support.mjs';

const ALL_KINDS = join(fixtures, 'all-kinds.json');
const MULTI_SHOW = join(fixtures, 'multi-show.json');

/** How long any one condition may take to come true on a slow, busy machine. */
const WAIT_MS = 30_000;
/** The limit for a whole test. */
const TEST_TIMEOUT = { timeout: 180_000 };

const LEVELS = ['none', 'mild', 'moderate', 'major'];

/** The level of a fixture item; an item the widget can't classify counts as major. */
const levelOf = (item) => (LEVELS.includes(item._spoilerfeed?.level) ? item._spoilerfeed.level : 'major');

/** The ids of a fixture's items at or below `level`, and of those above it, sorted. */
function split(path, level) {
  const { items } = JSON.parse(readFileSync(path, 'utf8'));
  const allowed = (item) => LEVELS.indexOf(levelOf(item)) <= LEVELS.indexOf(level);
  return {
    shown: items.filter(allowed).map((item) => item.id).sort(),
    hidden: items.filter((item) => !allowed(item)),
    all: items,
  };
}

let widget; // the widget's files (dist/), cross-origin for the host pages
let feeds; // the feeds, with CORS
let host; // the host pages
let browser;

before(async () => {
  assertBuilt('spoiler-feed.js', 'the bundle');
  widget = await startServer({ root: dist, headers: CORS });
  feeds = await startServer({
    headers: CORS,
    routes: {
      '/all-kinds.json': file(ALL_KINDS, { type: FEED_JSON }),
      '/multi-show.json': file(MULTI_SHOW, { type: FEED_JSON }),
      '/missing.json': status(404, 'no such feed'),
    },
  });
  host = await startServer({
    routes: {
      '/favicon.ico': status(204),
      // A feed on the host's own origin, for a relative src.
      '/news/local.json': file(SAMPLE, { type: FEED_JSON }),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([widget?.close(), feeds?.close(), host?.close()]);
});

// ---------------------------------------------------------------------------------------
// Helpers

/** Serves `html` on the host server under a fresh path and returns its URL. */
function serve(html) {
  return servePage(host, html);
}

/** A host page around `body`, loading the element's script from the widget's server. */
function hostPage(body, { head = '', script = true } = {}) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A fan site</title>${head}</head>
<body>
${body}
${script ? `<script type="module" src="${widget.url}/spoiler-feed.js"></script>` : ''}
</body>
</html>`;
}

/** A new context and page for one test, closed after it; collects uncaught page errors. */
function openPage(t, { viewport = { width: 1000, height: 800 } } = {}) {
  return openTestPage(t, browser, { viewport, colorScheme: 'light', timeout: WAIT_MS, navigationTimeout: 60_000 });
}

/**
 * Retries `check` (which throws while its condition is false) until it passes, or throws its
 * last error after `timeout` ms (at once for an error marked `fatal`). Returns what `check`
 * returned.
 */
const eventually = (check, options = {}) => retry(check, { timeout: WAIT_MS, annotate: 'timeout', ...options });

/** Waits until exactly the cards `ids` (sorted) and `placeholders` placeholders show. */
async function expectCards(scope, ids, placeholders, what = 'cards') {
  await eventually(async () => {
    await assertStarted(scope, what);
    assert.deepEqual(await cardIds(scope), ids, `${what}: card ids`);
    assert.equal(await scope.locator('[data-testid="placeholder"]').count(), placeholders, `${what}: placeholders`);
  });
}

/** The level radio that is checked inside `scope`. */
function checkedLevel(scope) {
  return scope.locator('input[name="spoiler-level"]:checked').evaluateAll((inputs) => inputs.map((i) => i.value));
}

/** The text of the element's shadow root (cards, placeholders, controls). */
function shadowText(scope) {
  return scope.evaluate((element) => element.shadowRoot?.textContent ?? '');
}

/**
 * Serves the all-kinds feed at `path` on the feed server, answering only after 10 s; returns
 * one `{ closedEarly, answered }` per request, telling whether the client gave up before the
 * answer. The delay stays below the widget's own 15 s timeout, so an abort can only come from
 * the page (a removal, a new src), and well above the time the test needs to act.
 */
function slowFeed(path, delayMs = 10_000) {
  const served = [];
  feeds.setRoute(path, (req, res) =>
    new Promise((done) => {
      const record = { closedEarly: false, answered: false };
      served.push(record);
      const timer = setTimeout(() => {
        record.answered = true;
        res.writeHead(200, { 'Content-Type': FEED_JSON });
        res.end(readFileSync(ALL_KINDS));
        done();
      }, delayMs);
      res.on('close', () => {
        if (!record.answered) record.closedEarly = true;
        clearTimeout(timer);
        done();
      });
    }),
  );
  return served;
}

const STYLE_PROPS = [
  'display',
  'visibility',
  'color',
  'background-color',
  'font-size',
  'font-family',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-transform',
];

/** The computed `props` of the element `locator` points to, with its rendered size. */
function computed(locator, props = STYLE_PROPS) {
  return locator.evaluate((element, props) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const values = Object.fromEntries(props.map((name) => [name, style.getPropertyValue(name)]));
    return { ...values, width: box.width, height: box.height };
  }, props);
}

// ---------------------------------------------------------------------------------------
// 1. Independent elements

test('two elements with different feeds and levels render independently', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(
    serve(
      hostPage(`
<h1>Two widgets</h1>
<spoiler-feed id="a" src="${feeds.url}/all-kinds.json" level="mild"></spoiler-feed>
<spoiler-feed id="b" src="${feeds.url}/multi-show.json" level="moderate"></spoiler-feed>`),
    ),
  );
  const a = page.locator('spoiler-feed#a');
  const b = page.locator('spoiler-feed#b');
  const allKindsMild = split(ALL_KINDS, 'mild');
  const multiModerate = split(MULTI_SHOW, 'moderate');

  await expectCards(a, allKindsMild.shown, allKindsMild.hidden.length, 'all-kinds at mild');
  await expectCards(b, multiModerate.shown, multiModerate.hidden.length, 'multi-show at moderate');
  assert.equal(allKindsMild.shown.length, 8);
  assert.equal(multiModerate.shown.length, 5);

  // What is above the level is not on the page at all, not just hidden.
  const textA = await shadowText(a);
  for (const item of allKindsMild.hidden) {
    assert.ok(!textA.includes(`SECRET-${item.id}`), `${item.id} leaked into element a`);
  }
  for (const id of allKindsMild.shown) assert.ok(textA.includes(`SECRET-${id} headline`), `${id} shown in a`);
  const textB = await shadowText(b);
  for (const item of multiModerate.hidden) {
    assert.ok(!textB.includes(item.title), `"${item.title}" leaked into element b`);
  }
  // Neither shows the other's feed.
  assert.ok(!textB.includes('SECRET-'), 'element b shows nothing of the all-kinds feed');
  assert.ok(!textA.includes('Northern Line'), 'element a shows nothing of the multi-show feed');

  assert.deepEqual(await checkedLevel(a), ['mild']);
  assert.deepEqual(await checkedLevel(b), ['moderate']);

  // A level picked in one element changes that element only (each has its own radio group).
  await a.locator('input[name="spoiler-level"][value="major"]').check();
  await expectCards(a, split(ALL_KINDS, 'major').shown, 0, 'all-kinds at major');
  assert.deepEqual(await checkedLevel(b), ['moderate']);
  await expectCards(b, multiModerate.shown, multiModerate.hidden.length, 'multi-show still at moderate');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test("a feed URL with a query is requested exactly as written", TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  const path = '/all-kinds.json?edition=2&lang=en';
  await page.goto(serve(hostPage(`<spoiler-feed src="${feeds.url}${path}" level="mild"></spoiler-feed>`)));
  const mild = split(ALL_KINDS, 'mild');
  await expectCards(page.locator('spoiler-feed'), mild.shown, mild.hidden.length, 'all-kinds at mild');
  // Servers that sign their URLs, and the browser's cache, see the URL as the site wrote it:
  // no pair added, none dropped.
  const asked = feeds.requests.filter((line) => line.startsWith('GET /all-kinds.json?edition='));
  assert.ok(asked.length > 0, 'the feed was requested');
  assert.deepEqual([...new Set(asked)], [`GET ${path}`]);
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------
// 2. Shadow-root isolation, both ways

const HOSTILE_CSS = `<style>
  div, p, span, article, button, h3, li, label { display: none !important; }
  body { font-size: 40px; color: red; font-family: serif; line-height: 3; letter-spacing: 3px }
  * { text-transform: uppercase }
</style>`;

test("a hostile host stylesheet changes nothing inside the widget", TEST_TIMEOUT, async (t) => {
  const body = `<h1>Fan site</h1>
<spoiler-feed id="w" src="${feeds.url}/all-kinds.json" level="none"></spoiler-feed>`;
  const plainUrl = serve(hostPage(body));
  const hostileUrl = serve(hostPage(body, { head: HOSTILE_CSS }));

  const { page: plain, errors: plainErrors } = await openPage(t);
  const { page: hostile, errors: hostileErrors } = await openPage(t);
  await Promise.all([plain.goto(plainUrl), hostile.goto(hostileUrl)]);

  const noneShown = split(ALL_KINDS, 'none');
  const targets = {
    'widget root': (w) => w.locator('div.spoilerfeed'),
    'card title': (w) => w.locator('[data-testid="card"][data-id="none-production"] h3.sf-card__title'),
    'card text': (w) => w.locator('[data-testid="card"][data-id="none-production"] p.sf-card__text'),
    'level label': (w) => w.locator('label.sf-level').first(),
    'level name': (w) => w.locator('.sf-level__name').first(),
    'placeholder title': (w) => w.locator('[data-testid="placeholder"] .sf-placeholder__title').first(),
    'reveal button': (w) => w.locator('[data-testid="placeholder"] button').first(),
    tag: (w) => w.locator('[data-testid="card"][data-id="none-production"] li.sf-tag').first(),
  };

  const styles = {};
  for (const [name, page] of [['plain', plain], ['hostile', hostile]]) {
    const w = page.locator('spoiler-feed#w');
    await expectCards(w, noneShown.shown, noneShown.hidden.length, `${name} page`);
    styles[name] = {};
    for (const [target, find] of Object.entries(targets)) {
      const element = find(w);
      await element.waitFor({ state: 'visible', timeout: WAIT_MS });
      styles[name][target] = await computed(element);
      // The root's height includes relative dates ("in 5 days"), which may tick between pages.
      if (target === 'widget root') delete styles[name][target].height;
    }
  }

  // Sanity: the hostile stylesheet does apply to the host page itself.
  const hostH1 = await computed(hostile.locator('h1'));
  assert.equal(hostH1['text-transform'], 'uppercase');
  assert.equal(hostH1.color, 'rgb(255, 0, 0)');

  for (const target of Object.keys(targets)) {
    assert.deepEqual(styles.hostile[target], styles.plain[target], `${target}: same styles on both pages`);
    assert.notEqual(styles.hostile[target].display, 'none', `${target} is displayed`);
    assert.equal(styles.hostile[target]['text-transform'], 'none', `${target}: no uppercase`);
    assert.notEqual(styles.hostile[target].color, 'rgb(255, 0, 0)', `${target}: not red`);
    assert.notEqual(styles.hostile[target]['font-size'], '40px', `${target}: not 40px`);
  }
  assert.deepEqual(plainErrors, [], 'no uncaught errors on the plain page');
  assert.deepEqual(hostileErrors, [], 'no uncaught errors on the hostile page');
});

test("the widget's CSS doesn't leak out into the host page", TEST_TIMEOUT, async (t) => {
  // Host elements wearing the widget's own class names: any leaked rule would match them.
  const hostMarkup = `
<article id="h-article" class="spoilerfeed sf-card"><h3 id="h-h3" class="sf-card__title">Host heading</h3>
  <p id="h-text" class="sf-card__text sf-placeholder__title">Host text</p></article>
<button id="h-button" class="sf-button" type="button">Host button</button>
<ul id="h-ul" class="sf-list"><li id="h-li" class="sf-tag">Host item</li></ul>
<label id="h-label" class="sf-level"><input type="radio" name="spoiler-level"> Host label</label>
<p id="h-p">A plain host paragraph</p>`;
  const hostCss = '<style>article { border: 2px dotted rgb(0, 128, 0); padding: 3px; }</style>';
  const withWidget = serve(
    hostPage(`<spoiler-feed id="w" src="${feeds.url}/all-kinds.json" level="none"></spoiler-feed>${hostMarkup}`, {
      head: hostCss,
    }),
  );
  const withoutWidget = serve(hostPage(hostMarkup, { head: hostCss, script: false }));

  const { page: a, errors } = await openPage(t);
  const { page: b } = await openPage(t);
  await Promise.all([a.goto(withWidget), b.goto(withoutWidget)]);
  const w = a.locator('spoiler-feed#w');
  const noneShown = split(ALL_KINDS, 'none');
  await expectCards(w, noneShown.shown, noneShown.hidden.length, 'widget next to host elements');

  const props = [
    ...STYLE_PROPS,
    'margin-top',
    'margin-bottom',
    'margin-left',
    'padding-top',
    'padding-left',
    'border-top-width',
    'border-top-style',
    'border-top-color',
    'border-top-left-radius',
    'box-shadow',
    'box-sizing',
    'list-style-type',
    'cursor',
  ];
  const ids = ['h-article', 'h-h3', 'h-text', 'h-button', 'h-ul', 'h-li', 'h-label', 'h-p'];
  const measure = (page) =>
    page.evaluate(
      ({ ids, props }) => {
        const read = (element) => {
          const style = getComputedStyle(element);
          return Object.fromEntries(props.map((name) => [name, style.getPropertyValue(name)]));
        };
        const result = Object.fromEntries(ids.map((id) => [id, read(document.getElementById(id))]));
        result.html = read(document.documentElement);
        result.body = read(document.body);
        result.accentVariable = getComputedStyle(document.documentElement).getPropertyValue('--spoilerfeed-accent');
        return result;
      },
      { ids, props },
    );
  const [leaked, clean] = [await measure(a), await measure(b)];
  for (const key of Object.keys(clean)) {
    assert.deepEqual(leaked[key], clean[key], `${key}: same styles with and without the widget`);
  }
  // The host's own rule still holds, and a plain <p> keeps the browser's defaults.
  assert.equal(leaked['h-article']['border-top-style'], 'dotted');
  assert.equal(leaked['h-article']['border-top-color'], 'rgb(0, 128, 0)');
  assert.equal(leaked['h-p']['margin-top'], '16px');
  assert.equal(leaked['h-p'].color, 'rgb(0, 0, 0)');
  assert.equal(leaked.accentVariable, '', "the widget's custom properties stay on its host");
  // The host page still has a single radio group of its own, untouched by the widget's radios.
  assert.equal(await a.locator('#h-label input').isChecked(), false);
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------
// 3. Attributes

test('attribute changes apply at once; lock-level disables the picker', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(serve(hostPage(`<spoiler-feed id="w" src="${feeds.url}/all-kinds.json" level="none"></spoiler-feed>`)));
  const w = page.locator('spoiler-feed#w');
  const at = (level) => split(ALL_KINDS, level);
  const reveals = w.locator('[data-testid="placeholder"] button');
  const fieldset = w.locator('fieldset.sf-levels');
  const reason = w.locator('.sf-levels__locked');

  await expectCards(w, at('none').shown, at('none').hidden.length, 'level="none"');
  assert.equal(await reveals.count(), 12, 'every placeholder offers Reveal');
  assert.equal(await fieldset.evaluate((f) => f.disabled), false);

  await w.evaluate((element) => element.setAttribute('level', 'moderate'));
  await expectCards(w, at('moderate').shown, at('moderate').hidden.length, 'level set to moderate');
  assert.deepEqual(await checkedLevel(w), ['moderate']);

  await w.evaluate((element) => element.setAttribute('level', 'mild'));
  await expectCards(w, at('mild').shown, at('mild').hidden.length, 'level set back to mild');
  assert.deepEqual(await checkedLevel(w), ['mild']);

  // The site fixes the level: the picker is disabled with the reason, and nothing can be revealed.
  await w.evaluate((element) => element.setAttribute('lock-level', 'moderate'));
  await expectCards(w, at('moderate').shown, at('moderate').hidden.length, 'lock-level="moderate"');
  await eventually(async () => assert.equal(await fieldset.evaluate((f) => f.disabled), true, 'the fieldset is disabled'));
  await reason.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.match(await reason.textContent(), /up to moderate/i);
  assert.deepEqual(await checkedLevel(w), ['moderate']);
  assert.equal(await w.locator('input[name="spoiler-level"]:enabled').count(), 0, 'no radio can be picked');
  assert.equal(await reveals.count(), 0, 'no Reveal button in the placeholders');
  assert.equal(await w.getByRole('button', { name: /reveal/i }).count(), 0, 'no Reveal button at all');
  // A click on another level does nothing.
  await w.locator('label.sf-level').last().click({ force: true });
  assert.deepEqual(await checkedLevel(w), ['moderate']);
  await expectCards(w, at('moderate').shown, at('moderate').hidden.length, 'still locked at moderate');

  // Unlocked again: the picker works and the level attribute applies.
  await w.evaluate((element) => element.removeAttribute('lock-level'));
  await eventually(async () => assert.equal(await fieldset.evaluate((f) => f.disabled), false, 'the fieldset is enabled again'));
  assert.equal(await reason.count(), 0, 'no lock reason');
  await expectCards(w, at('mild').shown, at('mild').hidden.length, 'unlocked: back to level="mild"');
  assert.deepEqual(await checkedLevel(w), ['mild']);
  await eventually(async () => assert.equal(await reveals.count(), at('mild').hidden.length, 'Reveal buttons are back'));

  // The starting lock-level in the markup, not only set later.
  await page.evaluate((src) => {
    const locked = document.createElement('spoiler-feed');
    locked.id = 'locked';
    locked.setAttribute('src', src);
    locked.setAttribute('lock-level', 'none');
    document.body.append(locked);
  }, `${feeds.url}/all-kinds.json`);
  const locked = page.locator('spoiler-feed#locked');
  await expectCards(locked, at('none').shown, at('none').hidden.length, 'new element with lock-level="none"');
  assert.equal(await locked.locator('fieldset.sf-levels').evaluate((f) => f.disabled), true);
  assert.match(await locked.locator('.sf-levels__locked').textContent(), /up to none/i);
  assert.equal(await locked.locator('[data-testid="placeholder"] button').count(), 0);

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------
// 4. Removal

/**
 * Page-side instrumentation, installed before any script: records every fetch (URL, whether
 * its AbortSignal fired, how it settled) and every pending setTimeout/setInterval (with the
 * stack that created it, to tell the widget's timers from others).
 */
function instrument() {
  const fetches = [];
  const timers = new Map();
  window.__embedTest = { fetches, timers };

  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const request = input instanceof Request ? input : null;
    const record = { url: request ? request.url : String(input), aborted: false, settled: 'pending' };
    fetches.push(record);
    const signal = init?.signal ?? request?.signal;
    if (signal) {
      if (signal.aborted) record.aborted = true;
      signal.addEventListener('abort', () => {
        record.aborted = true;
      });
    }
    const result = originalFetch.apply(this, arguments);
    result.then(
      () => {
        record.settled = 'ok';
      },
      (error) => {
        record.settled = error?.name ?? 'error';
      },
    );
    return result;
  };

  const track = (name, clearName, repeats) => {
    const set = window[name];
    const clear = window[clearName];
    window[name] = function (callback, delay, ...rest) {
      let id;
      const wrapped =
        typeof callback === 'function'
          ? function () {
              if (!repeats) timers.delete(id);
              return callback.apply(this, arguments);
            }
          : callback;
      id = set.call(this, wrapped, delay, ...rest);
      timers.set(id, { kind: name, delay, stack: new Error().stack ?? '' });
      return id;
    };
    window[clearName] = function (id) {
      timers.delete(id);
      return clear.call(this, id);
    };
  };
  track('setTimeout', 'clearTimeout', false);
  track('setInterval', 'clearInterval', true);
}

test('removing an element aborts its request and stops its timers; a fresh one works', TEST_TIMEOUT, async (t) => {
  // A feed that answers only after a while, and tells whether the client gave up first.
  const path = '/slow-feed.json';
  const feedUrl = feeds.url + path;
  const served = slowFeed(path);
  t.after(() => feeds.setRoute(path));
  const hits = () => feeds.requests.filter((line) => line.startsWith(`GET ${path}`)).length;

  const { page, errors } = await openPage(t);
  await page.addInitScript(instrument);
  const failed = [];
  page.on('requestfailed', (request) => failed.push({ url: request.url(), error: request.failure()?.errorText }));
  await page.goto(
    serve(
      hostPage(`<spoiler-feed id="w" src="${feedUrl}" refresh="60"></spoiler-feed>
<script>
  window.removedEvents = [];
  for (const type of ['spoilerfeed:load', 'spoilerfeed:error', 'spoilerfeed:levelchange']) {
    document.getElementById('w').addEventListener(type, (e) => removedEvents.push(type));
  }
</script>`),
    ),
  );
  const fetchesOf = (url) => page.evaluate((url) => window.__embedTest.fetches.filter((f) => f.url === url), url);
  const widgetTimers = () =>
    page.evaluate(
      (origin) =>
        [...window.__embedTest.timers.values()]
          .filter((timer) => timer.stack.includes(origin))
          .map(({ kind, delay }) => ({ kind, delay })),
      widget.url,
    );

  // The request is pending: the server holds it, the widget shows its skeleton and runs its timeout.
  await eventually(async () => {
    assert.equal(hits(), 1, 'the feed was requested once');
    assert.deepEqual(await fetchesOf(feedUrl), [{ url: feedUrl, aborted: false, settled: 'pending' }]);
  });
  // The instrumentation sees the widget's timers: the load timeout and the refresh interval.
  const running = await widgetTimers();
  assert.ok(running.some((timer) => timer.kind === 'setTimeout'), `a load timeout: ${JSON.stringify(running)}`);
  assert.ok(
    running.some((timer) => timer.kind === 'setInterval' && timer.delay === 60_000),
    `a 60 s refresh interval: ${JSON.stringify(running)}`,
  );

  await page.evaluate(() => document.getElementById('w').remove());

  await eventually(async () => {
    assert.deepEqual(await fetchesOf(feedUrl), [{ url: feedUrl, aborted: true, settled: 'AbortError' }]);
  });
  await eventually(() => assert.deepEqual(served, [{ closedEarly: true, answered: false }], 'the server saw the client give up'));
  await eventually(() =>
    assert.ok(
      failed.some((request) => request.url === feedUrl && request.error === 'net::ERR_ABORTED'),
      `the browser reports the request aborted: ${JSON.stringify(failed)}`,
    ),
  );
  await eventually(async () => assert.deepEqual(await widgetTimers(), [], 'no timer of the widget is left'));
  assert.equal(hits(), 1, 'no further request for the feed after the removal');
  assert.deepEqual(await page.evaluate(() => window.removedEvents), [], 'the removed element reports nothing');

  // A fresh element for the same feed, which now answers at once, works.
  feeds.setRoute(path, file(ALL_KINDS, { type: FEED_JSON }));
  await page.evaluate((src) => {
    const fresh = document.createElement('spoiler-feed');
    fresh.id = 'fresh';
    fresh.setAttribute('src', src);
    fresh.setAttribute('level', 'mild');
    document.body.append(fresh);
  }, feedUrl);
  const fresh = page.locator('spoiler-feed#fresh');
  const mild = split(ALL_KINDS, 'mild');
  await expectCards(fresh, mild.shown, mild.hidden.length, 'the fresh element');
  assert.equal(hits(), 2, 'one request per element, none from the removed one');
  assert.deepEqual(await fetchesOf(feedUrl), [
    { url: feedUrl, aborted: true, settled: 'AbortError' },
    { url: feedUrl, aborted: false, settled: 'ok' },
  ]);
  // Its load timeout ended with the load.
  await eventually(async () => assert.deepEqual(await widgetTimers(), [], 'no timer left after a load'));

  // Moving an element (disconnect and reconnect at once) keeps it alive and working.
  await page.evaluate(() => {
    const box = document.createElement('section');
    box.id = 'box';
    document.body.append(box);
    box.append(document.getElementById('fresh'));
  });
  const moved = page.locator('#box spoiler-feed#fresh');
  await expectCards(moved, mild.shown, mild.hidden.length, 'the moved element');
  await moved.evaluate((element) => element.setAttribute('level', 'major'));
  await expectCards(moved, split(ALL_KINDS, 'major').shown, 0, 'the moved element at major');
  assert.equal(hits(), 2, 'moving the element does not reload the feed');

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('a new src aborts the pending request and loads the new feed', TEST_TIMEOUT, async (t) => {
  const path = '/slow-switch.json';
  const slowUrl = feeds.url + path;
  const served = slowFeed(path);
  t.after(() => feeds.setRoute(path));

  const { page, errors } = await openPage(t);
  const failed = [];
  page.on('requestfailed', (request) => failed.push({ url: request.url(), error: request.failure()?.errorText }));
  await page.goto(serve(hostPage(`<spoiler-feed id="w" src="${slowUrl}" level="moderate"></spoiler-feed>`)));
  await eventually(() => assert.equal(served.length, 1, 'the slow feed was requested'));

  const w = page.locator('spoiler-feed#w');
  await w.evaluate((element, src) => element.setAttribute('src', src), `${feeds.url}/multi-show.json`);
  const moderate = split(MULTI_SHOW, 'moderate');
  await expectCards(w, moderate.shown, moderate.hidden.length, 'the new feed');
  await eventually(() => assert.deepEqual(served, [{ closedEarly: true, answered: false }], 'the old request was dropped'));
  await eventually(() =>
    assert.ok(
      failed.some((request) => request.url === slowUrl && request.error === 'net::ERR_ABORTED'),
      `the browser reports the old request aborted: ${JSON.stringify(failed)}`,
    ),
  );
  assert.ok(!(await shadowText(w)).includes('SECRET-'), 'nothing of the old feed shows');
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------
// 5. Iframe mode

/** The README's resize snippet, as a host page copies it. */
const RESIZE_SNIPPET = `<script>
  addEventListener("message", (e) => {
    if (e.data && e.data.type === "spoilerfeed:resize") {
      for (const frame of document.querySelectorAll("iframe")) {
        if (frame.contentWindow === e.source) frame.style.height = e.data.height + "px";
      }
    }
  });
</script>`;

/** The iframe mode's URL for the all-kinds feed at `level`. */
const iframeSrc = (level) =>
  `${widget.url}/index.html?feed=${encodeURIComponent(`${feeds.url}/all-kinds.json`)}&level=${level}&embed=1`;

/**
 * The iframe `#id` on `page`: its element, a frame locator and `sizedToContent(what)`, which
 * throws unless the iframe is exactly as tall as the page inside it (and returns the heights).
 */
async function iframeOf(page, id) {
  const element = page.locator(`iframe#${id}`);
  const frame = await (await element.elementHandle()).contentFrame();
  assert.ok(frame, `iframe#${id} has a frame`);
  const inside = page.frameLocator(`iframe#${id}`);
  const sizedToContent = async (what) => {
    const h = {
      iframe: await element.evaluate((iframe) => iframe.getBoundingClientRect().height),
      style: await element.evaluate((iframe) => iframe.style.height),
      content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
      scroll: await frame.evaluate(() => document.documentElement.scrollHeight),
    };
    const seen = JSON.stringify(h);
    assert.ok(h.content > 150, `${what}: content taller than the default 150px (${seen})`);
    assert.equal(h.style, `${h.content}px`, `${what}: the snippet set the content height (${seen})`);
    assert.equal(h.iframe, h.content, `${what}: the iframe is as tall as its content (${seen})`);
    assert.ok(h.scroll <= h.iframe, `${what}: nothing to scroll inside the frame (${seen})`);
    return h;
  };
  return { element, inside, root: inside.locator(':root'), sizedToContent };
}

test('iframes size themselves to their content and follow level changes', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  // Two frames share the page, side by side; the snippet sizes each from its own messages.
  // (Side by side, both stay in view: see the next test for a frame below the fold.)
  await page.goto(
    serve(
      hostPage(
        `<h1>Fan site</h1>
<div style="display: flex; gap: 16px; align-items: flex-start">
  <div style="flex: 1">
    <iframe id="news" src="${iframeSrc('none')}" title="Show news" style="width: 100%; border: 0" loading="lazy"></iframe>
  </div>
  <div style="flex: 1">
    <iframe id="more" src="${iframeSrc('major')}" title="More news" style="width: 100%; border: 0" loading="lazy"></iframe>
  </div>
</div>
<p id="after">After the widgets</p>
${RESIZE_SNIPPET}`,
        { script: false },
      ),
    ),
  );
  const news = await iframeOf(page, 'news');
  const more = await iframeOf(page, 'more');

  const none = split(ALL_KINDS, 'none');
  const major = split(ALL_KINDS, 'major');
  await expectCards(news.root, none.shown, none.hidden.length, 'iframe at none');
  await expectCards(more.root, major.shown, 0, 'iframe at major');
  assert.equal(await news.inside.locator('h1.sf-heading').count(), 0, 'embedded: no page heading');
  const small = await eventually(() => news.sizedToContent('after loading at none'));
  const large = await eventually(() => more.sizedToContent('after loading at major'));
  assert.ok(large.iframe > small.iframe, 'each frame has its own height');

  // The fan picks Major inside the first frame: it grows to its new content height.
  await news.inside.locator('input[name="spoiler-level"][value="major"]').check();
  await expectCards(news.root, major.shown, 0, 'first iframe at major');
  const grown = await eventually(async () => {
    const h = await news.sizedToContent('after the level change to major');
    assert.ok(h.iframe > small.iframe, `grew from ${small.iframe}px (now ${h.iframe}px)`);
    return h;
  });
  // ...and shrinks back when the fan goes back to None.
  await news.inside.locator('input[name="spoiler-level"][value="none"]').check();
  await expectCards(news.root, none.shown, none.hidden.length, 'first iframe back at none');
  await eventually(async () => {
    const h = await news.sizedToContent('after the level change back to none');
    assert.ok(h.iframe < grown.iframe, `shrank from ${grown.iframe}px (now ${h.iframe}px)`);
  });
  await more.sizedToContent('the other frame, unchanged');

  // The host page's content flows below the frames, which don't overlap it.
  const box = (locator) => locator.evaluate((element) => element.getBoundingClientRect().toJSON());
  const [first, second, after] = [await box(news.element), await box(more.element), await box(page.locator('#after'))];
  assert.ok(after.top >= Math.max(first.bottom, second.bottom), 'the host text follows the frames');
  assert.deepEqual(errors, [], 'no uncaught errors in the host page');
});

// Chromium doesn't run the rendering steps (so no ResizeObserver callbacks) of a cross-origin
// frame out of view; the widget also measures on DOM changes, so a frame below the fold is
// sized before the fan scrolls to it and the page doesn't jump.
test(
  'an iframe below the fold is sized before it is scrolled into view',
  TEST_TIMEOUT,
  async (t) => {
    const { page } = await openPage(t);
    await page.goto(
      serve(
        hostPage(
          `<div style="height: 2400px">A long article</div>
<iframe id="news" src="${iframeSrc('none')}" title="Show news" style="width: 100%; border: 0"></iframe>
${RESIZE_SNIPPET}`,
          { script: false },
        ),
      ),
    );
    const news = await iframeOf(page, 'news');
    const none = split(ALL_KINDS, 'none');
    await expectCards(news.root, none.shown, none.hidden.length, 'iframe below the fold');
    await eventually(() => news.sizedToContent('below the fold, not scrolled to'), { timeout: 15_000 });
  },
);

// ---------------------------------------------------------------------------------------
// 6. Events

test('load, error and levelchange events reach the host with their details', TEST_TIMEOUT, async (t) => {
  // A feed server that forgets CORS: the browser blocks the answer.
  const serveFeed = file(ALL_KINDS, { type: FEED_JSON });
  feeds.setRoute('/no-cors.json', (req, res) => {
    res.removeHeader('Access-Control-Allow-Origin');
    return serveFeed(req, res);
  });
  t.after(() => feeds.setRoute('/no-cors.json'));
  const { page, errors } = await openPage(t);
  // The listeners are added before the element's script loads, so nothing is missed.
  await page.goto(
    serve(
      hostPage(`
<spoiler-feed id="good" src="${feeds.url}/all-kinds.json" level="mild"></spoiler-feed>
<spoiler-feed id="missing" src="${feeds.url}/missing.json"></spoiler-feed>
<spoiler-feed id="relative" src="news/local.json" level="none"></spoiler-feed>
<spoiler-feed id="blocked" src="${feeds.url}/no-cors.json"></spoiler-feed>
<script>
  window.seen = [];
  window.bubbled = [];
  const types = ['spoilerfeed:load', 'spoilerfeed:error', 'spoilerfeed:levelchange'];
  for (const element of document.querySelectorAll('spoiler-feed')) {
    for (const type of types) {
      element.addEventListener(type, (e) => {
        seen.push({
          type: e.type,
          on: element.id,
          target: e.target.id,
          bubbles: e.bubbles,
          composed: e.composed,
          detail: JSON.parse(JSON.stringify(e.detail)),
        });
      });
    }
  }
  for (const type of types) {
    document.addEventListener(type, (e) => bubbled.push({ type: e.type, target: e.target.id }));
  }
</script>`),
    ),
  );
  const seen = () => page.evaluate(() => window.seen);
  const of = (list, type, id) => list.filter((e) => e.type === type && e.on === id);

  const allKinds = split(ALL_KINDS, 'mild');
  await eventually(async () => {
    const events = await seen();
    assert.equal(of(events, 'spoilerfeed:load', 'good').length, 1, 'good: one load event');
    assert.equal(of(events, 'spoilerfeed:error', 'missing').length, 1, 'missing: one error event');
    assert.equal(of(events, 'spoilerfeed:load', 'relative').length, 1, 'relative: one load event');
    assert.equal(of(events, 'spoilerfeed:error', 'blocked').length, 1, 'blocked: one error event');
  });
  let events = await seen();
  const [load] = of(events, 'spoilerfeed:load', 'good');
  assert.deepEqual(load.detail, {
    feed: `${feeds.url}/all-kinds.json`,
    title: 'Every level and every kind',
    items: allKinds.all.length,
    shown: allKinds.shown.length,
    hidden: allKinds.hidden.length,
    skipped: 0,
  });
  assert.equal(load.target, 'good', 'dispatched on the element');
  assert.equal(load.bubbles, true);
  assert.equal(load.composed, true);

  const [error] = of(events, 'spoilerfeed:error', 'missing');
  assert.equal(error.target, 'missing');
  assert.deepEqual(Object.keys(error.detail).sort(), ['error', 'feed', 'message']);
  assert.equal(error.detail.feed, `${feeds.url}/missing.json`);
  assert.equal(error.detail.error, 'http');
  assert.match(error.detail.message, /404/);
  // The message is what the fan sees in the error card.
  const errorCard = page.locator('spoiler-feed#missing [data-testid="error"]');
  await errorCard.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.ok((await errorCard.textContent()).includes(error.detail.message), 'the event carries the shown message');

  const [blocked] = of(events, 'spoilerfeed:error', 'blocked');
  assert.equal(blocked.detail.feed, `${feeds.url}/no-cors.json`);
  assert.equal(blocked.detail.error, 'network', 'a feed without CORS is unreachable');

  const [relative] = of(events, 'spoilerfeed:load', 'relative');
  assert.equal(relative.detail.feed, `${host.url}/news/local.json`, 'a relative src resolves against the page');
  assert.equal(relative.detail.title, JSON.parse(readFileSync(SAMPLE, 'utf8')).title);
  assert.ok(relative.detail.hidden > 0, 'the sample has updates above None');
  assert.equal(relative.detail.shown + relative.detail.hidden, relative.detail.items);

  // The fan picks levels in the first widget.
  const good = page.locator('spoiler-feed#good');
  await good.locator('input[name="spoiler-level"][value="major"]').check();
  await eventually(async () => assert.equal(of(await seen(), 'spoilerfeed:levelchange', 'good').length, 1));
  await good.locator('input[name="spoiler-level"][value="none"]').check();
  await eventually(async () => assert.equal(of(await seen(), 'spoilerfeed:levelchange', 'good').length, 2));
  events = await seen();
  assert.deepEqual(
    of(events, 'spoilerfeed:levelchange', 'good').map((e) => [e.target, e.detail]),
    [
      ['good', { feed: `${feeds.url}/all-kinds.json`, level: 'major', previous: 'mild' }],
      ['good', { feed: `${feeds.url}/all-kinds.json`, level: 'none', previous: 'major' }],
    ],
  );
  await expectCards(good, split(ALL_KINDS, 'none').shown, split(ALL_KINDS, 'none').hidden.length, 'good at none');

  // Each event came from its own element only, once, and also bubbled to the document.
  assert.equal(events.length, 6, `six events in all: ${JSON.stringify(events.map((e) => [e.type, e.on]))}`);
  assert.ok(events.every((e) => e.on === e.target), 'each listener heard its own element only');
  assert.deepEqual(
    await page.evaluate(() => window.bubbled),
    events.map((e) => ({ type: e.type, target: e.target })),
    'every event bubbled out of the shadow root to the document',
  );
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// ---------------------------------------------------------------------------------------
// Theming

test('custom properties and ::part() from the host theme the widget', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(
    serve(
      hostPage(
        `<spoiler-feed id="themed" src="${feeds.url}/all-kinds.json" level="none"></spoiler-feed>
<spoiler-feed id="default" src="${feeds.url}/all-kinds.json" level="none"></spoiler-feed>`,
        {
          head: `<style>
  #themed::part(card) { box-shadow: rgb(4, 5, 6) 0px 0px 0px 7px; }
  #themed::part(placeholder) { outline: 3px solid rgb(7, 8, 9); }
</style>`,
        },
      ),
    ),
  );
  const themed = page.locator('spoiler-feed#themed');
  const plain = page.locator('spoiler-feed#default');
  const none = split(ALL_KINDS, 'none');
  await expectCards(themed, none.shown, none.hidden.length, 'themed element');
  await expectCards(plain, none.shown, none.hidden.length, 'default element');

  const reveal = (element) => element.locator('[data-testid="placeholder"] button').first();
  const background = (element) => reveal(element).evaluate((button) => getComputedStyle(button).backgroundColor);
  const defaultAccent = 'rgb(180, 35, 42)'; // #b4232a, the light theme's accent
  assert.equal(await background(themed), defaultAccent);

  await themed.evaluate((element) => element.style.setProperty('--spoilerfeed-accent', 'rgb(1, 2, 3)'));
  await eventually(async () => assert.equal(await background(themed), 'rgb(1, 2, 3)'));
  assert.equal(await background(plain), defaultAccent, 'the other element keeps the default accent');
  // Set on an ancestor, a property reaches every element that doesn't set its own.
  await page.evaluate(() => document.body.style.setProperty('--spoilerfeed-accent', 'rgb(10, 20, 30)'));
  await eventually(async () => assert.equal(await background(plain), 'rgb(10, 20, 30)', 'from the body'));
  assert.equal(await background(themed), 'rgb(1, 2, 3)', "the element's own value wins");

  const card = (element) => element.locator('[data-testid="card"]').first();
  assert.equal(
    await card(themed).evaluate((element) => getComputedStyle(element).boxShadow),
    'rgb(4, 5, 6) 0px 0px 0px 7px',
    '::part(card) applies',
  );
  assert.notEqual(
    await card(plain).evaluate((element) => getComputedStyle(element).boxShadow),
    'rgb(4, 5, 6) 0px 0px 0px 7px',
    '::part(card) of one element only',
  );
  const placeholder = themed.locator('[data-testid="placeholder"]').first();
  assert.deepEqual(
    await placeholder.evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.outlineStyle, style.outlineColor, style.outlineWidth];
    }),
    ['solid', 'rgb(7, 8, 9)', '3px'],
    '::part(placeholder) applies',
  );
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
