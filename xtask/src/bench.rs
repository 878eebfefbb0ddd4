//! `cargo xtask bench`: the performance benchmark. Never part of `cargo xtask test`: it
//! reports figures and budgets, it doesn't pass or fail on them.
//!
//! Builds the release bundle (as `cargo xtask build` does), then runs `bench/run.mjs`, which
//! serves `dist/`, a plain-JavaScript baseline and generated feeds on 127.0.0.1, drives the
//! system Chromium headless through the e2e harness's playwright-core, prints a table and
//! writes `bench/results.json`. See `bench/README.md`.

use std::path::PathBuf;

use crate::cmd::{Cmd, Result};
use crate::project::Project;
use crate::tasks;
use crate::tools;

/// What `cargo xtask bench` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Fewer runs per figure: a quick look while working, not numbers to quote.
    pub quick: bool,
    /// Build `dist/` first (the default); `--no-build` measures the bundle already there.
    pub build: bool,
}

/// `cargo xtask bench [--quick] [--no-build]`.
pub fn bench(project: &Project, options: Options) -> Result {
    // The browser is needed; the e2e harness's npm packages (playwright-core) come with setup.
    tools::setup(project, tools::Options { browser: true })?;
    if options.build {
        tasks::release_build(project)?;
    } else if !project.dist().join("spoilerfeed_bg.wasm").is_file() {
        return Err(format!(
            "{} has no build to measure; run without --no-build",
            project.dist().display()
        ));
    }
    node_command(project, options).run()
}

/// The folder of the benchmark's script, baseline and results.
fn bench_dir(project: &Project) -> PathBuf {
    project.root().join("bench")
}

fn node_command(project: &Project, options: Options) -> Cmd {
    let cmd = Cmd::new("node")
        .arg(bench_dir(project).join("run.mjs"))
        .env("SPOILERFEED_DIST", project.dist())
        .env("CHROMIUM", tools::chromium())
        .dir(project.root());
    if options.quick {
        cmd.arg("--quick")
    } else {
        cmd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_the_bench_script_on_dist() {
        let project = Project::locate();
        let line = node_command(
            &project,
            Options {
                quick: false,
                build: true,
            },
        )
        .display();
        assert!(line.contains("SPOILERFEED_DIST="), "{line}");
        assert!(line.contains("node "), "{line}");
        assert!(line.ends_with("bench/run.mjs"), "{line}");

        let quick = node_command(
            &project,
            Options {
                quick: true,
                build: false,
            },
        )
        .display();
        assert!(quick.ends_with("bench/run.mjs --quick"), "{quick}");
    }

    #[test]
    fn the_bench_script_and_baseline_exist() {
        let dir = bench_dir(&Project::locate());
        for file in [
            "run.mjs",
            "feed.mjs",
            "baseline/index.html",
            "baseline/baseline.js",
        ] {
            assert!(dir.join(file).is_file(), "bench/{file} is missing");
        }
    }
}
