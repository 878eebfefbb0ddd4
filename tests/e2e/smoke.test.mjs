// Smoke test: the release build in dist/ loads in Chromium and shows the
// bundled sample feed, as cards or as spoiler placeholders.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { file, launchBrowser, startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.SPOILERFEED_DIST ?? join(here, '..', '..', 'dist'));
const sampleFeed = join(here, '..', '..', 'sample', 'sample-feed.json');
const output = join(here, 'output');

test('the built widget shows the sample feed', { timeout: 60_000 }, async (t) => {
  assert.ok(
    existsSync(join(dist, 'index.html')),
    `no index.html in ${dist}: build the site first (cargo xtask build)`,
  );

  // The build normally ships the sample feed; serve the repository's copy if not.
  const routes = {};
  if (!existsSync(join(dist, 'sample-feed.json')) && existsSync(sampleFeed)) {
    routes['/sample-feed.json'] = file(sampleFeed);
  }
  const server = await startServer({ root: dist, routes });
  t.after(() => server.close());
  const browser = await launchBrowser();
  t.after(() => browser.close());

  const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });

  await page.goto(`${server.url}/index.html`);
  const shown = page.locator('[data-testid="card"], [data-testid="placeholder"]').first();
  try {
    await shown.waitFor({ state: 'visible', timeout: 20_000 });
  } catch (err) {
    const details = [
      `page errors: ${JSON.stringify(pageErrors)}`,
      `console errors: ${JSON.stringify(consoleErrors)}`,
      `requests: ${server.requests.join(', ')}`,
    ].join('\n');
    throw new Error(`no card or placeholder appeared: ${err.message}\n${details}`);
  } finally {
    await mkdir(output, { recursive: true });
    await page.screenshot({ path: join(output, 'smoke.png'), fullPage: true });
  }

  assert.equal(await page.locator('#spoilerfeed').count(), 1, 'one #spoilerfeed root');
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
