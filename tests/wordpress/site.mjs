// A WordPress site of the test's own, on loopback: Debian's WordPress copied into a temporary
// folder, a MariaDB server with a fresh data folder on a free port, PHP's built-in server, and
// the install done through install.php as a person would. `close()` stops both servers and
// removes the folder; it also runs if the process exits early.
//
//   const site = await startSite();
//   site.url           // http://127.0.0.1:PORT
//   await site.php('echo get_option("blogname");')   // PHP run with the site loaded
//   await site.close();

import { spawn, execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's WordPress (the `wordpress` package). */
const WORDPRESS = '/usr/share/wordpress';

/** How long a server may take to come up on a slow, busy machine. */
const START_MS = 60_000;

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Retries `check` until it returns true, or throws with `what` after START_MS. */
async function until(what, check, output) {
  const deadline = Date.now() + START_MS;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not start in ${START_MS} ms:\n${output()}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** Starts `program` in a process group of its own, with its output collected (for failure messages). */
function start(program, args, options = {}) {
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((ok) => child.once('exit', ok));
  return { child, exited, output: () => output };
}

/** Sends `signal` to a started program's process group (PHP's server workers included). */
function signal(started, name) {
  try {
    process.kill(-started.child.pid, name);
  } catch {
    // The group is gone already.
  }
}

/** Stops a started program: SIGTERM to its group, then SIGKILL if it hasn't exited after 10 s. */
async function stop(started) {
  if (!started) return;
  if (started.child.exitCode === null && started.child.signalCode === null) {
    signal(started, 'SIGTERM');
    const timer = setTimeout(() => signal(started, 'SIGKILL'), 10_000);
    await started.exited;
    clearTimeout(timer);
  }
  // Workers that outlived their parent.
  signal(started, 'SIGKILL');
  started.child.stdout.destroy();
  started.child.stderr.destroy();
}

/** wp-config.php for the database on `dbPort`, logging every PHP notice to `log`. */
function wpConfig(dbPort, log) {
  const salt = (name) => `define('${name}', '${name.toLowerCase()}-${Math.random().toString(36).slice(2)}');`;
  return `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map(salt).join('\n')}
$table_prefix = 'wp_';
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', ${JSON.stringify(log)});
define('WP_DEBUG_DISPLAY', false);
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) {
	define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/**
 * Starts MariaDB and WordPress and installs the site (admin user `admin`, password `admin`).
 *
 * @returns {Promise<{url: string, dir: string, log: string, php: (code: string) => Promise<string>,
 *   serverOutput: () => string, close: () => Promise<void>}>}
 */
export async function startSite() {
  const dir = mkdtempSync(join(tmpdir(), 'spoilerfeed-wp-'));
  let db;
  let web;
  let closed = false;
  const emergency = () => {
    for (const started of [web, db]) {
      if (started) signal(started, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // The servers run in process groups of their own, which a Ctrl-C doesn't reach: stop them
  // when this process ends, however it ends.
  const interrupted = (name) => {
    emergency();
    process.exit(name === 'SIGINT' ? 130 : 143);
  };
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.once('exit', emergency);
  for (const name of SIGNALS) process.once(name, interrupted);
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all([stop(web), stop(db)]);
    rmSync(dir, { recursive: true, force: true });
    process.removeListener('exit', emergency);
    for (const name of SIGNALS) process.removeListener(name, interrupted);
  };

  try {
    // The database: its own data folder and socket, TCP on 127.0.0.1 only.
    const data = join(dir, 'db');
    const socket = join(dir, 'db.sock');
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { maxBuffer: 1 << 24 });
    const dbPort = await freePort();
    db = start('mariadbd', [
      '--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${dbPort}`, '--bind-address=127.0.0.1',
      '--user=root', '--skip-name-resolve', `--pid-file=${join(dir, 'db.pid')}`, '--innodb-buffer-pool-size=32M',
      '--skip-log-bin', '--innodb-flush-log-at-trx-commit=0',
    ]);
    const sql = (statement) => run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement]);
    await until('mariadbd', () => sql('SELECT 1').then(() => true), db.output);
    await sql("CREATE DATABASE wordpress; CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';");

    // The site: WordPress's files (not Debian's config or languages), a wp-content of its own.
    const root = join(dir, 'site');
    cpSync(WORDPRESS, root, {
      recursive: true,
      filter: (path) => !['/wp-config.php', '/.htaccess', '/wp-content'].some((skip) => path === WORDPRESS + skip),
    });
    for (const sub of ['plugins', 'themes', 'uploads', 'upgrade']) mkdirSync(join(root, 'wp-content', sub), { recursive: true });
    cpSync(join(WORDPRESS, 'wp-content', 'themes', 'twentytwentythree'), join(root, 'wp-content', 'themes', 'twentytwentythree'), { recursive: true });
    const log = join(dir, 'debug.log');
    writeFileSync(join(root, 'wp-config.php'), wpConfig(dbPort, log));

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Several workers: the browser asks for the page, the scripts, the wasm and the feed at once.
    web = start('php', ['-S', `127.0.0.1:${port}`, '-t', root], { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
    await until('php -S', () => fetch(`${url}/readme.html`).then((res) => res.ok), web.output);

    const install = await fetch(`${url}/wp-admin/install.php?step=2`, {
      method: 'POST',
      body: new URLSearchParams({
        weblog_title: 'Harbour Lights fans', user_name: 'admin', admin_password: 'admin', admin_password2: 'admin',
        pw_weak: '1', admin_email: 'admin@example.com', blog_public: '0', language: '',
      }),
    });
    const answer = await install.text();
    if (!answer.includes('<h1>Success!</h1>')) throw new Error(`the install failed (${install.status}):\n${answer.slice(0, 2000)}`);

    /** Runs `code` (PHP statements) with WordPress loaded, as the administrator; returns its output. */
    const php = async (code) => {
      const script = join(dir, `run-${Math.random().toString(36).slice(2)}.php`);
      writeFileSync(
        script,
        `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
require ${JSON.stringify(join(root, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/admin.php';
wp_set_current_user(1);
${code}
`,
      );
      try {
        const { stdout } = await run('php', [script], { cwd: root, maxBuffer: 1 << 24 });
        return stdout;
      } finally {
        rmSync(script, { force: true });
      }
    };

    return {
      url,
      dir: root,
      log,
      php,
      debugLog: () => (existsSync(log) ? readFileSync(log, 'utf8') : ''),
      serverOutput: web.output,
      close,
    };
  } catch (err) {
    const output = `\n--- mariadbd ---\n${db?.output() ?? ''}\n--- php -S ---\n${web?.output() ?? ''}`;
    await close();
    err.message += output.slice(-6000);
    throw err;
  }
}
