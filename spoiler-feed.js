// <spoiler-feed>: the widget as a custom element, for any page.
//
//   <script type="module" src="https://widgets.example/spoilerfeed/spoiler-feed.js"></script>
//   <spoiler-feed src="/news/feed.json" level="mild"></spoiler-feed>
//
// The wasm and the styles are loaded next to this file, not next to the page. Each element
// renders into its own shadow root, so the page's CSS can't reach the cards and the widget's
// CSS can't leak out; theming goes through --spoilerfeed-* custom properties and ::part().
import init, { mountElement } from "./spoilerfeed.js";

const wasmUrl = new URL("spoilerfeed_bg.wasm", import.meta.url);
const cssUrl = new URL("spoilerfeed.css", import.meta.url);
let ready;
const start = () => (ready ??= init({ module_or_path: wasmUrl }));

class SpoilerFeedElement extends HTMLElement {
  static observedAttributes = [
    "src", "level", "kinds", "show", "theme", "lock-level", "max-items", "max-size", "refresh", "progress",
    "tag-levels", "tag-kinds", "default-level", "mute",
  ];

  #handle = null;
  #root = null;

  connectedCallback() {
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
          this.#handle = mountElement(this, this.#root);
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

if (!customElements.get("spoiler-feed")) {
  customElements.define("spoiler-feed", SpoilerFeedElement);
}
