//! The time axis (dates and day numbers; click or drag to scrub), the shared fill patterns,
//! and the stacked band of state counts shown instead of lanes past a few hundred jobs.

use super::scale::{day_number, Scale};
use crate::i18n::{day_label, Lang};
use crate::model::JobState;
use crate::ui::dom::Writer;
use crate::ui::format;
use std::fmt::Write;

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

/// The state patterns (inside a `<defs>`).
pub fn draw_patterns<W: Writer>(w: &mut W) {
    for (id, d) in PATTERNS {
        w.open("pattern")
            .attr("id", &format!("tl-p-{id}"))
            .attr("width", "8")
            .attr("height", "8")
            .attr("patternUnits", "userSpaceOnUse");
        w.open("rect")
            .attr("class", &format!("pbg s-{id}"))
            .attr("width", "8")
            .attr("height", "8")
            .close();
        w.open("path")
            .attr("class", "pfg")
            .attr("d", d)
            .close()
            .close();
    }
}

/// What the colours, patterns and shapes mean: every job state (the list's items).
pub fn draw_legend<W: Writer>(w: &mut W) {
    for s in JobState::ALL {
        let id = s.id();
        w.open("li")
            .open("svg")
            .attr("width", "22")
            .attr("height", "14")
            .attr("aria-hidden", "true")
            .open("rect")
            .attr("class", "swatch")
            .attr("x", "1")
            .attr("y", "1")
            .attr("width", "20")
            .attr("height", "12")
            .attr("fill", &format!("url(#tl-p-{id})"))
            .close()
            .close()
            .text(id)
            .close();
    }
}

/// Date and day number at each tick.
pub fn draw_axis<W: Writer>(w: &mut W, sc: &Scale, lang: Lang) {
    for t in sc.ticks() {
        let x = i64::from(sc.x(t));
        w.open("path")
            .attr("class", "axis-tick")
            .attr("d", &format!("M{x} 18v12"))
            .close();
        w.open("text")
            .attr("class", "axis-date")
            .num("x", x + 3)
            .attr("y", "12")
            .text(&format::date(t))
            .close();
        w.open("text")
            .attr("class", "axis-day")
            .num("x", x + 3)
            .attr("y", "27")
            .text(&day_label(lang, day_number(sc.start, t)))
            .close();
    }
}

/// Vertical grid lines at the axis ticks, across every lane: one path.
pub fn grid_path(sc: &Scale) -> String {
    let mut d = String::new();
    for t in sc.ticks() {
        d.push_str(&format!("M{} 0V100000", sc.x(t)));
    }
    d
}

/// How many instants the band counts at: one every 4 px of the plot.
pub fn band_bins(sc: &Scale) -> usize {
    usize::try_from((sc.x1 - sc.x0) / 4).unwrap_or(1).max(2)
}

/// The stacked band: one filled shape per state, the counts of every job over the shown span
/// (`band::Band::counts` at `band_bins` instants).
pub fn draw_band<W: Writer>(w: &mut W, counts: &[[u32; JobState::ALL.len()]], sc: &Scale) {
    let bins = counts.len().max(2);
    // The tallest stack, at least 1 (plain loops, no iterator adapters of their own).
    let mut peak = 1;
    for r in counts {
        let mut sum = 0;
        for n in r {
            sum += n;
        }
        peak = peak.max(sum);
    }
    let x = |k: usize| sc.x0 + i32::try_from(k).unwrap_or(0) * (sc.x1 - sc.x0) / (bins as i32 - 1);
    let y = |n: u32| {
        BAND_H - i32::try_from(u64::from(n) * BAND_H as u64 / u64::from(peak)).unwrap_or(0)
    };
    let mut below = vec![0u32; counts.len()];
    for (s, state) in JobState::ALL.iter().enumerate() {
        let mut d = String::new();
        for (k, row) in counts.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if k == 0 { 'M' } else { 'L' },
                x(k),
                y(below[k] + row[s])
            );
        }
        for (k, row) in counts.iter().enumerate().rev() {
            let _ = write!(d, "L{} {}", x(k), y(below[k]));
            below[k] += row[s];
        }
        w.open("path")
            .attr("class", "band")
            .attr("data-band", state.id())
            .attr("d", &d)
            .attr("clip-path", "url(#tl-past)")
            .close();
    }
}
