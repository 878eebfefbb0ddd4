// Generated spoilerfeeds for the benchmark: JSON Feed 1.1 documents with the `_spoilerfeed`
// extension (docs/FORMAT.md), deterministic for a given size, shaped like a busy fan site.
//
//   import { generateFeed } from './feed.mjs';
//   const body = JSON.stringify(generateFeed(1000));
//
// Mix per item (roughly): levels none 35 %, mild 25 %, moderate 17 %, major 15 %, and 8 % with
// no level at all (counted as major); kinds production 20 %, cast 25 %, release 15 %, other
// 40 %. About half the hidden-prone items carry a `safe_title`; some have images, external
// sources, several authors; bodies run from one sentence to about 550 characters. Items come
// in no particular date order (the reader sorts them), one every ~3 hours going back in time.

/** A small deterministic PRNG (mulberry32), so every run serves the same feeds. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHOWS = ['Harbour Lights', 'Harbour Lights', 'Harbour Lights', 'The Long Winter', 'Glass City', 'Night Shift Diaries'];
const PEOPLE = [
  'Ava Lindqvist', 'Marcus Obi', 'Priya Raman', 'Tomás Ferreira', 'Hannah Becker', 'Kenji Watanabe',
  'Leila Haddad', 'Owen Gallagher', 'Sofia Marino', 'Daniel Kowalski', 'Grace Adeyemi', 'Lucas Moreau',
];
const ROLES = ['the harbourmaster', 'Detective Vale', 'a lighthouse keeper', 'the mayor', 'Nora', 'Captain Reyes', null, null];
const AUTHORS = ['News desk', 'Jo Park', 'Sam Ellery', 'Rita Okafor', 'Ben Hale'];
const STAGES = ['pre-production', 'filming', 'post-production', 'wrapped'];
const CONFIDENCE = ['rumored', 'reported', 'confirmed'];
const TAG_WORDS = ['season 2', 'filming', 'casting', 'trailer', 'interview', 'release date', 'episode', 'finale', 'theories', 'behind the scenes', 'soundtrack', 'premiere'];
const SENTENCES = [
  'Cameras have been rolling for several weeks on the coast, and the crew say the weather has mostly played along.',
  'The producers confirmed the news in a short statement on Monday and promised more details soon.',
  'Fans spotted the unit base near the old harbour, where most of the first season was shot.',
  'The writers room wrapped in the spring, and scripts for every episode are now locked.',
  'Several of the returning cast posted photos from the read-through on their social accounts.',
  'According to the trade press, the budget per episode is higher than last season.',
  'The showrunner called the new season "bigger, colder and a little stranger" in a recent interview.',
  'Post-production is expected to take most of the autumn, with the score recorded in December.',
  'A new teaser is said to be attached to the network\'s holiday programming.',
  'Nothing about the story has been announced, and the network declined to comment further.',
  'The episode count stays at eight, each running close to an hour.',
  'Local businesses say the production has brought a welcome off-season boost to the town.',
];
const HEADLINES = {
  production: ['{show}: filming reaches the halfway mark', '{show} wraps principal photography', '{show} moves production to a new studio', 'Second unit starts shooting for {show}', '{show} enters post-production'],
  cast: ['{person} joins the cast of {show}', '{show} adds {person} in a recurring role', '{person} returns for {show} season 2', 'Two new faces for {show}'],
  release: ['{show} season 2 gets a release window', '{show} premiere date confirmed', 'Reports: {show} moves to next spring', '{show} will arrive in two parts'],
  other: ['The cast of {show} on the mood of the new season', 'What the new {show} trailer shows', '{show}: episode {n} recap', 'Interview: the composer of {show}', 'Theories: how {show} could end', '{show}: the twist in episode {n}, explained'],
};
const SAFE_TITLES = ['What the new trailer shows', 'Episode {n}: discussion', 'An interview about the season', 'News about the story', 'Casting news'];

/**
 * The document of a generated feed with `count` items. `imageUrl(name)` gives an item's image
 * address (the benchmark points it at its own loopback server, so that no request leaves the
 * machine).
 */
