// The npm package end to end, as a web developer gets it: `npm pack` of pkg/ (what `cargo
// xtask package` writes), the tarball installed into a scratch project with npm (a local
// tarball needs no network), then
//
// - a page importing `spoilerfeed`, bundled with Vite, which must emit the wasm and the CSS
//   as assets; served on 127.0.0.1, it shows the cards;
// - the installed files served as they are under a versioned path, as a CDN serves npm
//   packages (/npm/spoilerfeed@<version>/), loaded with a plain <script type="module">;
// - an element already in the page when the script loads (and given properties before), and
//   the script loaded a second time under another URL;
// - `tsc --noEmit` on a typed usage file (types/usage.ts) against the installed types.
//
// Vite and TypeScript are devDependencies of this folder (package-lock.json).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FEED_JSON, file, launchBrowser, startServer, status } from './server.mjs';
import { CORS, assertStarted, cardIds, dist, fixtures, openTestPage, retry, servePage } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

/** The package folder: $SPOILERFEED_PKG, or the repository's pkg/. */
const pkgDir = resolve(process.env.SPOILERFEED_PKG ?? join(here, '..', '..', 'pkg'));
const VITE = join(here, 'node_modules', 'vite', 'bin', 'vite.js');
const TSC = join(here, 'node_modules', 'typescript', 'bin', 'tsc');
const ALL_KINDS = join(fixtures, 'all-kinds.json');

const WAIT_MS = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };
const LEVELS = ['none', 'mild', 'moderate', 'major'];

/** The ids of the all-kinds fixture's items at or below `level`, sorted, and how many are above. */
async function split(level) {
  const { items } = JSON.parse(await readFile(ALL_KINDS, 'utf8'));
  const allowed = (item) => LEVELS.indexOf(item._spoilerfeed.level) <= LEVELS.indexOf(level);
  return { shown: items.filter(allowed).map((item) => item.id).sort(), hidden: items.filter((i) => !allowed(i)).length };
}

const eventually = (check) => retry(check, { timeout: WAIT_MS, annotate: 'timeout' });

/** Waits until the element `scope` shows exactly the cards of `level`, and placeholders for the rest. */
async function expectLevel(scope, level, what) {
  const { shown, hidden } = await split(level);
  await eventually(async () => {
    await assertStarted(scope, what);
    assert.deepEqual(await cardIds(scope), shown, `${what}: card ids`);
    assert.equal(await scope.locator('[data-testid="placeholder"]').count(), hidden, `${what}: placeholders`);
  });
}

let scratch; // the temporary folder: the tarball, the fan site's project, the CDN's files
let app; // the fan site's project, with the package installed
let installed; // app/node_modules/spoilerfeed
let version;
let cdn; // the installed files under /npm/spoilerfeed@<version>/, with CORS
let host; // host pages and the feed
let browser;

