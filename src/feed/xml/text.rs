//! What the mappers read from an element: its text, its HTML, its attributes, its children.

use super::tree::{Element, Node, Ns};

/// Elements HTML writes without an end tag; serialising `<br></br>` would make two breaks.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

impl Element {
    pub(super) fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            _ => None,
        })
    }

    /// The first child element `ns:name`.
    pub(super) fn child(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    pub(super) fn children_named<'a>(
        &'a self,
        ns: Ns,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.is(ns, name))
    }

    /// An attribute without a namespace (`href`, `type`, `isPermaLink`).
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attr_in(Ns::Plain, name)
    }

    pub(super) fn attr_in(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.ns == ns && a.name == name)
            .map(|a| a.value.as_str())
    }

    /// All the text inside, markup left out, references as written: for links, ids, dates.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Ref(name) => push_reference(name, out),
                Node::Element(element) => element.push_text(out),
            }
        }
    }

    /// The text, trimmed; `None` when blank.
    pub(super) fn trimmed(&self) -> Option<String> {
        let text = self.text();
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    /// The content as HTML. Text (escaped or CDATA) is HTML as written, as every reader of
    /// RSS takes it; child elements (HTML pasted into a `<description>` unescaped, Atom's
    /// XHTML) are written back as the HTML they are, their text escaped.
    pub(super) fn html(&self) -> String {
        let mut out = String::new();
        if self.elements().next().is_none() {
            self.push_text(&mut out);
        } else {
            self.push_children_markup(&mut out);
        }
        out
    }

    pub(super) fn push_children_markup(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => escape_into(text, false, out),
                Node::Ref(name) => push_reference(name, out),
                Node::Element(element) => element.push_element_markup(out),
            }
        }
    }

    fn push_element_markup(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for attribute in &self.attributes {
            out.push(' ');
            out.push_str(&attribute.name);
            out.push_str("=\"");
            escape_into(&attribute.value, true, out);
            out.push('"');
        }
        out.push('>');
        if VOID.contains(&self.name.to_ascii_lowercase().as_str()) {
            return;
        }
        self.push_children_markup(out);
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }
}

fn push_reference(name: &str, out: &mut String) {
    out.push('&');
    out.push_str(name);
    out.push(';');
}

/// `text` escaped for HTML (`"` too inside an attribute value).
pub(super) fn escape_into(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// Plain text as HTML, for fields the rest of the reader treats as HTML (titles): Atom's
/// `type="text"` means exactly these characters, `<` included.
pub(super) fn text_as_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, false, &mut out);
    out
}
