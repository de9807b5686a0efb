//! Saved work that could not be restored, in one line, with its download (it was set aside,
//! never silently discarded). Written by `ui::dom`; its two buttons share one handler.

use crate::ui::slot::Slot;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::ui::dom::listen;

use super::autosave::SaveProblem;
use super::dom::{acted, Dom, Writer};
use super::download::download;
use super::use_lang;
use crate::i18n::autosave::{autosave_problem, autosave_word};
use crate::i18n::Text;

/// Shows in `div` the saved work that was set aside, if any.
pub fn attach(div: Element, saved: Option<(String, SaveProblem)>) {
    let lang = use_lang();
    let shown = Slot::new(saved);
    let (el, host) = (div.clone(), div.clone());
    crate::ui::fx::effect(move || {
        let lang = lang.get();
        let Some(mut w) = Dom::replacing(&host, false) else {
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
                div.set_text_content(None);
            }
            _ => {}
        }
    };
    listen(&el, "click", false, move |ev| click(ev.unchecked_into()));
}
