//! Project tasks, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).
//!
//! Every command first installs the tools it needs (see [`tools`]), so a fresh
//! machine needs only Rust (rustup), Node.js with npm, and network access to
//! the package registries.

mod bench;
mod cmd;
mod package;
mod project;
mod tasks;
mod tools;
mod wordpress;

use std::env;
use std::process::ExitCode;

use cmd::Result;
use project::Project;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup [--browser]   install the missing tools: wasm32 target, trunk, wasm-bindgen-cli
                      (the version in Cargo.lock), wasm-opt and terser (into .tools/),
                      the e2e harness's npm packages; --browser adds Chromium and
                      ChromeDriver
  build               setup, then `trunk build --release --offline` into dist/ and its
                      scripts minified
  package             build, then the npm package `spoilerfeed` into pkg/ (the bundle,
                      types, custom-elements.json, README, licenses); `npm pack pkg`
                      makes the tarball; and the WordPress plugin's zip,
                      wordpress/spoilerfeed.zip, with the bundle inside
  serve [--port N]    setup, then serve the widget with the sample feed at
                      http://127.0.0.1:8080/ (rebuilds on change)
  test [STEP...]      setup --browser, then every check CI runs, stopping at the first
                      failure; STEP limits it to some of: fmt clippy native browser build e2e
                      wordpress
  bench [--quick] [--no-build]
                      setup --browser, build, then the performance benchmark (bench/README.md):
                      the widget against a plain-JS baseline in headless Chromium; prints a
                      table and writes bench/results.json (never part of `test`)
  help                this text
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let project = Project::locate();
    match run(&project, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(project: &Project, args: &[String]) -> Result {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        return Err("no command given".to_string());
    };
    match command.as_str() {
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            return Ok(());
        }
        "setup" | "build" | "package" | "serve" | "test" | "bench" => {}
        other => {
            print!("{USAGE}");
            return Err(format!("unknown command `{other}`"));
        }
    }

    // Tools installed by `setup` (cargo's bin folder, the npm tools in .tools)
    // must be found by every program started below, trunk included.
    // Set once, before any thread exists.
    env::set_var("PATH", project.search_path()?);

    match command.as_str() {
        "setup" => {
            let browser = flags(rest, &["--browser"])?.contains(&"--browser");
            tools::setup(project, tools::Options { browser })
        }
        "build" => {
            flags(rest, &[])?;
            tasks::build(project)
        }
        "package" => {
            flags(rest, &[])?;
            tasks::build(project)?;
            package::assemble(project)?;
            wordpress::package(project)
        }
        "serve" => tasks::serve(project, port(rest)?),
        "test" => tasks::test(project, rest),
        "bench" => {
            let given = flags(rest, &["--quick", "--no-build"])?;
            bench::bench(
                project,
                bench::Options {
                    quick: given.contains(&"--quick"),
                    build: !given.contains(&"--no-build"),
                },
            )
        }
        _ => unreachable!("commands are checked above"),
    }
}

/// Checks that `args` hold only the `allowed` flags, and returns them.
fn flags<'a>(args: &'a [String], allowed: &[&str]) -> Result<Vec<&'a str>> {
    args.iter()
        .map(|arg| {
            if allowed.contains(&arg.as_str()) {
                Ok(arg.as_str())
            } else {
                Err(format!(
                    "unexpected argument `{arg}` (see `cargo xtask help`)"
                ))
            }
        })
        .collect()
}

/// The port of `serve`: `--port N`, or the default.
fn port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(tasks::SERVE_PORT),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("`{value}` is not a port number")),
        _ => Err("usage: cargo xtask serve [--port N]".to_string()),
    }
}