before(async () => {
  assert.ok(existsSync(join(pkgDir, 'package.json')), `no package in ${pkgDir}: run cargo xtask package first`);
  scratch = await mkdtemp(join(tmpdir(), 'spoilerfeed-package-'));
  const { stdout } = await run('npm', ['pack', pkgDir, '--pack-destination', scratch, '--json'], { cwd: scratch });
  const tarball = join(scratch, JSON.parse(stdout)[0].filename);

  app = join(scratch, 'fan-site');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'fan-site', private: true, type: 'module' }));
  await run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: app });
  installed = join(app, 'node_modules', 'spoilerfeed');
  version = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')).version;

  const cdnRoot = join(scratch, 'cdn');
  await cp(installed, join(cdnRoot, 'npm', `spoilerfeed@${version}`), { recursive: true });
  cdn = await startServer({ root: cdnRoot, headers: CORS });
  host = await startServer({
    routes: { '/favicon.ico': status(204), '/news/feed.json': file(ALL_KINDS, { type: FEED_JSON }) },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([cdn?.close(), host?.close()]);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function openPage(t) {
  return openTestPage(t, browser, { viewport: { width: 1000, height: 800 }, timeout: WAIT_MS, navigationTimeout: 60_000 });
}

/** The package's entry point on the CDN server. */
const cdnScript = () => `${cdn.url}/npm/spoilerfeed@${version}/spoiler-feed.js`;

test('the packed package installs with its entry points, types, manifest and licenses', async () => {
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  const cargo = await readFile(join(here, '..', '..', 'Cargo.toml'), 'utf8');
  assert.equal(version, cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1], 'the version of Cargo.toml');
  assert.equal(manifest.name, 'spoilerfeed');
  assert.equal(manifest.type, 'module');
  const targets = [];
  const collect = (value) => (typeof value === 'string' ? targets.push(value) : Object.values(value).forEach(collect));
  collect(manifest.exports);
  assert.ok(targets.includes('./spoiler-feed.js') && targets.includes('./spoiler-feed-frame.js'), targets.join(', '));
  for (const target of new Set([...targets, manifest.types, manifest.customElements])) {
    assert.ok(existsSync(join(installed, target)), `${target} is in the installed package`);
  }
  const elements = JSON.parse(await readFile(join(installed, manifest.customElements), 'utf8'));
  const declaration = elements.modules[0].declarations[0];
  assert.equal(declaration.tagName, 'spoiler-feed');
  assert.ok(existsSync(join(installed, elements.modules[0].path)));
  // The bundle's files are the release build's (minified), not their sources.
  let fromDist = 0;
  for (const listed of manifest.files) {
    if (!existsSync(join(dist, listed))) continue;
    // A folder (the catalogue files of i18n/) comes whole.
    const names = statSync(join(dist, listed)).isDirectory()
      ? readdirSync(join(dist, listed)).map((file) => join(listed, file))
      : [listed];
    for (const name of names) {
      fromDist += 1;
      assert.ok((await readFile(join(installed, name))).equals(await readFile(join(dist, name))), `${name} is dist/'s`);
    }
  }
  assert.ok(existsSync(join(installed, 'i18n', 'de.json')), 'the catalogue files');
  assert.ok(fromDist >= 5, `${fromDist} files of dist/ in the package`);
  for (const license of ['LICENSE-MIT', 'LICENSE-APACHE', 'THIRD-PARTY-LICENSES.md']) {
    assert.ok(existsSync(join(installed, license)), license);
  }
  assert.match(await readFile(join(installed, 'THIRD-PARTY-LICENSES.md'), 'utf8'), /\| yew \| [\d.]+ \| MIT OR Apache-2.0 \|/);
});

test('a page bundled with Vite from the installed package shows the cards', TEST_TIMEOUT, async (t) => {
  await writeFile(
    join(app, 'index.html'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A fan site</title></head>
<body><spoiler-feed src="/news/feed.json" level="mild"></spoiler-feed>
<script type="module" src="./main.js"></script></body></html>`,
  );
  await writeFile(
    join(app, 'main.js'),
    `import { SpoilerFeedElement } from "spoilerfeed";
document.body.dataset.defined = String(customElements.get("spoiler-feed") === SpoilerFeedElement);
`,
  );
  await run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: app });
  const built = join(app, 'dist');
  const assets = await readdir(join(built, 'assets'));
  const wasm = assets.find((name) => name.endsWith('.wasm'));
  const css = assets.find((name) => name.endsWith('.css'));
  assert.ok(wasm && css, `the wasm and the CSS are emitted as assets: ${assets.join(', ')}`);
  assert.ok(
    assets.some((name) => /^de-[\w-]+\.json$/.test(name)),
    `the catalogue files are emitted as assets: ${assets.join(', ')}`,
  );

  const site = await startServer({
    root: built,
    routes: { '/favicon.ico': status(204), '/news/feed.json': file(ALL_KINDS, { type: FEED_JSON }) },
  });
  t.after(() => site.close());
  const { page, errors } = await openPage(t);
  await page.goto(`${site.url}/index.html`);
  await expectLevel(page.locator('spoiler-feed'), 'mild', 'bundled page');
  assert.equal(await page.locator('body').getAttribute('data-defined'), 'true');
  assert.ok(site.requests.includes(`GET /assets/${wasm}`), site.requests.join('\n'));
  assert.ok(site.requests.includes(`GET /assets/${css}`), site.requests.join('\n'));
  assert.deepEqual(errors, []);
});

test('the package served as files under a versioned path works with a plain module script', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(
    servePage(
      host,
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A fan site</title></head>
<body><spoiler-feed src="/news/feed.json"></spoiler-feed>
<script type="module" src="${cdnScript()}"></script></body></html>`,
    ),
  );
  await expectLevel(page.locator('spoiler-feed'), 'none', 'page using the CDN path');
  const base = `/npm/spoilerfeed@${version}`;
  for (const name of ['spoilerfeed_bg.wasm', 'spoilerfeed.css', 'spoilerfeed.js']) {
    assert.ok(cdn.requests.includes(`GET ${base}/${name}`), `${name} from ${base}: ${cdn.requests.join(', ')}`);
  }
  assert.deepEqual(errors, []);
});

test('an element already in the page is upgraded, with properties set before; a second load changes nothing', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(
    servePage(
      host,
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A fan site</title></head>
<body><spoiler-feed></spoiler-feed></body></html>`,
    ),
  );
  const widget = page.locator('spoiler-feed');
  // As a framework would, before the element is defined: plain properties on the element.
  await widget.evaluate((element) => {
    element.src = '/news/feed.json';
    element.level = 'major';
  });
  const same = await page.evaluate(async (script) => {
    const first = await import(script);
    const second = await import(`${script}?v=2`);
    return first.SpoilerFeedElement === second.SpoilerFeedElement && first.SpoilerFeedElement === customElements.get('spoiler-feed');
  }, cdnScript());
  assert.equal(same, true, 'both loads export the one defined class');
  await expectLevel(widget, 'major', 'upgraded element');
  assert.equal(await widget.getAttribute('src'), '/news/feed.json', 'the property set before became the attribute');

  // Properties reflect to attributes, which the widget follows at once.
  await widget.evaluate((element) => {
    element.level = 'none';
  });
  assert.equal(await widget.getAttribute('level'), 'none');
  await expectLevel(widget, 'none', 'after a property change');
  assert.deepEqual(errors, []);
});

test('tsc --noEmit accepts the typed usage file against the installed types', async () => {
  for (const name of ['usage.ts', 'tsconfig.json']) {
    await cp(join(here, 'types', name), join(app, name));
  }
  try {
    await run(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], { cwd: app });
  } catch (err) {
    assert.fail(`tsc found errors:\n${err.stdout}${err.stderr}`);
  }
});
