// A fan site's TypeScript using the package's types; `tsc --noEmit` must accept it, and each
// `@ts-expect-error` line is a mistake the types must catch (tsc fails if one is let through).
import "spoilerfeed";
import type {
  SpoilerFeedElement,
  SpoilerFeedErrorCode,
  SpoilerFeedLoadDetail,
  SpoilerLevel,
} from "spoilerfeed";
import { SpoilerFeedElement as Defined } from "spoilerfeed";

const widget: SpoilerFeedElement = document.createElement("spoiler-feed");
const found: SpoilerFeedElement | null = document.querySelector("spoiler-feed");
const isDefined: boolean = found instanceof Defined;

widget.src = "/news/feed.json";
widget.src = new URL("https://fans.example/feed.json");
widget.level = "mild";
widget.lockLevel = null;
widget.maxItems = 20;
widget.maxSize = "2.5";
widget.refresh = 300;
widget.theme = "dark";
widget.kinds = "cast,release";
widget.show = "Stranger Things";
widget.progress = "S4E7";
widget.tagLevels = "casting:mild, spoilers:major";
widget.tagKinds = "casting:cast";
widget.defaultLevel = "moderate";
widget.maxItems = undefined;
const src: string | null = widget.src;

// @ts-expect-error: not a level
widget.level = "spoilers";
// @ts-expect-error: not a theme
widget.theme = "blue";
// @ts-expect-error: reading gives the attribute's string (or null), not a number
const items: number = widget.maxItems;

widget.addEventListener("spoilerfeed:load", (event) => {
  const detail: SpoilerFeedLoadDetail = event.detail;
  const counts: number = detail.items + detail.shown + detail.hidden + detail.skipped;
  const title: string = detail.title + detail.feed;
  // @ts-expect-error: a load carries no level
  detail.level;
  return [counts, title];
});

widget.addEventListener("spoilerfeed:error", (event) => {
  const code: SpoilerFeedErrorCode = event.detail.error;
  const message: string = event.detail.message;
  // @ts-expect-error: the codes are a closed list
  const wrong: "not-found" = event.detail.error;
  return [code, message, wrong];
});

// The events bubble: a listener on the page gets the same details.
document.body.addEventListener("spoilerfeed:levelchange", (event) => {
  const level: SpoilerLevel = event.detail.level;
  const previous: SpoilerLevel = event.detail.previous;
  return [level, previous];
});

export { found, isDefined, src, items };
