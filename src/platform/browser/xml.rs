//! XML read by the browser's own parser (`DOMParser`), and its DOM turned into the feed
//! reader's tree.
//! The browser never loads external entities or a DTD for `DOMParser`, and refuses runaway
//! entity expansion with a parse error; the walk is a loop, so any depth the browser accepts
//! is turned into a tree without recursion (content below the tree's depth limit is dropped).

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::error::Error;
use crate::feed::xml::{self, Attribute, TreeBuilder};

/// Where the browser puts a parse error's description (Chromium and WebKit).
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
/// Where Firefox puts it.
const GECKO_ERROR_NS: &str = "http://www.mozilla.org/newlayout/xml/parsererror.xml";
/// Namespace declarations, which are not attributes of the tree.
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Parses an XML document into the feed reader's tree.
pub fn parse_xml(body: &str) -> Result<xml::Element, Error> {
    let parser = DomParser::new().map_err(|_| Error::Internal)?;
    let document = parser
        .parse_from_string(body, SupportedType::ApplicationXml)
        .map_err(|_| xml::not_well_formed(body, None))?;
    for namespace in [XHTML_NS, GECKO_ERROR_NS] {
        if let Some(error) = document
            .get_elements_by_tag_name_ns(Some(namespace), "parsererror")
            .ok()
            .and_then(|errors| errors.item(0))
        {
            let message = error.text_content().unwrap_or_default();
            return Err(xml::not_well_formed(body, line_of(&message)));
        }
    }
    let root = document
        .document_element()
        .ok_or_else(|| xml::not_well_formed(body, None))?;
    Ok(convert(&root))
}

/// The line a parse error's description names ("error on line 12 at column 5: ...").
fn line_of(message: &str) -> Option<u32> {
    let (_, after) = message.split_once("line ")?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The element's tree, walked down to first children and on to next siblings or back up.
fn convert(root: &Element) -> xml::Element {
    let mut builder = TreeBuilder::default();
    let root: &Node = root.as_ref();
    let mut next = Some(root.clone());
    while let Some(node) = next {
        let mut descend = None;
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let element: &Element = node.unchecked_ref();
                if open(&mut builder, element) {
                    descend = node.first_child();
                }
                if descend.is_none() {
                    builder.close();
                }
            }
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                builder.text(&node.node_value().unwrap_or_default());
            }
            _ => {}
        }
        if descend.is_some() {
            next = descend;
            continue;
        }
        // On to the next sibling, closing the elements whose last child this was.
        let mut at = node;
        next = loop {
            if &at == root {
                break None;
            }
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent_node() {
                Some(parent) => {
                    builder.close();
                    at = parent;
                }
                None => break None,
            }
        };
    }
    builder.finish().unwrap_or_default()
}

/// Opens `element` in the builder with its attributes; `false` when it is too deep to keep.
fn open(builder: &mut TreeBuilder, element: &Element) -> bool {
    let list = element.attributes();
    let attributes = (0..list.length())
        .filter_map(move |at| list.item(at))
        .filter(|attribute| attribute.namespace_uri().as_deref() != Some(XMLNS_NS))
        .map(|attribute| Attribute {
            namespace: attribute.namespace_uri(),
            name: attribute.local_name(),
            value: attribute.value(),
        });
    builder.open(
        element.namespace_uri().as_deref(),
        &element.local_name(),
        attributes,
    )
}
