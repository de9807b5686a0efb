//! The shortcut sheet (`?`, or the header's button): the keys in a modal `<dialog>`. The
//! browser's own dialog closes on Escape, keeps the focus inside while open and gives it back
//! to where it was when it closes, with no code of ours.
//!
//! Its content is written by `ui::dom` each time it opens (a modal sheet cannot see the
//! language change): a static list needs no reactive nodes, and a `view!` of it cost several
//! kilobytes of the bundle.

use super::dom::{Dom, Writer};
use crate::i18n::{dg, DgText, Lang, Text};

/// The keys as printed on them, and what they do (keyboard.rs binds them). " " is Space,
/// whose name is translated.
const ROWS: [(&str, Text); 8] = [
    (" ", Text::KeyPlay),
    ("← / →", Text::KeyEvents),
    ("Shift + ← / →", Text::KeyDays),
    ("+ / −", Text::KeySpeed),
    ("P", Text::KeyProjector),
    ("Q", Text::KeyQuiz),
    ("?", Text::KeySheet),
    ("Esc", Text::KeyClose),
];

/// The sheet's content in `lang`: heading, one line per key, a note, and Close.
pub fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("h2")
        .attr("id", "shortcuts-heading")
        .text(lang.t(Text::Shortcuts))
        .close();
    w.open("dl");
    for (keys, what) in ROWS {
        let keys = if keys == " " {
            lang.t(Text::KeySpace)
        } else {
            keys
        };
        w.open("dt").open("kbd").text(keys).close().close();
        w.open("dd").text(lang.t(what)).close();
    }
    w.close().leaf("p", "hint", lang.t(Text::KeysNote));
    w.open("button")
        .attr("type", "button")
        .attr("data-testid", "close-shortcuts")
        .attr("data-act", "close-sheet")
        .text(dg(lang, DgText::Close))
        .close();
}

const SHEET: &str = "shortcut-sheet";

fn dialog() -> Option<web_sys::Element> {
    super::dom::by_id(SHEET)
}

/// Whether the sheet is open (shortcuts then wait: the sheet is modal).
pub fn sheet_open() -> bool {
    dialog().is_some_and(|d| crate::ui::dom::has(&d, "open"))
}

/// Opens the sheet in `lang` (nothing happens if it is open already).
pub fn open_sheet(lang: Lang) {
    let Some(d) = dialog().filter(|d| !crate::ui::dom::has(d, "open")) else {
        return;
    };
    if let Some(mut w) = Dom::replacing(&d, false) {
        draw(&mut w, lang);
    }
    crate::ui::dom::call0(&d, "showModal");
}

/// Closes the sheet (its Close button, `data-act="close-sheet"`, handled by the header).
pub fn close_sheet() {
    if let Some(d) = dialog() {
        crate::ui::dom::call0(&d, "close");
    }
}

/// The empty dialog, in the header, filled when it opens. Escape closes it too.
pub fn draw_dialog<W: Writer>(w: &mut W) {
    w.open("dialog")
        .attr("id", SHEET)
        .attr("class", "shortcut-sheet")
        .attr("aria-labelledby", "shortcuts-heading")
        .attr("data-testid", "shortcut-sheet")
        .close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::dom::Outline;

    #[test]
    fn the_sheet_lists_every_key_in_each_language() {
        let mut en = Outline::default();
        draw(&mut en, Lang::En);
        assert!(en
            .out
            .contains("<dt><kbd>Space</kbd></dt><dd>play or pause</dd>"));
        assert!(en
            .out
            .contains("<kbd>Shift + ← / →</kbd></dt><dd>1 day back or forward</dd>"));
        assert!(en
            .out
            .contains("<dt><kbd>Q</kbd></dt><dd>quiz on or off</dd>"));
        let mut nl = Outline::default();
        draw(&mut nl, Lang::Nl);
        assert!(nl.out.contains("<kbd>Spatie</kbd>") && nl.out.contains("Sneltoetsen"));
    }
}
