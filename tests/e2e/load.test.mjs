// Loading and layout stability: `loading="lazy"` on <spoiler-feed> (nothing of the widget is
// fetched until the element comes near the viewport; eager by default), and the layout shifts
// the widget causes, as the browser reports them (a buffered PerformanceObserver for
// `layout-shift`, summed as CLS sums them: shifts right after the fan's input don't count),
// on the standalone page and on a host page, through the load, an image that arrives late and
// a refresh that finds new updates (the new-updates banner), at a phone's and a desktop's size.
//
//   cd tests/e2e && SPOILERFEED_DIST=../../dist node --test load.test.mjs
//
// Nothing waits a fixed time: the late image is held by the server until the test lets it go,
// the refresh runs on Playwright's fake clock, and every check polls with a generous timeout.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FEED_JSON, launchBrowser, startServer } from './server.mjs';
import { assertBuilt, assertStarted, dist, openTestPage, retry, servePage } from './support.mjs';

/** How long any one condition may take to come true on a slow, busy machine. */
const WAIT = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };
/** The most layout shift the widget may cause on a page, summed as CLS is. */
const MAX_SHIFT = 0.01;

const VIEWPORTS = {
  // Lighthouse's phone (a Moto G Power) and a laptop.
  phone: { width: 412, height: 823 },
  desktop: { width: 1280, height: 800 },
};

const VERSION = 'https://jsonfeed.org/version/1.1';
const NOW = Date.parse('2026-03-01T12:00:00Z');

/** A picture with its own size (640×360), as a feed's image has. */
const PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 16 9">'
  + '<rect width="16" height="9" fill="#1d5fd1"/></svg>';

/** A fan site's feed: two shows, updates of every kind, a few above the first level, the newest with a picture. */
function makeFeed({ fresh = 0, image = '/img/set.svg' } = {}) {
  const kinds = ['production', 'cast', 'release', 'other'];
  const items = [];
  for (let i = 0; i < fresh; i++) {
    items.push({
      id: `fresh-${i}`,
      title: `Fresh from the set ${i}`,
      content_text: 'The second unit started the night shoot on the pier.',
      date_published: new Date(NOW + 60_000 + i * 1000).toISOString(),
      _spoilerfeed: { level: 'none', kind: 'production' },
    });
  }
  for (let i = 0; i < 14; i++) {
    items.push({
      id: `item-${i}`,
      title: `Harbour Lights update ${i}: the crew returns to the north pier`,
      content_text: 'The production office moved to the old ferry terminal this week, and the '
        + 'catering tents are bigger than last year, which fans read as a longer shoot.',
      date_published: new Date(NOW - 30_000 - i * 3_600_000).toISOString(),
      ...(i === 0 ? { image } : {}),
      tags: ['filming', 'set visit'],
      // Two shows, as a fan site often has: the show picker comes with the feed.
      _spoilerfeed: { level: i % 5 === 3 ? 'major' : 'none', kind: kinds[i % 4], show: i % 3 === 1 ? 'Salt Road' : 'Harbour Lights' },
    });
  }
  return { version: VERSION, title: 'Harbour Lights news', _spoilerfeed: { show: 'Harbour Lights' }, items };
}

/**
 * Collects every layout shift in the page (buffered, so none before the observer is lost),
 * with what moved, as CLS counts them.
 */
