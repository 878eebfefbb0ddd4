//! The build, serve and test tasks.
//!
//! `test` is the whole check that CI runs: formatting, lints, native tests,
//! browser tests, the release build and the end-to-end tests, in that order,
//! stopping at the first step that fails.

use std::fs;
use std::path::Path;
use std::time::Instant;

use crate::cmd::{Cmd, Result};
use crate::package;
use crate::project::Project;
use crate::tools::{self, WASM_TARGET};
use crate::wordpress;

/// The address `serve` listens on unless told otherwise.
pub const SERVE_ADDRESS: &str = "127.0.0.1";

/// The port `serve` listens on unless told otherwise.
pub const SERVE_PORT: u16 = 8080;

/// `cargo xtask build`: tools, then an optimised build of the widget and the site owner's tools
/// page into `dist/`.
pub fn build(project: &Project) -> Result {
    tools::setup(project, tools::Options::default())?;
    release_build(project)
}

/// `cargo xtask serve`: tools, then trunk's development server with the
/// release build of both pages (`index.html` declares the tools' binary too), rebuilding on
/// changes.
pub fn serve(project: &Project, port: u16) -> Result {
    tools::setup(project, tools::Options::default())?;
    fetch_crates(project)?;
    println!("serve: the widget will be at http://{SERVE_ADDRESS}:{port}/ (Ctrl-C stops)");
    trunk(project)
        .args(["serve", "--release", "--offline"])
        .args(["--address", SERVE_ADDRESS, "--port", &port.to_string()])
        .dir(project.root())
        .run_interactive()
}

/// Downloads every crate of the lockfile, for all targets, so that trunk's `--offline` cargo
/// build finds them.
fn fetch_crates(project: &Project) -> Result {
    Cmd::new("cargo").arg("fetch").dir(project.root()).run()
}

/// Trunk in the project's folder. The release wasm is built for size by the release profile
/// in `Cargo.toml` and wasm-opt (`data-wasm-opt` in `index.html`), on the stable toolchain.
fn trunk(project: &Project) -> Cmd {
    Cmd::new("trunk").dir(project.root())
}

/// `trunk build --release --offline` into `dist/` (one build makes both wasm files: the fan's
/// widget and, declared in `index.html` too, the site owner's tools page), then the scripts
/// minified; the tools already set up.
pub fn release_build(project: &Project) -> Result {
    fetch_crates(project)?;
    trunk(project)
        .args(["build", "--release", "--offline"])
        .run()?;
    minify_scripts(project)?;
    println!("build: site written to dist/");
    Ok(())
}

/// The scripts of `dist/` that pages download: the fan's, then the tools page's.
const SCRIPTS: &[&str] = &[
    "spoilerfeed.js",
    "loader.js",
    "spoiler-feed.js",
    "spoiler-feed-frame.js",
    "tools.js",
    "tools-loader.js",
];

/// Minifies the scripts in `dist/` with terser (npm, in `.tools/`): Trunk minifies the CSS
/// and the page but leaves the wasm-bindgen glue as it is, a third of it comments and names.
/// Module exports keep their names, so embedders' imports are unchanged.
fn minify_scripts(project: &Project) -> Result {
    let terser = project.tools_bin().join("terser");
    for script in SCRIPTS {
        let path = project.dist().join(script);
        let module = *script != "spoiler-feed-frame.js";
        let mut cmd = Cmd::new(&terser)
            .arg(&path)
            .args(["--compress", "--mangle", "--output"])
            .arg(&path);
        if module {
            cmd = cmd.arg("--module");
        }
        cmd.run()?;
    }
    Ok(())
}

/// One step of `cargo xtask test`.
struct Step {
    /// Short name, also accepted on the command line to run only some steps.
    name: &'static str,
    /// What the step checks, for progress and failure messages.
    title: &'static str,
    run: fn(&Project) -> Result,
}

const STEPS: &[Step] = &[
    Step {
        name: "fmt",
        title: "formatting (cargo fmt --check)",
        run: fmt,
    },
    Step {
        name: "clippy",
        title: "lints (cargo clippy, native and wasm32)",
        run: clippy,
    },
    Step {
        name: "native",
        title: "native tests (cargo test --workspace)",
        run: native_tests,
    },
    Step {
        name: "browser",
        title: "browser tests (wasm32 in headless Chromium)",
        run: browser_tests,
    },
    Step {
        name: "build",
        title: "release build (trunk build --release)",
        run: release_build,
    },
    Step {
        name: "e2e",
        title: "end-to-end tests (node --test in tests/e2e)",
        run: e2e_tests,
    },
    Step {
        name: "wordpress",
        title: "WordPress plugin (php -l, PHPUnit, a real WordPress in headless Chromium)",
        run: wordpress::test,
    },
];

/// Names of the steps of `cargo xtask test`, in order.
pub fn step_names() -> Vec<&'static str> {
    STEPS.iter().map(|step| step.name).collect()
}

