// Smoke test: the release build in dist/ loads in Chromium and shows the
// bundled sample feed, as cards or as spoiler placeholders.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { file, launchBrowser, startServer } from './server.mjs';
import { assertBuilt, dist, output, repoSample as sampleFeed } from './support.mjs';

test('the built widget shows the sample feed', { timeout: 60_000 }, async (t) => {
  assertBuilt('index.html', 'the site');

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
