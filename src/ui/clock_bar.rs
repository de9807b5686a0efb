//! The simulated clock, big enough for a projector, with every way to move it and the
//! autopilot switch. It stays at the top of the window; once the page is scrolled it turns
//! compact (time, play, next event, autopilot), and whole again near the top or while a
//! control inside it has the focus.

use leptos::prelude::*;

use crate::ui::tr;

use super::autopilot_settings::AutopilotSwitch;
use super::clock_controls::ClockControls;
use super::format;
use super::scrubber::Scrubber;
use super::state::use_app;
use super::use_lang;
use crate::i18n::Text;

/// Scrolled past this many pixels, the bar turns compact; back above `WHOLE_BELOW`, whole.
/// The gap is larger than the height the bar loses, so its change cannot undo itself.
const COMPACT_PAST: f64 = 160.0;
const WHOLE_BELOW: f64 = 24.0;

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
    let compact = RwSignal::new(false);
    let listener = window_event_listener(leptos::ev::scroll, move |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        let now_compact = compact.get_untracked();
        if !now_compact && y > COMPACT_PAST {
            compact.set(true);
        } else if now_compact && y < WHOLE_BELOW {
            compact.set(false);
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <section
            class="clock-bar"
            class:compact=move || compact.get()
            aria-label=tr(Text::ClockLabel)
            data-testid="clock-bar"
        >
            <div class="clock-readout">
                <output class="clock-time" aria-live="off" data-testid="clock">
                    {move || format::date_time(app.now().get())}
                </output>
                <span class="clock-day" data-testid="day">{day}</span>
            </div>
            <AutopilotSwitch />
            <Scrubber />
            <ClockControls />
        </section>
    }
}
