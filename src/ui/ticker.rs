//! The app's one ticker: while playing, it moves the simulated clock by speed × real elapsed
//! time. It is started and stopped by the `playing` signal and cleared when its owner goes,
//! because an interval nobody clears keeps ticking (and leaking) forever.

use std::time::Duration;

use chrono::TimeDelta;
use leptos::leptos_dom::helpers::IntervalHandle;
use leptos::prelude::*;

use super::state::AppState;

/// 25 frames a second: smooth enough for a clock, light on a classroom laptop.
const FRAME: Duration = Duration::from_millis(40);
/// The most real time one tick may account for.
const MAX_STEP_MS: f64 = 250.0;

pub fn use_ticker(app: AppState) {
    let handle = StoredValue::new(None::<IntervalHandle>);
    let last_ms = StoredValue::new(0.0_f64);
    let stop = move || {
        if let Some(h) = handle.get_value() {
            h.clear();
            handle.set_value(None);
        }
    };
    Effect::new(move |_| {
        let playing = app.playing.get();
        stop();
        if !playing {
            return;
        }
        last_ms.set_value(now_ms());
        let tick = move || {
            let t = now_ms();
            // Capped: after the tab was hidden (a teacher switching to slides), the clock
            // resumes where it was instead of leaping ahead by the time away.
            let elapsed_ms = (t - last_ms.get_value()).clamp(0.0, MAX_STEP_MS);
            last_ms.set_value(t);
            let per_second = app.speed.get_untracked().per_second().num_milliseconds() as f64;
            let step = TimeDelta::milliseconds((per_second * elapsed_ms / 1000.0) as i64);
            let end = app.sim.with_untracked(|s| s.span_end());
            let next = app.now.get_untracked() + step;
            if next >= end {
                app.now.set(end);
                app.playing.set(false);
            } else {
                app.now.set(next);
            }
        };
        handle.set_value(set_interval_with_handle(tick, FRAME).ok());
    });
    on_cleanup(stop);
}

/// Real milliseconds, only to measure how much wall time passed between two frames.
fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}
