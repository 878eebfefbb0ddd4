//! Short import and export names for the release wasm and its glue.
//!
//! wasm-bindgen names each import after its JS function plus a 16-digit hash
//! (`__wbg_createElement_8c9931a732ee2fea`) and each closure export after the closure's Rust
//! types. Every name is written twice, in the wasm and in the glue, and gzip can't shrink the
//! hashes: together 5 KB of the download. [`shorten`] renames them `a`, `b`, … in both files,
//! as emscripten does for its own output. Names nothing in the glue uses are renamed too;
//! the glue's own exports (`mountPage`, …) keep their names, so embedders' imports work
//! as before. Only the raw wasm exports that the glue's `init` returns are renamed: nothing
//! of the widget's documented interface reads them.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use crate::cmd::Result;
use crate::project::read;

/// Renames the imports the wasm at `wasm` takes from the glue at `glue` (imports of the
/// module `module`, as the glue names it), and the wasm's exports, in both files.
pub fn shorten(wasm: &Path, glue: &Path, module: &str) -> Result {
    let bytes = fs::read(wasm).map_err(|err| format!("cannot read {}: {err}", wasm.display()))?;
    let renamed = rename_wasm(&bytes, module).map_err(|err| {
        format!(
            "{}: {err} (wasm-bindgen's output changed shape?)",
            wasm.display()
        )
    })?;
    let script = rename_glue(&read(glue)?, module, &renamed)
        .map_err(|err| format!("{}: {err}", glue.display()))?;
    fs::write(wasm, &renamed.wasm)
        .map_err(|err| format!("cannot write {}: {err}", wasm.display()))?;
    fs::write(glue, script).map_err(|err| format!("cannot write {}: {err}", glue.display()))?;
    Ok(())
}

/// The module name the glue's imports get in place of `./<name>_bg.js`.
const SHORT_MODULE: &str = "a";

/// The rewritten wasm and what was renamed in it.
struct Renamed {
    wasm: Vec<u8>,
    /// Import name → short name, for the imports of the glue's module.
    imports: HashMap<String, String>,
    /// Export name → short name.
    exports: HashMap<String, String>,
}

