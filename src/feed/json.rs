//! A small JSON reader and string writer, so that serde_json (about 30 KB of wasm with serde)
//! can leave the bundle.
//!
//! The reader keeps serde_json's behaviour where fans and tests see it: the same messages at
//! the same places (`<what> at line L column C`, columns counted in bytes), the same nesting
//! limit, numbers too large for a double refused. Strings without escapes are borrowed from the
//! document, numbers keep their text until read, and an object's members stay a list. A feed's
//! `items` are turned into items as they are read ([`Node::Items`]), member by member through
//! [`Reader`], so that no tree is built for an item.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use super::{parse_item, ReadItem};

/// A JSON value; strings borrow from the document when they hold no escapes.
pub(crate) enum Node<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number<'a>),
    /// A string.
    Str(Cow<'a, str>),
    /// A list.
    Array(Vec<Node<'a>>),
    /// An object.
    Object(Object<'a>),
    /// The feed's `items` list, read item by item: the readable items in feed order (in a
    /// `Cell`, for `parse` to take them out of the document), and how many could not be read.
    Items {
        read: Cell<Vec<ReadItem>>,
        unreadable: usize,
    },
}

/// An object's members in document order, each key (a [`Node::Str`]) followed by its value;
/// a repeated key's last value counts, as in serde_json.
pub(crate) struct Object<'a>(Vec<Node<'a>>);

impl<'a> Object<'a> {
    /// The member `key`, the last one if it is repeated.
    pub(crate) fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.0.chunks_exact(2).rev().find_map(|pair| match pair {
            [Node::Str(name), value] if name == key => Some(value),
            _ => None,
        })
    }
}

impl<'a> Node<'a> {
    /// The object, if this is one.
    pub(crate) fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Node::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The list, if this is one.
    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(list) => Some(list),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The number, if written as a whole number from 0 to `u64::MAX` (as serde_json's `as_u64`).
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Node::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    /// The number, to within a few units in the last place.
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(number) => Some(number.as_f64()),
            _ => None,
        }
    }
}

/// A number's text, checked to be JSON and within a double's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Number<'a>(&'a str);

impl Number<'_> {
    fn as_u64(self) -> Option<u64> {
        self.0.bytes().try_fold(0u64, |n, digit| {
            if !digit.is_ascii_digit() {
                return None;
            }
            n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
        })
    }

    /// The value to within a few units in the last place: `str::parse::<f64>` would be exact
    /// but brings a large float parser into the wasm, and the only reader wants a percentage.
    fn as_f64(self) -> f64 {
        let (negative, digits, point) = self.decimal();
        let used = digits.len().min(19);
        let significand = digits
            .bytes()
            .take(used)
            .fold(0u64, |n, digit| n * 10 + u64::from(digit - b'0'));
        let exponent = point - used as i64;
        // 10^|exponent| by squaring; past 400 it is 0 or infinity all the same.
        let (mut scale, mut power, mut rest) = (1.0f64, 10.0f64, exponent.unsigned_abs().min(400));
        while rest > 0 {
            if rest & 1 == 1 {
                scale *= power;
            }
            power *= power;
            rest >>= 1;
        }
        let value = if exponent < 0 {
            significand as f64 / scale
        } else {
            // In range (the reader checked), so rounding near the top must not make it infinite.
            (significand as f64 * scale).min(f64::MAX)
        };
        if negative {
            -value
        } else {
            value
        }
    }

    /// The sign, the significant digits (without leading or trailing zeros) and the decimal
    /// point's place: the value is `0.DIGITS × 10^point`.
    fn decimal(self) -> (bool, String, i64) {
        let mut digits = String::new();
        let (mut point, mut exponent) = (0i64, 0i64);
        let (mut fraction, mut in_exponent, mut shrinking) = (false, false, false);
        for byte in self.0.bytes() {
            match byte {
                b'.' => fraction = true,
                b'e' | b'E' => in_exponent = true,
                b'-' => shrinking = in_exponent,
                // Saturated: a longer exponent is out of range or zero either way.
                b'0'..=b'9' if in_exponent => {
                    exponent = (exponent * 10 + i64::from(byte - b'0')).min(1 << 40)
                }
                b'0' if digits.is_empty() => point -= i64::from(fraction),
                b'0'..=b'9' => {
                    digits.push(char::from(byte));
                    point += i64::from(!fraction);
                }
                _ => {}
            }
        }
        digits.truncate(digits.trim_end_matches('0').len());
        let exponent = if shrinking { -exponent } else { exponent };
        (self.0.starts_with('-'), digits, point + exponent)
    }

    /// Whether the value is too large for a double (serde_json's "number out of range").
    fn out_of_range(self) -> bool {
        // Below 10^300 without an exponent: the common case, decided without looking closer.
        if self.0.len() < 300 && !self.0.bytes().any(|byte| byte | 0x20 == b'e') {
            return false;
        }
        let (_, digits, point) = self.decimal();
        // f64::MAX is 1.7976931348623157e308; from about halfway to the next power of two up,
        // a number rounds to infinity.
        !digits.is_empty() && (point, digits.as_str()) >= (309, "17976931348623158")
    }
}

