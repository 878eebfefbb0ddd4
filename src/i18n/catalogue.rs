//! A catalogue: one language's words, read from its file in the i18next JSON convention.
//! The file is one flat object from key to text. A key is the [`Msg`]'s name in snake case
//! (`Msg::NewUpdates` is `new_updates`); a message with a count has one key per plural form
//! its language uses, the CLDR category after an underscore (`new_updates_one`,
//! `new_updates_other`, `new_updates_few`…). Placeholders are `{name}`; `{n}` is the count.

use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::Deserialize;
use serde_json::Value;
use strum::EnumCount;

use super::{Msg, Plural};

/// The forms of one message: a plain text is one `Other` form.
pub type Forms = [(Plural, Box<str>)];

/// One language's words, owned: read from its file.
#[derive(Debug)]
pub struct Catalogue {
    /// The BCP 47 tag it is for (`de`, `pt-BR`), its file's name.
    pub code: &'static str,
    /// The forms of each message, by the [`Msg`]'s number (empty when the file lacks it).
    entries: Vec<Vec<(Plural, Box<str>)>>,
}

/// A catalogue file read, with the keys it has that name no message (a file newer than the
/// widget, or a misspelt key: they are left out, and the completeness test lists them).
#[derive(Debug)]
pub struct Parsed {
    /// The words.
    pub catalogue: Catalogue,
    /// The keys that name no message or plural form of one.
    pub unknown: Vec<String>,
}

impl Catalogue {
    /// Reads the catalogue file `json` of the language `code`; an error when it isn't a JSON
    /// object of strings.
    pub fn parse(code: &'static str, json: &str) -> Result<Parsed, serde_json::Error> {
        // Read as a JSON value, the reader the feed's JSON goes through too.
        let texts = match serde_json::from_str(json)? {
            Value::Object(texts) => texts,
            _ => return Err(serde::de::Error::custom("a catalogue is one object")),
        };
        let mut entries = vec![Vec::new(); Msg::COUNT];
        let mut unknown = Vec::new();
        for (key, text) in texts {
            let Value::String(text) = text else {
                return Err(serde::de::Error::custom(format!("{key} isn't a text")));
            };
            // A whole key first: `kind_other` is a message of its own, not a plural form.
            let found = message(&key).map(|msg| (msg, Plural::Other)).or_else(|| {
                let (stem, form) = key.rsplit_once('_')?;
                Some((message(stem)?, Plural::from_suffix(form)?))
            });
            match found {
                Some((msg, form)) => entries[msg as usize].push((form, text.into_boxed_str())),
                None => unknown.push(key),
            }
        }
        unknown.sort();
        Ok(Parsed {
            catalogue: Catalogue { code, entries },
            unknown,
        })
    }

    /// The forms of `msg`, if this catalogue has it.
    pub fn forms(&self, msg: Msg) -> Option<&Forms> {
        self.entries
            .get(msg as usize)
            .filter(|forms| !forms.is_empty())
            .map(Vec::as_slice)
    }
}

/// The message a key names (`new_updates`), if any.
fn message(key: &str) -> Option<Msg> {
    Msg::deserialize(StrDeserializer::<ValueError>::new(key)).ok()
}
