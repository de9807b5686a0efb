//! A button for one simulated action. It stays focusable when the rules forbid the action
//! (`aria-disabled`, not `disabled`) so keyboard users can still reach it and read why; the
//! reason is the same refusal the engine would give. Pressing it anyway shows that refusal
//! beside the button and changes nothing. An accepted action says what it changed beside
//! the button ("Done: Shipping → Received").

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use super::state::{use_app, AppState};
use super::use_lang;
use crate::i18n::{done_line, refusal_text, refused_line, Text};
use crate::model::{Action, Change, EventLabel, Refusal};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// Which button's action was accepted last: only that button shows its confirmation, so
/// the page never shows two "Done" lines about different moments. Provided by `App`.
#[derive(Clone, Copy)]
pub struct LastAction(RwSignal<Option<usize>>);

pub fn provide_last_action() {
    provide_context(LastAction(RwSignal::new(None)));
}

/// Why `action` would be refused right now, or `None` if it would be accepted: the same
/// question as `AppState::check`, kept for the callers that want an `Option`.
pub fn blocked_reason(app: &AppState, action: &Action) -> Option<Refusal> {
    app.check(action).err()
}

/// Adds `action` at the current simulated time (see `AppState::perform`).
pub fn perform(app: &AppState, action: Action) -> Result<(), Refusal> {
    app.perform(action)
}

/// What the action just added at the clock changed: its entry in the job's log is the last
/// one of its kind at that instant (an action goes after everything already there).
fn changes_of(app: &AppState, action: &Action) -> Vec<Change> {
    let at = app.now().get_untracked();
    let label = EventLabel::Action(action.kind());
    app.sim().with_untracked(|s| {
        s.job_log(action.job_name())
            .iter()
            .rev()
            .skip_while(|e| e.at > at)
            .take_while(|e| e.at == at)
            .find(|e| e.event == label)
            .and_then(|e| e.outcome.clone().ok())
            .unwrap_or_default()
    })
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
    let LastAction(last) = expect_context::<LastAction>();
    let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let id = format!("why-{n}");
    let feedback = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<Vec<Change>>);
    // Just accepted: the button may now be forbidden, and its reason must not pop up over
    // the next control while the pointer or the focus is still here.
    let quiet = RwSignal::new(false);
    // A refusal or a confirmation belongs to its moment and its job: moving the clock or
    // choosing another job clears it.
    crate::ui::fx::effect(move || {
        app.now().track();
        app.selected().track();
        feedback.set(None);
        done.set(None);
    });
    let reason = move || action.with(|a| a.as_ref().and_then(|a| blocked_reason(&app, a)));
    let reason_text = move || reason().map(|r| refusal_text(lang.get(), &r));
    let click = move |_| {
        let Some(a) = action.get_untracked() else {
            return;
        };
        match app.perform(a.clone()) {
            Ok(()) => {
                feedback.set(None);
                done.set(Some(changes_of(&app, &a)));
                last.set(Some(n));
                quiet.set(true);
                if let Some(on_done) = on_done {
                    on_done.run(());
                }
            }
            Err(refusal) => {
                done.set(None);
                feedback.set(Some(refused_line(lang.get_untracked(), &refusal)));
            }
        }
    };
    let done_text = move || {
        (last.get() == Some(n))
            .then(|| done.with(|d| d.as_ref().map(|c| done_line(lang.get(), c))))
            .flatten()
    };
    view! {
        <span
            class="action"
            class:quiet=move || quiet.get()
            on:mouseleave=move |_| quiet.set(false)
            on:focusout=move |_| quiet.set(false)
        >
            <button
                type="button"
                data-testid=testid
                aria-disabled=move || reason().is_some().to_string()
                aria-describedby=id.clone()
                title=move || if quiet.get() { None } else { reason_text() }
                on:click=click
            >
                {move || lang.get().t(label)}
            </button>
            <span class="why" id=id>{reason_text}</span>
            <span class="done" role="status" hidden=move || done_text().is_none()>{done_text}</span>
            <span class="feedback error-text" role="alert" hidden=move || feedback.with(|f| f.is_none())>
                {move || feedback.get()}
            </span>
        </span>
    }
}
