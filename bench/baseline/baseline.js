// The benchmark's baseline: the widget's core job in plain JavaScript, no framework, no
// dependencies. It fetches the feed, parses it with JSON.parse, filters by kind and level,
// and builds the same markup as the widget (src/components/*.rs: same elements, classes,
// data-testid/data-kind/data-ref attributes, the same 50-entry page before "Show more"),
// with the same level radios and kind chips, and handles level switch, reveal, hide again
// and the kind filter.
//
// What it leaves out, on purpose (see bench/README.md): text cleaning and HTML-to-text, link
// checks, localStorage (choices and the offline copy), the embed-code builder, the loading
// skeleton, error cards, refreshes. It is a yardstick for the cost of the framework and the
// wasm boundary, not a second implementation.
//
// Query: ?feed=URL&level=none|mild|moderate|major&kinds=a,b&max-items=N

const LEVELS = ['none', 'mild', 'moderate', 'major'];
const LEVEL_LABELS = { none: 'None', mild: 'Mild', moderate: 'Moderate', major: 'Major' };
// Counts as the widget writes them in English ("6,434"): Intl.NumberFormat.
const COUNT = new Intl.NumberFormat('en');
const LEVEL_DESCRIPTIONS = {
  none: 'Production and release news only',
  mild: 'Also cast, tone and episode details',
  moderate: 'Also trailers, settings and returning characters',
  major: 'Everything, including plot points and endings',
};
const KINDS = ['production', 'cast', 'release', 'other'];
const KIND_LABELS = { production: 'Production', cast: 'Cast', release: 'Release', other: 'News' };
const KIND_NOUNS = {
  production: 'production update',
  cast: 'cast update',
  release: 'release update',
  other: 'news update',
};
const STAGES = {
  'pre-production': 'Pre-production',
  preproduction: 'Pre-production',
  filming: 'Filming',
  'post-production': 'Post-production',
  postproduction: 'Post-production',
  wrapped: 'Wrapped',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PAGE_SIZE = 50;
const EXCERPT_CHARS = 600;

// ---- state ----------------------------------------------------------------------------------

const query = new URLSearchParams(location.search);
const state = {
  level: parseKeyword(query.get('level'), LEVELS) ?? 'none',
  kinds: new Set((query.get('kinds') ?? '').split(',').map((k) => parseKeyword(k, KINDS)).filter(Boolean)),
  revealed: new Set(),
  limit: Number(query.get('max-items')) > 0 ? Number(query.get('max-items')) : PAGE_SIZE,
  items: [],
  byId: new Map(),
  now: Date.now(),
};
if (state.kinds.size === 0) KINDS.forEach((k) => state.kinds.add(k));

function parseKeyword(value, allowed) {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return allowed.includes(v) ? v : undefined;
}

// ---- DOM helpers ----------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      const value = attrs[name];
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child);
  }
  return node;
}

// ---- the page -------------------------------------------------------------------------------

const root = document.getElementById('spoilerfeed');
document.documentElement.setAttribute('data-theme', 'auto');
const heading = el('h1', { class: 'sf-heading' }, 'Show news');
const live = el('div', { class: 'sf-visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'live' });
const chips = KINDS.map((kind) => {
  const chip = el('button', { type: 'button', class: 'sf-chip', 'aria-pressed': 'false', 'data-testid': 'kind-chip', 'data-kind': kind, part: 'chip' }, KIND_LABELS[kind]);
  chip.addEventListener('click', () => toggleKind(kind));
  return chip;
});
const filters = el('div', { class: 'sf-filters' }, el('div', { class: 'sf-chips', role: 'group', 'aria-label': 'Kinds of updates' }, ...chips));
const levelOptions = LEVELS.map((level) => {
  const input = el('input', { type: 'radio', name: 'spoiler-level', value: level });
  input.checked = level === state.level;
  input.addEventListener('change', () => setLevel(level));
  return el('label', { class: 'sf-level', part: 'level' }, input,
    el('span', { class: 'sf-level__text' },
      el('span', { class: 'sf-level__name' }, LEVEL_LABELS[level]),
      el('span', { class: 'sf-level__desc' }, LEVEL_DESCRIPTIONS[level])));
});
const controls = el('div', { class: 'sf-controls' },
  el('fieldset', { class: 'sf-levels' },
    el('legend', { class: 'sf-levels__legend' }, 'Spoiler level'),
    el('div', { class: 'sf-levels__options' }, ...levelOptions)),
  filters);
const results = el('section', { class: 'sf-results', 'aria-label': 'Updates' });
const list = el('ul', { class: 'sf-list' });
results.append(list);
const hiddenNote = el('p', { class: 'sf-hidden-count', 'data-testid': 'hidden-count' });
const emptyNote = el('p', { class: 'sf-empty', 'data-testid': 'empty' });
const moreButton = el('button', { type: 'button', class: 'sf-button sf-more' });
moreButton.addEventListener('click', () => {
  state.limit += PAGE_SIZE;
  renderList();
});
root.replaceChildren(el('div', { class: 'spoilerfeed' }, heading, controls, live, results));
updateChips();

list.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  const article = button.closest('article');
  if (!article) return;
  const item = state.byId.get(article.dataset.ref);
  if (!item) return;
  if (button.dataset.action === 'reveal') reveal(item);
  else if (button.dataset.action === 'conceal') conceal(item);
});