/// As serde_json prints a number: whole numbers that fit 64 bits as written, others the way it
/// prints a double (`1.5`, `100.0`, `1e+21`, `-0.0`), here from the written digits. The two
/// agree up to 15 significant digits, where a double holds the digits exactly and serde_json's
/// reading of them is exact (powers of ten up to 22); otherwise this keeps the digits as
/// written, where serde_json showed its rounding (`1.25e300` became `1.2499999999999999e+300`).
impl fmt::Display for Number<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let fits = match self.0.strip_prefix('-') {
            Some(magnitude) => Number(magnitude)
                .as_u64()
                .is_some_and(|n| (1..=1 << 63).contains(&n)),
            None => self.as_u64().is_some(),
        };
        if fits {
            return f.write_str(self.0);
        }
        let (negative, digits, point) = self.decimal();
        let mut out = String::from(if negative { "-" } else { "" });
        let zeros = |count: i64| "0".repeat(count as usize);
        // The power of ten of the first digit.
        let exponent = point - 1;
        let length = digits.len() as i64;
        if digits.is_empty() || point < -323 {
            // Zero, or below half the smallest double.
            out += "0.0";
        } else if !(-5..=15).contains(&exponent) {
            let (first, rest) = digits.split_at(1);
            out += first;
            if !rest.is_empty() {
                out.push('.');
                out += rest;
            }
            out += if exponent < 0 { "e-" } else { "e+" };
            out += &exponent.unsigned_abs().to_string();
        } else if point <= 0 {
            out += "0.";
            out += &zeros(-point);
            out += &digits;
        } else if length <= point {
            out += &digits;
            out += &zeros(point - length);
            out += ".0";
        } else {
            let (whole, fraction) = digits.split_at(point as usize);
            out += whole;
            out.push('.');
            out += fraction;
        }
        f.write_str(&out)
    }
}

/// Why a document is not JSON, and where; the wording is serde_json's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Error {
    what: &'static str,
    /// Byte offset of the end of the column the error is reported at (serde_json's position).
    at: usize,
}

const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const TOO_DEEP: &str = "recursion limit exceeded";

impl Error {
    /// Whether the document ends before its value does (as a cut-off download would).
    pub(crate) fn is_eof(&self) -> bool {
        self.what.starts_with("EOF ")
    }

    /// Whether the document is nested deeper than the reader goes.
    pub(crate) fn is_too_deep(&self) -> bool {
        self.what == TOO_DEEP
    }

    /// Line and column in the document `text`, counted as serde_json counts them (bytes).
    pub(crate) fn position(&self, text: &str) -> (usize, usize) {
        let before = &text.as_bytes()[..self.at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |newline| newline + 1);
        let lines = before[..line_start]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        (lines + 1, before.len() - line_start)
    }

    /// The message, such as "expected value at line 1 column 1", for the document `text`.
    pub(crate) fn message(&self, text: &str) -> String {
        let (line, column) = self.position(text);
        format!("{} at line {line} column {column}", self.what)
    }
}

