// Sizes spoilerfeed iframes on a host page to their content.
//
//   <iframe src="https://widgets.example/spoilerfeed/index.html?feed=...&embed=1"
//           title="Show news" data-spoilerfeed loading="lazy"></iframe>
//   <script src="https://widgets.example/spoilerfeed/spoiler-feed-frame.js" defer></script>
//
// Each widget page posts { type: "spoilerfeed:resize", height } whenever its height changes;
// this sets the height of the iframe that sent it. A file rather than an inline script, so
// the snippet works under a strict Content-Security-Policy.
const fit = (frame) => {
  frame.style.width = "100%";
  frame.style.border = "0";
};

document.querySelectorAll("iframe[data-spoilerfeed]").forEach(fit);

addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "spoilerfeed:resize") return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height < 0) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) {
      fit(frame);
      frame.style.height = `${Math.min(Math.ceil(height), 100000)}px`;
    }
  }
});
