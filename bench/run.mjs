// The performance benchmark: the release bundle (dist/) against a plain-JavaScript baseline
// (bench/baseline/), both served on 127.0.0.1 and measured the same way in one headless
// Chromium session. `cargo xtask bench` builds dist/ and runs this; alone:
//
//   node bench/run.mjs [--quick] [--dist DIR] [--out FILE]
//
// Prints the machine and a table, and writes bench/results.json. Budgets are reported, never
// enforced: the exit code is non-zero only when the benchmark itself could not run.
// See bench/README.md for what each figure means and how it is taken.

import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, json, file, text, launchBrowser, FEED_JSON } from '../tests/e2e/server.mjs';
import { generateFeed } from './feed.mjs';
import { lighthouseRuns, lighthouseTable } from './lighthouse.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const QUICK = args.includes('--quick');
const SOURCE_DIST = resolve(option('--dist', process.env.SPOILERFEED_DIST || join(here, '..', 'dist')));
// A copy of the bundle, taken at the start, is what is served and sized: a build that
// replaces dist/ during the run (another terminal, another checkout's task) can't mix in.
let DIST = SOURCE_DIST;
const OUT = resolve(option('--out', join(here, 'results.json')));

const COLD_SIZES = [100, 1000, 10000];
const INTERACTION_SIZES = [1000, 10000];
// Cold starts vary most from load to load (a busy machine moves single loads by 50 %): 15
// keep the median steady to a few percent.
const COLD_RUNS = QUICK ? 3 : 15;
const INTERACTION_RUNS = QUICK ? 6 : 16;
const WARMUP_RUNS = QUICK ? 2 : 4;
const MEMORY_RUNS = QUICK ? 1 : 3;
const MEMORY_SIZE = 10000;
// Lighthouse's runs per page (it simulates a mid-range phone on a slow 4G link).
const LIGHTHOUSE_RUNS = QUICK ? 1 : 3;
const VIEWPORT = { width: 1280, height: 800 };
// Feeds of 10,000 items are ~8 MB; the widget reads at most 5 MiB unless told otherwise.
const MAX_SIZE_MB = 64;
const LOAD_TIMEOUT_MS = 180_000;

const BUDGETS = {
  // The fan's download for an English page: the wasm, the scripts and the CSS.
  transferGzipKB: 230,
  // The stretch goal for the transfer, reported beside the budget.
  transferGzipStretchKB: 200,
  // Each further language's catalogue file.
  catalogueGzipKB: 6,
  coldStart100Ratio: 1.5,
  coldStart1000Ratio: 1.5,
  interactionRatio: 1.5,
  memory10000Ratio: 2.5,
  // Lighthouse, mobile defaults, the standalone page on the sample feed.
  lighthousePerformance: 96,
  lighthouseLcpMs: 2300,
  lighthouseCls: 0.01,
  lighthouseTbtMs: 50,
};

const IMPLS = ['widget', 'baseline'];

const COVER_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 16 9">'
  + '<linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#1d5fd1"/><stop offset="1" stop-color="#b4232a"/></linearGradient>'
  + '<rect width="16" height="9" fill="url(#g)"/></svg>';

// ---- in-page instrumentation ----------------------------------------------------------------

