//! A small JSON tree for reading one item (or the feed's own members) at a time.
//!
//! It is read through `deserialize_any`, exactly as `serde_json::Value` is, so the parser sees
//! the same calls and reports the same errors at the same places (nesting limit, numbers out of
//! range, bad escapes); unlike `Value` it borrows unescaped strings from the document and keeps
//! an object's members in a list instead of a `BTreeMap`.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use super::{parse_item, ReadItem};

/// A JSON value; strings borrow from the document when they hold no escapes.
pub(crate) enum Node<'a> {
    /// `null` (and, as in `Value`, a float that is not finite).
    Null,
    /// `true` or `false`; nothing reads which.
    Bool,
    /// A number.
    Number(Number),
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
/// a repeated key's last value counts, as in `Value`.
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
    pub(crate) fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Node::Object(object) => Some(object),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(list) => Some(list),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Node::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(number) => number.as_f64(),
            _ => None,
        }
    }
}

/// Reads a value, or with [`Reader::document`] a whole feed document.
///
/// One visitor does every job, so that the parser's code is generated once for it.
#[derive(Clone, Copy)]
pub(crate) struct Reader<'b> {
    role: Role,
    /// The feed's own URL, for the items' relative links.
    base: Option<&'b str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Any value, kept whole.
    Value,
    /// The document: an object's `items` is read item by item.
    Document,
    /// The feed's `items`: a list becomes [`Node::Items`].
    Items,
}

impl<'b> Reader<'b> {
    /// A reader for a feed document whose URL is `base`.
    pub(crate) fn document(base: Option<&'b str>) -> Self {
        Reader {
            role: Role::Document,
            base,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Reader<'_> {
    type Value = Node<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = Node<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool)
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node<'de>, E> {
        Ok(Number::from_f64(value).map_or(Node::Null, Node::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(value.to_owned())))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(value)))
    }

    fn visit_string<E>(self, value: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(value)))
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let value = Reader {
            role: Role::Value,
            ..self
        };
        let mut list = Vec::new();
        let mut read = Vec::new();
        let mut unreadable = 0;
        while let Some(node) = seq.next_element_seed(value)? {
            if self.role != Role::Items {
                list.push(node);
            } else if let Some(item) = parse_item(&node, self.base) {
                read.push(item);
            } else {
                unreadable += 1;
            }
        }
        Ok(match self.role {
            Role::Items => Node::Items {
                read: Cell::new(read),
                unreadable,
            },
            _ => Node::Array(list),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::new();
        let value = Reader {
            role: Role::Value,
            ..self
        };
        while let Some(key) = map.next_key_seed(value)? {
            let role = match (self.role, &key) {
                (Role::Document, Node::Str(key)) if key == "items" => Role::Items,
                _ => Role::Value,
            };
            let value = map.next_value_seed(Reader { role, ..self })?;
            members.push(key);
            members.push(value);
        }
        Ok(Node::Object(Object(members)))
    }
}
