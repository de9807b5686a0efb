//! The simulated clock, big enough for a projector, with every way to move it.

use leptos::prelude::*;

use super::clock_controls::ClockControls;
use super::format;
use super::scrubber::Scrubber;
use super::state::use_app;
use super::use_lang;
use crate::i18n::Text;

#[component]
pub fn ClockBar() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let day = move || {
        let start = app.sim().with(|s| s.start());
        format!(
            "{} {}",
            t(Text::DayOfScenario),
            format::day_of(start, app.now().get())
        )
    };
    view! {
        <section class="clock-bar" aria-label=move || t(Text::ClockLabel)>
            <div class="clock-readout">
                <output class="clock-time" aria-live="off" data-testid="clock">
                    {move || format::date_time(app.now().get())}
                </output>
                <span class="clock-day" data-testid="day">{day}</span>
            </div>
            <ClockControls />
            <Scrubber />
        </section>
    }
}
