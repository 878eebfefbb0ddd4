//! `cargo xtask package`: the npm package `spoilerfeed` in `pkg/`, from the release bundle in
//! `dist/` and the hand-written files in `npm/`.
//!
//! `npm/package.json` is the manifest with the version left as `0.0.0`; its `files` list is
//! what `pkg/` gets, each from `npm/`, `dist/` or the repository root (the licenses), except
//! `THIRD-PARTY-LICENSES.md`, written from `cargo metadata`. `npm pack pkg` makes the tarball.
//! It holds the fans' files only: the site owner's tools page (`tools.html`) is not shipped.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cmd::{Cmd, Result};
use crate::project::{read, Project};
use crate::tools::WASM_TARGET;

/// The version the manifest in `npm/` holds in place of the real one.
const VERSION_PLACEHOLDER: &str = "\"version\": \"0.0.0\"";

/// The generated list of the Rust crates in the wasm.
const THIRD_PARTY: &str = "THIRD-PARTY-LICENSES.md";

/// Writes `pkg/` from an already built `dist/`.
pub fn assemble(project: &Project) -> Result {
    let version = project.package_version()?;
    let template = read(&project.npm_dir().join("package.json"))?;
    let manifest = manifest(&template, &version)?;
    let parsed: Value = serde_json::from_str(&manifest)
        .map_err(|err| format!("npm/package.json is not valid JSON: {err}"))?;
    let files = string_list(&parsed, "files")?;

    let pkg = project.pkg();
    if pkg.exists() {
        fs::remove_dir_all(&pkg)
            .map_err(|err| format!("cannot remove {}: {err}", pkg.display()))?;
    }
    fs::create_dir_all(&pkg).map_err(|err| format!("cannot create {}: {err}", pkg.display()))?;
    write(&pkg.join("package.json"), &manifest)?;
    copy(&project.npm_dir().join("README.md"), &pkg.join("README.md"))?;
    for name in &files {
        let to = pkg.join(name);
        if name == THIRD_PARTY {
            write(&to, &third_party_licenses(project)?)?;
            continue;
        }
        // The root holds the sources of some bundle files too: only the licenses come from it.
        let root = name
            .starts_with("LICENSE")
            .then(|| project.root().to_path_buf());
        // A folder of the bundle (the catalogue files of i18n/) is copied whole.
        let folder = project.dist().join(name);
        if folder.is_dir() {
            copy_folder(&folder, &to)?;
            continue;
        }
        let from = [Some(project.npm_dir()), Some(project.dist()), root]
            .into_iter()
            .flatten()
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
            .ok_or_else(|| {
                format!(
                    "`{name}` (in the `files` of npm/package.json) is in neither npm/ nor \
                     dist/: build the bundle first (cargo xtask build)"
                )
            })?;
        copy(&from, &to)?;
    }
    for target in export_targets(&parsed)? {
        if !pkg.join(&target).is_file() {
            return Err(format!(
                "npm/package.json exports `{target}`, which the package doesn't have"
            ));
        }
    }
    println!("package: spoilerfeed {version} written to pkg/ (npm pack pkg makes the tarball)");
    Ok(())
}

/// The manifest: the template with the crate's version.
fn manifest(template: &str, version: &str) -> Result<String> {
    if template.matches(VERSION_PLACEHOLDER).count() != 1 {
        return Err(format!(
            "npm/package.json must hold {VERSION_PLACEHOLDER} once (the version comes from Cargo.toml)"
        ));
    }
    let version = serde_json::to_string(version).map_err(|err| err.to_string())?;
    Ok(template.replace(VERSION_PLACEHOLDER, &format!("\"version\": {version}")))
}

/// The strings of the array `key` of a JSON object.
fn string_list(json: &Value, key: &str) -> Result<Vec<String>> {
    json.get(key)
        .and_then(Value::as_array)
        .and_then(|items| {
            items
                .iter()
                .map(|item| item.as_str().map(str::to_string))
                .collect()
        })
        .ok_or_else(|| format!("npm/package.json has no `{key}` list of strings"))
}