export function generateFeed(count, { imageUrl = (name) => `https://img.fans.example/${name}.jpg` } = {}) {
  const random = prng(0x5eed ^ count);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const newest = Date.UTC(2026, 9, 30, 18, 0, 0);
  const items = [];
  for (let i = 0; i < count; i++) {
    const show = pick(SHOWS);
    const r = random();
    const kind = r < 0.2 ? 'production' : r < 0.45 ? 'cast' : r < 0.6 ? 'release' : 'other';
    const l = random();
    const level = l < 0.35 ? 'none' : l < 0.6 ? 'mild' : l < 0.77 ? 'moderate' : l < 0.92 ? 'major' : undefined;
    const person = pick(PEOPLE);
    const n = 1 + Math.floor(random() * 8);
    const title = pick(HEADLINES[kind]).replace('{show}', show).replace('{person}', person).replace('{n}', n);
    const sentences = 1 + Math.floor(random() * 5);
    const body = Array.from({ length: sentences }, () => pick(SENTENCES)).join(' ');
    // Dates go back ~3 hours per item, jittered so that the feed order is not the date order.
    const at = newest - i * 3 * 3600_000 - Math.floor(random() * 36 * 3600_000);
    const offset = pick(['Z', '+01:00', '-04:00', '+09:00']);
    const ext = { show: show === SHOWS[0] ? undefined : show, kind };
    if (level) ext.level = level;
    if (level !== 'none' && chance(0.5)) ext.safe_title = pick(SAFE_TITLES).replace('{n}', n);
    if (kind === 'production') {
      ext.production = { stage: pick(STAGES) };
      if (chance(0.7)) ext.production.progress = Math.round(random() * 100) / 100;
    } else if (kind === 'cast') {
      const members = 1 + Math.floor(random() * 3);
      ext.cast = Array.from({ length: members }, () => {
        const role = pick(ROLES);
        return role ? { name: pick(PEOPLE), role } : { name: pick(PEOPLE) };
      });
    } else if (kind === 'release') {
      const from = new Date(at + (30 + Math.floor(random() * 300)) * 86400_000);
      const day = from.toISOString().slice(0, 10);
      const confidence = pick(CONFIDENCE);
      if (confidence === 'confirmed' && chance(0.6)) {
        ext.release = { from: day, to: day, confidence };
      } else {
        const to = new Date(from.getTime() + 90 * 86400_000).toISOString().slice(0, 10);
        ext.release = { from: day, to, label: `${['Spring', 'Summer', 'Autumn', 'Winter'][from.getUTCMonth() % 4]} ${from.getUTCFullYear()}`, confidence };
      }
      if (chance(0.3)) ext.release.note = 'May be split into two parts.';
    }
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const item = {
      id: `tag:fans.example,2026:${slug}-${i}`,
      url: `https://fans.example/news/${slug}-${i}`,
      title,
      content_text: body,
      date_published: isoWithOffset(at, offset),
      authors: [{ name: pick(AUTHORS) }],
      tags: [show, pick(TAG_WORDS), pick(TAG_WORDS)].filter((tag, index, all) => all.indexOf(tag) === index),
      _spoilerfeed: ext,
    };
    if (chance(0.15)) item.authors.push({ name: pick(AUTHORS) });
    if (chance(0.2)) item.image = imageUrl(`${slug}-${i}`);
    if (chance(0.25)) item.external_url = `https://www.trade.example/${slug}`;
    if (chance(0.1)) item.summary = 'A short summary of the update.';
    items.push(item);
  }
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Harbour Lights news (${count} generated updates)`,
    home_page_url: 'https://fans.example/',
    feed_url: `https://fans.example/feed-${count}.json`,
    language: 'en',
    authors: [{ name: 'The fan desk' }],
    _spoilerfeed: {
      about: 'https://github.com/spoilerfeed/spoilerfeed/blob/main/docs/FORMAT.md',
      show: SHOWS[0],
      season: 2,
    },
    items,
  };
}

/** An RFC 3339 timestamp of `ms` written in the zone `offset` (`Z` or `±hh:mm`). */
function isoWithOffset(ms, offset) {
  if (offset === 'Z') return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const sign = offset[0] === '-' ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Math.floor(ms / 1000) * 1000 + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}
