// The benchmark's Lighthouse run: what a fan on a phone feels. Lighthouse's default (mobile)
// settings: a mid-range phone's screen, its CPU simulated at a quarter of this machine's speed
// and a slow 4G link simulated from what the page requested. The pages are served gzipped on
// 127.0.0.1 (as a production server sends them) to the system Chromium with the flags the e2e
// harness uses; every request must stay on 127.0.0.1, which the result checks.
//
//   standalone         index.html, which shows the bundled sample feed
//   host page          a fan site's article with <spoiler-feed> (the sample) in its first screen
//   host, lazy below   a longer article with the element screens down, loading="lazy"
//   host, eager below  the same article with the element eager: what lazy saves the page
//
// The host pages hold the element's room before its script runs, as the README says
// (`spoiler-feed:not(:defined) { display: block; min-height: 100vh; }`).

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, startServer, text } from '../tests/e2e/server.mjs';

// Lighthouse and chrome-launcher are devDependencies of the e2e package, next to
// playwright-core, so one `npm ci` (`cargo xtask setup`) installs everything the bench uses.
const e2ePackages = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const load = async (name) => import(pathToFileURL(e2ePackages.resolve(name)).href);

const FEED_PATH = '/sample-feed.json';

const ARTICLE = `<p>The crew of Harbour Lights spent the week on the north pier, where the lighthouse
set stands again after the winter storms. Locals watched from behind the barriers as the
second unit rehearsed the night scenes with the fog machines running.</p>
<p>Fans who visited said the production office had moved to the old ferry terminal, and that
the catering tents were larger than last year's, which suggests a longer shoot.</p>`;

function hostPage({ title, before, element, after }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  spoiler-feed:not(:defined) { display: block; min-height: 100vh; }
  body { margin: 0 auto; max-width: 44em; padding: 0 1em; font: 17px/1.55 Georgia, serif; color: #222; }
  header { border-bottom: 1px solid #ccc; margin-bottom: 1em; }
</style>
<script type="module" src="/spoiler-feed.js"></script>
</head>
<body>
<header><h1>Harbour Lights fans</h1><p>News from the set, the cast and the release, without spoilers.</p></header>
<main>
<h2>${title}</h2>
${before}
${element}
${after}
</main>
<footer><p>A fan site. Not affiliated with the production.</p></footer>
</body>
</html>`;
}

/** The pages measured, by key: a label and the path. */
export const LIGHTHOUSE_PAGES = {
  standalone: { label: 'standalone page', path: '/index.html' },
  host: { label: 'host page, element in view', path: '/lighthouse/host.html' },
  hostLazyBelow: { label: 'host page, lazy element below', path: '/lighthouse/host-lazy-below.html' },
  hostEagerBelow: { label: 'host page, eager element below', path: '/lighthouse/host-eager-below.html' },
};

function hostRoutes() {
  const element = (loading) => `<spoiler-feed src="${FEED_PATH}"${loading ? ` loading="${loading}"` : ''}></spoiler-feed>`;
  const long = ARTICLE.repeat(6);
  const html = (body) => text(body, { type: 'text/html; charset=utf-8' });
  return {
    [LIGHTHOUSE_PAGES.host.path]: html(hostPage({ title: 'This week on set', before: ARTICLE.split('\n<p>Fans')[0], element: element(null), after: ARTICLE })),
    [LIGHTHOUSE_PAGES.hostLazyBelow.path]: html(hostPage({ title: 'The long read', before: long, element: element('lazy'), after: ARTICLE })),
    [LIGHTHOUSE_PAGES.hostEagerBelow.path]: html(hostPage({ title: 'The long read', before: long, element: element(null), after: ARTICLE })),
  };
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The figures of one Lighthouse result, and whatever left 127.0.0.1. */
function figures(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const outside = requests
    .map((item) => item.url)
    .filter((url) => /^(https?|wss?):/.test(url) && new URL(url).hostname !== '127.0.0.1');
  return {
    performance: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    requests: requests.length,
    outside,
    // What shifted, for reading a CLS above zero.
    shifts: (lhr.audits['layout-shifts']?.details?.items ?? []).map((item) => ({
      score: item.score,
      node: item.node?.selector ?? item.node?.snippet ?? null,
    })),
    warnings: [...(lhr.runWarnings ?? []), ...(lhr.runtimeError ? [lhr.runtimeError.message] : [])],
  };
}

/**
 * Runs Lighthouse `runs` times on each page, the bundle in `dist` (with its sample feed)
 * served gzipped. Resolves to each page's samples and medians, or to null (with a note) when
 * Lighthouse isn't installed.
 */
export async function lighthouseRuns({ dist, runs, log }) {
  let lighthouse;
  let chromeLauncher;
  try {
    lighthouse = (await load('lighthouse')).default;
    chromeLauncher = await load('chrome-launcher');
  } catch (err) {
    log(`bench: Lighthouse left out: it is not installed in tests/e2e (cargo xtask setup): ${err.message}`);
    return null;
  }
  const server = await startServer({
    root: dist,
    gzip: true,
    routes: hostRoutes(),
    types: { [FEED_PATH]: 'application/feed+json' },
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  const result = {};
  try {
    for (const [key, { label, path }] of Object.entries(LIGHTHOUSE_PAGES)) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const { lhr } = await lighthouse(server.url + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        const sample = figures(lhr);
        samples.push(sample);
        log(`  lighthouse ${label}, run ${run + 1}/${runs}: performance ${sample.performance}, LCP ${Math.round(sample.lcp)} ms, CLS ${sample.cls?.toFixed(3)}, TBT ${Math.round(sample.tbt)} ms${sample.outside.length ? `; OUTSIDE REQUESTS: ${sample.outside.join(' ')}` : ''}`);
      }
      result[key] = {
        label,
        path,
        performance: median(samples.map((s) => s.performance)),
        fcp: median(samples.map((s) => s.fcp)),
        lcp: median(samples.map((s) => s.lcp)),
        cls: median(samples.map((s) => s.cls)),
        tbt: median(samples.map((s) => s.tbt)),
        outside: [...new Set(samples.flatMap((s) => s.outside))],
        runs: samples.length,
        samples,
      };
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return result;
}

/** The Lighthouse figures as a table of the bench's report. */
export function lighthouseTable(result) {
  const rows = [['Lighthouse, mobile (median)', 'performance', 'FCP', 'LCP', 'CLS', 'TBT']];
  const s = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
  for (const page of Object.values(result)) {
    rows.push([
      page.label,
      page.performance === null ? '—' : String(page.performance),
      s(page.fcp),
      s(page.lcp),
      page.cls === null ? '—' : page.cls.toFixed(3),
      page.tbt === null ? '—' : `${Math.round(page.tbt)} ms`,
    ]);
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const lines = rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const outside = Object.values(result).flatMap((page) => page.outside);
  lines.push(outside.length
    ? `requests off 127.0.0.1 during the Lighthouse runs: ${[...new Set(outside)].join(', ')}`
    : 'every request of the Lighthouse runs stayed on 127.0.0.1');
  return lines.join('\n');
}
