//! "Go to": a time typed as `YYYY-MM-DD HH:MM` (UTC, 24-hour). A plain text field, because a
//! `datetime-local` input follows the browser's locale and shows 12-hour times in en-US while
//! the rest of the page is 24-hour. A time it cannot read is said beside it, not ignored.

use leptos::prelude::*;

use crate::ui::tr;

use super::format;
use super::state::use_app;
use crate::i18n::Text;

#[component]
pub fn GoTo() -> impl IntoView {
    let app = use_app();
    // What the user typed; `None` means the field follows the clock.
    let typed = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(false);
    let shown = move || {
        typed
            .get()
            .unwrap_or_else(|| format::go_to_text(app.now().get()))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = typed.get_untracked() else {
            return;
        };
        match format::parse_go_to(&text) {
            Some(at) => {
                invalid.set(false);
                typed.set(None);
                app.seek(at);
            }
            None => invalid.set(true),
        }
    };
    view! {
        <form class="go-to" on:submit=submit>
            <label>
                {tr(Text::GoTo)} " "
                <input
                    type="text"
                    size="16"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid="go-to"
                    placeholder=tr(Text::GoToHint)
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby="go-to-error"
                    prop:value=shown
                    on:input=move |ev| {
                        invalid.set(false);
                        typed.set(Some(event_target_value(&ev)));
                    }
                />
            </label>
            <button type="submit">{tr(Text::Go)}</button>
            <span id="go-to-error" class="error-text" role="alert" hidden=move || !invalid.get()>
                {tr(Text::GoToInvalid)}
            </span>
        </form>
    }
}