const SHIFT_OBSERVER = `(() => {
  const shifts = (window.__shifts = []);
  const describe = (node) => {
    if (!node) return '?';
    const classes = typeof node.className === 'string' && node.className ? '.' + node.className.trim().split(/\\s+/).join('.') : '';
    return (node.nodeName || '?').toLowerCase() + classes;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      shifts.push({
        value: entry.value,
        input: entry.hadRecentInput,
        sources: entry.sources.map((source) => describe(source.node)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

let server;
let browser;
let feed = makeFeed();
/** Lets the held picture go; replaced for each test. */
let releasePicture = () => {};
let pictureHeld = Promise.resolve();

before(async () => {
  assertBuilt('spoiler-feed.js', 'the bundle');
  server = await startServer({
    root: dist,
    routes: {
      '/feed.json': (_req, res) => {
        res.writeHead(200, { 'Content-Type': FEED_JSON });
        res.end(JSON.stringify(feed));
      },
      // The picture comes only when the test lets it: after the cards are shown.
      '/img/set.svg': async (_req, res) => {
        await pictureHeld;
        res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
        res.end(PICTURE);
      },
      '/favicon.ico': (_req, res) => {
        res.writeHead(204);
        res.end();
      },
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  releasePicture();
  await browser?.close();
  await server?.close();
});

/** Holds the picture back until the returned function is called. */
function holdPicture() {
  pictureHeld = new Promise((ok) => {
    releasePicture = ok;
  });
  return () => releasePicture();
}

const eventually = (check, options = {}) => retry(check, { timeout: WAIT, annotate: 'timeout', ...options });

function openPage(t, viewport = VIEWPORTS.desktop) {
  return openTestPage(t, browser, {
    viewport,
    colorScheme: 'light',
    timeout: WAIT,
    navigationTimeout: 60_000,
    initScript: SHIFT_OBSERVER,
  });
}

/**
 * The README's rule that holds the element's room before its script has defined it (the page
 * may be painted first; from then on the element holds the room itself).
 */
const HOLD_ROOM = '<style>spoiler-feed:not(:defined) { display: block; min-height: 100vh; }</style>';

/** A fan site's article around `element`: a header, text before it and text after it. */
function hostPage(element, { before = 1, head = HOLD_ROOM } = {}) {
  const paragraph = '<p>The crew of Harbour Lights spent the week on the north pier, where the lighthouse set '
    + 'stands again after the winter storms. Locals watched from behind the barriers as the second unit '
    + 'rehearsed the night scenes.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harbour Lights fans</title>
<link rel="icon" href="data:,">
${head}
<script type="module" src="/spoiler-feed.js"></script>
</head>
<body style="margin: 0 auto; max-width: 44em; padding: 0 1em; font: 17px/1.5 Georgia, serif">
<header><h1>Harbour Lights fans</h1></header>
<main>
${paragraph.repeat(before)}
${element}
<p id="after">${paragraph.repeat(3)}</p>
</main>
<footer><p>A fan site.</p></footer>
</body>
</html>`;
}

/** The requests for the widget's files (glue, wasm, styles) and its feed since request `start`. */
function widgetRequests(start) {
  return server.requests.slice(start).filter((line) => /^GET \/(spoilerfeed_bg\.wasm|spoilerfeed\.js|spoilerfeed\.css|feed\.json)/.test(line));
}

/** Resolves after the browser has rendered two more frames (layout shifts are reported by then). */
function frames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
}

/** The layout shifts so far that CLS counts, their sum, and what moved. */
async function shifts(page) {
  await frames(page);
  const all = await page.evaluate(() => window.__shifts);
  const counted = all.filter((shift) => !shift.input);
  return {
    sum: counted.reduce((total, shift) => total + shift.value, 0),
    report: counted.map((shift) => `${shift.value.toFixed(4)} ${shift.sources.join(' ')}`).join('; ') || 'none',
  };
}

async function assertStill(page, when) {
  const { sum, report } = await shifts(page);
  assert.ok(sum <= MAX_SHIFT, `${when}: layout shift ${sum.toFixed(4)} > ${MAX_SHIFT} (${report})`);
}

/** Waits until `scope` shows the feed's cards, the newest first. */
async function expectCards(scope, first = 'item-0') {
  await eventually(async () => {
    await assertStarted(scope, 'the widget');
    assert.equal(await scope.locator('[data-testid="card"]').first().getAttribute('data-id'), first);
  });
}

/** Waits until the feed's picture has been loaded and drawn into the first card. */
async function expectPicture(scope) {
  await eventually(async () => {
    const loaded = await scope
      .locator('[data-testid="card"] img')
      .first()
      .evaluate((img) => img.complete && img.naturalWidth > 0);
    assert.ok(loaded, 'the picture is in');
  });
}

