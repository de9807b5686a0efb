//! A slider over the whole scenario: dragging it back replays the log to that moment. Part
//! of the clock bar (`clock_bar.rs` writes its range, value and end dates, and seeks on input).

use super::dom::Writer;
use crate::i18n::{Lang, Text};

/// The slider in minutes since the scenario's start, stepping by the hour, between the
/// start's and the end's dates (left empty here).
pub fn draw_scrubber<W: Writer>(w: &mut W, lang: Lang) {
    w.open("label").attr("class", "scrubber").leaf(
        "span",
        "visually-hidden",
        lang.t(Text::Timeline),
    );
    end(w);
    w.open("input")
        .attr("type", "range")
        .attr("data-testid", "scrubber")
        .attr("data-act", "scrub")
        .attr("min", "0")
        .attr("step", "60")
        .close();
    end(w);
    w.close();
}

/// A date at one end of the slider, for the eyes (the slider says its time itself).
fn end<W: Writer>(w: &mut W) {
    w.open("span")
        .attr("class", "scrub-end")
        .attr("aria-hidden", "true")
        .text("")
        .close();
}
