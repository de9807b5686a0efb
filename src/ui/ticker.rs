//! The app's one ticker: while playing, it moves the simulated clock by speed × real elapsed
//! time. It is started and stopped by the `playing` signal. The interval is a `dom::Interval`,
//! which cancels itself when dropped: pausing drops it, and so does the ticker's owner going
//! away, so no interval is left ticking (and leaking).

use crate::ui::slot::Slot;
use chrono::TimeDelta;
use leptos::prelude::*;

use super::dom::Interval;
use super::state::AppState;

/// 25 frames a second: smooth enough for a clock, light on a classroom laptop.
const FRAME_MS: u32 = 40;
/// The most real time one tick may account for.
const MAX_STEP_MS: f64 = 250.0;

/// How far the simulated clock moves for `elapsed_ms` of real time at `per_second`. The
/// real time is capped: after the tab was hidden (a teacher switching to slides), the clock
/// resumes where it was instead of leaping ahead by the time away.
pub fn step(per_second: TimeDelta, elapsed_ms: f64) -> TimeDelta {
    let elapsed_ms = elapsed_ms.clamp(0.0, MAX_STEP_MS);
    let per_second_ms = per_second.num_milliseconds() as f64;
    TimeDelta::milliseconds((per_second_ms * elapsed_ms / 1000.0) as i64)
}

pub fn use_ticker(app: AppState) {
    // An `Interval` holds a JS closure, so it lives in local (not thread-safe) storage.
    let running = Slot::new(None::<Interval>);
    crate::ui::fx::effect(move || {
        // Replacing the stored interval drops (and so cancels) the previous one.
        running.set_value(None);
        if !app.playing().get() {
            return;
        }
        // Each run of play starts its own count (a stored value of its own type compiled
        // Leptos' storage code once more).
        let mut last_ms = now_ms();
        let tick = move || {
            let t = now_ms();
            let elapsed_ms = t - last_ms;
            last_ms = t;
            let per_second = app.speed().get_untracked().per_second();
            let end = app.sim().with_untracked(|s| s.span_end());
            app.advance_to(
                app.now().get_untracked() + step(per_second, elapsed_ms),
                end,
            );
        };
        running.set_value(Some(Interval::new(FRAME_MS, tick)));
    });
    on_cleanup(move || running.set_value(None));
}

/// Real milliseconds, only to measure how much wall time passed between two frames. `Date`
/// rather than `performance`: the same clock the app reads elsewhere (no imports of its own),
/// and `step` takes a backward jump of the wall clock as no time.
pub fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_moves_the_clock_by_speed_times_elapsed() {
        assert_eq!(
            step(TimeDelta::days(1), 40.0),
            TimeDelta::milliseconds(3_456_000)
        );
    }

    #[test]
    fn time_away_in_a_hidden_tab_counts_as_one_short_frame() {
        let capped = step(TimeDelta::days(1), 250.0);
        assert_eq!(step(TimeDelta::days(1), 60_000.0), capped);
        assert_eq!(step(TimeDelta::days(1), -5.0), TimeDelta::zero());
    }
}
