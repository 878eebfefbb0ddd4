//! Queries and progress codes in the `application/x-www-form-urlencoded` format, written out
//! here: the `form_urlencoded` crate cost the wasm about 3 KB (its 768-byte table included).
//! It reads and writes exactly what that crate does; the tests compare the two.

/// The name-value pairs of a query (without its `?`), decoded; empty pairs are skipped.
pub fn parse(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
}

/// A name or value decoded: `+` is a space and `%XX` a byte (any other `%` stays); bytes that
/// don't make UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes().iter();
    while let Some(&byte) = rest.next() {
        bytes.push(match byte {
            b'+' => b' ',
            b'%' => {
                let after = rest.as_slice();
                match (after.first().and_then(hex), after.get(1).and_then(hex)) {
                    (Some(high), Some(low)) => {
                        rest.nth(1);
                        (high << 4) | low
                    }
                    _ => b'%',
                }
            }
            byte => byte,
        });
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The value of a hex digit.
fn hex(digit: &u8) -> Option<u8> {
    char::from(*digit).to_digit(16).map(|value| value as u8)
}

/// `text` as a query name or value: ASCII letters, digits and `*-._` as they are, a space as
/// `+`, every other byte as `%XX`.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        match byte {
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                encoded.push(char::from(byte));
            }
            b' ' => encoded.push('+'),
            _ => {
                encoded.push('%');
                encoded.push(char::from(HEX[usize::from(byte >> 4)]));
                encoded.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
    encoded
}

/// A query of `pairs`, each name and value encoded.
pub fn serialize<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_queries() {
        let pairs: Vec<_> =
            parse("feed=a%20b.json&&level=mild&kinds=cast%2Crelease&x&y=1=2&z=%E2%9C%93+ok")
                .collect();
        let expected = [
            ("feed", "a b.json"),
            ("level", "mild"),
            ("kinds", "cast,release"),
            ("x", ""),
            ("y", "1=2"),
            ("z", "✓ ok"),
        ];
        assert_eq!(
            pairs,
            expected.map(|(name, value)| (name.to_owned(), value.to_owned()))
        );
        assert_eq!(decode("100%+%zz%4"), "100% %zz%4");
        assert_eq!(decode("%FF%2b"), "\u{FFFD}+");
        assert_eq!(
            encode("Stranger Things: S4 & more/✓*-._"),
            "Stranger+Things%3A+S4+%26+more%2F%E2%9C%93*-._"
        );
        assert_eq!(
            serialize([("feed", "a b"), ("embed", "1")]),
            "feed=a+b&embed=1"
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text rich in what the format treats specially: `%` with or without hex digits, `+`,
    /// `&`, `=`, and bytes that aren't ASCII.
    fn query_text() -> impl Strategy<Value = String> {
        "(%[0-9A-Fa-fGg]{0,2}|%[89A-Fa-f][0-9A-Fa-f]|[+&= a-z*._~-]|é|✓|\u{1F600})*"
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn parse_reads_as_form_urlencoded_does(query in query_text()) {
            let theirs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect();
            prop_assert_eq!(parse(&query).collect::<Vec<_>>(), theirs);
        }

        #[test]
        fn encode_writes_as_form_urlencoded_does(text in any::<String>()) {
            let theirs: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
            prop_assert_eq!(encode(&text), theirs);
        }

        #[test]
        fn serialize_writes_as_form_urlencoded_does(pairs in prop::collection::vec((any::<String>(), query_text()), 0..4)) {
            let mut theirs = form_urlencoded::Serializer::new(String::new());
            for (name, value) in &pairs {
                theirs.append_pair(name, value);
            }
            prop_assert_eq!(
                serialize(pairs.iter().map(|(name, value)| (name.as_str(), value.as_str()))),
                theirs.finish()
            );
        }
    }
}
