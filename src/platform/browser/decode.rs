//! Decoding a downloaded body with the browser's own `TextDecoder`, which knows every encoding
//! label of the WHATWG Encoding standard.

use web_sys::{TextDecoder, TextDecoderOptions};

use crate::feed::encoding::DecodeError;

/// Decodes `bytes` (a byte-order mark already removed) from the encoding `label` names; a
/// label the browser doesn't know, or a malformed sequence, is an error.
pub fn decode(bytes: &[u8], label: &str) -> Result<String, DecodeError> {
    let options = TextDecoderOptions::new();
    options.set_fatal(true);
    // The mark was skipped by the caller; a second one is text. (web-sys's options have no
    // setter for `ignoreBOM`.)
    let _ = js_sys::Reflect::set(&options, &"ignoreBOM".into(), &true.into());
    let decoder = TextDecoder::new_with_label_and_options(label, &options)
        .map_err(|_| DecodeError::UnknownLabel)?;
    decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| DecodeError::Malformed)
}
