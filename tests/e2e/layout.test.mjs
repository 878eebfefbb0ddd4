// Every language fits a phone: the standalone page, the <spoiler-feed> element in a 280 px
// column of a host page and the iframe, at 280, 320 and 360 px, in every catalogue language,
// light and dark, at every level, with every disclosure open (the muted words with a word in
// the list, the snooze panel with a show snoozed, the watch-progress code). Nothing scrolls
// sideways and no element or text is past the widget's box or its own. Then the standalone
// page's icon (no /favicon.ico 404) and its meta description.
//
// One page is reused throughout: a width is a viewport change, a level a click, and the
// element's and the iframe's languages share a host page, so the whole grid is 14 page loads.
// Screenshots go to output/ (not committed).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, startServer } from './server.mjs';
import { assertBuilt, dist, openTestPage, output, retry, servePage } from './support.mjs';

const WAIT_MS = 30_000;
const TEST_TIMEOUT = { timeout: 600_000 };
const WIDTHS = [280, 320, 360];
const LANGS = ['en', 'de', 'fr', 'es', 'pt-BR'];
const THEMES = ['light', 'dark'];
const LEVELS = ['none', 'mild', 'moderate', 'major'];
/** A muted word longer than any phone is wide: the list must break it, not overflow. */
const LONG_WORD = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen';

const eventually = (check) => retry(check, { timeout: WAIT_MS, annotate: 'timeout' });

let site;
let browser;

