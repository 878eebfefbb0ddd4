// The WordPress plugin on a real WordPress: a fresh site and database made here (site.mjs), the
// plugin installed from its zip (the release bundle inside) and activated as WordPress's own
// uploader does, a few posts in the categories Production, Casting and Spoilers, and the
// pages driven in headless Chromium.
//
//   cargo xtask package && cd tests/wordpress && \
//     SPOILERFEED_WP_ZIP=$PWD/../../wordpress/spoilerfeed.zip node --test
//
// Covered: the settings page lists every category and saves their levels and kinds for an
// administrator, and refuses a subscriber and a form without its nonce; the block and the
// shortcode show the site's posts as cards at their level with the categories applied (what a
// level hides is absent from the page); a hostile shortcode attribute stays text; the bundle is
// loaded only where the widget is; the block registers in the editor and its server-rendered
// preview shows the widget; the check page link; no PHP notice from the plugin; uninstalling
// removes the option.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/server.mjs';
import { assertStarted, cardIds, openTestPage, retry } from '../e2e/support.mjs';
import { startSite } from './site.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** The plugin's zip: $SPOILERFEED_WP_ZIP, or what `cargo xtask package` wrote. */
const ZIP = resolve(process.env.SPOILERFEED_WP_ZIP ?? join(here, '..', '..', 'wordpress', 'spoilerfeed.zip'));

/** How long any one condition may take to come true on a slow, busy machine. */
const WAIT_MS = 30_000;
const TEST_TIMEOUT = { timeout: 180_000 };

/** The site's posts: title, categories and tags (each post's text has a marker, SECRET-key). */
const POSTS = [
  { key: 'wrap', title: 'Filming wraps on season five', categories: ['Production'] },
  { key: 'table', title: 'Table read for the premiere', categories: ['Production'] },
  { key: 'cast', title: 'Linda Hamilton joins the cast', categories: ['Casting'] },
  { key: 'finale', title: 'Who dies in the finale', categories: ['Spoilers'] },
  { key: 'set', title: 'Set photos from the last episode', categories: ['Production', 'Spoilers'] },
  { key: 'teaser', title: 'First teaser is out', categories: ['Production'], tags: ['Trailers'] },
];

/** What the owner chooses on the settings page. */
const CHOICES = {
  Production: { level: 'none', kind: 'production' },
  Casting: { level: 'mild', kind: 'cast' },
  Spoilers: { level: 'major', kind: '' },
  Trailers: { level: 'moderate', kind: 'release' },
};

const LEVELS = ['none', 'mild', 'moderate', 'major'];

/** A post's level: the most spoiling of its mapped terms; none mapped: Major (fail closed). */
function levelOf(post) {
  const mapped = [...post.categories, ...(post.tags ?? [])].filter((name) => CHOICES[name]).map((name) => CHOICES[name].level);
  return mapped.length ? mapped.sort((a, b) => LEVELS.indexOf(b) - LEVELS.indexOf(a))[0] : 'major';
}

/** The post WordPress's install writes, in Uncategorized (mapped to nothing). */
const HELLO = { key: 'hello', title: 'Hello world!', categories: ['Uncategorized'] };

const HOSTILE = '"></spoiler-feed><script>window.__pwned=1</script>';

let site;
let browser;
let data; // ids and guids from the setup script
let admin; // a logged-in administrator's context

const eventually = (check, options = {}) => retry(check, { timeout: WAIT_MS, annotate: 'timeout', ...options });

/** Logs `user` in on `page`. */
async function logIn(page, user, password) {
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/\/wp-admin\//), page.click('#wp-submit')]);
}

/** A page of the administrator's (logged in once, in `before`), closed after `t`. */
async function adminPage(t) {
  const page = await admin.newPage();
  t.after(() => page.close());
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors };
}

/** The saved option, as WordPress reads it. */
async function savedSettings() {
  return JSON.parse(await site.php("echo wp_json_encode(get_option('spoilerfeed_settings', null));"));
}