/// Every file the manifest's `exports` points to, as paths inside the package.
fn export_targets(json: &Value) -> Result<Vec<String>> {
    fn collect(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(path) => out.push(path.trim_start_matches("./").to_string()),
            Value::Object(map) => map.values().for_each(|value| collect(value, out)),
            _ => {}
        }
    }
    let exports = json
        .get("exports")
        .ok_or("npm/package.json has no `exports`")?;
    let mut targets = Vec::new();
    collect(exports, &mut targets);
    Ok(targets)
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|err| format!("cannot copy {} to {}: {err}", from.display(), to.display()))
}

/// Copies the files of the folder `from` (not its subfolders) into a new folder `to`.
fn copy_folder(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|err| format!("cannot create {}: {err}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|err| format!("cannot read {}: {err}", from.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|err| format!("cannot read {}: {err}", from.display()))?
            .path();
        if let (true, Some(name)) = (path.is_file(), path.file_name()) {
            copy(&path, &to.join(name))?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

/// One crate of the wasm's dependency graph.
struct Crate {
    name: String,
    version: String,
    license: String,
    repository: Option<String>,
    dir: PathBuf,
}

/// The crates `spoilerfeed` depends on for wasm32 (normal dependencies, followed through
/// every crate but procedural macros, which run only at build time), by name and version.
fn wasm_crates(project: &Project) -> Result<Vec<Crate>> {
    let output = Cmd::new("cargo")
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", WASM_TARGET])
        .dir(project.root())
        .probe()
        .ok_or("`cargo metadata` failed")?;
    let metadata: Value =
        serde_json::from_str(&output).map_err(|err| format!("cargo metadata: {err}"))?;
    let packages: BTreeMap<&str, &Value> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|package| Some((package["id"].as_str()?, package)))
        .collect();
    let nodes: BTreeMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|node| Some((node["id"].as_str()?, node)))
        .collect();
    let root = packages
        .iter()
        .find(|(_, package)| package["name"] == "spoilerfeed")
        .map(|(id, _)| *id)
        .ok_or("cargo metadata lists no `spoilerfeed`")?;

    let is_proc_macro = |package: &Value| {
        package["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|target| {
                target["kind"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|kind| kind == "proc-macro")
            })
    };
    let mut seen = BTreeSet::from([root]);
    let mut pending = vec![root];
    while let Some(id) = pending.pop() {
        let deps = nodes.get(id).and_then(|node| node["deps"].as_array());
        for dep in deps.into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|kind| kind["kind"].is_null());
            let Some(dep_id) = dep["pkg"].as_str() else {
                continue;
            };
            let Some(package) = packages.get(dep_id) else {
                continue;
            };
            if normal && !is_proc_macro(package) && seen.insert(dep_id) {
                pending.push(dep_id);
            }
        }
    }
    seen.remove(root);
    let text = |package: &Value, key: &str| package[key].as_str().map(str::to_string);
    let mut crates: Vec<Crate> = seen
        .into_iter()
        .filter_map(|id| packages.get(id))
        .map(|package| Crate {
            name: text(package, "name").unwrap_or_default(),
            version: text(package, "version").unwrap_or_default(),
            license: text(package, "license")
                .unwrap_or_else(|| "(see the crate's license file)".to_string()),
            repository: text(package, "repository"),
            dir: text(package, "manifest_path")
                .map(PathBuf::from)
                .and_then(|path| path.parent().map(Path::to_path_buf))
                .unwrap_or_default(),
        })
        .collect();
    crates.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    Ok(crates)
}

/// Whether `text` is the Apache License 2.0 itself (shipped once, as LICENSE-APACHE).
fn is_apache_text(text: &str) -> bool {
    text.contains("Apache License") && text.contains("TERMS AND CONDITIONS FOR USE")
}

/// The license and notice files at the top of a crate's folder, by name.
fn license_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let upper = name.to_ascii_uppercase();
            let wanted = ["LICENSE", "LICENCE", "COPYING", "NOTICE", "UNLICENSE"]
                .iter()
                .any(|prefix| upper.starts_with(prefix));
            let text = fs::read_to_string(entry.path()).ok()?;
            wanted.then_some((name, text))
        })
        .collect();
    files.sort();
    files
}

