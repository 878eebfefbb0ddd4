//! Reading stored records tolerantly: serde helpers for the models kept in localStorage, so
//! that a record written by an earlier version, or edited by hand, keeps what can be read.
//!
//! Pure: the models that use them are tested natively with serde_json.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// A member that may be `null`: `null` reads as the default, as a member left out does.
pub fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A map whose entries are read one by one: an entry that can't be read is left out, and
/// the others are kept.
pub fn readable_entries<'de, D, T>(deserializer: D) -> Result<BTreeMap<String, T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    // Each value is kept as JSON until it is read, so that one that can't be read is skipped.
    let entries = BTreeMap::<String, serde_json::Value>::deserialize(deserializer)?;
    Ok(entries
        .into_iter()
        .filter_map(|(key, value)| Some((key, T::deserialize(value).ok()?)))
        .collect())
}