before(async () => {
  assert.ok(existsSync(ZIP), `no plugin zip at ${ZIP}: run cargo xtask package first`);
  site = await startSite();
  const categories = [...new Set(POSTS.flatMap((post) => post.categories))];
  const out = await site.php(`
// As on sites that turn "smart quotes" off, a shortcode's attributes reach it as typed.
wp_mkdir_p( WPMU_PLUGIN_DIR );
file_put_contents( WPMU_PLUGIN_DIR . '/no-texturize.php', "<?php add_filter( 'run_wptexturize', '__return_false' );" );
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
$installed = $upgrader->install( ${JSON.stringify(ZIP)} );
if ( true !== $installed ) { fwrite( STDERR, 'install failed: ' . print_r( $upgrader->skin->get_upgrade_messages(), true ) ); exit( 1 ); }
$activated = activate_plugin( 'spoilerfeed/spoilerfeed.php' );
if ( is_wp_error( $activated ) ) { fwrite( STDERR, $activated->get_error_message() ); exit( 1 ); }
$cats = array();
foreach ( json_decode( '${JSON.stringify(categories)}' ) as $name ) { $cats[ $name ] = wp_create_category( $name ); }
$posts = array();
$day = 1;
foreach ( json_decode( '${JSON.stringify(POSTS)}', true ) as $post ) {
	$id = wp_insert_post( array(
		'post_title'    => $post['title'],
		'post_content'  => 'SECRET-' . $post['key'] . ' is in the text of this post.',
		'post_status'   => 'publish',
		'post_date'     => sprintf( '2026-11-%02d 12:00:00', $day++ ),
		'post_category' => array_map( function ( $name ) use ( $cats ) { return $cats[ $name ]; }, $post['categories'] ),
		'tags_input'    => $post['tags'] ?? array(),
	), true );
	foreach ( $post['tags'] ?? array() as $tag ) {
		$cats[ $tag ] = get_term_by( 'name', $tag, 'post_tag' )->term_id;
	}
	$posts[ $post['key'] ] = get_the_guid( $id );
}
$page = function ( $title, $content ) {
	return get_permalink( wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => $title, 'post_content' => wp_slash( $content ) ) ) );
};
$pages = array(
	'block'     => $page( 'News (block)', '<!-- wp:spoilerfeed/news /-->' ),
	'shortcode' => $page( 'News (shortcode)', '[spoilerfeed level="mild"]' ),
	'hostile'   => $page( 'Hostile', '[spoilerfeed src="javascript:window.__pwned=2" show=\\'${HOSTILE}\\']' . get_comment_delimited_block_content( 'spoilerfeed/news', array( 'show' => '${HOSTILE}', 'src' => 'javascript:window.__pwned=4' ), '' ) ),
	'plain'     => $page( 'About', 'No widget here.' ),
);
wp_insert_user( array( 'user_login' => 'fan', 'user_pass' => 'fan', 'user_email' => 'fan@example.com', 'role' => 'subscriber' ) );
echo wp_json_encode( array( 'terms' => $cats, 'posts' => $posts, 'pages' => $pages, 'feed' => get_feed_link( 'rss2' ), 'hello' => get_the_guid( 1 ) ) );
`);
  data = JSON.parse(out);
  browser = await launchBrowser();
  admin = await browser.newContext();
  admin.setDefaultTimeout(WAIT_MS);
  admin.setDefaultNavigationTimeout(60_000);
  const page = await admin.newPage();
  await logIn(page, 'admin', 'admin');
  await page.close();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The page's HTML and its widgets' shadow roots. */
function everything(page) {
  return page.evaluate(() =>
    [document.documentElement.outerHTML, ...[...document.querySelectorAll('spoiler-feed')].map((el) => el.shadowRoot?.innerHTML ?? '')].join('\n'),
  );
}

/** The posts that are cards at `level` once the settings are saved ("Hello world!" included). */
function shownAt(level) {
  return [...POSTS, HELLO].filter((post) => LEVELS.indexOf(levelOf(post)) <= LEVELS.indexOf(level));
}

/** Waits until the widget on `page` shows exactly the posts `shownAt(level)` as cards. */
async function expectCards(page, level) {
  const element = page.locator('spoiler-feed');
  const shown = shownAt(level);
  const want = shown.map((post) => (post === HELLO ? data.hello : data.posts[post.key])).sort();
  await eventually(async () => {
    await assertStarted(element, level);
    assert.deepEqual(await cardIds(element), want, `cards at ${level}`);
    // Every other post, "Hello world!" (no mapped category: Major) included, is a placeholder.
    assert.equal(await element.locator('[data-testid="placeholder"]').count(), POSTS.length + 1 - shown.length, `placeholders at ${level}`);
  });
  const html = await everything(page);
  for (const post of POSTS) {
    const visible = shown.includes(post);
    assert.equal(html.includes(`SECRET-${post.key}`), visible, `${post.title}'s text ${visible ? 'missing' : 'in the page'} at ${level}`);
    assert.equal(html.includes(post.title), visible, `${post.title} ${visible ? 'missing' : 'in the page'} at ${level}`);
  }
  return element;
}

test('the settings page lists every category and saves their levels and kinds', TEST_TIMEOUT, async (t) => {
  assert.equal(await savedSettings(), null, 'nothing saved before');
  const { page, errors } = await adminPage(t);
  await page.goto(`${site.url}/wp-admin/options-general.php?page=spoilerfeed`);
  const rows = await page.locator('table.spoilerfeed-terms tbody th').allTextContents();
  assert.deepEqual(rows.sort(), ['Casting', 'Production', 'Spoilers', 'Trailers', 'Uncategorized']);
  assert.equal(await page.locator('table.spoilerfeed-terms tr:has(th:text-is("Trailers")) td').first().textContent(), 'Tag');
  // Fail closed until the owner says otherwise.
  assert.equal(await page.locator('#spoilerfeed-default-level').inputValue(), 'major');
  for (const [name, choice] of Object.entries(CHOICES)) {
    const id = data.terms[name];
    await page.selectOption(`#spoilerfeed-level-${id}`, choice.level);
    await page.selectOption(`#spoilerfeed-kind-${id}`, choice.kind);
  }
  await page.selectOption('#spoilerfeed-theme', 'dark');
  await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
  assert.ok(await page.locator('#setting-error-settings_updated').isVisible(), 'the "Settings saved" notice');
  for (const [name, choice] of Object.entries(CHOICES)) {
    assert.equal(await page.locator(`#spoilerfeed-level-${data.terms[name]}`).inputValue(), choice.level, `${name}'s level kept`);
  }
  const saved = await savedSettings();
  assert.equal(saved.default_level, 'major');
  assert.equal(saved.theme, 'dark');
  assert.deepEqual(saved.terms[data.terms.Casting], { level: 'mild', kind: 'cast' });
  assert.deepEqual(errors, []);
});

test('the block shows the site’s posts as cards, the categories as levels', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openTestPage(t, browser, { timeout: WAIT_MS, navigationTimeout: 60_000 });
  await page.goto(data.pages.block);
  const element = page.locator('spoiler-feed');
  assert.deepEqual(
    await element.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]))),
    {
      src: data.feed,
      theme: 'dark',
      'tag-levels': 'Production:none, Casting:mild, Spoilers:major, Trailers:moderate',
      'tag-kinds': 'Production:production, Casting:cast, Trailers:release',
      'default-level': 'major',
      lang: 'en-US',
    },
  );
  // A fan who hasn't chosen sees None: the production posts only; the Spoilers posts are absent.
  await expectCards(page, 'none');
  assert.deepEqual(await element.locator('[data-testid="card"]').evaluateAll((cards) => cards.map((c) => c.dataset.kind)), ['production', 'production']);
  await element.locator('input[name="spoiler-level"][value="mild"]').check();
  const mild = await expectCards(page, 'mild');
  assert.equal(await mild.locator(`[data-testid="card"][data-id="${data.posts.cast}"]`).getAttribute('data-kind'), 'cast');
  for (const level of ['moderate', 'major']) {
    await element.locator(`input[name="spoiler-level"][value="${level}"]`).check();
    await expectCards(page, level);
  }
  assert.deepEqual(errors, [], 'no page errors');
});

