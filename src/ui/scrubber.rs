//! A slider over the whole scenario: dragging it back replays the log to that moment.

use chrono::TimeDelta;
use leptos::prelude::*;

use super::format;
use super::state::use_app;
use super::use_lang;
use crate::i18n::Text;

#[component]
pub fn Scrubber() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let now = app.now();
    let span = move || app.sim().with(|s| (s.start(), s.span_end()));
    let max_minutes = move || {
        let (start, end) = span();
        (end - start).num_minutes().max(1)
    };
    let value = move || (now.get() - span().0).num_minutes().clamp(0, max_minutes());
    view! {
        <label class="scrubber">
            <span class="visually-hidden">{move || lang.get().t(Text::Timeline)}</span>
            <span class="scrub-end" aria-hidden="true">{move || format::date(span().0)}</span>
            <input
                type="range"
                data-testid="scrubber"
                min="0"
                max=move || max_minutes().to_string()
                step="60"
                prop:value=move || value().to_string()
                aria-valuetext=move || format::date_time(now.get())
                on:input=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse::<i64>() {
                        app.seek(span().0 + TimeDelta::minutes(m));
                    }
                }
            />
            <span class="scrub-end" aria-hidden="true">{move || format::date(span().1)}</span>
        </label>
    }
}