/// Reads a whole JSON document into a tree.
pub(crate) fn read(text: &str) -> Result<Node<'_>, Error> {
    Reader::new(text, None).document(Role::Value)
}

/// Reads a feed document whose URL is `base`, its top-level `items` list as [`Node::Items`].
pub(crate) fn read_feed<'a>(text: &'a str, base: Option<&str>) -> Result<Node<'a>, Error> {
    Reader::new(text, base).document(Role::Document)
}

/// Appends `text` to `out` as a JSON string literal, escaped as serde_json escapes it.
pub(crate) fn write_str(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "\\u00",
            _ => continue,
        };
        out.push_str(&text[start..at]);
        out.push_str(escape);
        if escape == "\\u00" {
            out.extend(
                [byte >> 4, byte & 0xF].map(|n| char::from(b"0123456789abcdef"[n as usize])),
            );
        }
        start = at + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Where the string run from `at` ends: its first quote, backslash or control character, or the
/// end of `bytes`. Eight bytes at a time, as serde_json looks: strings are most of a feed.
fn string_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    let has = |chunk: u64, byte: u8| {
        let diff = chunk ^ (ONES * u64::from(byte));
        diff.wrapping_sub(ONES) & !diff
    };
    while let Some(Ok(chunk)) = bytes.get(at..at + 8).map(<[u8; 8]>::try_from) {
        let chunk = u64::from_le_bytes(chunk);
        // The lowest flagged byte is exact; flags above it may be carries.
        let control = chunk.wrapping_sub(ONES * 0x20) & !chunk;
        let found = (control | has(chunk, b'"') | has(chunk, b'\\')) & (ONES << 7);
        if found != 0 {
            return at + found.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&byte| matches!(byte, b'"' | b'\\' | 0..=0x1F))
        .map_or(bytes.len(), |length| at + length)
}

/// What a value is read as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Any value, kept whole.
    Value,
    /// A feed document: an object's `items` is read item by item.
    Document,
    /// The feed's `items`: a list becomes [`Node::Items`].
    Items,
}

