// Starts the site owner's tools page (tools.html): the check page and the embed-code builder,
// a wasm of their own that the fan's widget never downloads. The wasm is found next to this
// file; its start function mounts the page.
import init from "./tools.js";

await init({ module_or_path: new URL("./tools_bg.wasm", import.meta.url) });
