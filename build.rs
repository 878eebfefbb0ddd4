//! Lists the catalogue files of `i18n/` for the crate: the wasm learns which languages are
//! shipped (so that a language without a file costs no request), and native builds (tests,
//! server-side rendering) get every file's text, as they fetch nothing. Adding a language is
//! adding its file.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .expect("the i18n/ folder of catalogue files")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json")
                .then(|| path.file_stem()?.to_str().map(str::to_owned))
                .flatten()
        })
        // English is compiled in on every platform, not fetched.
        .filter(|code| code != "en")
        .collect();
    codes.sort();
    let mut out = String::from(
        "/// The languages shipped as catalogue files besides English, by BCP 47 tag.\n\
         pub const LANGUAGES: &[&str] = &[",
    );
    for code in &codes {
        write!(out, "{code:?}, ").unwrap();
    }
    out.push_str(
        "];\n\n/// Each shipped catalogue file's text, for platforms that fetch nothing.\n\
        #[cfg(not(target_arch = \"wasm32\"))]\npub const FILES: &[(&str, &str)] = &[",
    );
    for code in &codes {
        let path = dir.join(format!("{code}.json"));
        write!(
            out,
            "({code:?}, include_str!({:?})), ",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("languages.rs");
    std::fs::write(target, out).unwrap();
}
