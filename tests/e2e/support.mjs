// Helpers shared by the end-to-end suites (server.mjs has the serving side): where the build
// and the fixtures are, polling for a condition, fresh browser pages, and reading the widget.
//
// Each suite keeps its own limits: its `eventually` and `openPage` bind `retry` and
// `openTestPage` to its own timeouts (and viewport), so a suite's waits are what it says.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { text } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The build under test: $SPOILERFEED_DIST, or the repository's dist/. */
export const dist = resolve(process.env.SPOILERFEED_DIST ?? join(here, '..', '..', 'dist'));
/** tests/fixtures/. */
export const fixtures = join(here, '..', 'fixtures');
/** Where screenshots go (not committed). */
export const output = join(here, 'output');
/** The repository's sample feed (sample/sample-feed.json). */
export const repoSample = join(here, '..', '..', 'sample', 'sample-feed.json');
/** Whether the build ships the sample feed. */
export const bundledSample = existsSync(join(dist, 'sample-feed.json'));
/** The sample feed: the build's copy, or the repository's if the build has none. */
export const sampleFile = bundledSample ? join(dist, 'sample-feed.json') : repoSample;

/** Fails unless dist/ has `file`; `what` is what to build ("the site", "the bundle"). */
export function assertBuilt(file, what) {
  assert.ok(existsSync(join(dist, file)), `no ${file} in ${dist}: build ${what} first (cargo xtask build)`);
}

/** Lets any origin read a response. */
export const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * Retries `check` (which throws while its condition is false) every `interval` ms until it
 * returns, and returns what it returned. After `timeout` ms, it throws `check`'s last error;
 * an error marked `fatal` is thrown at once. With `annotate`, the error's message then starts
 * with "still failing after <timeout> ms: " — `'timeout'`: only when time ran out;
 * `'always'`: for a fatal error too.
 *
 * @param {() => unknown} check
 * @param {{timeout: number, interval?: number, annotate?: false | 'timeout' | 'always'}} options
 */
export async function retry(check, { timeout, interval = 100, annotate = false }) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      const timedOut = Date.now() > deadline;
      if (err.fatal || timedOut) {
        if (annotate === 'always' || (annotate === 'timeout' && !err.fatal)) {
          err.message = `still failing after ${timeout} ms: ${err.message}`;
        }
        throw err;
      }
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/**
 * A fresh browser context (empty storage) and page for the test `t`, closed after it.
 * `timeout` is the default for Playwright's waits, and `navigationTimeout` (if given) for
 * navigations; `initScript` runs in the page before any of its own scripts; the other
 * options go to `browser.newContext`. The page's uncaught errors are collected in `errors`.
 *
 * @returns {Promise<{context: object, page: object, errors: string[]}>}
 */
export async function openTestPage(t, browser, { timeout, navigationTimeout, initScript, ...contextOptions }) {
  const context = await browser.newContext(contextOptions);
  t.after(() => context.close());
  context.setDefaultTimeout(timeout);
  if (navigationTimeout !== undefined) context.setDefaultNavigationTimeout(navigationTimeout);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

/** The standalone page on `site` showing the feed at `feedUrl`, with more of the query. */
export function feedPage(site, feedUrl, query = '') {
  return `${site.url}/index.html?feed=${encodeURIComponent(feedUrl)}${query}`;
}

/** The site owner's tools page on `site` for the feed at `feedUrl`, with more of the query. */
export function toolsPage(site, feedUrl, query = '') {
  return `${site.url}/tools.html?feed=${encodeURIComponent(feedUrl)}${query}`;
}

/**
 * Follows the standalone page's link to the embed-code builder (on the tools page, carrying
 * what the fan sees) and returns the builder, its panel opened.
 */
export async function openBuilder(page) {
  await page.getByTestId('embed-link').click();
  await page.waitForURL(/\/tools\.html\?/);
  const builder = page.locator('[data-testid="embed-builder"]');
  await builder.locator('summary').click();
  return builder;
}

let pageCount = 0;

/** Serves the HTML page `html` on `server` under a fresh path; returns its URL. */
export function servePage(server, html) {
  const path = `/page-${++pageCount}.html`;
  server.setRoute(path, text(html, { type: 'text/html; charset=utf-8' }));
  return server.url + path;
}

/**
 * The widget's `item_ref` (src/components/mod.rs), the `data-ref` of a placeholder: FNV-1a
 * (64 bit) of the id's UTF-8 bytes, as 16 hex digits.
 */
export function itemRef(id) {
  const mask = (1n << 64n) - 1n;
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(id, 'utf8')) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The sorted data-id of every card inside `scope` (a locator of one element). */
export function cardIds(scope) {
  return scope
    .locator('[data-testid="card"]')
    .evaluateAll((cards) => cards.map((card) => card.dataset.id).sort());
}

/**
 * Throws a fatal error (one `retry` doesn't retry), starting with `what`, if the
 * <spoiler-feed> element `scope` shows its fallback for a widget that could not start (a
 * missing or half-written dist/).
 */
export async function assertStarted(scope, what) {
  const broken = scope.getByText('could not start');
  if (await broken.count()) {
    throw Object.assign(new Error(`${what}: ${await broken.first().textContent()}`), { fatal: true });
  }
}

/** axe-core's browser script (tests/e2e/node_modules/axe-core), read once. */
let axeSource;

/** The WCAG 2.1 A and AA rules: what the widget must pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on `target` (a page or a frame) over the WCAG 2.1 A and AA rules, injecting
 * it first if needed; axe reaches into open shadow roots. Returns the violations, each as
 * "rule: help (target, …)" for a readable assertion message. `disable` maps a rule id to the
 * written reason it is left out; `iframes: false` leaves frames out (checked on their own).
 * `heading-order` is run too: axe tags it best practice, but a skipped heading level is what a
 * screen reader's heading list shows a fan as a gap.
 *
 * @param {object} target
 * @param {{disable?: Record<string, string>, iframes?: boolean}} options
 * @returns {Promise<string[]>}
 */
export async function axeViolations(target, { disable = {}, iframes = true } = {}) {
  axeSource ??= readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await target.evaluate(() => typeof window.axe === 'object'))) {
    await target.addScriptTag({ content: axeSource });
  }
  const rules = {
    'heading-order': { enabled: true },
    ...Object.fromEntries(Object.keys(disable).map((rule) => [rule, { enabled: false }])),
  };
  const violations = await target.evaluate(
    async ({ tags, rules, iframes }) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, iframes });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.trim()),
      }));
    },
    { tags: WCAG_TAGS, rules, iframes },
  );
  return violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

/**
 * The focused element, through shadow roots and same-origin frames: its tag, and its
 * `data-testid`, class and text, for a readable assertion.
 *
 * @returns {Promise<{tag: string, testid: string|null, className: string, text: string, inWidget: boolean}>}
 */
export function focused(target) {
  return target.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const widget = element?.closest?.('.spoilerfeed');
    return {
      tag: element ? element.tagName.toLowerCase() : 'none',
      testid: element?.dataset?.testid ?? null,
      className: typeof element?.className === 'string' ? element.className : '',
      text: (element?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      type: element?.getAttribute?.('type') ?? null,
      inWidget: Boolean(widget),
    };
  });
}
