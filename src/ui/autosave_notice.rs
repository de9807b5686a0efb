//! Saved work that could not be restored, in one line, with its download (it was set aside,
//! never silently discarded).

use leptos::prelude::*;

use super::autosave::SaveProblem;
use super::download::download;
use super::use_lang;
use crate::i18n::autosave::{autosave_problem, autosave_word};
use crate::i18n::Text;
use crate::ui::tr;

#[component]
pub fn AutosaveNotice(saved: Option<(String, SaveProblem)>) -> impl IntoView {
    let lang = use_lang();
    let shown = RwSignal::new(saved);
    move || {
        shown.get().map(|(raw, problem)| {
            view! {
                <div class="notice error" role="alert" data-testid="autosave-problem">
                    <p>{move || autosave_problem(lang.get(), &problem)}</p>
                    <button type="button" on:click=move |_| {
                        let _ = download("ie-lifecycle-saved-work.json", "application/json", &raw);
                    }>{move || autosave_word(lang.get(), false)}</button>
                    " "
                    <button type="button" on:click=move |_| shown.set(None)>{tr(Text::Dismiss)}</button>
                </div>
            }
        })
    }
}