/// `cargo xtask test [STEP...]`: tools (with the browser), then every step, or
/// only the named ones, stopping at the first failure.
pub fn test(project: &Project, only: &[String]) -> Result {
    for name in only {
        if !STEPS.iter().any(|step| step.name == name) {
            return Err(format!(
                "unknown test step `{name}`; the steps are: {}",
                step_names().join(", ")
            ));
        }
    }
    let selected: Vec<&Step> = STEPS
        .iter()
        .filter(|step| only.is_empty() || only.iter().any(|name| name == step.name))
        .collect();

    let started = Instant::now();
    if let Err(err) = tools::setup(project, tools::Options { browser: true }) {
        println!("\nxtask test: FAILED in setup, before any step ran: {err}");
        return Err("setup failed".to_string());
    }

    let total = selected.len();
    let mut passed: Vec<&str> = Vec::new();
    for (index, step) in selected.iter().enumerate() {
        println!(
            "\n==> [{}/{total}] {}: {}",
            index + 1,
            step.name,
            step.title
        );
        let step_started = Instant::now();
        let outcome = (step.run)(project);
        let seconds = step_started.elapsed().as_secs();
        match outcome {
            Ok(()) => {
                println!(
                    "==> [{}/{total}] {}: ok in {seconds}s",
                    index + 1,
                    step.name
                );
                passed.push(step.name);
            }
            Err(err) => {
                println!(
                    "\nxtask test: FAILED at step {}/{total} `{}` ({}) after {seconds}s: {err}",
                    index + 1,
                    step.name,
                    step.title,
                );
                if !passed.is_empty() {
                    println!(
                        "xtask test: steps that passed before it: {}",
                        passed.join(", ")
                    );
                }
                return Err(format!("test step `{}` failed", step.name));
            }
        }
    }
    println!(
        "\nxtask test: ok, {total} of {} steps passed ({}) in {}s",
        STEPS.len(),
        passed.join(", "),
        started.elapsed().as_secs()
    );
    Ok(())
}

fn fmt(project: &Project) -> Result {
    Cmd::new("cargo")
        .args(["fmt", "--all", "--", "--check"])
        .dir(project.root())
        .run()
}

fn clippy(project: &Project) -> Result {
    Cmd::new("cargo")
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .dir(project.root())
        .run()?;
    Cmd::new("cargo")
        .args(["clippy", "-p", "spoilerfeed", "--target", WASM_TARGET])
        .args(["--all-targets", "--", "-D", "warnings"])
        .dir(project.root())
        .run()
}

fn native_tests(project: &Project) -> Result {
    Cmd::new("cargo")
        .args(["test", "--workspace"])
        .dir(project.root())
        .run()
}

/// Runs through `wasm-bindgen-test-runner` (the cargo runner for wasm32 set in
/// `.cargo/config.toml`), which drives Chromium through ChromeDriver. The
/// runner itself adds `headless` and `no-sandbox`; the capabilities file adds
/// the browser binary and the flags for a machine without outside network.
///
/// `--tests` leaves out doctests: on wasm32 the runner reports them as passed
/// without running them (the native step runs them for real).
fn browser_tests(project: &Project) -> Result {
    let capabilities = project.tools_dir().join("webdriver.json");
    write_webdriver_json(&capabilities)?;
    Cmd::new("cargo")
        .args([
            "test",
            "-p",
            "spoilerfeed",
            "--target",
            WASM_TARGET,
            "--tests",
        ])
        .env("CHROMEDRIVER", tools::chromedriver())
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &capabilities)
        // The runner's limit is for the whole run (20 s by default): a busy machine needs more.
        .env("WASM_BINDGEN_TEST_TIMEOUT", "300")
        .dir(project.root())
        .run()
}

/// Writes the WebDriver capabilities that `wasm-bindgen-test-runner` reads.
fn write_webdriver_json(path: &Path) -> Result {
    let json = webdriver_json(&tools::chromium().to_string_lossy());
    fs::write(path, json).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

/// ChromeDriver capabilities: which browser binary, with which extra flags.
fn webdriver_json(binary: &str) -> String {
    let binary = binary.replace('\\', "\\\\").replace('"', "\\\"");
    let args = tools::CHROMIUM_FLAGS
        .iter()
        .map(|flag| format!("\"{flag}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!("{{\"goog:chromeOptions\": {{\"binary\": \"{binary}\", \"args\": [{args}]}}}}\n")
}

/// The npm package is put together from `dist/` first (a copy, no build), so that the suite
/// packs and installs what `cargo xtask package` would publish.
fn e2e_tests(project: &Project) -> Result {
    package::assemble(project)?;
    Cmd::new("node")
        .arg("--test")
        .env("SPOILERFEED_DIST", project.dist())
        .env("SPOILERFEED_PKG", project.pkg())
        .env("CHROMIUM", tools::chromium())
        .dir(project.e2e_dir())
        .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webdriver_json_names_binary_and_flags() {
        let json = webdriver_json("/usr/bin/chromium");
        assert!(json.starts_with(
            r#"{"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": ["--disable-gpu", "#
        ));
        assert!(json.ends_with("\"--disable-sync\"]}}\n"));
        assert!(webdriver_json(r#"/odd "dir"/chromium"#).contains(r#""/odd \"dir\"/chromium""#));
    }

    #[test]
    fn step_names_are_unique() {
        let mut names = step_names();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), STEPS.len());
    }
}