test('the shortcode shows the posts at its own level', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openTestPage(t, browser, { timeout: WAIT_MS, navigationTimeout: 60_000 });
  await page.goto(data.pages.shortcode);
  assert.equal(await page.locator('spoiler-feed').getAttribute('level'), 'mild');
  await expectCards(page, 'mild');
  assert.deepEqual(errors, [], 'no page errors');
});

test('the bundle is loaded as a module where the widget is, and nowhere else', TEST_TIMEOUT, async () => {
  const module = /<script type="module" src="[^"]*\/wp-content\/plugins\/spoilerfeed\/build\/spoiler-feed\.js\?ver=[^"]*" id="spoilerfeed-element-js"><\/script>/;
  for (const key of ['block', 'shortcode']) {
    const html = await (await fetch(data.pages[key])).text();
    assert.match(html, module, `${key} page`);
    assert.match(html, /plugins\/spoilerfeed\/assets\/spoilerfeed\.css/, `${key} page's style`);
    assert.match(html, /<link rel='stylesheet' id='spoilerfeed-bundle-css' href='[^']*\/plugins\/spoilerfeed\/build\/spoilerfeed\.css'/, `${key} page: the bundle's style, by the URL the element uses`);
  }
  const plain = await (await fetch(data.pages.plain)).text();
  assert.doesNotMatch(plain, /plugins\/spoilerfeed\//, 'a page without the widget loads nothing of it');
});

test('saving is refused without the capability and without the nonce', TEST_TIMEOUT, async (t) => {
  const before = await savedSettings();
  const form = {
    option_page: 'spoilerfeed',
    action: 'update',
    'spoilerfeed_settings[default_level]': 'none',
    [`spoilerfeed_settings[terms][${data.terms.Spoilers}][level]`]: 'none',
  };

  // An administrator's form without its nonce, and with a made-up one.
  for (const nonce of [{}, { _wpnonce: '0123456789', _wp_http_referer: '/wp-admin/options-general.php?page=spoilerfeed' }]) {
    const res = await admin.request.post(`${site.url}/wp-admin/options.php`, { form: { ...form, ...nonce }, maxRedirects: 0 });
    assert.equal(res.status(), 403, 'no valid nonce: refused');
    assert.match(await res.text(), /The link you followed has expired/);
  }

  // A subscriber: no settings page, and options.php refuses even with a nonce.
  const { page, context } = await openTestPage(t, browser, { timeout: WAIT_MS, navigationTimeout: 60_000 });
  await logIn(page, 'fan', 'fan');
  const res = await page.goto(`${site.url}/wp-admin/options-general.php?page=spoilerfeed`);
  assert.equal(res.status(), 403);
  assert.match(await page.content(), /Sorry, you are not allowed to access this page/);
  const nonce = await page.evaluate(() => fetch('/wp-admin/profile.php').then((r) => r.text()).then((html) => /name="_wpnonce" value="([^"]+)"/.exec(html)?.[1]));
  assert.ok(nonce, 'a nonce of the subscriber’s own');
  const post = await context.request.post(`${site.url}/wp-admin/options.php`, { form: { ...form, _wpnonce: nonce }, maxRedirects: 0 });
  assert.equal(post.status(), 403);
  assert.match(await post.text(), /Sorry, you are not allowed to manage options/);

  assert.deepEqual(await savedSettings(), before, 'the settings are unchanged');
});

test('what the settings form sends is sanitised before it is saved', TEST_TIMEOUT, async (t) => {
  const { page } = await adminPage(t);
  await page.goto(`${site.url}/wp-admin/options-general.php?page=spoilerfeed`);
  // The form as the page has it (its nonce and the owner's choices), with hostile values on top.
  const form = await page.locator('form[action="options.php"]').evaluate((el) => Object.fromEntries(new FormData(el)));
  const hostile = {
    ...form,
    'spoilerfeed_settings[default_level]': 'everything',
    'spoilerfeed_settings[lock_level]': 'none" onmouseover="x',
    'spoilerfeed_settings[feed]': 'javascript:alert(1)',
    'spoilerfeed_settings[lang]': 'en"><script>',
    'spoilerfeed_settings[terms][999999][level]': 'none',
    [`spoilerfeed_settings[terms][${data.terms.Casting}][kind]`]: 'spoilers',
  };
  const res = await admin.request.post(`${site.url}/wp-admin/options.php`, { form: hostile, maxRedirects: 0 });
  assert.equal(res.status(), 302, 'saved');
  const saved = await savedSettings();
  assert.equal(saved.default_level, 'major', 'an unknown default level fails closed');
  assert.equal(saved.lock_level, '');
  assert.equal(saved.feed, '');
  assert.equal(saved.lang, '');
  assert.equal(saved.terms['999999'], undefined, 'a term the site does not have');
  assert.deepEqual(saved.terms[data.terms.Casting], { level: 'mild', kind: '' }, 'an unknown kind is dropped');
  // The owner's choices again, through the form.
  const again = await admin.request.post(`${site.url}/wp-admin/options.php`, { form, maxRedirects: 0 });
  assert.equal(again.status(), 302);
  assert.deepEqual((await savedSettings()).terms[data.terms.Casting], { level: 'mild', kind: 'cast' });
});

test('a hostile shortcode or block attribute is written as text', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await openTestPage(t, browser, { timeout: WAIT_MS, navigationTimeout: 60_000 });
  await page.goto(data.pages.hostile);
  const found = await page.evaluate(() => ({
    show: [...document.querySelectorAll('spoiler-feed')].map((el) => el.getAttribute('show')),
    src: [...document.querySelectorAll('spoiler-feed')].map((el) => el.getAttribute('src')),
    scripts: [...document.scripts].filter((script) => script.textContent.includes('__pwned')).length,
    pwned: window.__pwned ?? null,
  }));
  // Both elements hold the text; the javascript: feeds fell back to the site's own.
  assert.deepEqual(found, { show: [HOSTILE, HOSTILE], src: [data.feed, data.feed], scripts: 0, pwned: null });
  // The widgets read the site's feed: this show has no posts.
  await eventually(async () => {
    for (const element of await page.locator('spoiler-feed').all()) {
      await assertStarted(element, 'hostile');
      assert.equal(await element.locator('[data-testid="card"]').count(), 0);
      assert.ok(await element.evaluate((el) => el.shadowRoot.textContent.length > 0));
    }
  });
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(errors, []);
});

test('the block registers in the editor and its server-side preview shows the widget', TEST_TIMEOUT, async (t) => {
  const { page, errors } = await adminPage(t);
  await page.goto(`${site.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('spoilerfeed/news'), null, { timeout: 60_000 });
  const type = await page.evaluate(() => {
    const block = window.wp.blocks.getBlockType('spoilerfeed/news');
    return { title: block.title, apiVersion: block.apiVersion, attributes: Object.keys(block.attributes).sort() };
  });
  assert.equal(type.title, 'Spoiler-safe news');
  assert.ok(type.attributes.includes('lockLevel') && type.attributes.includes('tagLevels'), type.attributes.join());
  await page.evaluate(() => {
    const block = window.wp.blocks.createBlock('spoilerfeed/news', { lockLevel: 'mild' });
    window.wp.data.dispatch('core/block-editor').insertBlocks(block);
  });
  // The preview is the server's markup, live: the element with the block's own lock.
  const preview = page.locator('[data-type="spoilerfeed/news"] spoiler-feed');
  await eventually(async () => {
    assert.equal(await preview.getAttribute('lock-level', { timeout: 1000 }), 'mild');
    assert.deepEqual((await cardIds(preview)).length, shownAt('mild').length);
  });
  assert.deepEqual(errors, [], 'no errors in the editor');
});

test('the check page link opens the check page on the site’s feed with the settings', TEST_TIMEOUT, async (t) => {
  const { page } = await adminPage(t);
  {
    await page.goto(`${site.url}/wp-admin/options-general.php?page=spoilerfeed`);
    const href = await page.locator('#spoilerfeed-check').getAttribute('href');
    const url = new URL(href);
    assert.equal(url.pathname, '/wp-content/plugins/spoilerfeed/build/index.html');
    assert.equal(url.searchParams.get('check'), '1');
    assert.equal(url.searchParams.get('feed'), data.feed);
    assert.equal(url.searchParams.get('tag-levels'), 'Production:none, Casting:mild, Spoilers:major, Trailers:moderate');
    await page.goto(href);
    await eventually(async () => {
      const levels = await page.locator('[data-testid="check-item"]').evaluateAll((items) => items.map((item) => item.dataset.level).sort());
      assert.deepEqual(levels, [...POSTS, HELLO].map(levelOf).sort());
    });
  }
});

test('no PHP notice or warning comes from the plugin', () => {
  const log = site.debugLog() + site.serverOutput();
  const ours = log.split('\n').filter((line) => /PHP (Notice|Warning|Deprecated|Fatal|Parse)/.test(line) && line.includes('/plugins/spoilerfeed/'));
  assert.deepEqual(ours, []);
});

test('deleting the plugin runs uninstall.php, which removes the option', TEST_TIMEOUT, async () => {
  assert.notEqual(await savedSettings(), null);
  const out = await site.php(`
deactivate_plugins( 'spoilerfeed/spoilerfeed.php' );
$deleted = delete_plugins( array( 'spoilerfeed/spoilerfeed.php' ) );
echo wp_json_encode( array( 'deleted' => true === $deleted, 'option' => get_option( 'spoilerfeed_settings', null ), 'folder' => is_dir( WP_PLUGIN_DIR . '/spoilerfeed' ) ) );
`);
  assert.deepEqual(JSON.parse(out), { deleted: true, option: null, folder: false });
  const ours = site.debugLog().split('\n').filter((line) => line.includes('/plugins/spoilerfeed/'));
  assert.deepEqual(ours, []);
});
