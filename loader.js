// Starts the standalone page. The wasm is found next to this file, not next to the page,
// so the widget's files can be served from anywhere.
import init, { mountPage } from "./spoilerfeed.js";

await init({ module_or_path: new URL("spoilerfeed_bg.wasm", import.meta.url) });
mountPage();
