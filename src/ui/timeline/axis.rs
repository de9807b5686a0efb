//! The time axis (dates and day numbers; click or drag to scrub), the shared fill patterns,
//! and the stacked band of state counts shown instead of lanes past a few hundred jobs.

use leptos::prelude::*;

use super::scale::{day_number, Scale};
use crate::i18n::{day_label, Lang};
use crate::model::JobState;
use crate::sim::lanes::state_counts;
use crate::sim::Simulation;
use crate::ui::format;

pub const AXIS_H: i32 = 30;
pub const BAND_H: i32 = 96;

/// Each state's fill: its colour (CSS, `.s-<id>`) under a pattern of its own, so a state is
/// told apart by shape as well as by colour.
const PATTERNS: [(&str, &str); 12] = [
    ("Creating", ""),
    ("Shipping", "M-2 2l4-4M0 8l8-8M6 10l4-4"),
    ("Received", "M3 3h2v2h-2z"),
    ("Transferring", "M4 0v8"),
    ("Packaging", "M0 4h8"),
    ("Completed", ""),
    ("Closed", "M0 0l8 8M8 0l-8 8"),
    ("Canceled", "M0 0l8 8"),
    ("Specified", ""),
    ("NeverReceived", "M0 0l8 8M8 0l-8 8"),
    ("CompletedMoreInfo", "M3 3h2v2h-2z"),
    ("ShippedBack", "M0 4h8"),
];

/// The patterns and the two clip paths that split every open shape at the now line.
pub fn defs(now_x: Memo<i32>) -> impl IntoView {
    let pats = PATTERNS
        .iter()
        .map(|&(id, d)| {
            view! {
                <pattern id=format!("tl-p-{id}") width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect class=format!("pbg s-{id}") width="8" height="8" />
                    <path class="pfg" d=d />
                </pattern>
            }
        })
        .collect_view();
    view! {
        <defs>
            {pats}
            <clipPath id="tl-past">
                <rect x="-1000" y="-100000" width=move || now_x.get() + 1000 height="1000000" />
            </clipPath>
            <clipPath id="tl-future">
                <rect x=move || now_x.get() y="-100000" width="100000" height="1000000" />
            </clipPath>
        </defs>
    }
}

/// What the colours, patterns and shapes mean: every job state, then the marks.
pub fn legend() -> impl IntoView {
    let states = JobState::ALL
        .iter()
        .map(|s| {
            let id = s.id();
            view! {
                <li>
                    <svg width="22" height="14" aria-hidden="true">
                        <rect class="swatch" x="1" y="1" width="20" height="12" fill=format!("url(#tl-p-{id})") />
                    </svg>
                    {id}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="tl-legend">{states}</ul> }
}

/// Date and day number at each tick.
pub fn axis_ticks(sc: &Scale, lang: Lang) -> impl IntoView {
    sc.ticks()
        .into_iter()
        .map(|t| {
            let x = sc.x(t);
            view! {
                <path class="axis-tick" d=format!("M{x} 18v12") />
                <text class="axis-date" x=x + 3 y="12">{format::date(t)}</text>
                <text class="axis-day" x=x + 3 y="27">{day_label(lang, day_number(sc.start, t))}</text>
            }
        })
        .collect_view()
}

/// Vertical grid lines at the axis ticks, across every lane: one path.
pub fn grid_path(sc: &Scale) -> String {
    sc.ticks()
        .into_iter()
        .map(|t| format!("M{} 0V100000", sc.x(t)))
        .collect()
}

/// The stacked band: one filled shape per state, the counts of every job over the shown span.
pub fn band(sim: &Simulation, sc: &Scale) -> impl IntoView {
    let bins = usize::try_from((sc.x1 - sc.x0) / 4).unwrap_or(1).max(2);
    let counts = state_counts(
        sim.job_names().map(|n| sim.job_history(n)),
        sc.t0,
        sc.t1,
        bins,
    );
    let peak = counts
        .iter()
        .map(|r| r.iter().sum::<u32>())
        .max()
        .unwrap_or(1)
        .max(1);
    let x = |k: usize| sc.x0 + i32::try_from(k).unwrap_or(0) * (sc.x1 - sc.x0) / (bins as i32 - 1);
    let y = |n: u32| {
        BAND_H - i32::try_from(u64::from(n) * BAND_H as u64 / u64::from(peak)).unwrap_or(0)
    };
    let mut below = vec![0u32; bins];
    JobState::ALL
        .iter()
        .enumerate()
        .map(|(s, state)| {
            let mut d = String::new();
            for (k, row) in counts.iter().enumerate() {
                d.push_str(&format!(
                    "{}{} {}",
                    if k == 0 { 'M' } else { 'L' },
                    x(k),
                    y(below[k] + row[s])
                ));
            }
            for k in (0..bins).rev() {
                d.push_str(&format!("L{} {}", x(k), y(below[k])));
                below[k] += counts[k][s];
            }
            let id = state.id();
            view! { <path class="band" data-band=id d=d clip-path="url(#tl-past)" /> }
        })
        .collect_view()
}