// Added to every page before its own scripts: marks when the first card is in the DOM and
// when the frame that contains it has been rendered ("after next paint": a task posted from
// requestAnimationFrame runs once that frame's style, layout and paint are done), plus the
// classic double-rAF mark. A PerformanceObserver collects the marks into window.__bench.
const INIT_SCRIPT = `(() => {
  const bench = (window.__bench = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name.startsWith('bench:')) bench[entry.name.slice(6)] = entry.startTime;
    }
  }).observe({ type: 'mark', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="card"]')) return;
    observer.disconnect();
    performance.mark('bench:first-card-in-dom');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('bench:first-card-painted');
      channel.port2.postMessage(null);
      requestAnimationFrame(() => performance.mark('bench:first-card-double-raf'));
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

// Runs in the page: clicks `selector`'s first match and times it. t0 is taken right before
// the click is dispatched (a radio's click fires its input and change events synchronously);
// a MutationObserver on the widget's root notes when the DOM changes; once it has, and has
// stayed still through a requestAnimationFrame, a task posted from that frame's rAF ends the
// measurement after the frame's style, layout and paint.
//   total  = end - t0: input to the next frame after the DOM update
//   script = last DOM mutation - t0 (framework, diffing, DOM calls; no frame wait)
//   render = end - that rAF (style, layout, paint of the frame)
async function measureClick(selector) {
  const target = document.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  const root = document.getElementById('spoilerfeed');
  let mutations = 0;
  let lastMutation = 0;
  const observer = new MutationObserver((records) => {
    mutations += records.length;
    lastMutation = performance.now();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));
  const t0 = performance.now();
  target.click();
  const dispatched = performance.now();
  let frame = await nextFrame();
  let frames = 1;
  while ((mutations === 0 || lastMutation > frame) && frames < 120) {
    frame = await nextFrame();
    frames += 1;
  }
  const end = await new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  observer.disconnect();
  if (mutations === 0) throw new Error(`clicking ${selector} changed nothing`);
  return {
    total: end - t0,
    script: Math.max(lastMutation, dispatched) - t0,
    render: end - frame,
    mutations,
    frames,
  };
}

// Runs in the page: what the list shows, to check that widget and baseline agree.
function listSignature() {
  const entries = [...document.querySelectorAll('.sf-list > li > article')].map(
    (a) => `${a.dataset.testid}:${a.dataset.kind}:${a.dataset.ref}${a.classList.contains('sf-card--revealed') ? ':revealed' : ''}`,
  );
  const hidden = document.querySelector('[data-testid="hidden-count"]')?.textContent ?? '';
  const more = document.querySelector('.sf-more')?.textContent ?? '';
  const checked = document.querySelector('input[name="spoiler-level"]:checked')?.value ?? '';
  const pressed = [...document.querySelectorAll('[data-testid="kind-chip"][aria-pressed="true"]')].map((c) => c.dataset.kind);
  return { entries, hidden, more, checked, pressed: pressed.join(',') };
}

// ---- helpers --------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
const kb = (bytes) => bytes / 1024;
const log = (line) => process.stderr.write(`${line}\n`);

function machine(browserVersion) {
  let cpu = 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    cpu = cpus()[0]?.model ?? cpu;
  }
  let commit = null;
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty', '--exclude', '*'], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  return {
    commit,
    cpu,
    cores: cpus().length,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    chromium: browserVersion,
    node: process.version,
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
  };
}

function pageUrl(server, impl, size, level = 'none') {
  const query = `feed=${encodeURIComponent(`/feeds/feed-${size}.json`)}&level=${level}&max-size=${MAX_SIZE_MB}`;
  return impl === 'widget' ? `${server.url}/index.html?${query}` : `${server.url}/baseline/index.html?${query}`;
}

/** Opens `impl` with the feed of `size` items in a fresh context; resolves once a card is painted. */
async function openFresh(browser, server, impl, size) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // Chromium asks for /favicon.ico, which neither page has.
    if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) errors.push(msg.text());
  });
  await page.goto(pageUrl(server, impl, size), { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.__bench && window.__bench['first-card-painted'] !== undefined, null, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 100,
    });
  } catch (err) {
    await context.close();
    throw new Error(`${impl} at ${size} items never painted a card: ${err.message}; page errors: ${errors.join(' | ') || 'none'}`);
  }
  return { context, page, errors };
}

async function settle(page, ms = 250) {
  await page.evaluate((wait) => new Promise((done) => setTimeout(() => requestAnimationFrame(() => done()), wait)), ms);
}

// ---- the measurements -----------------------------------------------------------------------

function transferSizes(server) {
  // Everything the pages requested from dist/ except feeds and images: html, js, wasm, css.
  const byImpl = { widget: new Set(), baseline: new Set() };
  for (const request of server.requests) {
    const path = request.split(' ')[1].split('?')[0];
    if (path.startsWith('/feeds/') || path.startsWith('/img/') || path === '/favicon.ico') continue;
    (path.startsWith('/baseline/') ? byImpl.baseline : byImpl.widget).add(path);
  }
  // The baseline borrows the widget's stylesheet, so it is counted for both.
  byImpl.baseline.add('/spoilerfeed.css');
  const result = {};
  for (const impl of IMPLS) {
    const files = [...byImpl[impl]].sort().map((path) => {
      const onDisk = path.startsWith('/baseline/') ? join(here, path) : join(DIST, path);
      let body;
      try {
        body = readFileSync(onDisk);
      } catch {
        return null;
      }
      return { path, ...compressedSizes(body) };
    }).filter(Boolean);
    result[impl] = {
      files,
      raw: files.reduce((sum, f) => sum + f.raw, 0),
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
      brotli: files.reduce((sum, f) => sum + f.brotli, 0),
    };
  }
  return result;
}

/** A file's size raw, gzip -9 and brotli at quality 11 (node's zlib), in bytes. */
function compressedSizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length,
    brotli: brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/** Each language's catalogue in dist/i18n/ (fetched only by a widget that speaks it), sized. */
function catalogueSizes() {
  const dir = join(DIST, 'i18n');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ lang: name.slice(0, -'.json'.length), ...compressedSizes(readFileSync(join(dir, name))) }));
}

async function coldStarts(browser, server) {
  const results = {};
  for (const size of COLD_SIZES) {
    results[size] = { widget: [], baseline: [] };
    for (let run = 0; run < COLD_RUNS; run++) {
      // Alternate which goes first, so slow drifts in the machine's load hit both alike.
      const order = run % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const impl of order) {
        const { context, page, errors } = await openFresh(browser, server, impl, size);
        const marks = await page.evaluate(() => {
          const feed = performance.getEntriesByType('resource').find((e) => e.name.includes('/feeds/'));
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return { ...window.__bench, feedResponseEnd: feed?.responseEnd, fcp: fcp?.startTime };
        });
        await context.close();
        if (errors.length) log(`  note: ${impl} at ${size} logged errors: ${errors.join(' | ')}`);
        results[size][impl].push(marks);
        log(`  cold start ${impl.padEnd(8)} ${String(size).padStart(5)} items, run ${run + 1}/${COLD_RUNS}: ${marks['first-card-painted'].toFixed(1)} ms`);
      }
    }
  }
  return results;
}

const ACTIONS = {
  // Cycles through the levels, so that every switch changes the list.
  levelSwitch: (i) => `input[name="spoiler-level"][value="${['mild', 'moderate', 'major', 'none'][i % 4]}"]`,
  // The first placeholder's Reveal button: each run reveals the next hidden update.
  reveal: () => '[data-testid="placeholder"] button',
  // Narrows to cast updates, then widens back to every kind.
  filter: () => '[data-testid="kind-chip"][data-kind="cast"]',
};

async function interactions(browser, server) {
  const results = {};
  const checks = [];
  for (const [action, selectorFor] of Object.entries(ACTIONS)) {
    results[action] = {};
    for (const size of INTERACTION_SIZES) {
      // Both pages stay open and take turns, one click each, so that a change in the
      // machine's load during the sequence hits widget and baseline alike.
      const pages = {};
      for (const impl of IMPLS) {
        pages[impl] = await openFresh(browser, server, impl, size);
        await settle(pages[impl].page, 500);
      }
      const samples = { widget: [], baseline: [] };
      const total = WARMUP_RUNS + INTERACTION_RUNS;
      for (let i = 0; i < total; i++) {
        for (const impl of i % 2 ? [...IMPLS].reverse() : IMPLS) {
          const { page } = pages[impl];
          await page.bringToFront();
          await settle(page, 30);
          const sample = await page.evaluate(measureClick, selectorFor(i));
          if (i >= WARMUP_RUNS) samples[impl].push(sample);
        }
      }
      const signatures = {};
      for (const impl of IMPLS) {
        signatures[impl] = await pages[impl].page.evaluate(listSignature);
        await pages[impl].context.close();
        log(`  ${action} ${impl.padEnd(8)} ${String(size).padStart(5)} items: median ${median(samples[impl].map((s) => s.total)).toFixed(1)} ms over ${samples[impl].length}`);
      }
      results[action][size] = samples;
      checks.push(compareSignatures(`${action} at ${size} items`, signatures.widget, signatures.baseline));
    }
  }
  return { results, checks };
}

function compareSignatures(what, widget, baseline) {
  const problems = [];
  for (const key of ['hidden', 'more', 'checked', 'pressed']) {
    if (widget[key] !== baseline[key]) problems.push(`${key}: widget "${widget[key]}" vs baseline "${baseline[key]}"`);
  }
  if (widget.entries.length !== baseline.entries.length) {
    problems.push(`entries: widget ${widget.entries.length} vs baseline ${baseline.entries.length}`);
  }
  const first = widget.entries.findIndex((entry, i) => entry !== baseline.entries[i]);
  if (first >= 0 && first < Math.max(widget.entries.length, baseline.entries.length)) {
    problems.push(`entry ${first}: widget ${widget.entries[first]} vs baseline ${baseline.entries[first]}`);
  }
  return { what, ok: problems.length === 0, entries: widget.entries.length, problems };
}

async function memory(browser, server) {
  const results = { widget: [], baseline: [] };
  for (let run = 0; run < MEMORY_RUNS; run++) {
    for (const impl of IMPLS) {
      const { context, page } = await openFresh(browser, server, impl, MEMORY_SIZE);
      await settle(page, 1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await page.evaluate(() => ({
        usedJSHeapSize: performance.memory?.usedJSHeapSize,
        totalJSHeapSize: performance.memory?.totalJSHeapSize,
      }));
      // Every live WebAssembly.Memory in the page, found through its prototype (the glue
      // keeps the instance in a module-scoped variable the page cannot reach).
      const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
      const { result: sizes } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.map((memory) => memory.buffer.byteLength); }',
        returnByValue: true,
      });
      const dom = await cdp.send('Memory.getDOMCounters');
      await context.close();
      const wasm = sizes.value.reduce((sum, n) => sum + n, 0);
      results[impl].push({
        usedJSHeapSize: heap.usedJSHeapSize,
        totalJSHeapSize: heap.totalJSHeapSize,
        wasmMemory: wasm,
        wasmMemories: sizes.value.length,
        total: heap.usedJSHeapSize + wasm,
        domNodes: dom.nodes,
        jsEventListeners: dom.jsEventListeners,
      });
      log(`  memory ${impl.padEnd(8)} ${MEMORY_SIZE} items: JS heap ${(heap.usedJSHeapSize / 2 ** 20).toFixed(1)} MiB, wasm ${(wasm / 2 ** 20).toFixed(1)} MiB`);
    }
  }
  return results;
}

// ---- report ---------------------------------------------------------------------------------

function summarise(raw) {
  const summary = { transfer: raw.transfer, catalogues: raw.catalogues, lighthouse: raw.lighthouse, coldStart: {}, memory: {}, budgets: [] };
  for (const size of COLD_SIZES) {
    const row = {};
    for (const impl of IMPLS) {
      const samples = raw.coldStart[size][impl];
      row[impl] = {
        median: round(median(samples.map((s) => s['first-card-painted']))),
        medianDoubleRaf: round(median(samples.map((s) => s['first-card-double-raf']))),
        medianFeedResponseEnd: round(median(samples.map((s) => s.feedResponseEnd ?? NaN))),
        runs: samples.length,
      };
    }
    row.ratio = round(row.widget.median / row.baseline.median, 2);
    summary.coldStart[size] = row;
  }
  for (const action of Object.keys(ACTIONS)) {
    summary[action] = {};
    for (const size of INTERACTION_SIZES) {
      const row = {};
      for (const impl of IMPLS) {
        const samples = raw.interactions[action][size][impl];
        row[impl] = {
          median: round(median(samples.map((s) => s.total))),
          script: round(median(samples.map((s) => s.script))),
          render: round(median(samples.map((s) => s.render))),
          runs: samples.length,
        };
      }
      row.ratio = round(row.widget.median / row.baseline.median, 2);
      row.scriptRatio = round(row.widget.script / row.baseline.script, 2);
      summary[action][size] = row;
    }
  }
  for (const impl of IMPLS) {
    const samples = raw.memory[impl];
    summary.memory[impl] = {
      usedJSHeapSize: median(samples.map((s) => s.usedJSHeapSize)),
      wasmMemory: median(samples.map((s) => s.wasmMemory)),
      total: median(samples.map((s) => s.total)),
      domNodes: median(samples.map((s) => s.domNodes)),
      runs: samples.length,
    };
  }
  summary.memory.ratio = round(summary.memory.widget.total / summary.memory.baseline.total, 2);

  const budget = (name, actual, limit, ok, unit) => summary.budgets.push({ name, actual, limit, unit, ok });
  const gz = round(kb(raw.transfer.widget.gzip), 1);
  budget('total transfer, gzip -9', gz, BUDGETS.transferGzipKB, gz <= BUDGETS.transferGzipKB, 'KB');
  budget('total transfer, gzip -9 (stretch)', gz, BUDGETS.transferGzipStretchKB, gz <= BUDGETS.transferGzipStretchKB, 'KB');
  // en.json is compiled into the wasm (the file is for translators): never fetched.
  for (const c of raw.catalogues.filter((c) => c.lang !== 'en')) {
    const size = round(kb(c.gzip), 1);
    budget(`catalogue ${c.lang}, gzip -9`, size, BUDGETS.catalogueGzipKB, size <= BUDGETS.catalogueGzipKB, 'KB');
  }
  for (const size of [100, 1000]) {
    const ratio = summary.coldStart[size].ratio;
    budget(`cold start at ${size.toLocaleString('en')} items vs baseline`, ratio, BUDGETS[`coldStart${size}Ratio`], ratio <= BUDGETS[`coldStart${size}Ratio`], '×');
  }
  const actionNames = { levelSwitch: 'level switch', reveal: 'reveal', filter: 'filter by kind' };
  for (const action of Object.keys(ACTIONS)) {
    for (const size of INTERACTION_SIZES) {
      const ratio = summary[action][size].ratio;
      budget(`${actionNames[action] ?? action} at ${size.toLocaleString('en')} items vs baseline`, ratio, BUDGETS.interactionRatio, ratio <= BUDGETS.interactionRatio, '×');
    }
  }
  const m10k = summary.memory.ratio;
  budget('memory at 10,000 items vs baseline', m10k, BUDGETS.memory10000Ratio, m10k <= BUDGETS.memory10000Ratio, '×');
  const standalone = raw.lighthouse?.standalone;
  if (standalone) {
    budget('Lighthouse performance, standalone page', standalone.performance, BUDGETS.lighthousePerformance, standalone.performance >= BUDGETS.lighthousePerformance, 'score');
    const lcp = Math.round(standalone.lcp);
    budget('Lighthouse LCP, standalone page', lcp, BUDGETS.lighthouseLcpMs, lcp <= BUDGETS.lighthouseLcpMs, 'ms');
    const cls = round(standalone.cls, 3);
    budget('Lighthouse CLS, standalone page', cls, BUDGETS.lighthouseCls, cls <= BUDGETS.lighthouseCls, '');
    const tbt = Math.round(standalone.tbt);
    budget('Lighthouse TBT, standalone page', tbt, BUDGETS.lighthouseTbtMs, tbt <= BUDGETS.lighthouseTbtMs, 'ms');
  }
  return summary;
}

function table(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows
    .map((row, r) => {
      const line = row.map((cell, col) => (col === 0 ? String(cell).padEnd(widths[col]) : String(cell).padStart(widths[col]))).join('  ');
      return r === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function report(machineInfo, summary, checks) {
  const ms = (v) => (v === null || Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`);
  const x = (v) => (v === null || Number.isNaN(v) ? '—' : `${v.toFixed(2)}×`);
  const lines = [];
  lines.push(`measured: ${machineInfo.commit ?? 'unknown commit'} (dist/ as built from the work tree)`);
  lines.push(`machine: ${machineInfo.cpu}, ${machineInfo.cores} cores, ${machineInfo.memoryGB} GB; ${machineInfo.chromium}; node ${machineInfo.node}`);
  lines.push(`load average at start: ${machineInfo.loadAverageAtStart.join(' ')} (other work on the machine inflates every figure)`);
  lines.push(`runs: cold start median of ${COLD_RUNS} fresh contexts; interactions median of ${INTERACTION_RUNS} after ${WARMUP_RUNS} warm-up; memory median of ${MEMORY_RUNS}; Lighthouse median of ${LIGHTHOUSE_RUNS}`);
  lines.push('');
  const rows = [['measure', 'widget', 'baseline', 'widget/baseline']];
  const t = summary.transfer;
  rows.push(['transfer, raw', `${kb(t.widget.raw).toFixed(1)} KB`, `${kb(t.baseline.raw).toFixed(1)} KB`, x(t.widget.raw / t.baseline.raw)]);
  rows.push(['transfer, gzip -9', `${kb(t.widget.gzip).toFixed(1)} KB`, `${kb(t.baseline.gzip).toFixed(1)} KB`, x(t.widget.gzip / t.baseline.gzip)]);
  rows.push(['transfer, brotli 11', `${kb(t.widget.brotli).toFixed(1)} KB`, `${kb(t.baseline.brotli).toFixed(1)} KB`, x(t.widget.brotli / t.baseline.brotli)]);
  for (const size of COLD_SIZES) {
    const row = summary.coldStart[size];
    rows.push([`cold start, ${size.toLocaleString('en')} items`, ms(row.widget.median), ms(row.baseline.median), x(row.ratio)]);
  }
  const names = { levelSwitch: 'level switch', reveal: 'reveal one', filter: 'filter by kind' };
  for (const action of Object.keys(ACTIONS)) {
    for (const size of INTERACTION_SIZES) {
      const row = summary[action][size];
      rows.push([`${names[action]}, ${size.toLocaleString('en')} items`, ms(row.widget.median), ms(row.baseline.median), x(row.ratio)]);
      rows.push([`  of which script (no frame wait)`, ms(row.widget.script), ms(row.baseline.script), x(row.scriptRatio)]);
    }
  }
  const m = summary.memory;
  const mib = (v) => `${(v / 2 ** 20).toFixed(1)} MiB`;
  rows.push([`memory, ${MEMORY_SIZE.toLocaleString('en')} items: JS heap`, mib(m.widget.usedJSHeapSize), mib(m.baseline.usedJSHeapSize), x(m.widget.usedJSHeapSize / m.baseline.usedJSHeapSize)]);
  rows.push(['  wasm linear memory', mib(m.widget.wasmMemory), mib(m.baseline.wasmMemory), '—']);
  rows.push(['  JS heap + wasm memory', mib(m.widget.total), mib(m.baseline.total), x(m.ratio)]);
  rows.push(['  DOM nodes', String(m.widget.domNodes), String(m.baseline.domNodes), x(m.widget.domNodes / m.baseline.domNodes)]);
  lines.push(table(rows));
  lines.push('');
  lines.push('files, KB (raw / gzip -9 / brotli 11):');
  const sizes = (f) => `${kb(f.raw).toFixed(1)}/${kb(f.gzip).toFixed(1)}/${kb(f.brotli).toFixed(1)}`;
  for (const impl of IMPLS) {
    lines.push(`  ${impl}: ${t[impl].files.map((f) => `${f.path} ${sizes(f)}`).join(', ')}`);
  }
  if (summary.catalogues.length) {
    lines.push(`  catalogues (dist/i18n/, one fetched per language spoken): ${summary.catalogues.map((c) => `${c.lang} ${sizes(c)}`).join(', ')}`);
  }
  if (summary.lighthouse) {
    lines.push('');
    lines.push(lighthouseTable(summary.lighthouse));
  }
  lines.push('');
  lines.push('budgets (reported, not enforced):');
  for (const b of summary.budgets) {
    const limit = b.unit === '×' ? `≤ ${b.limit}× baseline` : b.unit === 'score' ? `≥ ${b.limit}` : `≤ ${b.limit}${b.unit ? ` ${b.unit}` : ''}`;
    const actual = b.unit === '×' ? `${b.actual}×` : b.unit === 'score' || !b.unit ? `${b.actual}` : `${b.actual} ${b.unit}`;
    lines.push(`  ${b.ok ? 'within' : 'OVER  '}  ${b.name}: ${actual} (budget ${limit})`);
  }
  lines.push('');
  const bad = checks.filter((c) => !c.ok);
  lines.push(bad.length === 0
    ? `markup check: widget and baseline list the same entries after every measured sequence (${checks.length} checks)`
    : `markup check: ${bad.length} of ${checks.length} differ:\n${bad.map((c) => `  ${c.what}: ${c.problems.join('; ')}`).join('\n')}`);
  return lines.join('\n');
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  for (const name of ['index.html', 'spoilerfeed.js', 'spoilerfeed_bg.wasm', 'spoilerfeed.css']) {
    statSync(join(SOURCE_DIST, name));
  }
  const started = Date.now();
  const copy = mkdtempSync(join(tmpdir(), 'spoilerfeed-bench-'));
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  cpSync(SOURCE_DIST, copy, { recursive: true });
  DIST = copy;
  const server = await startServer({
    root: DIST,
    routes: {
      '/baseline/index.html': file(join(here, 'baseline', 'index.html')),
      '/baseline/baseline.js': file(join(here, 'baseline', 'baseline.js')),
      // Every item image is this one small picture (each with its own query string).
      '/img/cover.svg': text(COVER_SVG, { type: 'image/svg+xml' }),
    },
  });
  log(`bench: serving a copy of ${SOURCE_DIST} and the baseline at ${server.url}`);
  for (const size of new Set([...COLD_SIZES, ...INTERACTION_SIZES, MEMORY_SIZE])) {
    const imageUrl = (name) => `${server.url}/img/cover.svg?${encodeURIComponent(name)}`;
    const body = JSON.stringify(generateFeed(size, { imageUrl }));
    server.setRoute(`/feeds/feed-${size}.json`, json(body, {
      type: FEED_JSON,
      headers: { 'Content-Length': String(Buffer.byteLength(body)) },
    }));
    log(`bench: feed of ${size} items, ${(Buffer.byteLength(body) / 2 ** 20).toFixed(2)} MiB`);
  }
  const browser = await launchBrowser({ args: ['--enable-precise-memory-info'] });
  let raw;
  try {
    const machineInfo = machine(`Chromium ${browser.version()}`);
    log('bench: cold starts');
    const coldStart = await coldStarts(browser, server);
    const transfer = transferSizes(server);
    log('bench: interactions');
    const { results: interactionResults, checks } = await interactions(browser, server);
    log('bench: memory');
    const memoryResults = await memory(browser, server);
    log('bench: lighthouse');
    const lighthouse = await lighthouseRuns({ dist: DIST, runs: LIGHTHOUSE_RUNS, log });
    raw = {
      machine: machineInfo, transfer, catalogues: catalogueSizes(), coldStart, interactions: interactionResults,
      memory: memoryResults, lighthouse, checks,
    };
    const summary = summarise(raw);
    const output = {
      date: new Date().toISOString(),
      quick: QUICK,
      seconds: Math.round((Date.now() - started) / 1000),
      machine: machineInfo,
      config: { COLD_SIZES, INTERACTION_SIZES, COLD_RUNS, INTERACTION_RUNS, WARMUP_RUNS, MEMORY_RUNS, LIGHTHOUSE_RUNS, VIEWPORT, BUDGETS },
      summary,
      checks,
      samples: { coldStart, interactions: interactionResults, memory: memoryResults },
    };
    writeFileSync(OUT, `${JSON.stringify(output, null, 2)}\n`);
    console.log(report(machineInfo, summary, checks));
    console.log(`\nbench: ${output.seconds} s; results in ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err.message}`);
  process.exit(1);
});
