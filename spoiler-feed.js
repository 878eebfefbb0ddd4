// <spoiler-feed>: the widget as a custom element, for any page.
//
//   <script type="module" src="https://widgets.example/spoilerfeed/spoiler-feed.js"></script>
//   <spoiler-feed src="/news/feed.json" level="mild"></spoiler-feed>
//
// or, through a bundler, `import "spoilerfeed";` (the npm package).
//
// The wasm and the styles are loaded next to this file, not next to the page. Their URLs are
// written as `new URL("./file", import.meta.url)`, the pattern bundlers (Vite, webpack,
// Rollup and others) recognise to emit the file as an asset. Each element renders into its
// own shadow root, so the page's CSS can't reach the cards and the widget's CSS can't leak
// out; theming goes through --spoilerfeed-* custom properties and ::part().
//
// With loading="lazy" (as on img and iframe), none of the widget's files nor its feed are
// fetched until the element comes within about a viewport of being seen; the default is eager.
const wasmUrl = new URL("./spoilerfeed_bg.wasm", import.meta.url);
const cssUrl = new URL("./spoilerfeed.css", import.meta.url);
/** The URL of a language's catalogue file (English is compiled in): fetched by the widget
 *  when an element speaks that language, once per page. */
const catalogueUrl = (code) => new URL(`./i18n/${code}.json`, import.meta.url).href;
let ready;
// The wasm-bindgen glue is imported when the first element needs it, not with this script,
// so that a page whose elements are all lazy fetches nothing of the widget until one is near.
const start = () =>
  (ready ??= import("./spoilerfeed.js").then(async (glue) => {
    await glue.default({ module_or_path: wasmUrl });
    return glue;
  }));

/** The attributes the element reads (`loading` here, the rest in the widget); spoilerfeed::config::ATTRIBUTES lists the same. */
const ATTRIBUTES = [
  "src", "level", "kinds", "show", "theme", "lock-level", "max-items", "max-size", "refresh", "progress",
  "tag-levels", "tag-kinds", "default-level", "mute", "lang", "loading",
];

/** Whether `element` waits until it is near the viewport: loading="lazy" (anything else is eager). */
const isLazy = (element) => element.getAttribute("loading")?.trim().toLowerCase() === "lazy";

/** The elements waiting to be near the viewport, each with what to run then. */
const waiting = new Map();
let nearby;

/**
 * Runs `load` for `element` now, or, when it is lazy, once it comes within about a viewport of
 * being seen (a margin of one viewport on every side, as the platform's lazy images roughly
 * use). A second call for the same element replaces the first; `stopWaiting` forgets it.
 */
function whenNeeded(element, load) {
  if (!isLazy(element)) {
    stopWaiting(element);
    load();
    return;
  }
  nearby ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const then = waiting.get(entry.target);
        if (entry.isIntersecting && then) {
          stopWaiting(entry.target);
          then();
        }
      }
    },
    { rootMargin: "100%" },
  );
  waiting.set(element, load);
  nearby.observe(element);
}

/** Forgets a lazy element's pending load (it was removed, or it loads now). */
function stopWaiting(element) {
  if (waiting.delete(element)) nearby.unobserve(element);
}

/**
 * The room the widget holds until its feed is shown: a screen, as its loading placeholders
 * take, so the host page doesn't move while the styles and wasm load, nor when the cards come.
 * `:host` rules give way to the page's own rules for the element.
 */
const reserve = new CSSStyleSheet();
reserve.replaceSync(":host { display: block; min-height: 100vh; }");

/** The property of an attribute: `max-items` is `maxItems`. */
const propertyOf = (attribute) => attribute.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

class SpoilerFeed extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #handle = null;
  #root = null;
  #styles = null;

  connectedCallback() {
    // A framework may have set properties before this script defined the element; those
    // shadow the accessors until they are passed through them.
    for (const attribute of ATTRIBUTES) {
      const property = propertyOf(attribute);
      if (Object.hasOwn(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: "open" });
      shadow.adoptedStyleSheets = [reserve];
      // Once the feed (or why there is none) is shown, the widget is as tall as what it shows.
      const release = () => { shadow.adoptedStyleSheets = []; };
      this.addEventListener("spoilerfeed:load", release, { once: true });
      this.addEventListener("spoilerfeed:error", release, { once: true });
      this.#root = document.createElement("div");
      // Shown once the styles are in, so the page never flashes unstyled text.
      this.#root.hidden = true;
      shadow.append(this.#root);
    }
    whenNeeded(this, () => this.#load());
  }

  /** Fetches the styles and the wasm (once), then mounts the widget. */
  #load() {
    if (!this.#styles) {
      const styles = (this.#styles = document.createElement("link"));
      styles.rel = "stylesheet";
      styles.href = cssUrl;
      const show = () => { this.#root.hidden = false; };
      styles.addEventListener("load", show);
      styles.addEventListener("error", show);
      this.shadowRoot.prepend(styles);
    }
    start().then(
      ({ mountElement }) => {
        if (this.isConnected && !this.#handle) {
          this.#handle = mountElement(this, this.#root, catalogueUrl);
        }
      },
      (error) => {
        console.error("spoiler-feed: the widget could not start", error);
        this.shadowRoot.adoptedStyleSheets = [];
        this.#root.hidden = false;
        this.#root.textContent = "This news widget could not start: WebAssembly failed to load.";
      },
    );
  }

  disconnectedCallback() {
    // Moving the element disconnects and reconnects it at once; only a removal destroys it.
    queueMicrotask(() => {
      if (!this.isConnected) stopWaiting(this);
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle.free();
        this.#handle = null;
      }
    });
  }

  attributeChangedCallback(name) {
    // A lazy element made eager loads now.
    if (name === "loading" && this.#root && this.isConnected && !this.#handle) whenNeeded(this, () => this.#load());
    this.#handle?.update();
  }
}

// Every attribute is also a property that reflects it (`maxItems` for `max-items`), so that
// frameworks which set properties (React 19, Vue, Svelte, Lit) work as well as those which
// set attributes. null or undefined removes the attribute.
for (const attribute of ATTRIBUTES) {
  const property = propertyOf(attribute);
  if (property in HTMLElement.prototype) continue;
  Object.defineProperty(SpoilerFeed.prototype, property, {
    configurable: true,
    enumerable: true,
    get() {
      return this.getAttribute(attribute);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}

// The script may be loaded twice (two URLs for the same file, two copies of the package):
// the first definition stays.
if (!customElements.get("spoiler-feed")) {
  customElements.define("spoiler-feed", SpoilerFeed);
}

/** The class of `<spoiler-feed>`, as defined (by the first copy of this script loaded). */
export const SpoilerFeedElement = customElements.get("spoiler-feed");
