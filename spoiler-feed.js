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
import init, { mountElement } from "./spoilerfeed.js";

const wasmUrl = new URL("./spoilerfeed_bg.wasm", import.meta.url);
const cssUrl = new URL("./spoilerfeed.css", import.meta.url);
/** The URL of a language's catalogue file (English is compiled in): fetched by the widget
 *  when an element speaks that language, once per page. */
const catalogueUrl = (code) => new URL(`./i18n/${code}.json`, import.meta.url).href;
let ready;
const start = () => (ready ??= init({ module_or_path: wasmUrl }));

/** The attributes the widget reads; spoilerfeed::config::ATTRIBUTES lists the same. */
const ATTRIBUTES = [
  "src", "level", "kinds", "show", "theme", "lock-level", "max-items", "max-size", "refresh", "progress",
  "tag-levels", "tag-kinds", "default-level", "mute", "lang",
];

/** The property of an attribute: `max-items` is `maxItems`. */
const propertyOf = (attribute) => attribute.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

class SpoilerFeed extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #handle = null;
  #root = null;

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
      const styles = document.createElement("link");
      styles.rel = "stylesheet";
      styles.href = cssUrl;
      this.#root = document.createElement("div");
      // Shown once the styles are in, so the page never flashes unstyled text.
      this.#root.hidden = true;
      const show = () => { this.#root.hidden = false; };
      styles.addEventListener("load", show);
      styles.addEventListener("error", show);
      shadow.append(styles, this.#root);
    }
    start().then(
      () => {
        if (this.isConnected && !this.#handle) {
          this.#handle = mountElement(this, this.#root, catalogueUrl);
        }
      },
      (error) => {
        console.error("spoiler-feed: the widget could not start", error);
        this.#root.hidden = false;
        this.#root.textContent = "This news widget could not start: WebAssembly failed to load.";
      },
    );
  }

  disconnectedCallback() {
    // Moving the element disconnects and reconnects it at once; only a removal destroys it.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle.free();
        this.#handle = null;
      }
    });
  }

  attributeChangedCallback() {
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
