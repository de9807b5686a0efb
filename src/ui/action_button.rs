//! A button for one simulated action. It stays focusable when the rules forbid the action
//! (`aria-disabled`, not `disabled`) so keyboard users can still reach it and read why; the
//! reason is the same refusal the engine would give. Pressing it anyway shows that refusal
//! beside the button and changes nothing.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use super::state::{use_app, AppState};
use super::use_lang;
use crate::i18n::{refusal_text, refused_line, Text};
use crate::model::{Action, Refusal};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// Why `action` would be refused right now, or `None` if it would be accepted: the same
/// question as `AppState::check`, kept for the callers that want an `Option`.
pub fn blocked_reason(app: &AppState, action: &Action) -> Option<Refusal> {
    app.check(action).err()
}

/// Adds `action` at the current simulated time (see `AppState::perform`).
pub fn perform(app: &AppState, action: Action) -> Result<(), Refusal> {
    app.perform(action)
}

#[component]
pub fn ActionButton(
    label: Text,
    /// The action as the form around the button currently describes it.
    #[prop(into)]
    action: Signal<Option<Action>>,
    #[prop(optional, into)] testid: String,
    /// Called after the action was accepted (to clear a form).
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let id = format!("why-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let feedback = RwSignal::new(None::<String>);
    // A refusal belongs to the moment it was given; moving the clock clears it.
    Effect::new(move |_| {
        app.now().track();
        feedback.set(None);
    });
    let reason = move || action.with(|a| a.as_ref().and_then(|a| blocked_reason(&app, a)));
    let reason_text = move || reason().map(|r| refusal_text(lang.get(), &r));
    let click = move |_| {
        let Some(a) = action.get_untracked() else {
            return;
        };
        match app.perform(a) {
            Ok(()) => {
                feedback.set(None);
                if let Some(done) = on_done {
                    done.run(());
                }
            }
            Err(refusal) => feedback.set(Some(refused_line(lang.get_untracked(), &refusal))),
        }
    };
    view! {
        <span class="action">
            <button
                type="button"
                data-testid=testid
                aria-disabled=move || reason().is_some().to_string()
                aria-describedby=id.clone()
                title=reason_text
                on:click=click
            >
                {move || lang.get().t(label)}
            </button>
            <span class="why" id=id>{reason_text}</span>
            <span class="feedback error-text" role="alert" hidden=move || feedback.with(|f| f.is_none())>
                {move || feedback.get()}
            </span>
        </span>
    }
}
