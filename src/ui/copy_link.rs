//! "Copy link": puts the address of this moment and look on the clipboard and says so in a
//! polite live region. Where the browser refuses the clipboard (no secure context, a denied
//! permission), the link appears selected in a read-only field to copy by hand: a copy never
//! fails silently.
//!
//! Drawn by `ui::dom` in the header; the outcome is written into its nodes directly (no signals, no node refs): a one-off
//! message needs no reactive machinery, which costs the bundle.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::Writer;
use super::state::AppState;
use super::url_sync::current_link;
use super::view_prefs::ViewPrefs;
use crate::i18n::{Lang, Text};

const STATUS: &str = "copy-status";
const FIELD: &str = "copy-field";

/// Whether the browser took `text` onto the clipboard.
async fn to_clipboard(text: &str) -> bool {
    use crate::ui::dom::{call, prop};
    // Outside a secure context there is no `navigator.clipboard` at all.
    let clipboard = prop(&prop(&window(), "navigator"), "clipboard");
    let promise = call(&clipboard, "writeText", &text.into());
    if promise.is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(promise.unchecked_into::<web_sys::js_sys::Promise>())
        .await
        .is_ok()
}

/// The button (`data-act="copy"`, handled by the header), its live region and the field for
/// copying by hand.
pub fn draw_copy_link<W: Writer>(w: &mut W, lang: Lang) {
    w.open("span")
        .attr("class", "copy-link")
        .open("button")
        .attr("type", "button")
        .attr("data-testid", "copy-link")
        .attr("data-act", "copy")
        .text(lang.t(Text::CopyLink))
        .close()
        .open("span")
        .attr("role", "status")
        .attr("id", STATUS)
        .attr("data-testid", "copy-status")
        .close()
        .open("input")
        .attr("id", FIELD)
        .attr("readonly", "")
        .attr("hidden", "")
        .attr("data-testid", "link-field")
        .attr("aria-label", lang.t(Text::TheLink))
        .close()
        .close();
}

/// Copies the link of this moment and look, and says how it went.
pub fn copy_link(app: AppState, view: ViewPrefs, lang: Lang) {
    let link = current_link(app, view, lang);
    let (Some(status), Some(field)) = (super::dom::by_id(STATUS), super::dom::by_id(FIELD)) else {
        return;
    };
    status.set_text_content(None);
    leptos::task::spawn_local(async move {
        let copied = to_clipboard(&link).await;
        let said = if copied {
            Text::LinkCopied
        } else {
            Text::CopyByHand
        };
        status.set_text_content(Some(lang.t(said)));
        crate::ui::dom::set_value(&field, &link);
        crate::ui::dom::flag(&field, "hidden", copied);
        if !copied {
            crate::ui::dom::focus(&field);
            crate::ui::dom::call0(&field, "select");
        }
    });
}
