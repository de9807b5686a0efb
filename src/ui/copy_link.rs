//! "Copy link": puts the address of this moment and look on the clipboard and says so in a
//! polite live region. Where the browser refuses the clipboard (no secure context, a denied
//! permission), the link appears selected in a read-only field to copy by hand: a copy never
//! fails silently.
//!
//! The outcome is written into its nodes directly (no signals, no node refs): a one-off
//! message needs no reactive machinery, which costs the bundle.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::use_app;
use super::url_sync::current_link;
use super::use_lang;
use super::view_prefs::use_view;
use crate::i18n::Text;
use crate::ui::tr;

const STATUS: &str = "copy-status";
const FIELD: &str = "copy-field";

/// Whether the browser took `text` onto the clipboard.
async fn to_clipboard(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    // Outside a secure context there is no `navigator.clipboard` at all.
    if clipboard.is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// The button, its live region and the field for copying by hand.
pub fn copy_link() -> impl IntoView {
    let (app, view, lang) = (use_app(), use_view(), use_lang());
    let copy = move |_| {
        let lang = lang.get_untracked();
        let link = current_link(app, view, lang);
        let doc = document();
        let field = doc
            .get_element_by_id(FIELD)
            .and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok());
        let (Some(status), Some(field)) = (doc.get_element_by_id(STATUS), field) else {
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
            field.set_value(&link);
            field.set_hidden(copied);
            if !copied {
                let _ = field.focus();
                field.select();
            }
        });
    };
    view! {
        <span class="copy-link">
            <button type="button" data-testid="copy-link" on:click=copy>{tr(Text::CopyLink)}</button>
            <span role="status" id=STATUS data-testid="copy-status"></span>
            <input id=FIELD readonly hidden data-testid="link-field" aria-label=tr(Text::TheLink) />
        </span>
    }
}