/// The `n`th short name: `a`…`Z`, then `aa`, `ab`, …; valid JS identifiers.
fn short_name(mut n: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";
    let mut name = vec![FIRST[n % FIRST.len()]];
    n /= FIRST.len();
    while n > 0 {
        n -= 1;
        name.push(REST[n % REST.len()]);
        n /= REST.len();
    }
    String::from_utf8(name).expect("ASCII")
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// Rewrites the import and export sections of a wasm binary; every other section is copied
/// as it is.
fn rename_wasm(bytes: &[u8], module: &str) -> std::result::Result<Renamed, String> {
    let mut input = Reader { bytes, at: 0 };
    let header = input.take(8)?;
    if header != b"\0asm\x01\0\0\0" {
        return Err("not a wasm module (version 1)".into());
    }
    let mut renamed = Renamed {
        wasm: header.to_vec(),
        imports: HashMap::new(),
        exports: HashMap::new(),
    };
    while input.at < bytes.len() {
        let id = input.byte()?;
        let size = input.u32()? as usize;
        let payload = input.take(size)?;
        let payload = match id {
            IMPORT_SECTION => rename_imports(payload, module, &mut renamed.imports)?,
            EXPORT_SECTION => rename_exports(payload, &mut renamed.exports)?,
            _ => payload.to_vec(),
        };
        renamed.wasm.push(id);
        write_u32(&mut renamed.wasm, payload.len());
        renamed.wasm.extend_from_slice(&payload);
    }
    Ok(renamed)
}

fn rename_imports(
    payload: &[u8],
    module: &str,
    names: &mut HashMap<String, String>,
) -> std::result::Result<Vec<u8>, String> {
    rewrite_entries(payload, |input, output| {
        let from = input.name()?;
        let name = input.name()?;
        let description = input.import_description()?;
        if from == module {
            let short = short_name(names.len());
            if names.insert(name.to_owned(), short.clone()).is_some() {
                return Err(format!("the import {name} appears twice"));
            }
            write_name(output, SHORT_MODULE);
            write_name(output, &short);
        } else {
            write_name(output, from);
            write_name(output, name);
        }
        output.extend_from_slice(description);
        Ok(())
    })
}

fn rename_exports(
    payload: &[u8],
    names: &mut HashMap<String, String>,
) -> std::result::Result<Vec<u8>, String> {
    rewrite_entries(payload, |input, output| {
        let name = input.name()?;
        let kind = input.byte()?;
        let index = input.u32()?;
        let short = short_name(names.len());
        write_name(output, &short);
        names.insert(name.to_owned(), short);
        output.push(kind);
        write_u32(output, index as usize);
        Ok(())
    })
}

/// Rewrites a section that is a vector of entries, one entry at a time.
fn rewrite_entries<'a>(
    payload: &'a [u8],
    mut entry: impl FnMut(&mut Reader<'a>, &mut Vec<u8>) -> std::result::Result<(), String>,
) -> std::result::Result<Vec<u8>, String> {
    let mut input = Reader {
        bytes: payload,
        at: 0,
    };
    let count = input.u32()?;
    let mut output = Vec::with_capacity(payload.len());
    write_u32(&mut output, count as usize);
    for _ in 0..count {
        entry(&mut input, &mut output)?;
    }
    input.end()?;
    Ok(output)
}

/// Applies the new names to the glue: import names where the glue defines them (each
/// exactly once), export names where it reads them from the instance (`wasm.name`).
fn rename_glue(glue: &str, module: &str, renamed: &Renamed) -> std::result::Result<String, String> {
    let module_key = format!("\"{module}\":");
    if glue.matches(&module_key).count() != 1 {
        return Err(format!("expected one {module_key} in the glue"));
    }
    let glue = glue.replace(&module_key, &format!("\"{SHORT_MODULE}\":"));
    let mut output = String::with_capacity(glue.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut rest = glue.as_str();
    while let Some(start) = rest.find(is_identifier_char) {
        output.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(|c| !is_identifier_char(c)).unwrap_or(rest.len());
        let word = &rest[..end];
        let read_from_instance =
            output.ends_with("wasm.") && !output[..output.len() - 5].ends_with(is_identifier_char);
        match (
            renamed.exports.get(word).filter(|_| read_from_instance),
            renamed.imports.get(word),
        ) {
            (Some(short), _) => output.push_str(short),
            (None, Some(short)) => {
                *seen.entry(word).or_default() += 1;
                output.push_str(short);
            }
            (None, None) => output.push_str(word),
        }
        rest = &rest[end..];
    }
    output.push_str(rest);
    for name in renamed.imports.keys() {
        let times = seen.get(name.as_str()).copied().unwrap_or(0);
        if times != 1 {
            return Err(format!("the import {name} is defined {times} times"));
        }
    }
    // Exports read any other way than `wasm.name` would be missed: the glue has none.
    for name in renamed.exports.keys() {
        if output.contains(&format!("\"{name}\"")) || output.contains(&format!("'{name}'")) {
            return Err(format!("the export {name} is read by a quoted name"));
        }
    }
    Ok(output)
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// A cursor over a wasm binary.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> std::result::Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or("truncated")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> std::result::Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned LEB128 number.
    fn u32(&mut self) -> std::result::Result<u32, String> {
        let mut value: u64 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| "number out of range".into());
            }
        }
        Err("number too long".into())
    }

    fn name(&mut self) -> std::result::Result<&'a str, String> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| "a name is not UTF-8".into())
    }

    /// What an import is (function, table, memory, global or tag), returned as it is written.
    fn import_description(&mut self) -> std::result::Result<&'a [u8], String> {
        let start = self.at;
        match self.byte()? {
            // A function, or a tag: its type's index (a tag after an attribute byte).
            0x00 => {
                self.u32()?;
            }
            0x04 => {
                self.byte()?;
                self.u32()?;
            }
            // A table: a reference type that is one byte (funcref, externref), then limits.
            0x01 => {
                let reference = self.byte()?;
                if !matches!(reference, 0x70 | 0x6f) {
                    return Err(format!("a table of type {reference:#x}"));
                }
                self.limits()?;
            }
            0x02 => self.limits()?,
            // A global: a one-byte value type, then mutability.
            0x03 => {
                let value = self.byte()?;
                if !matches!(value, 0x7f | 0x7e | 0x7d | 0x7c | 0x7b | 0x70 | 0x6f) {
                    return Err(format!("a global of type {value:#x}"));
                }
                self.byte()?;
            }
            kind => return Err(format!("an import of kind {kind:#x}")),
        }
        Ok(&self.bytes[start..self.at])
    }

    fn limits(&mut self) -> std::result::Result<(), String> {
        let flags = self.byte()?;
        if flags & !0x07 != 0 {
            return Err(format!("limits with flags {flags:#x}"));
        }
        // 64-bit limits are LEB128 too; u32 is enough for the sizes wasm-bindgen imports.
        self.u32()?;
        if flags & 0x01 != 0 {
            self.u32()?;
        }
        Ok(())
    }

    fn end(&self) -> std::result::Result<(), String> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err("a section is longer than its entries".into())
        }
    }
}

