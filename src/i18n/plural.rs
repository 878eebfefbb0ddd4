//! Plural categories and what the platform tells about a language's numbers ([`Locale`]),
//! and the choice of a message's form for a count.

use super::Forms;

/// A CLDR plural category, as `Intl.PluralRules` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// "zero".
    Zero,
    /// "one".
    One,
    /// "two".
    Two,
    /// "few".
    Few,
    /// "many".
    Many,
    /// "other", the form every plural message has.
    Other,
}

impl Plural {
    /// The category for a CLDR keyword; anything else is "other".
    pub fn from_key(key: &str) -> Plural {
        Plural::from_suffix(key).unwrap_or(Plural::Other)
    }

    /// The category a catalogue key ends with (`one` of `new_updates_one`), if it is one.
    pub fn from_suffix(key: &str) -> Option<Plural> {
        Some(match key {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            "other" => Plural::Other,
            _ => return None,
        })
    }
}

/// What a language's numbers and plurals are, from the platform.
#[derive(Clone, Copy, Debug)]
pub struct Locale {
    /// The plural category of a count in the language of a BCP 47 tag.
    pub plural: fn(&str, usize) -> Plural,
    /// A count written in the language of a BCP 47 tag.
    pub number: fn(&str, usize) -> String,
}

/// English counts: "one" for 1, else "other" (CLDR's rule for whole numbers).
pub(super) fn english_plural(_: &str, count: usize) -> Plural {
    if count == 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

/// The form for `category`, else the "other" form.
pub(super) fn pick_form(forms: &'static Forms, category: Plural) -> &'static str {
    forms
        .iter()
        .find(|(form, _)| *form == category)
        .or_else(|| forms.iter().find(|(form, _)| *form == Plural::Other))
        .map_or("", |(_, text)| &**text)
}
