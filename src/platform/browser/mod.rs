//! The browser side, split by job.

pub mod clipboard;
pub mod crash;
pub mod decode;
pub mod fetch;
pub mod format;
pub mod schedule;
pub mod storage;
pub mod text;
pub mod words;
pub mod xml;
pub mod zone;

pub use clipboard::copy_text;
pub use crash::install_crash_card;
pub use decode::decode;
pub use fetch::{hand_over_prefetch, load_feed};
pub use format::{day, exact_date, local_time, number, plural, relative_date, weekday};
pub use schedule::{after_paint, every, now, when_idle, DRAWS_FRAMES};
pub use storage::{
    offline_copy, on_progress_change, on_shared_change, store_prefs, store_progress, store_shared,
    stored_prefs, stored_progress, stored_shared,
};
pub use text::strip_accents;
pub use words::{catalogue_url, known_words, load_words, set_catalogue_folder, set_catalogue_urls};
pub use xml::parse_xml;
pub use zone::end_of_day;