describe('loading="lazy"', () => {
  /** A page whose element is three screens down. */
  const farDown = (attributes) => hostPage(
    `<div style="height: 300vh" aria-hidden="true"></div><spoiler-feed src="/feed.json"${attributes}></spoiler-feed>`,
  );

  /** Resolves once the page is loaded and the element's first visibility check has been made. */
  async function settled(page) {
    await page.evaluate(() => customElements.whenDefined('spoiler-feed'));
    // An observer made after the element's own is told about it in the same task or a later
    // one, so once it has heard, the element has too.
    await page.evaluate(() => new Promise((done) => {
      const probe = new IntersectionObserver(() => {
        probe.disconnect();
        done();
      });
      probe.observe(document.querySelector('spoiler-feed'));
    }));
    await frames(page);
  }

  test('fetches nothing until the element comes within a viewport, then renders as usual', TEST_TIMEOUT, async (t) => {
    feed = makeFeed({ image: undefined });
    const { page, errors } = await openPage(t);
    const start = server.requests.length;
    await page.goto(servePage(server, farDown(' loading="lazy"')), { waitUntil: 'load' });
    await settled(page);
    const element = page.locator('spoiler-feed');
    assert.deepEqual(widgetRequests(start), [], 'nothing of the widget fetched while it is far from view');
    assert.equal(await element.evaluate((el) => el.shadowRoot.querySelector('link')), null, 'no stylesheet yet');
    const box = await element.boundingBox();
    assert.ok(box.height >= VIEWPORTS.desktop.height, `the element keeps its room while it waits: ${box.height}px`);

    // Half a screen below the fold: not seen yet, but near enough to start.
    await page.evaluate(() => {
      const top = document.querySelector('spoiler-feed').getBoundingClientRect().top + scrollY;
      scrollTo(0, top - innerHeight * 1.5);
    });
    await expectCards(element);
    const top = await element.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top > VIEWPORTS.desktop.height, `it loaded before it was in view (its top is at ${top}px)`);
    const late = widgetRequests(start);
    for (const file of ['/spoilerfeed.js', '/spoilerfeed_bg.wasm', '/spoilerfeed.css', '/feed.json']) {
      assert.ok(late.some((line) => line.startsWith(`GET ${file}`)), `${file} is fetched once near`);
    }
    assert.equal(await element.locator('[data-testid="card"]').count(), 11, 'every card at level none');
    assert.equal(await element.locator('[data-testid="placeholder"]').count(), 3);
    assert.deepEqual(errors, []);
  });

  test('is eager by default, and a lazy element made eager loads at once', TEST_TIMEOUT, async (t) => {
    feed = makeFeed({ image: undefined });
    const { page, errors } = await openPage(t);
    // No attribute: loaded at once, three screens down.
    await page.goto(servePage(server, farDown('')));
    await expectCards(page.locator('spoiler-feed'));
    assert.equal(await page.evaluate(() => scrollY), 0, 'without scrolling');

    // A lazy one far down, then the page sets loading to eager.
    const start = server.requests.length;
    await page.goto(servePage(server, farDown(' loading="lazy"')), { waitUntil: 'load' });
    await settled(page);
    assert.equal(await page.locator('[data-testid="card"]').count(), 0, 'the lazy one waits');
    assert.deepEqual(widgetRequests(start), [], 'nothing fetched yet');
    await page.locator('spoiler-feed').evaluate((el) => {
      el.loading = 'eager';
    });
    assert.equal(await page.locator('spoiler-feed').getAttribute('loading'), 'eager', 'the property reflects');
    await expectCards(page.locator('spoiler-feed'));
    assert.equal(await page.evaluate(() => scrollY), 0, 'still without scrolling');
    assert.deepEqual(errors, []);
  });
});

describe('layout shift caused by the widget', () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`standalone page, ${size}: load, a late picture, a refresh with new updates`, TEST_TIMEOUT, async (t) => {
      feed = makeFeed();
      const release = holdPicture();
      const { page, errors } = await openPage(t, viewport);
      await page.clock.install({ time: new Date(NOW) });
      await page.goto(`${server.url}/index.html?feed=${encodeURIComponent('/feed.json')}&refresh=60`);
      await expectCards(page);
      await assertStill(page, 'after the feed arrived');

      release();
      await expectPicture(page);
      await assertStill(page, 'after the picture arrived');

      feed = makeFeed({ fresh: 2 });
      await page.clock.fastForward('01:05');
      await eventually(async () => assert.equal(await page.getByTestId('new-updates').count(), 1, 'the banner'));
      await assertStill(page, 'after the new-updates banner appeared');
      assert.deepEqual(errors, []);
    });

    test(`host page, ${size}: load, a late picture, a refresh with new updates`, TEST_TIMEOUT, async (t) => {
      feed = makeFeed();
      const release = holdPicture();
      const { page, errors } = await openPage(t, viewport);
      await page.clock.install({ time: new Date(NOW) });
      await page.goto(servePage(server, hostPage('<spoiler-feed src="/feed.json" refresh="60"></spoiler-feed>')));
      const element = page.locator('spoiler-feed');
      await expectCards(element);
      await assertStill(page, 'after the feed arrived');
      const below = await page.locator('#after').boundingBox();
      assert.ok(below.y > 0, 'the text after the widget is on the page');

      release();
      await expectPicture(element);
      await assertStill(page, 'after the picture arrived');

      feed = makeFeed({ fresh: 2 });
      await page.clock.fastForward('01:05');
      await eventually(async () => assert.equal(await element.getByTestId('new-updates').count(), 1, 'the banner'));
      await assertStill(page, 'after the new-updates banner appeared');
      assert.deepEqual(errors, []);
    });
  }
});