load(query.get('feed') || '../sample-feed.json');

// ---- loading --------------------------------------------------------------------------------

async function load(url) {
  const response = await fetch(url, { headers: { Accept: 'application/feed+json, application/json' }, cache: 'no-cache' });
  if (!response.ok) throw new Error(`feed: HTTP ${response.status}`);
  const doc = JSON.parse(await response.text());
  const ext = doc._spoilerfeed ?? {};
  const feedShow = typeof ext.show === 'string' && ext.show.trim() ? ext.show.trim() : null;
  const defaultLevel = parseKeyword(ext.default_level, LEVELS);
  const seen = new Set();
  const items = [];
  for (const raw of Array.isArray(doc.items) ? doc.items : []) {
    const item = readItem(raw, feedShow, defaultLevel);
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  // Newest first; undated items after dated ones, in feed order (the sort is stable).
  items.sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity));
  state.items = items;
  state.now = Date.now();
  heading.textContent = typeof doc.title === 'string' && doc.title.trim() ? doc.title.trim() : 'Untitled feed';
  const shows = [...new Set(items.map((item) => item.show).filter(Boolean))];
  if (shows.length > 1) filters.append(showPicker(shows));
  renderList();
}

function readItem(raw, feedShow, defaultLevel) {
  if (!raw || typeof raw !== 'object') return null;
  const id = typeof raw.id === 'number' ? String(raw.id) : typeof raw.id === 'string' ? raw.id.trim() : '';
  if (!id) return null;
  const ext = raw._spoilerfeed && typeof raw._spoilerfeed === 'object' ? raw._spoilerfeed : {};
  const kind = parseKeyword(ext.kind, KINDS) ?? 'other';
  const text = [raw.content_text, raw.summary].find((t) => typeof t === 'string' && t.trim()) ?? '';
  const dateText = [raw.date_published, raw.date_modified].find((d) => typeof d === 'string' && !Number.isNaN(Date.parse(d)));
  const item = {
    id,
    ref: itemRef(id),
    title: typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : null,
    text: excerpt(text.trim()),
    url: httpLink(raw.url),
    externalUrl: httpLink(raw.external_url),
    image: httpLink(raw.image),
    time: dateText ? Math.floor(Date.parse(dateText) / 1000) * 1000 : null,
    authors: (Array.isArray(raw.authors) ? raw.authors : raw.author ? [raw.author] : [])
      .map((a) => a && typeof a.name === 'string' && a.name.trim())
      .filter(Boolean),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === 'string' && t.trim()) : [],
    show: typeof ext.show === 'string' && ext.show.trim() ? ext.show.trim() : feedShow,
    level: parseKeyword(ext.level, LEVELS) ?? defaultLevel ?? 'major',
    kind,
    details: readDetails(kind, ext[kind]),
    safeTitle: typeof ext.safe_title === 'string' && ext.safe_title.trim() ? ext.safe_title.trim() : null,
  };
  state.byId.set(item.ref, item);
  return item;
}

