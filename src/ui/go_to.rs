//! "Go to": a time typed as `YYYY-MM-DD HH:MM` (UTC, 24-hour). A plain text field, because a
//! `datetime-local` input follows the browser's locale and shows 12-hour times in en-US while
//! the rest of the page is 24-hour. A time it cannot read is said beside it, not ignored.
//! Part of the clock bar: `clock_bar.rs` fills the field with the clock's time until someone
//! types (`data-typed`), and reads it on submit.

use super::dom::Writer;
use crate::i18n::{Lang, Text};

/// The form: the field, Go, and the message for a time it cannot read (hidden).
pub fn draw_go_to<W: Writer>(w: &mut W, lang: Lang) {
    w.open("form")
        .attr("class", "go-to")
        .open("label")
        .text(lang.t(Text::GoTo))
        .text(" ")
        .open("input")
        .attr("type", "text")
        .attr("size", "16")
        .attr("inputmode", "numeric")
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .attr("data-testid", "go-to")
        .attr("data-act", "go-to")
        .attr("placeholder", lang.t(Text::GoToHint))
        .attr("aria-invalid", "false")
        .attr("aria-describedby", "go-to-error")
        .close()
        .close()
        .open("button")
        .attr("type", "submit")
        .text(lang.t(Text::Go))
        .close()
        .open("span")
        .attr("id", "go-to-error")
        .attr("class", "error-text")
        .attr("role", "alert")
        .attr("hidden", "")
        .text(lang.t(Text::GoToInvalid))
        .close()
        .close();
}