before(async () => {
  assertBuilt('index.html', 'the site');
  await mkdir(output, { recursive: true });
  site = await startServer({ root: dist });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

function openPage(t) {
  return openTestPage(t, browser, {
    viewport: { width: WIDTHS[0], height: 800 },
    colorScheme: 'light',
    timeout: WAIT_MS,
    navigationTimeout: 60_000,
  });
}

/**
 * What doesn't fit in `document` (run in the page or a frame): the page wider than its
 * viewport, a widget (`.spoilerfeed`, in the light DOM or any shadow root) past the viewport,
 * an element or a line of text past its widget's box, an element whose content is wider than
 * its own box (text running out of a label or a button). Each as a readable line. A host page
 * of iframes (`hasWidget` false) is only checked for sideways scrolling.
 */
function misfits(hasWidget) {
  const viewport = document.documentElement.clientWidth;
  const found = [];
  const scroll = document.documentElement.scrollWidth;
  if (scroll > viewport) found.push(`the page scrolls sideways: ${scroll} px wide in ${viewport} px`);
  const name = (el) => {
    const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${classes}${text ? ` "${text}"` : ''}`;
  };
  const roots = [];
  const collect = (root) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) collect(el.shadowRoot);
  };
  collect(document);
  const widgets = roots.flatMap((root) => [...root.querySelectorAll('.spoilerfeed')]);
  if (hasWidget && !widgets.length) found.push('no widget on the page');
  // Form controls draw their own insides (a select's arrow, a date field's parts).
  const controls = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'PROGRESS']);
  for (const widget of widgets) {
    const box = widget.getBoundingClientRect();
    if (box.left < -0.5 || box.right > viewport + 0.5) {
      found.push(`the widget spans ${Math.round(box.left)}–${Math.round(box.right)} px in ${viewport} px`);
    }
    const outside = (r) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
    const walker = document.createTreeWalker(widget, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      if (!el.getClientRects().length || el.closest('.sf-visually-hidden')) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.data.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = [...range.getClientRects()].find(outside);
        if (r) found.push(`text of ${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px, the widget ${Math.round(box.left)}–${Math.round(box.right)}`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (outside(r)) {
        found.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px, the widget ${Math.round(box.left)}–${Math.round(box.right)}`);
      } else if (!controls.has(el.tagName) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${name(el)} holds ${el.scrollWidth} px of content in ${el.clientWidth} px`);
      }
    }
  }
  return found;
}

/** Opens every disclosure of every widget in `target` (a page or a frame). */
function openDisclosures(target) {
  return target.evaluate(() => {
    const open = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) open(el.shadowRoot);
        if (el.tagName === 'DETAILS' && el.closest('.spoilerfeed')) el.open = true;
      }
    };
    open(document);
  });
}

/**
 * Waits until `scope` (a page, frame or element) shows the feed in `lang`, in `theme`'s
 * colours, with its guards in use: the long word muted and a show snoozed (kept in storage, so done once per origin).
 */
async function ready(scope, lang, theme) {
  await scope.locator('[data-testid="card"], [data-testid="placeholder"]').first().waitFor();
  // The theme is the widget's own colours, not only the page's around it.
  const background = await scope.locator('.spoilerfeed').evaluate((el) => getComputedStyle(el).backgroundColor);
  const brightness = background.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(theme === 'dark' ? brightness < 200 : brightness > 600, `a ${theme} widget, on ${background}`);
  if (lang !== 'en') {
    const legend = scope.locator('.sf-levels__legend');
    await eventually(async () => assert.notEqual((await legend.textContent()).trim(), 'Spoiler level', `the widget speaks ${lang}`));
  }
  assert.equal(await scope.locator('.spoilerfeed').getAttribute('lang'), lang, 'the widget root carries its language');
  const mute = scope.locator('[data-testid="mute-panel"]');
  if (!(await mute.locator('[data-testid="muted-word"]').count())) {
    await mute.locator('summary').click();
    await scope.getByTestId('mute-input').fill(LONG_WORD);
    await scope.getByTestId('mute-input').press('Enter');
    await mute.locator('[data-testid="muted-word"]').waitFor();
  }
  const snooze = scope.locator('[data-testid="snooze-panel"]');
  if (!(await snooze.locator('[data-testid="snoozed"]').count())) {
    await snooze.locator('summary').click();
    const show = snooze.locator('select[name="snooze-show"]');
    const last = await show.locator('option').last().getAttribute('value');
    await show.selectOption(last);
    await snooze.locator('[data-testid="snooze"] button').click();
    await snooze.locator('[data-testid="snoozed"]').waitFor();
  }
}

/**
 * At each width, and at each level picked in every widget of `scopes`, collects what `page`
 * and its widget `frames` report as not fitting into `problems`, each line headed by `what`;
 * takes a screenshot of the page at each width (at the last level).
 */
async function walk(page, frames, scopes, what, problems) {
  const targets = [page, ...frames];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const level of LEVELS) {
      for (const scope of scopes) {
        const radio = scope.locator(`input[name="spoiler-level"][value="${level}"]`);
        await radio.check();
      }
      // A frame follows the host page's new width in its own time.
      for (const target of targets) {
        await eventually(async () => {
          const inner = await target.evaluate(() => document.documentElement.clientWidth);
          assert.ok(inner <= width, `${what}: ${inner} px wide in ${width} px`);
        });
      }
      await Promise.all(scopes.map((scope) => scope.locator(`input[value="${level}"]:checked`).waitFor()));
      for (const target of targets) {
        const hasWidget = target !== page || !frames.length;
        for (const line of await target.evaluate(misfits, hasWidget)) problems.push(`${what} at ${width} px, level ${level}: ${line}`);
      }
    }
    await page.screenshot({ path: join(output, `layout-${what.replace(/[^\w-]+/g, '-')}-${width}.png`), fullPage: true });
  }
}

/** Fails if there are problems: how many at each place and width, then the first ones. */
function expectFits(problems, what) {
  const where = new Map();
  for (const line of problems) {
    const at = line.slice(0, line.indexOf(', level'));
    where.set(at, (where.get(at) ?? 0) + 1);
  }
  const counts = [...where].map(([at, n]) => `  ${at}: ${n}`).join('\n');
  const first = problems.slice(0, 40).join('\n  ');
  assert.equal(problems.length, 0, `${what}: ${problems.length} things don't fit\n${counts}\nfirst:\n  ${first}`);
}

test('the standalone page fits 280–360 px in every language, light and dark, guards open', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  const problems = [];
  for (const theme of THEMES) {
    for (const lang of LANGS) {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await page.goto(`${site.url}/index.html?lang=${lang}&theme=${theme}`);
      await ready(page, lang, theme);
      await openDisclosures(page);
      await walk(page, [], [page], `page ${lang} ${theme}`, problems);
    }
  }
  expectFits(problems, 'the standalone page');
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('the element in a 280 px column fits in every language, light and dark, guards open', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  const problems = [];
  for (const theme of THEMES) {
    const widgets = LANGS.map(
      (lang) => `<h2>${lang}</h2><spoiler-feed src="${site.url}/sample-feed.json" lang="${lang}" theme="${theme}" data-lang="${lang}"></spoiler-feed>`,
    );
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.goto(
      servePage(
        site,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A fan site</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; font: 18px/1.6 Georgia, serif } aside { width: 280px; max-width: 100%; box-sizing: border-box }</style></head>
<body><main><h1>A fan site</h1><aside>${widgets.join('\n')}</aside>
<div style="display: flex; flex-wrap: wrap; gap: 8px"><p style="flex: 1 1 20em">An article beside the news</p><spoiler-feed src="${site.url}/sample-feed.json" lang="en" theme="${theme}" data-lang="row"></spoiler-feed></div></main>
<script type="module" src="${site.url}/spoiler-feed.js"></script></body></html>`,
      ),
    );
    const scopes = LANGS.map((lang) => page.locator(`spoiler-feed[data-lang="${lang}"]`));
    const row = page.locator('spoiler-feed[data-lang="row"]');
    for (const [i, lang] of LANGS.entries()) await ready(scopes[i], lang, theme);
    await ready(row, 'en', theme);
    await openDisclosures(page);
    await walk(page, [], [...scopes, row], `element ${theme}`, problems);
    // In a flex row that lets content decide, the widget is a sidebar's width, not nothing.
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const box = await row.evaluate((el) => el.getBoundingClientRect().width);
      if (box < 200) problems.push(`element ${theme} at ${width} px, level major: in a flex row, ${box} px wide`);
    }
  }
  expectFits(problems, 'the element');
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('the iframe fits 280–360 px in every language, light and dark, guards open', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  const problems = [];
  for (const theme of THEMES) {
    const frames = LANGS.map(
      (lang) =>
        `<iframe src="${site.url}/index.html?embed=1&lang=${lang}&theme=${theme}" title="Show news (${lang})" data-spoilerfeed data-lang="${lang}"></iframe>`,
    );
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.goto(
      servePage(
        site,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A fan site</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0 }</style></head>
<body><main><h1>A fan site</h1>${frames.join('\n')}</main>
<script src="${site.url}/spoiler-feed-frame.js" defer></script></body></html>`,
      ),
    );
    const inside = await Promise.all(
      LANGS.map((lang) =>
        eventually(async () => {
          const handle = await page.locator(`iframe[data-lang="${lang}"]`).elementHandle();
          const frame = await handle?.contentFrame();
          assert.ok(frame?.url().includes(`lang=${lang}`), `the ${lang} frame`);
          return frame;
        }),
      ),
    );
    for (const [i, lang] of LANGS.entries()) {
      await ready(inside[i], lang, theme);
      await openDisclosures(inside[i]);
    }
    await walk(page, inside, inside, `iframe ${theme}`, problems);
  }
  expectFits(problems, 'the iframe');
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('the standalone page has its own icon (no /favicon.ico) and a meta description', TEST_TIMEOUT, async (t) => {
  // A site of its own: Chromium remembers an origin's missing icon and wouldn't ask again.
  const own = await startServer({ root: dist });
  t.after(() => own.close());
  const { page, errors } = await openPage(t);
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${own.url}/index.html`);
  await page.locator('[data-testid="card"], [data-testid="placeholder"]').first().waitFor();
  const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.href ?? null);
  const paths = () => own.requests.map((line) => line.split(' ')[1].split('?')[0]);
  // Chromium asks for the page's icon once it has loaded: /favicon.ico when it names none.
  await eventually(() => {
    const asked = paths();
    const wanted = ['/favicon.ico', ...(icon ? [new URL(icon).pathname] : [])];
    assert.ok(asked.some((path) => wanted.includes(path)), `an icon was requested (${asked.join(', ')})`);
  });
  assert.deepEqual(paths().filter((path) => path === '/favicon.ico'), [], 'no request for /favicon.ico (a 404)');
  assert.ok(icon, 'a <link rel="icon">');
  assert.ok(icon.startsWith(`${own.url}/`), `the icon is in the bundle: ${icon}`);
  const response = await page.request.get(icon);
  assert.equal(response.status(), 200, `${icon} is served`);
  assert.match(response.headers()['content-type'], /^image\//, 'the icon is an image');
  assert.deepEqual(requested.filter((url) => !url.startsWith(`${own.url}/`)), [], 'nothing asked for outside the bundle');
  const description = await page.evaluate(() => document.querySelector('meta[name="description"]')?.content ?? '');
  assert.ok(description.trim().length >= 50, `a meta description of a sentence or two: "${description}"`);
  assert.deepEqual(errors, [], 'no uncaught errors');
});
