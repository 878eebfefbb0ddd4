//! The WordPress plugin (`wordpress/spoilerfeed/`): its installable zip with the release
//! bundle inside, and the `wordpress` test step (`php -l`, PHPUnit, and the end-to-end suite
//! on a real WordPress in `tests/wordpress/`).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use crate::cmd::{Cmd, Result};
use crate::project::Project;
use crate::tools;

/// The plugin's folder name, also its top folder in the zip (WordPress installs it by it).
const SLUG: &str = "spoilerfeed";

/// Files of the plugin's folder that stay out of the zip: the tests and the bundle copy.
const LEFT_OUT: &[&str] = &["build", "tests", "phpunit.xml.dist"];

/// The plugin's sources.
pub fn plugin_dir(project: &Project) -> PathBuf {
    project.root().join("wordpress").join(SLUG)
}

/// Where `cargo xtask package` writes the plugin's zip.
pub fn zip_path(project: &Project) -> PathBuf {
    project.root().join("wordpress").join(format!("{SLUG}.zip"))
}

/// Writes the installable zip from the plugin's sources and an already built `dist/` (as
/// `spoilerfeed/build/`).
pub fn package(project: &Project) -> Result {
    let dist = project.dist();
    if !dist.join("spoiler-feed.js").is_file() {
        return Err(format!(
            "{} has no spoiler-feed.js: build the bundle first (cargo xtask build)",
            dist.display()
        ));
    }
    let mut entries = Vec::new();
    collect(
        &plugin_dir(project),
        Path::new(SLUG),
        LEFT_OUT,
        &mut entries,
    )?;
    collect(&dist, &Path::new(SLUG).join("build"), &[], &mut entries)?;
    entries.push((
        project.root().join("LICENSE-MIT"),
        format!("{SLUG}/LICENSE.txt"),
    ));
    let path = zip_path(project);
    write_zip(&path, &entries).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    println!(
        "package: WordPress plugin written to {} ({} files)",
        path.strip_prefix(project.root()).unwrap_or(&path).display(),
        entries.len()
    );
    Ok(())
}

/// Every file under `dir` (but the `skip`ped names at its top and hidden files), as (source,
/// name in the zip), sorted so that the zip is the same for the same files.
fn collect(dir: &Path, under: &Path, skip: &[&str], out: &mut Vec<(PathBuf, String)>) -> Result {
    let mut names: Vec<_> = fs::read_dir(dir)
        .map_err(|err| format!("cannot read {}: {err}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.file_name()))
        .filter(|name| !skip.iter().any(|skipped| name.as_os_str() == *skipped))
        .filter(|name| !name.to_string_lossy().starts_with('.'))
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let inside = under.join(&name);
        if path.is_dir() {
            collect(&path, &inside, &[], out)?;
        } else {
            // Zip names use `/` on every system.
            let zipped = inside
                .components()
                .map(|part| part.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((path, zipped));
        }
    }
    Ok(())
}

/// Writes the zip, each file deflated.
fn write_zip(path: &Path, entries: &[(PathBuf, String)]) -> zip::result::ZipResult<()> {
    let mut zip = ZipWriter::new(File::create(path)?);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (source, name) in entries {
        zip.start_file(name.as_str(), options)?;
        io::copy(&mut File::open(source)?, &mut zip)?;
    }
    zip.finish()?.flush()?;
    Ok(())
}

/// The PHP files of the plugin.
fn php_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries =
        fs::read_dir(dir).map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && entry.file_name() != "build" {
            php_files(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "php") {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// The `wordpress` test step: every PHP file through `php -l`, the plain-PHP parts through
/// PHPUnit, then the zip made from `dist/` and installed on a fresh WordPress for the
/// end-to-end suite (`tests/wordpress/`).
pub fn test(project: &Project) -> Result {
    tools::ensure_wordpress()?;
    let plugin = plugin_dir(project);
    let mut files = Vec::new();
    php_files(&plugin, &mut files)?;
    for file in &files {
        Cmd::new("php")
            .args(["-d", "display_errors=stderr", "-l"])
            .arg(file)
            .run()?;
    }
    Cmd::new("phpunit")
        .args(["-c", "phpunit.xml.dist"])
        .dir(&plugin)
        .run()?;
    package(project)?;
    Cmd::new("node")
        .arg("--test")
        .env("SPOILERFEED_WP_ZIP", zip_path(project))
        .env("CHROMIUM", tools::chromium())
        .dir(project.root().join("tests").join("wordpress"))
        .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plugin_has_the_crates_version() {
        let project = Project::locate();
        let version = project.package_version().unwrap();
        let plugin = plugin_dir(&project);
        let read = |file: &str| fs::read_to_string(plugin.join(file)).unwrap();
        let main = read("spoilerfeed.php");
        assert!(
            main.contains(&format!(" * Version:           {version}\n")),
            "header"
        );
        assert!(
            main.contains(&format!("'SPOILERFEED_VERSION', '{version}'")),
            "constant"
        );
        assert!(
            read("readme.txt").contains(&format!("Stable tag: {version}\n")),
            "readme.txt"
        );
        let block: serde_json::Value = serde_json::from_str(&read("block/block.json")).unwrap();
        assert_eq!(block["version"], version.as_str(), "block.json");
        assert_eq!(block["apiVersion"], 3);
    }

    #[test]
    fn the_zip_holds_the_plugin_without_its_tests() {
        let project = Project::locate();
        let mut entries = Vec::new();
        collect(
            &plugin_dir(&project),
            Path::new(SLUG),
            LEFT_OUT,
            &mut entries,
        )
        .unwrap();
        let names: Vec<&str> = entries.iter().map(|(_, name)| name.as_str()).collect();
        for wanted in [
            "spoilerfeed/spoilerfeed.php",
            "spoilerfeed/readme.txt",
            "spoilerfeed/uninstall.php",
            "spoilerfeed/block/block.json",
            "spoilerfeed/includes/class-spoilerfeed-attributes.php",
        ] {
            assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
        }
        assert!(names
            .iter()
            .all(|name| !name.starts_with("spoilerfeed/tests/")
                && !name.starts_with("spoilerfeed/build/")
                && *name != "spoilerfeed/phpunit.xml.dist"
                && !name.contains("/.")));
    }
}
