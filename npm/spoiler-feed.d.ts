// Types of `spoilerfeed`: the <spoiler-feed> custom element, its properties and its events.
//
//   import "spoilerfeed";                       // defines <spoiler-feed>
//   import type { SpoilerFeedElement } from "spoilerfeed";
//
//   const widget = document.querySelector("spoiler-feed")!;  // a SpoilerFeedElement
//   widget.level = "mild";
//   widget.addEventListener("spoilerfeed:levelchange", (e) => console.log(e.detail.level));

/** A spoiler level, from the least to the most spoiling. */
export type SpoilerLevel = "none" | "mild" | "moderate" | "major";

/** A kind of update. */
export type SpoilerFeedKind = "production" | "cast" | "release" | "other";

/** A colour scheme. */
export type SpoilerFeedTheme = "light" | "dark" | "auto";

/** Why a feed could not be shown: `detail.error` of `spoilerfeed:error`. */
export type SpoilerFeedErrorCode =
  | "no-feed"
  | "network"
  | "offline"
  | "http"
  | "timeout"
  | "too-large"
  | "not-json"
  | "not-json-feed"
  | "not-xml"
  | "not-xml-feed"
  | "not-a-feed"
  | "unknown-encoding"
  | "bad-encoding"
  | "internal";

/** `detail` of `spoilerfeed:load`: a feed was read and is shown. */
export interface SpoilerFeedLoadDetail {
  /** The feed's absolute URL. */
  feed: string;
  /** The feed's title. */
  title: string;
  /** How many updates the feed has (readable ones). */
  items: number;
  /** How many of them are shown at the current level. */
  shown: number;
  /** How many are hidden above it. */
  hidden: number;
  /** How many could not be read. */
  skipped: number;
}

/** `detail` of `spoilerfeed:error`: the feed could not be shown. */
export interface SpoilerFeedErrorDetail {
  /** The feed's absolute URL (empty for `no-feed`). */
  feed: string;
  /** What failed. */
  error: SpoilerFeedErrorCode;
  /** The message the fan sees. */
  message: string;
}

/** `detail` of `spoilerfeed:levelchange`: the fan picked another level. */
export interface SpoilerFeedLevelChangeDetail {
  /** The feed's absolute URL. */
  feed: string;
  /** The new level. */
  level: SpoilerLevel;
  /** The level before. */
  previous: SpoilerLevel;
}

/** The events `<spoiler-feed>` dispatches; they bubble and cross the shadow boundary. */
export interface SpoilerFeedEventMap {
  /** A feed was read and is shown. */
  "spoilerfeed:load": CustomEvent<SpoilerFeedLoadDetail>;
  /** Loading the feed failed. */
  "spoilerfeed:error": CustomEvent<SpoilerFeedErrorDetail>;
  /** The fan picked another level. */
  "spoilerfeed:levelchange": CustomEvent<SpoilerFeedLevelChangeDetail>;
}

/**
 * `<spoiler-feed>`: a TV show's news feed as cards, without spoilers.
 *
 * Each property reflects the attribute of the same name in kebab case (`maxItems` is
 * `max-items`): reading gives the attribute's value or null, setting a value sets the
 * attribute (as a string) and null or undefined removes it. A value the widget can't read is
 * ignored, as in the attribute.
 */
export declare class SpoilerFeedElement extends HTMLElement {
  /** The attributes the element watches. */
  static readonly observedAttributes: readonly string[];

  /** `src`: the feed's URL, resolved against the page. */
  get src(): string | null;
  set src(value: string | URL | null | undefined);

  /** `level`: the starting level (`none`, `mild`, `moderate`, `major`). */
  get level(): string | null;
  set level(value: SpoilerLevel | null | undefined);

  /** `kinds`: comma-separated kinds to list (`production`, `cast`, `release`, `other`). */
  get kinds(): string | null;
  set kinds(value: string | null | undefined);

  /** `show`: list only this show. */
  get show(): string | null;
  set show(value: string | null | undefined);

  /** `theme`: `light`, `dark` or `auto`. */
  get theme(): string | null;
  set theme(value: SpoilerFeedTheme | null | undefined);

  /** `lock-level`: the site fixes the level; the picker is disabled, nothing can be revealed. */
  get lockLevel(): string | null;
  set lockLevel(value: SpoilerLevel | null | undefined);

  /** `max-items`: updates listed before "Show more". */
  get maxItems(): string | null;
  set maxItems(value: number | string | null | undefined);

  /** `max-size`: the largest feed read, in MiB (default 5). */
  get maxSize(): string | null;
  set maxSize(value: number | string | null | undefined);

  /** `refresh`: look for new updates every N seconds (at least 60). */
  get refresh(): string | null;
  set refresh(value: number | string | null | undefined);

  /** `progress`: how far the fan has watched (`S4E7`, `S4`, `all`, or a pace: `aired-7d`). */
  get progress(): string | null;
  set progress(value: string | null | undefined);

  /** `tag-levels`: the site's tags mapped to levels (`casting:mild, spoilers:major`). */
  get tagLevels(): string | null;
  set tagLevels(value: string | null | undefined);

  /** `tag-kinds`: the site's tags mapped to kinds (`casting:cast`). */
  get tagKinds(): string | null;
  set tagKinds(value: string | null | undefined);

  /** `default-level`: the level of updates that say nothing and have no mapped tag. */
  get defaultLevel(): string | null;
  set defaultLevel(value: SpoilerLevel | null | undefined);

  /** `mute`: comma-separated words and phrases hidden for every show (`vecna, who dies`). */
  get mute(): string | null;
  set mute(value: string | null | undefined);

  /** `loading`: `lazy` fetches the widget's files and feed only once the element comes within
   * about a viewport of being seen; `eager` (the default) at once, as for img and iframe. */
  get loading(): string | null;
  set loading(value: "lazy" | "eager" | null | undefined);

  /** `lang`: the widget's language, a BCP 47 tag (`de`, `pt-BR`); else the nearest `lang`
   * around the element, the page's, the browser's. HTMLElement's own `lang` property reflects it. */
}

declare global {
  interface HTMLElementTagNameMap {
    "spoiler-feed": SpoilerFeedElement;
  }

  interface HTMLElementEventMap {
    /** `<spoiler-feed>` read a feed and shows it. */
    "spoilerfeed:load": CustomEvent<SpoilerFeedLoadDetail>;
    /** `<spoiler-feed>` could not show its feed. */
    "spoilerfeed:error": CustomEvent<SpoilerFeedErrorDetail>;
    /** The fan picked another level in a `<spoiler-feed>`. */
    "spoilerfeed:levelchange": CustomEvent<SpoilerFeedLevelChangeDetail>;
  }
}
