//! Where things live in the repository, and the few facts read from its
//! files: the `wasm-bindgen` version in `Cargo.lock`, the tool pins in
//! `Trunk.toml`, the `binaryen` version in the build-tools lockfile.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::Result;

/// Paths of the repository that the tasks work with.
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
}

impl Project {
    /// The repository this task runner was built from (the parent of `xtask/`).
    pub fn locate() -> Self {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .expect("xtask lives one level below the repository root")
            .to_path_buf();
        Self { root }
    }

    /// The repository root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `trunk build` writes the site.
    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// The committed npm manifest and lockfile of the build tools (`wasm-opt`).
    pub fn tool_manifests(&self) -> PathBuf {
        self.root.join("xtask").join("tools")
    }

    /// The git-ignored folder the build tools are installed into.
    pub fn tools_dir(&self) -> PathBuf {
        self.root.join(".tools")
    }

    /// Executables of the npm build tools.
    pub fn tools_bin(&self) -> PathBuf {
        self.tools_dir().join("node_modules").join(".bin")
    }

    /// The hand-written files of the npm package (manifest, README, types, manifest of the
    /// element).
    pub fn npm_dir(&self) -> PathBuf {
        self.root.join("npm")
    }

    /// Where `cargo xtask package` writes the npm package.
    pub fn pkg(&self) -> PathBuf {
        self.root.join("pkg")
    }

    /// The version of the `spoilerfeed` crate (`[package]` in `Cargo.toml`).
    pub fn package_version(&self) -> Result<String> {
        let text = read(&self.root.join("Cargo.toml"))?;
        toml_section_value(&text, "package", "version")
            .ok_or_else(|| "Cargo.toml has no [package] version".to_string())
    }

    /// The end-to-end test harness (a Node package).
    pub fn e2e_dir(&self) -> PathBuf {
        self.root.join("tests").join("e2e")
    }

    /// The `PATH` that every task runs with: the project's npm tools first,
    /// then cargo's install folder, then whatever was there before.
    pub fn search_path(&self) -> Result<OsString> {
        let mut dirs = vec![self.tools_bin(), cargo_bin_dir()];
        for dir in env::split_paths(&env::var_os("PATH").unwrap_or_default()) {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        env::join_paths(dirs).map_err(|err| format!("cannot build PATH: {err}"))
    }

    /// The version of `wasm-bindgen` that `Cargo.lock` resolves; the CLI tools
    /// must match it exactly.
    pub fn locked_wasm_bindgen(&self) -> Result<String> {
        let lock = read(&self.root.join("Cargo.lock"))?;
        let mut versions = locked_versions(&lock, "wasm-bindgen");
        versions.dedup();
        match versions.as_slice() {
            [version] => Ok(version.clone()),
            [] => Err("Cargo.lock has no `wasm-bindgen` package".to_string()),
            _ => Err(format!(
                "Cargo.lock has several `wasm-bindgen` versions ({}); the CLI can match only one",
                versions.join(", ")
            )),
        }
    }

    /// The `binaryen` version the build-tools lockfile installs, as `wasm-opt`
    /// reports it to trunk (`version_<major>`).
    pub fn locked_wasm_opt(&self) -> Result<String> {
        let path = self.tool_manifests().join("package-lock.json");
        let lock = read(&path)?;
        npm_locked_version(&lock, "binaryen")
            .and_then(|version| version.split('.').next().map(str::to_string))
            .map(|major| format!("version_{major}"))
            .ok_or_else(|| format!("{} does not lock `binaryen`", path.display()))
    }

    /// A `[tools]` pin from `Trunk.toml` (such as `wasm_opt`), if the file sets one.
    pub fn trunk_tool_pin(&self, key: &str) -> Option<String> {
        let text = fs::read_to_string(self.root.join("Trunk.toml")).ok()?;
        toml_section_value(&text, "tools", key)
    }
}

/// Cargo's home folder (`$CARGO_HOME`, default `~/.cargo`).
pub fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// Cargo's folder of installed binaries (`$CARGO_HOME/bin`, default `~/.cargo/bin`).
pub fn cargo_bin_dir() -> PathBuf {
    cargo_home().join("bin")
}

/// Reads a text file, naming it in the error.
pub fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

/// Versions of the package `name` in a `Cargo.lock`, in file order.
fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current_name: Option<String> = None;
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            current_name = None;
        } else if let Some(value) = toml_string(line, "name") {
            current_name = Some(value);
        } else if let Some(value) = toml_string(line, "version") {
            if current_name.as_deref() == Some(name) {
                versions.push(value);
            }
        }
    }
    versions
}

/// The value of a `key = "value"` line, if `line` is one.
fn toml_string(line: &str, key: &str) -> Option<String> {
    let (left, right) = line.split_once('=')?;
    if left.trim() != key {
        return None;
    }
    let value = right.trim().strip_prefix('"')?;
    Some(value[..value.find('"')?].to_string())
}

/// The string value of `key` in the `[section]` table of a simple TOML file.
fn toml_section_value(text: &str, section: &str, key: &str) -> Option<String> {
    let header = format!("[{section}]");
    let mut inside = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            inside = line == header;
        } else if inside {
            if let Some(value) = toml_string(line, key) {
                return Some(value);
            }
        }
    }
    None
}

/// The version of `node_modules/<name>` in an npm lockfile (v2 or v3).
fn npm_locked_version(lock: &str, name: &str) -> Option<String> {
    let entry = format!("\"node_modules/{name}\"");
    let start = lock.find(&entry)? + entry.len();
    let rest = &lock[start..];
    let field = rest.find("\"version\"")? + "\"version\"".len();
    let rest = rest[field..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wasm_bindgen_from_cargo_lock() {
        let lock = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://example.invalid/index"

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.80"
"#;
        assert_eq!(locked_versions(lock, "wasm-bindgen"), ["0.2.130"]);
        assert_eq!(locked_versions(lock, "wasm-bindgen-futures"), ["0.4.80"]);
        assert!(locked_versions(lock, "yew").is_empty());
    }

    #[test]
    fn reads_trunk_tool_pins() {
        let toml = r#"
[build]
target = "index.html"

[tools]
# wasm-opt from .tools
wasm_opt = "version_132"   # keep in step with xtask/tools
"#;
        assert_eq!(
            toml_section_value(toml, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_section_value(toml, "tools", "wasm_bindgen"), None);
        assert_eq!(toml_section_value(toml, "build", "wasm_opt"), None);
    }

    #[test]
    fn reads_npm_locked_version() {
        let lock = r#"{
  "packages": {
    "": { "dependencies": { "binaryen": "132.0.0" } },
    "node_modules/binaryen": {
      "version": "132.0.0",
      "license": "Apache-2.0"
    }
  }
}"#;
        assert_eq!(
            npm_locked_version(lock, "binaryen").as_deref(),
            Some("132.0.0")
        );
        assert_eq!(npm_locked_version(lock, "playwright-core"), None);
    }

    #[test]
    fn reads_the_crate_version() {
        let version = Project::locate().package_version().unwrap();
        assert_eq!(version.split('.').count(), 3, "{version}");
    }

    #[test]
    fn committed_tool_lockfile_pins_binaryen() {
        let version = Project::locate().locked_wasm_opt().unwrap();
        assert!(version.starts_with("version_"), "{version}");
    }
}
