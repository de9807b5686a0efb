//! Markup written as text, for views that change often and have no reactive parts (a
//! timeline lane, an event-log line): the browser parses one string faster than a few dozen
//! view nodes are built, and a string writer is one type instead of one per view.

use std::fmt::Write;

/// A fragment being written. Text from files (job names, messages) and from the catalogue
/// goes through `text`, which escapes it; numbers are whole.
#[derive(Default)]
pub struct Markup(pub String);

impl Markup {
    pub fn with_capacity(n: usize) -> Self {
        Markup(String::with_capacity(n))
    }
    /// Markup the caller wrote: tags and attributes, never user text.
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }
    pub fn num(&mut self, n: impl Into<i64>) -> &mut Self {
        let _ = write!(self.0, "{}", n.into());
        self
    }
    /// Text or an attribute value, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_not() {
        let mut m = Markup::default();
        m.raw("<b title=\"")
            .text("a<b>&\"c'")
            .raw("\">")
            .num(-12)
            .raw("</b>");
        assert_eq!(m.0, "<b title=\"a&lt;b&gt;&amp;&quot;c&#39;\">-12</b>");
    }
}
