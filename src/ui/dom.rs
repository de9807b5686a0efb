//! Writes DOM nodes through a few non-generic calls, for views that are drawn whole from data
//! and have no reactive parts inside (a timeline lane, an event-log line).
//!
//! Why not Leptos' `view!` there: each view compiles to its own generic code and builds a tree
//! of reactive nodes per line; these parts change only as a whole, so one plain writer is both
//! smaller and faster. Why not a markup string and `innerHTML`: text from files (job names,
//! messages) must never reach the DOM as HTML, even escaped, so every text here becomes a text
//! node and every attribute value goes through `setAttribute`.

use web_sys::{Document, Element};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A writer of elements under one parent. Each `open` must be matched by a `close`.
pub struct Dom {
    doc: Document,
    svg: bool,
    /// The open elements, innermost last; `None` where an element could not be made (the
    /// writes meant for it are dropped rather than landing on its parent).
    stack: Vec<Option<Element>>,
}

impl Dom {
    /// A writer that replaces whatever `parent` held. `svg`: elements in the SVG namespace.
    pub fn replacing(parent: &Element, svg: bool) -> Option<Self> {
        parent.set_text_content(None);
        Some(Dom {
            doc: parent.owner_document()?,
            svg,
            stack: vec![Some(parent.clone())],
        })
    }

    fn top(&self) -> Option<&Element> {
        self.stack.last().and_then(Option::as_ref)
    }

    /// Opens a child element of the innermost open one. `tag` is always a constant of ours.
    pub fn open(&mut self, tag: &str) -> &mut Self {
        let made = if self.svg {
            self.doc.create_element_ns(Some(SVG_NS), tag)
        } else {
            self.doc.create_element(tag)
        };
        let el = match (made, self.top()) {
            (Ok(el), Some(top)) => top.append_child(&el).ok().map(|_| el),
            _ => None,
        };
        self.stack.push(el);
        self
    }

    /// Closes the innermost open element (never the parent it writes into).
    pub fn close(&mut self) -> &mut Self {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
        self
    }

    /// Sets an attribute of the innermost open element; the value is never parsed as markup.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        if let Some(top) = self.top() {
            let _ = top.set_attribute(name, value);
        }
        self
    }

    /// A whole-number attribute (coordinates are whole pixels: no float formatting).
    pub fn num(&mut self, name: &str, value: i64) -> &mut Self {
        self.attr(name, &value.to_string())
    }

    /// Appends text as a text node.
    pub fn text(&mut self, text: &str) -> &mut Self {
        if let Some(top) = self.top() {
            let node = self.doc.create_text_node(text);
            let _ = top.append_child(&node);
        }
        self
    }

    /// An element holding only text: `<tag class=…>text</tag>`.
    pub fn leaf(&mut self, tag: &str, class: &str, text: &str) -> &mut Self {
        self.open(tag).attr("class", class).text(text).close()
    }
}
