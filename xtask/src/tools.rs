//! `cargo xtask setup`: installs every tool the build and the tests need, each
//! only when it is missing or at the wrong version, so running it again is cheap.
//!
//! - the `wasm32-unknown-unknown` Rust target, with rustup;
//! - `trunk` ([`TRUNK_VERSION`]) and `wasm-bindgen-cli` (the version in
//!   `Cargo.lock`), with `cargo install`;
//! - `wasm-opt` from the npm package `binaryen` and the script minifier `terser`,
//!   locked in `xtask/tools/` and installed into the git-ignored `.tools/`;
//! - the end-to-end harness's npm packages (`tests/e2e/node_modules`);
//! - with `--browser`: Chromium and ChromeDriver from Debian's packages, and for the
//!   WordPress plugin's tests WordPress, PHP, MariaDB and PHPUnit (Debian's packages too).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::{Cmd, Result};
use crate::project::{read, Project};

/// The trunk release the project builds with.
pub const TRUNK_VERSION: &str = "0.21.14";

/// The Rust target of the widget.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Chromium flags for a headless run on a machine without outside network
/// (beyond the `headless` and `no-sandbox` that the test runners add): no GPU,
/// no background connections to Google's services.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Marker written into `node_modules/` after a successful `npm ci`: it holds
/// the manifest and lockfile that were installed, so an unchanged install is skipped.
const NPM_STAMP: &str = ".xtask-installed";

/// What [`setup`] should cover beyond the build tools.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Also make sure Chromium and ChromeDriver are installed.
    pub browser: bool,
}

/// Installs whatever is missing, printing one line per tool.
pub fn setup(project: &Project, options: Options) -> Result {
    println!("setup: checking tools");
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(project)?;
    require_npm()?;
    ensure_build_tools(project)?;
    ensure_e2e_packages(project)?;
    if options.browser {
        ensure_browser()?;
        ensure_wordpress()?;
    }
    check_trunk_pins(project)?;
    println!("setup: all tools present");
    Ok(())
}

/// The Chromium binary used by the tests (`$CHROMIUM` or Debian's).
pub fn chromium() -> PathBuf {
    env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// The ChromeDriver binary used by the browser tests (`$CHROMEDRIVER` or Debian's).
pub fn chromedriver() -> PathBuf {
    env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"))
}

fn present(what: &str, detail: &str) {
    println!("  ok       {what} {detail}");
}

fn installing(what: &str, detail: &str) {
    println!("  install  {what} {detail}");
}

fn ensure_wasm_target() -> Result {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .probe()
        .ok_or("`rustup` is needed to add the wasm32 target, and it was not found")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        present("rust target", WASM_TARGET);
        return Ok(());
    }
    installing("rust target", WASM_TARGET);
    Cmd::new("rustup")
        .args(["target", "add", WASM_TARGET])
        .run()
}

/// The second word of a tool's `--version` line (`trunk 0.21.14` → `0.21.14`).
fn tool_version(program: &str) -> Option<String> {
    let output = Cmd::new(program).arg("--version").probe()?;
    output.split_whitespace().nth(1).map(str::to_string)
}

