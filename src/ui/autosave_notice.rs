//! Saved work that could not be restored, in one line, with its download (it was set aside,
//! never silently discarded). Written by `ui::dom`; its two buttons share one handler.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::dom::listen;

use super::autosave::SaveProblem;
use super::dom::{acted, Dom, Writer};
use super::download::download;
use super::use_lang;
use crate::i18n::autosave::{autosave_problem, autosave_word};
use crate::i18n::Text;

#[component]
pub fn AutosaveNotice(saved: Option<(String, SaveProblem)>) -> impl IntoView {
    let lang = use_lang();
    let shown = StoredValue::new(saved);
    let node = NodeRef::<leptos::html::Div>::new();
    crate::ui::fx::effect(move || {
        let (Some(div), lang) = (node.get(), lang.get()) else {
            return;
        };
        let Some(mut w) = Dom::replacing(&div, false) else {
            return;
        };
        shown.with_value(|s| {
            if let Some((_, problem)) = s {
                w.open("div")
                    .attr("class", "notice error")
                    .attr("role", "alert")
                    .attr("data-testid", "autosave-problem")
                    .open("p")
                    .text(&autosave_problem(lang, problem))
                    .close();
                for (act, text) in [
                    ("download", autosave_word(lang, false)),
                    ("dismiss", lang.t(Text::Dismiss)),
                ] {
                    w.open("button")
                        .attr("type", "button")
                        .attr("data-act", act)
                        .text(text)
                        .close()
                        .text(" ");
                }
                w.close();
            }
        });
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let act = acted(&ev).map(|(_, act)| act);
        match act.as_deref() {
            Some("download") => shown.with_value(|s| {
                if let Some((raw, _)) = s {
                    let _ = download("ie-lifecycle-saved-work.json", "application/json", raw);
                }
            }),
            Some("dismiss") => {
                shown.set_value(None);
                if let Some(div) = node.get_untracked() {
                    div.set_text_content(None);
                }
            }
            _ => {}
        }
    };
    crate::ui::dom::mounted(node, move |el| {
        listen(&el, "click", false, move |ev| click(ev.unchecked_into()));
    });
    view! { <div node_ref=node></div> }
}
