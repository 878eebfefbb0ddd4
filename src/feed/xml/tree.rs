//! The tree an XML document is parsed into, the same from the browser's `DOMParser` and from
//! the native parser, built through [`TreeBuilder`] so that everything after parsing is pure.

use crate::feed::text;

/// How deep elements are kept: content nested deeper is dropped, so that no document can make
/// the tree (or the code that walks and drops it) deeper than this.
pub const MAX_DEPTH: usize = 64;

/// An element of a parsed document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// Its namespace URI, if it is in one.
    pub namespace: Option<String>,
    /// Its local name (without a prefix).
    pub name: String,
    /// Its attributes, without namespace declarations.
    pub attributes: Vec<Attribute>,
    /// Its child elements and text, in document order.
    pub children: Vec<Node>,
}

/// An attribute of an [`Element`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribute {
    /// Its namespace URI, if it is in one (attributes without a prefix are in none).
    pub namespace: Option<String>,
    /// Its local name.
    pub name: String,
    /// Its value, entities already replaced.
    pub value: String,
}

/// A child of an [`Element`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (text and CDATA sections, adjacent ones joined).
    Text(String),
}

/// Builds an [`Element`] tree from a parser's walk: elements opened and closed in document
/// order, text in between. Content deeper than [`MAX_DEPTH`] is dropped.
#[derive(Debug, Default)]
pub struct TreeBuilder {
    /// The open elements, the root first.
    open: Vec<Element>,
    /// How many elements too deep to keep are open.
    dropped: usize,
    /// The root once it is closed.
    root: Option<Element>,
}

impl TreeBuilder {
    /// Opens an element; `false` when it is too deep to keep (it must still be closed).
    pub fn open(
        &mut self,
        namespace: Option<&str>,
        name: &str,
        attributes: impl IntoIterator<Item = Attribute>,
    ) -> bool {
        if self.dropped > 0 || self.open.len() >= MAX_DEPTH || self.root.is_some() {
            self.dropped += 1;
            return false;
        }
        self.open.push(Element {
            namespace: namespace.filter(|ns| !ns.is_empty()).map(str::to_owned),
            name: name.to_owned(),
            attributes: attributes.into_iter().collect(),
            children: Vec::new(),
        });
        true
    }

    /// Adds text to the element that is open.
    pub fn text(&mut self, text: &str) {
        if self.dropped > 0 || text.is_empty() {
            return;
        }
        let Some(parent) = self.open.last_mut() else {
            return;
        };
        match parent.children.last_mut() {
            Some(Node::Text(before)) => before.push_str(text),
            _ => parent.children.push(Node::Text(text.to_owned())),
        }
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if self.dropped > 0 {
            self.dropped -= 1;
            return;
        }
        let Some(element) = self.open.pop() else {
            return;
        };
        match self.open.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => self.root = Some(element),
        }
    }

    /// The root element, once the walk has closed it.
    pub fn finish(mut self) -> Option<Element> {
        while !self.open.is_empty() {
            self.close();
        }
        self.root
    }
}

impl Element {
    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> + '_ {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// Whether this element is `name` in namespace `namespace`.
    pub(super) fn is(&self, namespace: Option<&str>, name: &str) -> bool {
        self.name == name && self.namespace.as_deref() == namespace
    }

    /// The child elements named `name` in `namespace`.
    pub(super) fn all<'a>(
        &'a self,
        namespace: Option<&'a str>,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements()
            .filter(move |element| element.is(namespace, name))
    }

    /// The first child element named `name` in `namespace`.
    pub(super) fn first(&self, namespace: Option<&str>, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.is(namespace, name))
    }

    /// The value of the attribute `name` without a namespace.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|attribute| attribute.namespace.is_none() && attribute.name == name)
            .map(|attribute| attribute.value.as_str())
    }

    /// The value of `xml:lang`, the language of an Atom feed or entry.
    pub(super) fn xml_lang(&self) -> Option<String> {
        self.attributes
            .iter()
            .find(|attribute| {
                attribute.name == "lang"
                    && attribute.namespace.as_deref()
                        == Some("http://www.w3.org/XML/1998/namespace")
                    || attribute.name == "xml:lang"
            })
            .map(|attribute| attribute.value.clone())
    }

    /// All the text inside, in document order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out, false);
        out
    }

    /// Appends the text inside to `out`; `paragraphs` marks XHTML blocks with blank lines and
    /// leaves out scripts and styles.
    pub(super) fn push_text(&self, out: &mut String, paragraphs: bool) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => {
                    let name = element.name.as_str();
                    if paragraphs && matches!(name, "script" | "style" | "template") {
                        continue;
                    }
                    let block = paragraphs && text::BLOCK_ELEMENTS.contains(&name);
                    if block {
                        out.push_str("\n\n");
                    }
                    // The tree is at most MAX_DEPTH deep, so this recursion is bounded.
                    element.push_text(out, paragraphs);
                    if block {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(name: &str) -> Element {
        Element {
            name: name.into(),
            ..Element::default()
        }
    }

    #[test]
    fn the_builder_drops_what_is_nested_too_deeply() {
        let mut builder = TreeBuilder::default();
        for _ in 0..10_000 {
            builder.open(None, "a", []);
            builder.text("x");
        }
        for _ in 0..10_000 {
            builder.close();
        }
        let root = builder.finish().unwrap();
        let mut depth = 1;
        let mut at = &root;
        while let Some(child) = at.elements().next() {
            depth += 1;
            at = child;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(root.text().len(), MAX_DEPTH);
    }

    #[test]
    fn adjacent_text_is_joined_and_an_unclosed_root_is_closed() {
        let mut builder = TreeBuilder::default();
        builder.open(Some(""), "rss", []);
        builder.text("a");
        builder.text("b");
        builder.open(None, "channel", []);
        let root = builder.finish().unwrap();
        assert_eq!(root.namespace, None);
        assert_eq!(
            root.children,
            vec![Node::Text("ab".into()), Node::Element(element("channel"))]
        );
    }
}