function readDetails(kind, obj) {
  if (kind === 'production') {
    const o = obj && typeof obj === 'object' ? obj : {};
    const stage = typeof o.stage === 'string' ? STAGES[o.stage.trim().toLowerCase()] : undefined;
    const progress = typeof o.progress === 'number' && Number.isFinite(o.progress)
      ? Math.round(Math.min(1, Math.max(0, o.progress)) * 100) : undefined;
    return { stage, progress };
  }
  if (kind === 'cast') {
    return (Array.isArray(obj) ? obj : [])
      .filter((m) => m && typeof m.name === 'string' && m.name.trim())
      .map((m) => ({ name: m.name.trim(), role: typeof m.role === 'string' && m.role.trim() ? m.role.trim() : null }));
  }
  if (kind === 'release') {
    const o = obj && typeof obj === 'object' ? obj : {};
    const day = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim()) ? v.trim().slice(0, 10) : null);
    let from = day(o.from);
    let to = day(o.to);
    if (from && to && from > to) [from, to] = [to, from];
    const confidence = o.confidence === 'confirmed' || o.confidence === 'reported' ? o.confidence : 'rumored';
    return {
      from,
      to,
      label: typeof o.label === 'string' && o.label.trim() ? o.label.trim() : null,
      confidence,
      note: typeof o.note === 'string' && o.note.trim() ? o.note.trim() : null,
    };
  }
  return null;
}

function httpLink(value) {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return /^https?:\/\//i.test(v) ? v : null;
}

