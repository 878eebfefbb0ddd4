// Starts the standalone page. The wasm is found next to this file, not next to the page,
// so the widget's files can be served from anywhere. The glue is imported after the feed
// request has started: a static import would hold this script back until the glue is in.

// The feed is requested now, while the wasm downloads and compiles, with the request the
// widget would send itself; the widget takes the response if it wants the same URL and
// cancels it otherwise. The URL is read from the query as the widget reads it: the last
// `feed` or `src` that isn't blank, trimmed, else the bundled sample, relative to the page.
function prefetch() {
  let feed = "sample-feed.json";
  for (const [name, value] of new URLSearchParams(location.search)) {
    if ((name === "feed" || name === "src") && value.trim()) feed = value.trim();
  }
  let url;
  try {
    url = new URL(feed, location.href).href;
  } catch {
    return undefined;
  }
  const controller = new AbortController();
  const response = fetch(url, {
    headers: {
      Accept:
        "application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9",
    },
    cache: "no-cache",
    signal: controller.signal,
  });
  // A failure is reported by the widget when it reads the response, not here.
  response.catch(() => {});
  // The widget's 15 s limit counts from here, not from when the wasm takes the request over.
  return { url, response, controller, started: Date.now() };
}

// A check link (`?check=1`, as the widget reads it: the last `check` wins) opens the site
// owner's tools page, with the same query, before the widget is imported.
let check = false;
for (const [name, value] of new URLSearchParams(location.search)) {
  if (name === "check") check = ["1", "true", ""].includes(value.trim());
}
if (check) {
  location.replace(new URL(`./tools.html${location.search}${location.hash}`, import.meta.url));
  // Nothing more runs while the page goes.
  await new Promise(() => {});
}

/** The URL of a language's catalogue file, next to this file. */
const catalogueUrl = (code) => new URL(`./i18n/${code}.json`, import.meta.url).href;

// The catalogue of the language the query asks for (`lang`, as the embed-code builder writes
// it: a shipped language's code) is requested now too, so that the first cards are in that
// language. English is compiled in. The widget takes the response if it wants that file (it
// picks a file by the shipped list: `de` for `de-AT`) and cancels it otherwise; with no
// `lang`, the widget asks for the browser language's file itself.
function prefetchWords() {
  let tag;
  for (const [name, value] of new URLSearchParams(location.search)) {
    if (name === "lang") tag = value.trim().replaceAll("_", "-");
  }
  if (!tag || !/^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i.test(tag) || /^en(-|$)/i.test(tag)) {
    return undefined;
  }
  const url = catalogueUrl(tag);
  const controller = new AbortController();
  const response = fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal });
  // A missing file is the widget's to report (with the English words), not this script's.
  response.catch(() => {});
  return { url, response, controller, started: Date.now() };
}

const feed = prefetch();
const words = prefetchWords();
const { default: init, mountPage } = await import("./spoilerfeed.js");
await init({ module_or_path: new URL("./spoilerfeed_bg.wasm", import.meta.url) });
mountPage(feed, catalogueUrl, words);