/// Reads one member's value, given its key.
pub(crate) type Member<'a, 'r, 'b> =
    dyn FnMut(&mut Reader<'a, 'b>, Cow<'a, str>) -> Result<(), Error> + 'r;

/// Reads one value of a list.
pub(crate) type Element<'a, 'r, 'b> = dyn FnMut(&mut Reader<'a, 'b>) -> Result<(), Error> + 'r;

/// serde_json's limit: 127 nested lists and objects are read, the 128th is refused, and the
/// recursion stays far from the end of the stack.
const DEPTH: u32 = 128;

/// Reads one document front to back: whole values as trees, or the members and elements of
/// one value at a time, for readers that keep only what they need.
pub(crate) struct Reader<'a, 'b> {
    text: &'a str,
    at: usize,
    /// Lists and objects that may still be opened, plus one.
    depth: u32,
    /// The feed's own URL, for the items' relative links.
    base: Option<&'b str>,
}

impl<'a, 'b> Reader<'a, 'b> {
    fn new(text: &'a str, base: Option<&'b str>) -> Self {
        Reader {
            text,
            at: 0,
            depth: DEPTH,
            base,
        }
    }

    fn document(mut self, role: Role) -> Result<Node<'a>, Error> {
        let node = self.value(role)?;
        match self.skip_space() {
            None => Ok(node),
            Some(_) => Err(self.next_error("trailing characters")),
        }
    }

    /// An error reported at the reader's position (serde_json's `error`).
    fn error(&self, what: &'static str) -> Error {
        Error { what, at: self.at }
    }

    /// An error about the byte at the reader's position (serde_json's `peek_error`).
    fn next_error(&self, what: &'static str) -> Error {
        Error {
            what,
            at: (self.at + 1).min(self.text.len()),
        }
    }

    fn eof(&self, what: &'static str) -> Error {
        Error {
            what,
            at: self.text.len(),
        }
    }

    /// The next byte that is not white space, not consumed.
    fn skip_space(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(self.at) {
            if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(byte);
            }
            self.at += 1;
        }
        None
    }

    fn value(&mut self, role: Role) -> Result<Node<'a>, Error> {
        match self.skip_space() {
            None => Err(self.eof(EOF_VALUE)),
            Some(b'n') => self.word("null", Node::Null),
            Some(b't') => self.word("true", Node::Bool(true)),
            Some(b'f') => self.word("false", Node::Bool(false)),
            Some(b'-' | b'0'..=b'9') => self.number().map(Node::Number),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Node::Str)
            }
            Some(b'[') if role == Role::Items => {
                let (mut read, mut unreadable) = (Vec::new(), 0);
                let base = self.base;
                self.each_element(&mut |json| {
                    match parse_item(json, base)? {
                        Some(item) => read.push(item),
                        None => unreadable += 1,
                    }
                    Ok(())
                })?;
                Ok(Node::Items {
                    read: Cell::new(read),
                    unreadable,
                })
            }
            Some(b'[') => {
                let mut list = Vec::new();
                self.each_element(&mut |json| {
                    list.push(json.value(Role::Value)?);
                    Ok(())
                })?;
                Ok(Node::Array(list))
            }
            Some(b'{') => {
                let mut members = Vec::new();
                self.each_member(&mut |json, key| {
                    // In a feed document, `items` is read item by item.
                    let role = if role == Role::Document && key == "items" {
                        Role::Items
                    } else {
                        Role::Value
                    };
                    let value = json.value(role)?;
                    members.push(Node::Str(key));
                    members.push(value);
                    Ok(())
                })?;
                Ok(Node::Object(Object(members)))
            }
            Some(_) => Err(self.next_error("expected value")),
        }
    }

    /// The next value, whatever it is, as a tree.
    pub(crate) fn node(&mut self) -> Result<Node<'a>, Error> {
        self.value(Role::Value)
    }

    /// Reads past the next value, checking it as [`Reader::node`] would, without keeping it.
    pub(crate) fn skip(&mut self) -> Result<(), Error> {
        match self.skip_space() {
            Some(b'{') => self.each_member(&mut |json, _| json.skip()),
            Some(b'[') => self.each_element(&mut |json| json.skip()),
            _ => self.value(Role::Value).map(drop),
        }
    }

    /// The next value if it is a string; any other value is read past and counts as absent.
    pub(crate) fn string_value(&mut self) -> Result<Option<Cow<'a, str>>, Error> {
        if self.skip_space() != Some(b'"') {
            return self.skip().map(|()| None);
        }
        self.at += 1;
        self.string().map(Some)
    }

    /// If the next value is an object, hands each member's key to `member`, which reads the
    /// value, and says `true`; any other value is read past.
    pub(crate) fn object_value(&mut self, member: &mut Member<'a, '_, 'b>) -> Result<bool, Error> {
        if self.skip_space() != Some(b'{') {
            return self.skip().map(|()| false);
        }
        self.each_member(member).map(|()| true)
    }

    /// If the next value is a list, has `element` read each of its values and says `true`; any
    /// other value is read past.
    pub(crate) fn list_value(&mut self, element: &mut Element<'a, '_, 'b>) -> Result<bool, Error> {
        if self.skip_space() != Some(b'[') {
            return self.skip().map(|()| false);
        }
        self.each_element(element).map(|()| true)
    }

    /// Steps into the list or object whose bracket is next, if the nesting limit allows.
    fn enter(&mut self) -> Result<(), Error> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.next_error(TOO_DEEP));
        }
        self.at += 1;
        Ok(())
    }

    fn word(&mut self, word: &str, node: Node<'a>) -> Result<Node<'a>, Error> {
        for expected in &word.as_bytes()[1..] {
            self.at += 1;
            match self.text.as_bytes().get(self.at) {
                None => return Err(self.eof(EOF_VALUE)),
                Some(byte) if byte != expected => {
                    self.at += 1;
                    return Err(self.error("expected ident"));
                }
                Some(_) => {}
            }
        }
        self.at += 1;
        Ok(node)
    }

    /// The list whose `[` is next, each value read by `element`.
    fn each_element(&mut self, element: &mut Element<'a, '_, 'b>) -> Result<(), Error> {
        self.enter()?;
        let mut first = true;
        loop {
            match self.skip_space() {
                None => return Err(self.eof(EOF_LIST)),
                Some(b']') => break,
                Some(_) if first => first = false,
                Some(b',') => {
                    self.at += 1;
                    match self.skip_space() {
                        Some(b']') => return Err(self.next_error("trailing comma")),
                        None => return Err(self.eof(EOF_VALUE)),
                        Some(_) => {}
                    }
                }
                Some(_) => return Err(self.next_error("expected `,` or `]`")),
            }
            element(self)?;
        }
        self.at += 1;
        self.depth += 1;
        Ok(())
    }

    /// The object whose `{` is next, each key handed to `member`, which reads the value.
    fn each_member(&mut self, member: &mut Member<'a, '_, 'b>) -> Result<(), Error> {
        self.enter()?;
        let mut first = true;
        loop {
            let next = match self.skip_space() {
                None => return Err(self.eof(EOF_OBJECT)),
                Some(b'}') => break,
                Some(b',') if !first => {
                    self.at += 1;
                    match self.skip_space() {
                        Some(b'}') => return Err(self.next_error("trailing comma")),
                        None => return Err(self.eof(EOF_VALUE)),
                        next => next,
                    }
                }
                Some(_) if !first => return Err(self.next_error("expected `,` or `}`")),
                next => next,
            };
            first = false;
            if next != Some(b'"') {
                return Err(self.next_error("key must be a string"));
            }
            self.at += 1;
            let key = self.string()?;
            match self.skip_space() {
                Some(b':') => self.at += 1,
                None => return Err(self.eof(EOF_OBJECT)),
                Some(_) => return Err(self.next_error("expected `:`")),
            }
            member(self, key)?;
        }
        self.at += 1;
        self.depth += 1;
        Ok(())
    }

    /// A string's text, after its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut start = self.at;
        loop {
            let end = string_end(bytes, self.at);
            self.at = end + 1;
            match bytes.get(end) {
                None => return Err(self.eof(EOF_STRING)),
                Some(b'"') => {
                    let run = &self.text[start..end];
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut text) => {
                            text.push_str(run);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(&self.text[start..end]);
                    self.escape(text)?;
                    start = self.at;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// One escape, after its backslash, appended to `text`.
    fn escape(&mut self, text: &mut String) -> Result<(), Error> {
        let Some(&byte) = self.text.as_bytes().get(self.at) else {
            return Err(self.eof(EOF_STRING));
        };
        self.at += 1;
        text.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{C}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode()?,
            _ => return Err(self.error("invalid escape")),
        });
        Ok(())
    }

    /// The character of a `\uXXXX` escape (or a surrogate pair of them), after its `\u`.
    fn unicode(&mut self) -> Result<char, Error> {
        let lone = "lone leading surrogate in hex escape";
        let first = self.hex()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error(lone)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.text.as_bytes().get(self.at) {
                        None => return Err(self.eof(EOF_STRING)),
                        Some(&byte) => {
                            self.at += 1;
                            if byte != expected {
                                return Err(self.error("unexpected end of hex escape"));
                            }
                        }
                    }
                }
                let second = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(lone));
                }
                0x1_0000 + ((first - 0xD800) << 10 | (second - 0xDC00))
            }
            code => code,
        };
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hex digits.
    fn hex(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            return Err(self.eof(EOF_STRING));
        };
        self.at += 4;
        digits
            .iter()
            .try_fold(0, |code, &digit| {
                Some(code << 4 | char::from(digit).to_digit(16)?)
            })
            .ok_or_else(|| self.error("invalid escape"))
    }

    /// A number's text, checked as serde_json checks it.
    fn number(&mut self) -> Result<Number<'a>, Error> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: usize| {
            at + bytes[at..]
                .iter()
                .take_while(|byte| byte.is_ascii_digit())
                .count()
        };
        // Where the reader stands after the character that makes the number invalid.
        let invalid = |at: usize| match bytes.get(at) {
            None => self.eof(EOF_VALUE),
            Some(_) => Error {
                what: "invalid number",
                at: at + 1,
            },
        };
        let mut at = start + usize::from(bytes[start] == b'-');
        at = match bytes.get(at) {
            Some(b'0') if matches!(bytes.get(at + 1), Some(b'0'..=b'9')) => {
                return Err(invalid(at + 1))
            }
            Some(b'0') => at + 1,
            Some(b'1'..=b'9') => digits(at),
            _ => return Err(invalid(at)),
        };
        if bytes.get(at) == Some(&b'.') {
            let fraction = at + 1;
            at = digits(fraction);
            if at == fraction {
                return Err(invalid(at));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            let nonzero = bytes[start..at]
                .iter()
                .any(|byte| matches!(byte, b'1'..=b'9'));
            let growing = bytes.get(at + 1) != Some(&b'-');
            at += 1 + usize::from(matches!(bytes.get(at + 1), Some(b'+' | b'-')));
            if !matches!(bytes.get(at), Some(b'0'..=b'9')) {
                return Err(invalid(at));
            }
            let exponent = at;
            at = digits(at);
            if nonzero && growing {
                // serde_json gives up on the digit that takes the exponent past `i32::MAX`.
                let mut value = 0i64;
                for (length, digit) in bytes[exponent..at].iter().enumerate() {
                    value = value * 10 + i64::from(digit - b'0');
                    if value > i64::from(i32::MAX) {
                        self.at = exponent + length + 1;
                        return Err(self.error("number out of range"));
                    }
                }
            }
        }
        self.at = at;
        let number = Number(&self.text[start..at]);
        if number.out_of_range() {
            return Err(self.error("number out of range"));
        }
        Ok(number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error message for `text`, as `message` words it.
    fn error(text: &str) -> String {
        match read(text) {
            Ok(_) => panic!("{text:?} is read"),
            Err(err) => err.message(text),
        }
    }

    fn string(text: &str) -> Cow<'_, str> {
        match read(text) {
            Ok(Node::Str(value)) => value,
            _ => panic!("{text:?} is not a string"),
        }
    }

    fn number(text: &str) -> Number<'_> {
        match read(text) {
            Ok(Node::Number(number)) => number,
            _ => panic!("{text:?} is not a number"),
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed_and_others_owned() {
        assert!(matches!(
            string(r#""plain é 😀""#),
            Cow::Borrowed("plain é 😀")
        ));
        assert!(matches!(string(r#""""#), Cow::Borrowed("")));
        let escaped = string(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#);
        assert!(matches!(escaped, Cow::Owned(_)));
        assert_eq!(escaped, "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti");
        assert_eq!(string(r#""\u00e9\u0000\uFFFF x""#), "é\u{0}\u{FFFF} x");
        assert_eq!(string(r#""\ud83d\ude00 and \uD83D\uDE00""#), "😀 and 😀");
    }

    #[test]
    fn bad_strings_are_refused_where_serde_json_refuses_them() {
        for (text, message) in [
            ("\"a\u{1}\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"),
            ("\"a\nb\"", "control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0"),
            (r#""\x""#, "invalid escape at line 1 column 3"),
            (r#""\u12G4""#, "invalid escape at line 1 column 7"),
            (r#""\udc00""#, "lone leading surrogate in hex escape at line 1 column 7"),
            (r#""\ud800\u0041""#, "lone leading surrogate in hex escape at line 1 column 13"),
            (r#""\ud800 x""#, "unexpected end of hex escape at line 1 column 8"),
            (r#""\ud800\n""#, "unexpected end of hex escape at line 1 column 9"),
        ] {
            assert_eq!(error(text), message, "{text:?}");
        }
        for cut in [r#""abc"#, r#""a\"#, r#""\u12"#, r#""\ud800"#, r#""\ud800\"#] {
            let err = read(cut).err().unwrap();
            assert!(err.is_eof(), "{cut:?}");
            assert_eq!(
                err.message(cut),
                format!("EOF while parsing a string at line 1 column {}", cut.len())
            );
        }
    }

    #[test]
    fn numbers_keep_their_text_and_are_read_when_asked() {
        for text in [
            "0",
            "7",
            "-7",
            "1.5",
            "-0",
            "1e2",
            "1E+2",
            "2.5e-3",
            "18446744073709551616",
        ] {
            assert_eq!(number(text), Number(text));
        }
        assert_eq!(number("0").as_u64(), Some(0));
        assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
        for not_u64 in ["18446744073709551616", "-1", "-0", "1.0", "1e2"] {
            assert_eq!(number(not_u64).as_u64(), None, "{not_u64}");
        }
        for (text, value) in [
            ("0.333", 0.333),
            ("-0.5", -0.5),
            ("7.5", 7.5),
            ("50", 50.0),
            ("1e308", 1e308),
            ("-1e308", -1e308),
            ("5e-324", 0.0),
            ("1.7976931348623157e308", f64::MAX),
            ("0.000012345678901234567890123", 1.2345678901234568e-5),
            ("18446744073709551616", 1.8446744073709552e19),
        ] {
            let read = number(text).as_f64();
            assert!(
                (read - value).abs() <= value.abs() * 1e-15,
                "{text}: {read}"
            );
        }
    }

    #[test]
    fn numbers_print_as_serde_json_printed_them() {
        for (text, printed) in [
            ("123", "123"),
            ("-123", "-123"),
            ("18446744073709551615", "18446744073709551615"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("-0", "-0.0"),
            ("0.0", "0.0"),
            ("1.5", "1.5"),
            ("1.50", "1.5"),
            ("1e2", "100.0"),
            ("-2.5E+1", "-25.0"),
            ("0.000123", "0.000123"),
            ("1e-5", "0.00001"),
            ("1e-6", "1e-6"),
            ("123.456e-10", "1.23456e-8"),
            ("1e15", "1000000000000000.0"),
            ("1e16", "1e+16"),
            ("-1.5e300", "-1.5e+300"),
            ("5e-324", "5e-324"),
            ("1e-400", "0.0"),
            ("18446744073709551616", "1.8446744073709551616e+19"),
        ] {
            assert_eq!(number(text).to_string(), printed, "{text}");
        }
    }

    #[test]
    fn bad_numbers_are_refused_where_serde_json_refuses_them() {
        for (text, message) in [
            ("01", "invalid number at line 1 column 2"),
            ("-x", "invalid number at line 1 column 2"),
            ("1.x", "invalid number at line 1 column 3"),
            ("1ex", "invalid number at line 1 column 3"),
            ("1e+]", "invalid number at line 1 column 4"),
            (".5", "expected value at line 1 column 1"),
            ("+1", "expected value at line 1 column 1"),
            ("NaN", "expected value at line 1 column 1"),
            ("[1e999]", "number out of range at line 1 column 6"),
            ("[-1.8e308]", "number out of range at line 1 column 9"),
            (
                "1797693134862315800000e287",
                "number out of range at line 1 column 26",
            ),
            // serde_json stops at the digit that takes the exponent past i32::MAX.
            ("1e99999999999", "number out of range at line 1 column 12"),
        ] {
            assert_eq!(error(text), message, "{text:?}");
        }
        for in_range in [
            "1.7976931348623157e308",
            "1e-99999999999",
            "0e99999999999",
            "-0.0e999",
        ] {
            assert!(read(in_range).is_ok(), "{in_range}");
        }
        for cut in ["-", "1.", "1e", "1e-"] {
            assert!(read(cut).err().unwrap().is_eof(), "{cut}");
        }
    }

    #[test]
    fn structure_errors_say_where_as_serde_json_does() {
        for (text, message) in [
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("[1,]", "trailing comma at line 1 column 4"),
            ("{\"a\":1,}", "trailing comma at line 1 column 8"),
            ("{\"a\" 1}", "expected `:` at line 1 column 6"),
            (
                "{\"a\":1 \"b\":2}",
                "expected `,` or `}` at line 1 column 8",
            ),
            ("{1:2}", "key must be a string at line 1 column 2"),
            ("[nul]", "expected ident at line 1 column 5"),
            ("{}\n x", "trailing characters at line 2 column 2"),
            ("\n\n   ]", "expected value at line 3 column 4"),
            ("\"é\" é", "trailing characters at line 1 column 6"),
        ] {
            assert_eq!(error(text), message, "{text:?}");
        }
        for (cut, line, column) in [
            ("[1,\n2", 2, 1),
            ("{\"a\":", 1, 5),
            ("tru", 1, 3),
            ("", 1, 0),
        ] {
            let err = read(cut).err().unwrap();
            assert!(err.is_eof() && !err.is_too_deep(), "{cut:?}");
            assert_eq!(err.position(cut), (line, column), "{cut:?}");
        }
    }

    #[test]
    fn nesting_stops_at_serde_json_s_limit() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(read(&nested(127)).is_ok());
        let err = read(&nested(128)).err().unwrap();
        assert!(err.is_too_deep() && !err.is_eof());
        assert_eq!(
            err.message(&nested(128)),
            "recursion limit exceeded at line 1 column 128"
        );
        let objects = format!("{}1{}", "{\"a\":".repeat(200_000), "}".repeat(200_000));
        assert!(read(&objects).err().unwrap().is_too_deep());
        // Depth is given back as lists close: siblings don't add up.
        let wide = format!("[{}]", vec![nested(126); 3].join(","));
        assert!(read(&wide).is_ok());
    }

    #[test]
    fn trees_keep_every_value_and_the_last_of_a_repeated_key() {
        let text = r#" {"a": [null, true, false, -1.5, "x", {}], "b": 1, "b": {"c": "d"}} "#;
        let root = read(text).ok().unwrap();
        let object = root.as_object().unwrap();
        let list = object.get("a").and_then(Node::as_array).unwrap();
        assert!(matches!(list[0], Node::Null));
        assert_eq!(list[1].as_bool(), Some(true));
        assert_eq!(list[2].as_bool(), Some(false));
        assert_eq!(list[3].as_f64(), Some(-1.5));
        assert_eq!(list[4].as_str(), Some("x"));
        assert!(list[5].as_object().is_some());
        let b = object.get("b").and_then(Node::as_object).unwrap();
        assert_eq!(b.get("c").and_then(Node::as_str), Some("d"));
        assert!(object.get("z").is_none());
        // Only a feed's `items` is read item by item.
        let items = read(r#"{"items": [{"id": "a"}]}"#).ok().unwrap();
        assert!(matches!(
            items.as_object().unwrap().get("items"),
            Some(Node::Array(_))
        ));
        let feed = read_feed(r#"{"items": [{"id": "a"}, 5], "x": {"items": []}}"#, None)
            .ok()
            .unwrap();
        let feed = feed.as_object().unwrap();
        assert!(matches!(
            feed.get("items"),
            Some(Node::Items { unreadable: 1, .. })
        ));
        let inner = feed.get("x").and_then(Node::as_object).unwrap();
        assert!(matches!(inner.get("items"), Some(Node::Array(_))));
    }

    #[test]
    fn written_strings_read_back_and_escape_as_serde_json_does() {
        let mut out = String::from("[");
        write_str(&mut out, "plain");
        out.push(',');
        write_str(&mut out, "q\"b\\s/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}é😀");
        out.push(']');
        assert_eq!(
            out,
            r#"["plain","q\"b\\s/\b\f\n\r\t\u0000\u001f"#.to_owned() + "\u{7F}é😀\"]"
        );
        let read = read(&out).ok().unwrap();
        let list = read.as_array().unwrap();
        assert_eq!(
            list[1].as_str(),
            Some("q\"b\\s/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}é😀")
        );
    }
}