/** The body shortened like the widget's `text::excerpt`. */
function excerpt(text) {
  const chars = [...text];
  if (chars.length <= EXCERPT_CHARS) return text;
  let cut = chars.slice(0, EXCERPT_CHARS).join('');
  const space = cut.search(/\s\S*$/);
  if (space > EXCERPT_CHARS / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[,.;: ]+$/, '')}…`;
}

/** 64-bit FNV-1a of the id's UTF-8 bytes as 16 hex digits, like `components::item_ref`. */
function itemRef(id) {
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (const byte of new TextEncoder().encode(id)) {
    h0 ^= byte;
    // × 0x100000001b3 modulo 2^64, in 16-bit limbs.
    let r0 = h0 * 0x1b3;
    let r1 = h1 * 0x1b3;
    let r2 = h2 * 0x1b3 + h0 * 0x100;
    let r3 = h3 * 0x1b3 + h1 * 0x100;
    r1 += r0 >>> 16; r2 += r1 >>> 16; r3 += r2 >>> 16;
    h0 = r0 & 0xffff; h1 = r1 & 0xffff; h2 = r2 & 0xffff; h3 = r3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

// ---- rendering ------------------------------------------------------------------------------

function view() {
  const entries = [];
  let hidden = 0;
  for (const item of state.items) {
    if (!state.kinds.has(item.kind)) continue;
    const visible = LEVELS.indexOf(item.level) <= LEVELS.indexOf(state.level) || state.revealed.has(item.id);
    if (!visible) hidden++;
    entries.push({ item, visible });
  }
  return { entries, hidden };
}

// The entries on screen, by item and state ("c" card, "r" revealed card, "p" placeholder).
// A change keeps the entries that stay (neither rebuilt nor moved) and builds the ones that
// appear, as a keyed virtual DOM does; entries that leave are dropped, not cached, so that
// showing them again builds them again. (Rebuilding all 200 entries on every change would
// mostly measure style and layout of new nodes; caching every entry ever built would skip
// work the widget does.)
let rendered = new Map();

function entryNode(item, visible, next) {
  const revealed = visible && LEVELS.indexOf(item.level) > LEVELS.indexOf(state.level);
  const key = `${visible ? (revealed ? 'r' : 'c') : 'p'}|${item.id}`;
  const li = rendered.get(key) ?? el('li', { class: 'sf-list__item' }, visible ? card(item) : placeholder(item));
  next.set(key, li);
  return li;
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Shows `node` in the results section before `before` (null: at the end), or removes it. */
function place(node, show, before) {
  if (!show) node.remove();
  else if (!node.isConnected) results.insertBefore(node, before);
}

function renderList() {
  const { entries, hidden } = view();
  const total = entries.length;
  const next = new Map();
  const wanted = entries.slice(0, state.limit).map(({ item, visible }) => entryNode(item, visible, next));
  rendered = next;
  const keep = new Set(wanted);
  let cursor = list.firstChild;
  const skipGone = () => {
    while (cursor && !keep.has(cursor)) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  };
  for (const li of wanted) {
    skipGone();
    if (li === cursor) cursor = cursor.nextSibling;
    else list.insertBefore(li, cursor);
  }
  skipGone();
  setText(hiddenNote, hidden === 1 ? `1 update hidden above ${LEVEL_LABELS[state.level]}` : `${COUNT.format(hidden)} updates hidden above ${LEVEL_LABELS[state.level]}`);
  place(hiddenNote, hidden > 0, results.firstChild);
  if (total === 0) setText(emptyNote, state.items.length === 0 ? 'This feed has no updates yet' : 'No updates match these filters');
  else if (hidden === total) setText(emptyNote, 'No updates at this level yet');
  place(emptyNote, total === 0 || hidden === total, list);
  setText(moreButton, `Show more (${COUNT.format(total - state.limit)} left)`);
  place(moreButton, total > state.limit, null);
  return { shown: total - hidden, hidden };
}

function meta(item, extra) {
  return el('div', { class: 'sf-meta' },
    el('span', { class: `sf-kind sf-kind--${item.kind}` }, KIND_LABELS[item.kind]),
    item.show && el('span', { class: 'sf-meta__show' }, item.show),
    item.time !== null && time(item.time),
    extra);
}

function card(item) {
  const revealed = LEVELS.indexOf(item.level) > LEVELS.indexOf(state.level);
  const headline = item.title ?? `${KIND_LABELS[item.kind]} update`;
  const article = el('article', {
    class: revealed ? 'sf-card sf-card--revealed' : 'sf-card',
    'data-testid': 'card',
    'data-id': item.id,
    'data-ref': item.ref,
    'data-kind': item.kind,
    'data-level': item.level,
    part: 'card',
  },
  meta(item, revealed && el('span', { class: 'sf-badge sf-badge--spoiler' }, `${LEVEL_LABELS[item.level]} spoiler`)),
  el('h3', { class: 'sf-card__title' },
    item.url ? el('a', { href: item.url, target: '_blank', rel: 'noopener noreferrer' }, headline) : headline),
  item.image && el('img', { class: 'sf-card__image', src: item.image, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' }),
  item.text && el('p', { class: 'sf-card__text' }, item.text),
  details(item),
  item.tags.length > 0 && el('ul', { class: 'sf-tags', 'aria-label': 'Tags' }, ...item.tags.map((tag) => el('li', { class: 'sf-tag' }, tag))),
  el('div', { class: 'sf-card__footer' },
    item.authors.length > 0 && el('span', { class: 'sf-card__authors' }, `By ${item.authors.join(', ')}`),
    item.externalUrl && el('a', { class: 'sf-card__source', href: item.externalUrl, target: '_blank', rel: 'noopener noreferrer' }, `Source: ${hostOf(item.externalUrl)}`),
    revealed && el('button', { type: 'button', class: 'sf-button sf-button--quiet', 'aria-expanded': 'true', 'data-action': 'conceal' }, 'Hide again')));
  return article;
}

function placeholder(item) {
  return el('article', { class: 'sf-placeholder', 'data-testid': 'placeholder', 'data-ref': item.ref, 'data-kind': item.kind, part: 'placeholder' },
    meta(item),
    el('p', { class: 'sf-placeholder__title' }, item.safeTitle ?? `Hidden ${KIND_NOUNS[item.kind]}`),
    el('div', { class: 'sf-placeholder__footer' },
      el('span', { class: 'sf-placeholder__reason' }, `Hidden: ${item.level} spoiler`),
      el('button', { type: 'button', class: 'sf-button', 'aria-expanded': 'false', 'data-action': 'reveal' },
        'Reveal', el('span', { class: 'sf-visually-hidden' }, ` ${KIND_NOUNS[item.kind]}`))));
}

function details(item) {
  const d = item.details;
  if (item.kind === 'production') {
    return el('div', { class: 'sf-details sf-production' },
      d.stage && el('span', { class: 'sf-production__stage' }, d.stage),
      d.progress !== undefined && el('div', {
        class: 'sf-progress', role: 'progressbar', 'aria-label': 'Production progress',
        'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(d.progress), part: 'progress',
      },
      el('progress', { class: 'sf-progress__bar', max: '100', value: String(d.progress), 'aria-hidden': 'true' }),
      el('span', { class: 'sf-progress__value' }, `${d.progress}%`)));
  }
  if (item.kind === 'cast' && d.length > 0) {
    return el('ul', { class: 'sf-details sf-cast', 'aria-label': 'New cast' },
      ...d.map((m) => el('li', { class: 'sf-cast__member' },
        el('span', { class: 'sf-cast__name' }, m.name),
        m.role && el('span', { class: 'sf-cast__role' }, ` as ${m.role}`))));
  }
  if (item.kind === 'release') {
    const window = d.label ?? (d.from && d.to && d.from !== d.to
      ? `${formatDay(d.from)} – ${formatDay(d.to)}`
      : d.from || d.to ? formatDay(d.from ?? d.to) : 'Date not announced');
    const confidence = d.confidence[0].toUpperCase() + d.confidence.slice(1);
    const confirmedDay = d.confidence === 'confirmed' && d.from && d.from === d.to ? d.from : null;
    return el('div', { class: 'sf-details sf-release' },
      el('span', { class: 'sf-release__window' }, window),
      el('span', { class: `sf-badge sf-badge--${d.confidence}` }, confidence),
      confirmedDay && el('span', { class: 'sf-release__countdown' }, countdown(confirmedDay)),
      d.note && el('p', { class: 'sf-release__note' }, d.note));
  }
  return null;
}

function time(ms) {
  const date = new Date(ms);
  const exact = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
  return el('time', { class: 'sf-time', datetime: date.toISOString().replace('.000Z', 'Z'), title: exact }, relative(ms, state.now));
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** "3 days ago", like `date::relative`. */
function relative(ms, now) {
  let seconds = Math.trunc((now - ms) / 1000);
  const future = seconds < 0;
  seconds = Math.abs(seconds);
  let count;
  let unit;
  if (seconds < 60) return 'just now';
  if (seconds < 3600) [count, unit] = [Math.floor(seconds / 60), 'minute'];
  else if (seconds < 86400) [count, unit] = [Math.floor(seconds / 3600), 'hour'];
  else if (seconds < 172800) return future ? 'tomorrow' : 'yesterday';
  else if (seconds < 2592000) [count, unit] = [Math.floor(seconds / 86400), 'day'];
  else if (seconds < 31536000) [count, unit] = [Math.floor(seconds / 2592000), 'month'];
  else [count, unit] = [Math.floor(seconds / 31536000), 'year'];
  const plural = count === 1 ? '' : 's';
  return future ? `in ${count} ${unit}${plural}` : `${count} ${unit}${plural} ago`;
}

function formatDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function countdown(day) {
  const today = new Date(state.now).toISOString().slice(0, 10);
  const days = Math.round((Date.parse(day) - Date.parse(today)) / 86400000);
  if (days < 0) return 'Out now';
  if (days === 0) return 'Out today';
  if (days === 1) return 'Out tomorrow';
  return `Out in ${days} days`;
}

function hostOf(url) {
  const rest = url.includes('://') ? url.slice(url.indexOf('://') + 3) : url;
  const end = rest.search(/[/?#]/);
  const host = end === -1 ? rest : rest.slice(0, end);
  return host.startsWith('www.') ? host.slice(4) : host;
}

function showPicker(shows) {
  return el('label', { class: 'sf-show-picker' },
    el('span', { class: 'sf-show-picker__label' }, 'Show'),
    el('select', { name: 'show', class: 'sf-select' },
      el('option', { value: '', selected: true }, 'All shows'),
      ...shows.map((show) => el('option', { value: show }, show))));
}

// ---- actions --------------------------------------------------------------------------------

function announce(text) {
  live.textContent = text;
}

function updates(count, extra) {
  return `${count} ${extra}update${count === 1 ? '' : 's'}`;
}

function setLevel(level) {
  const before = view();
  state.level = level;
  const { shown } = renderList();
  const was = before.entries.length - before.hidden;
  announce(shown > was ? `${updates(shown - was, 'more ')} shown` : shown < was ? `${updates(was - shown, '')} hidden` : `Level ${LEVEL_LABELS[level]}: nothing changed`);
}

function toggleKind(kind) {
  if (state.kinds.size === KINDS.length) state.kinds = new Set([kind]);
  else if (!state.kinds.delete(kind)) state.kinds.add(kind);
  if (state.kinds.size === 0) state.kinds = new Set(KINDS);
  updateChips();
  const { shown } = renderList();
  announce(`${updates(shown, '')} shown`);
}

function updateChips() {
  const all = state.kinds.size === KINDS.length;
  for (const chip of chips) {
    const pressed = !all && state.kinds.has(chip.dataset.kind);
    chip.className = pressed ? 'sf-chip sf-chip--on' : 'sf-chip';
    chip.setAttribute('aria-pressed', String(pressed));
  }
}

function reveal(item) {
  state.revealed.add(item.id);
  renderList();
  rendered.get(`r|${item.id}`)?.querySelector('button[data-action="conceal"]')?.focus();
  announce(`Revealed: ${KIND_NOUNS[item.kind]}`);
}

function conceal(item) {
  state.revealed.delete(item.id);
  renderList();
  announce('Hidden again');
}