fn ensure_trunk() -> Result {
    let found = tool_version("trunk");
    if found.as_deref() == Some(TRUNK_VERSION) {
        present("trunk", TRUNK_VERSION);
        return Ok(());
    }
    installing(
        "trunk",
        &format!(
            "{TRUNK_VERSION} (found {}; builds for several minutes)",
            or_none(&found)
        ),
    );
    Cmd::new("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .args(["--no-default-features", "--features", "rustls"])
        .run()?;
    verify("trunk", TRUNK_VERSION)
}

fn ensure_wasm_bindgen(project: &Project) -> Result {
    let wanted = project.locked_wasm_bindgen()?;
    let bindgen = tool_version("wasm-bindgen");
    let runner = tool_version("wasm-bindgen-test-runner");
    if bindgen.as_deref() == Some(&wanted) && runner.as_deref() == Some(&wanted) {
        present("wasm-bindgen-cli", &wanted);
        return Ok(());
    }
    installing(
        "wasm-bindgen-cli",
        &format!("{wanted} (as in Cargo.lock; found {})", or_none(&bindgen)),
    );
    // Not `--locked`: the lockfile published with wasm-bindgen-cli pins a
    // dependency release that the registry no longer serves everywhere.
    Cmd::new("cargo")
        .args(["install", "wasm-bindgen-cli", "--version", &wanted])
        .run()?;
    verify("wasm-bindgen", &wanted)?;
    verify("wasm-bindgen-test-runner", &wanted)
}

fn verify(program: &str, wanted: &str) -> Result {
    match tool_version(program) {
        Some(found) if found == wanted => Ok(()),
        found => Err(format!(
            "`{program} --version` reports {} after installing {wanted}; is another \
             `{program}` earlier on PATH?",
            or_none(&found)
        )),
    }
}

fn or_none(found: &Option<String>) -> &str {
    found.as_deref().unwrap_or("none")
}

fn require_npm() -> Result {
    for program in ["node", "npm"] {
        if Cmd::new(program).arg("--version").probe().is_none() {
            return Err(format!(
                "`{program}` was not found: install Node.js 20 or newer with npm"
            ));
        }
    }
    Ok(())
}

/// The npm build tools: `wasm-opt` from the package `binaryen` (Debian's binaryen is too
/// old for the wasm that current Rust emits) and `terser` for the release scripts.
fn ensure_build_tools(project: &Project) -> Result {
    let wanted = project.locked_wasm_opt()?;
    let dir = project.tools_dir();
    fs::create_dir_all(&dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    for file in ["package.json", "package-lock.json"] {
        sync_file(&project.tool_manifests().join(file), &dir.join(file))?;
    }
    let wasm_opt = project.tools_bin().join("wasm-opt");
    let found = wasm_opt_version(&wasm_opt);
    let terser = project.tools_bin().join("terser").is_file();
    if found.as_deref() == Some(&wanted) && terser && stamp_matches(&dir)? {
        present("wasm-opt, terser", &format!("{wanted} (.tools)"));
        return Ok(());
    }
    installing(
        "wasm-opt, terser",
        &format!("{wanted} into .tools (npm packages binaryen, terser)"),
    );
    npm_ci(&dir)?;
    match wasm_opt_version(&wasm_opt) {
        Some(found) if found == wanted => Ok(()),
        found => Err(format!(
            "{} reports {} after installing {wanted}",
            wasm_opt.display(),
            or_none(&found)
        )),
    }
}

/// `wasm-opt --version` prints `wasm-opt version 132 (version_132)`; trunk
/// compares `version_<third word>` with the `wasm_opt` pin in `Trunk.toml`.
fn wasm_opt_version(program: &Path) -> Option<String> {
    let output = Cmd::new(program).arg("--version").probe()?;
    let number = output.split_whitespace().nth(2)?;
    Some(format!("version_{number}"))
}

fn ensure_e2e_packages(project: &Project) -> Result {
    let dir = project.e2e_dir();
    if stamp_matches(&dir)? {
        present("e2e packages", "(tests/e2e/node_modules)");
        return Ok(());
    }
    installing("e2e packages", "(npm ci in tests/e2e)");
    npm_ci(&dir)
}

/// Copies `from` to `to` unless `to` already has the same content.
fn sync_file(from: &Path, to: &Path) -> Result {
    let content = read(from)?;
    if fs::read_to_string(to).ok().as_deref() != Some(content.as_str()) {
        fs::write(to, content).map_err(|err| format!("cannot write {}: {err}", to.display()))?;
    }
    Ok(())
}

/// What an npm install of `dir` is keyed on: its manifest and lockfile.
fn npm_inputs(dir: &Path) -> Result<String> {
    let manifest = read(&dir.join("package.json"))?;
    let lock = read(&dir.join("package-lock.json"))?;
    Ok(format!("{manifest}\n{lock}"))
}

fn stamp_matches(dir: &Path) -> Result<bool> {
    let stamp = fs::read_to_string(dir.join("node_modules").join(NPM_STAMP)).ok();
    Ok(stamp == Some(npm_inputs(dir)?))
}

/// A clean install of exactly what the lockfile says, then the stamp.
fn npm_ci(dir: &Path) -> Result {
    Cmd::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .dir(dir)
        .run()?;
    let stamp = dir.join("node_modules").join(NPM_STAMP);
    fs::write(&stamp, npm_inputs(dir)?)
        .map_err(|err| format!("cannot write {}: {err}", stamp.display()))
}

fn ensure_browser() -> Result {
    let (browser, driver) = (chromium(), chromedriver());
    let browser_version = Cmd::new(&browser).arg("--version").probe();
    let driver_version = Cmd::new(&driver).arg("--version").probe();
    if let (Some(browser_version), Some(_)) = (&browser_version, &driver_version) {
        present("browser", &format!("{browser_version} + chromedriver"));
        return Ok(());
    }
    if env::var_os("CHROMIUM").is_some() || env::var_os("CHROMEDRIVER").is_some() {
        return Err(format!(
            "CHROMIUM/CHROMEDRIVER point at {} and {}, which do not both run",
            browser.display(),
            driver.display()
        ));
    }
    installing("browser", "chromium + chromium-driver (Debian packages)");
    apt_install(&["chromium", "chromium-driver"])?;
    for program in [&browser, &driver] {
        if Cmd::new(program).arg("--version").probe().is_none() {
            return Err(format!(
                "{} does not run after installing it",
                program.display()
            ));
        }
    }
    Ok(())
}

/// Debian's WordPress, as the plugin's end-to-end tests install it in a folder of their own.
const WORDPRESS_VERSION_FILE: &str = "/usr/share/wordpress/wp-includes/version.php";

/// The Debian packages of the WordPress tests: WordPress itself, PHP's command line (its
/// built-in server serves the site) with MySQL support, MariaDB and PHPUnit.
const WORDPRESS_PACKAGES: &[&str] = &[
    "wordpress",
    "php-cli",
    "php-mysql",
    "mariadb-server",
    "phpunit",
];

/// Makes sure WordPress, PHP (with mysqli), MariaDB and PHPUnit are installed.
pub fn ensure_wordpress() -> Result {
    let php = Cmd::new("php").arg("--version").probe();
    let mysqli = Cmd::new("php").arg("-m").probe();
    let ready = Path::new(WORDPRESS_VERSION_FILE).is_file()
        && php.is_some()
        && mysqli.is_some_and(|modules| modules.lines().any(|line| line.trim() == "mysqli"))
        && Cmd::new("mariadbd").arg("--version").probe().is_some()
        && Cmd::new("mariadb-install-db")
            .arg("--help")
            .probe()
            .is_some()
        && Cmd::new("phpunit").arg("--version").probe().is_some();
    if ready {
        let first = php
            .as_deref()
            .and_then(|text| text.lines().next())
            .unwrap_or("");
        present(
            "wordpress",
            &format!("(Debian) + {first} + MariaDB + PHPUnit"),
        );
        return Ok(());
    }
    installing(
        "wordpress",
        &format!("{} (Debian packages)", WORDPRESS_PACKAGES.join(" ")),
    );
    apt_install(WORDPRESS_PACKAGES)?;
    if !Path::new(WORDPRESS_VERSION_FILE).is_file() {
        return Err(format!(
            "{WORDPRESS_VERSION_FILE} is missing after installing wordpress"
        ));
    }
    for program in ["php", "mariadbd", "phpunit"] {
        if Cmd::new(program).arg("--version").probe().is_none() {
            return Err(format!("`{program}` does not run after installing it"));
        }
    }
    Ok(())
}

/// `apt-get update`, then `apt-get install -y` of `packages` (through sudo unless root).
fn apt_install(packages: &[&str]) -> Result {
    let root = Cmd::new("id").arg("-u").probe().as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let cmd = if root {
            Cmd::new("apt-get")
        } else {
            Cmd::new("sudo").arg("apt-get")
        };
        cmd.args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .run()
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"][..], packages].concat())
}

/// Trunk runs offline, so it must accept the installed tools as they are: a
/// `[tools]` pin in `Trunk.toml` that differs from them fails the build later
/// with a less helpful message.
fn check_trunk_pins(project: &Project) -> Result {
    let installed = [
        ("wasm_bindgen", project.locked_wasm_bindgen()?, "Cargo.lock"),
        (
            "wasm_opt",
            project.locked_wasm_opt()?,
            "xtask/tools/package-lock.json",
        ),
    ];
    for (key, version, source) in installed {
        if let Some(pin) = project.trunk_tool_pin(key) {
            if pin != version {
                return Err(format!(
                    "Trunk.toml pins [tools] {key} = \"{pin}\", but {source} gives {version}; \
                     keep the two in step"
                ));
            }
        }
    }
    Ok(())
}