/// `THIRD-PARTY-LICENSES.md`: the crates the wasm is built from, each with its license and
/// its license and notice files (the Apache License's text itself is LICENSE-APACHE).
fn third_party_licenses(project: &Project) -> Result<String> {
    let crates = wasm_crates(project)?;
    let mut out = String::from(
        "# Third-party licenses\n\n\
         `spoilerfeed_bg.wasm` and its glue `spoilerfeed.js` (generated by wasm-bindgen) are \
         built from spoilerfeed's own code and these Rust crates: every crate spoilerfeed \
         depends on for `wasm32-unknown-unknown`, with the crates they depend on (procedural \
         macros, which run only while building, left out). The linker drops what the widget \
         doesn't use, so some of them may add nothing to the module. Each is used under the \
         license its Cargo manifest names, below; where that is a choice (`OR`), under any of \
         them. The license and notice files of each crate follow the table; the text of the \
         Apache License 2.0 is `LICENSE-APACHE`.\n\n\
         | crate | version | license | source |\n|---|---|---|---|\n",
    );
    for krate in &crates {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            krate.name,
            krate.version,
            krate.license.replace('|', "\\|"),
            krate.repository.as_deref().unwrap_or("crates.io")
        ));
    }
    for krate in &crates {
        out.push_str(&format!("\n## {} {}\n", krate.name, krate.version));
        let files = license_files(&krate.dir);
        if files.is_empty() {
            out.push_str(&format!(
                "\nThe crate ships no license file; its manifest names {}.\n",
                krate.license
            ));
        }
        for (name, text) in files {
            if is_apache_text(&text) {
                out.push_str(&format!(
                    "\n{name}: the Apache License 2.0 (LICENSE-APACHE).\n"
                ));
            } else {
                out.push_str(&format!("\n{name}:\n\n```text\n{}\n```\n", text.trim_end()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_takes_the_crate_version() {
        let template =
            "{\n  \"name\": \"spoilerfeed\",\n  \"version\": \"0.0.0\",\n  \"files\": []\n}\n";
        let written = manifest(template, "1.2.3-beta.1").unwrap();
        let json: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(json["version"], "1.2.3-beta.1");
        assert_eq!(json["name"], "spoilerfeed");
        assert!(manifest("{\"version\": \"1.0.0\"}", "1.2.3").is_err());
    }

    #[test]
    fn committed_manifest_exports_what_it_ships() {
        let project = Project::locate();
        let template = read(&project.npm_dir().join("package.json")).unwrap();
        let json: Value = serde_json::from_str(&manifest(&template, "0.1.0").unwrap()).unwrap();
        let files = string_list(&json, "files").unwrap();
        for target in export_targets(&json).unwrap() {
            assert!(
                target == "package.json" || files.contains(&target),
                "`{target}` is exported but not in `files`"
            );
        }
        // TypeScript takes the first condition that matches, in the file's order: `types`
        // must come before `default`.
        let exports = &template[template.find("\"exports\"").unwrap()..];
        assert!(exports.find("\"types\"") < exports.find("\"default\""));
        for side_effect in string_list(&json, "sideEffects").unwrap() {
            assert!(files.contains(&side_effect.trim_start_matches("./").to_string()));
        }
    }

    #[test]
    fn the_package_holds_the_fans_files_not_the_site_owners_tools() {
        let project = Project::locate();
        let template = read(&project.npm_dir().join("package.json")).unwrap();
        let json: Value = serde_json::from_str(&manifest(&template, "0.1.0").unwrap()).unwrap();
        let files = string_list(&json, "files").unwrap();
        for fans in [
            "spoiler-feed.js",
            "spoilerfeed_bg.wasm",
            "index.html",
            "loader.js",
        ] {
            assert!(files.iter().any(|file| file == fans), "{fans}");
        }
        let tools: Vec<&String> = files.iter().filter(|file| file.contains("tools")).collect();
        assert!(tools.is_empty(), "{tools:?}");
    }

    #[test]
    fn third_party_list_has_the_wasm_crates_only() {
        let crates = wasm_crates(&Project::locate()).unwrap();
        let names: Vec<&str> = crates.iter().map(|krate| krate.name.as_str()).collect();
        for wanted in ["yew", "serde_json", "chrono", "wasm-bindgen", "talc"] {
            assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
        }
        // Native-only, dev-only and build-time crates are not in the wasm.
        for unwanted in [
            "spoilerfeed",
            "proptest",
            "wasm-bindgen-test",
            "serde_derive",
        ] {
            assert!(!names.contains(&unwanted), "{unwanted} listed");
        }
        assert!(crates.iter().all(|krate| !krate.license.is_empty()));
    }
}