fn write_u32(output: &mut Vec<u8>, value: usize) {
    let mut value = value;
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            output.push(byte);
            return;
        }
        output.push(byte | 0x80);
    }
}

fn write_name(output: &mut Vec<u8>, name: &str) {
    write_u32(output, name.len());
    output.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..5000).map(short_name).collect();
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(names[0], "a");
        assert_eq!(names[52], "aa");
        assert!(names.iter().all(
            |name| !name.as_bytes()[0].is_ascii_digit() && name.chars().all(is_identifier_char)
        ));
    }

    /// A module importing `f_1234` from the glue and `g` from elsewhere, exporting a
    /// function as `run_closure` and its memory.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_u32(&mut imports, 2);
        for (from, name) in [("./w_bg.js", "f_1234"), ("./snippet.js", "g")] {
            write_name(&mut imports, from);
            write_name(&mut imports, name);
            imports.extend_from_slice(&[0x00, 0x00]);
        }
        let mut exports = Vec::new();
        write_u32(&mut exports, 2);
        write_name(&mut exports, "run_closure");
        exports.extend_from_slice(&[0x00, 0x02]);
        write_name(&mut exports, "memory");
        exports.extend_from_slice(&[0x02, 0x00]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section (one `() -> ()`), copied as it is.
        wasm.extend_from_slice(&[0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        for (id, payload) in [(IMPORT_SECTION, imports), (EXPORT_SECTION, exports)] {
            wasm.push(id);
            write_u32(&mut wasm, payload.len());
            wasm.extend_from_slice(&payload);
        }
        wasm
    }

    #[test]
    fn the_glues_imports_and_all_exports_are_renamed_in_both_files() {
        let renamed = rename_wasm(&module(), "./w_bg.js").unwrap();
        let wasm = &renamed.wasm;
        let contains = |needle: &[u8]| wasm.windows(needle.len()).any(|w| w == needle);
        assert!(!contains(b"f_1234") && !contains(b"run_closure") && !contains(b"./w_bg.js"));
        assert!(contains(b"./snippet.js") && contains(b"\x01g"));
        // Sections copied or rewritten keep the module well formed.
        assert_eq!(rename_wasm(wasm, "a").unwrap().wasm.len(), wasm.len());

        let glue = "function i(){const i={f_1234:function(){wasm.run_closure()}};\
                    return{\"./w_bg.js\":i}}export function run_closure(){wasm.memory}";
        let out = rename_glue(glue, "./w_bg.js", &renamed).unwrap();
        assert_eq!(
            out,
            "function i(){const i={a:function(){wasm.a()}};\
             return{\"a\":i}}export function run_closure(){wasm.b}"
        );
    }

    #[test]
    fn a_glue_that_does_not_match_the_wasm_is_refused() {
        let renamed = rename_wasm(&module(), "./w_bg.js").unwrap();
        let missing = "return{\"./w_bg.js\":{}}";
        assert!(rename_glue(missing, "./w_bg.js", &renamed).is_err());
        let quoted = "return{\"./w_bg.js\":{f_1234(){}}};x[\"run_closure\"]";
        assert!(rename_glue(quoted, "./w_bg.js", &renamed).is_err());
        assert!(rename_wasm(b"\0asm\x02\0\0\0", "./w_bg.js").is_err());
    }
}
