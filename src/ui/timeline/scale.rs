//! Time ↔ pixels for the timeline, and where the axis puts its day ticks. Pure, tested natively.
//! Coordinates are whole pixels: no float ever reaches the page.

use chrono::TimeDelta;

use crate::model::Time;

/// Width of the job-name column left of the lanes.
pub const LABEL_W: i32 = 128;
/// Space right of the plot, so an end marker's rule id still fits.
pub const RIGHT_PAD: i32 = 28;

/// What the timeline shows: `t0..t1` across pixels `x0..x1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scale {
    pub t0: Time,
    pub t1: Time,
    pub x0: i32,
    pub x1: i32,
    /// Day 1 of the scenario: the axis counts days from here.
    pub start: Time,
}

impl Scale {
    pub fn new(t0: Time, t1: Time, width: i32, start: Time) -> Self {
        let x0 = LABEL_W;
        let x1 = (width - RIGHT_PAD).max(x0 + 100);
        let t1 = if t1 > t0 { t1 } else { t0 + TimeDelta::days(1) };
        Scale {
            t0,
            t1,
            x0,
            x1,
            start,
        }
    }

    fn span_s(&self) -> i64 {
        (self.t1 - self.t0).num_seconds().max(1)
    }

    /// The pixel of `t`, clamped a little outside the plot so far-off shapes stay small.
    /// In `i64`, saturating: only a product past `i64` saturates (seconds across chrono's
    /// whole range times a plot over 100,000 px wide), and its pixel is clamped anyway; an
    /// `i128` division kept a ~1 KB routine of the compiler's runtime in the wasm.
    pub fn x(&self, t: Time) -> i32 {
        let s = (t - self.t0).num_seconds();
        let w = i64::from(self.x1 - self.x0);
        let px = s.saturating_mul(w) / self.span_s();
        let px = px.clamp(-w - 50, 2 * w + 50);
        self.x0 + i32::try_from(px).unwrap_or(0)
    }

    /// Whether `t` falls in the shown span (marks outside it are not drawn when zoomed in).
    pub fn shows(&self, t: Time) -> bool {
        self.t0 <= t && t <= self.t1
    }

    /// The instant at pixel `x`, inside the shown span.
    pub fn t(&self, x: i32) -> Time {
        let x = i64::from(x.clamp(self.x0, self.x1) - self.x0);
        let w = i64::from((self.x1 - self.x0).max(1));
        self.t0 + TimeDelta::seconds(x * self.span_s() / w)
    }

    /// The axis ticks: instants a whole number of days from the scenario's start, spaced so
    /// their labels (a date and a day number) never collide.
    pub fn ticks(&self) -> Vec<Time> {
        let px_per_day = i64::from(self.x1 - self.x0) * 86_400 / self.span_s();
        let step = [1, 2, 7, 14, 28, 56, 112, 364]
            .into_iter()
            .find(|d| d * px_per_day.max(1) >= 76)
            .unwrap_or(728);
        let first = (self.t0 - self.start).num_days().div_euclid(step) * step;
        // A plain loop (an iterator chain collected is compiled once per chain): the days in
        // order, those before `t0` skipped, at most 200.
        let mut ticks = Vec::new();
        let mut day = first;
        while ticks.len() < 200 {
            let t = self.start + TimeDelta::days(day);
            day += step;
            if t > self.t1 {
                break;
            }
            if t >= self.t0 {
                ticks.push(t);
            }
        }
        ticks
    }
}

/// Day 1 is the scenario's first day (as in the clock bar).
pub fn day_number(start: Time, t: Time) -> i64 {
    (t - start).num_days() + if t >= start { 1 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s)
            .expect("valid")
            .to_utc()
    }

    #[test]
    fn pixels_and_times_map_both_ways() {
        let start = t("2026-01-05T09:00:00Z");
        let s = Scale::new(
            start,
            start + TimeDelta::days(100),
            LABEL_W + 1000 + RIGHT_PAD,
            start,
        );
        assert_eq!(s.x(start), LABEL_W);
        assert_eq!(s.x(start + TimeDelta::days(50)), LABEL_W + 500);
        assert_eq!(s.t(LABEL_W + 140), start + TimeDelta::days(14));
        assert_eq!(s.t(0), start, "clamped to the plot");
    }

    #[test]
    fn far_off_instants_stay_just_outside_the_plot() {
        let start = t("2026-01-05T09:00:00Z");
        let s = Scale::new(
            start,
            start + TimeDelta::seconds(1),
            LABEL_W + 1000 + RIGHT_PAD,
            start,
        );
        assert_eq!(
            s.x(chrono::DateTime::<chrono::Utc>::MAX_UTC),
            LABEL_W + 2050
        );
        assert_eq!(
            s.x(chrono::DateTime::<chrono::Utc>::MIN_UTC),
            LABEL_W - 1050
        );
        assert_eq!(s.x(start + TimeDelta::days(3)), LABEL_W + 2050);
    }

    #[test]
    fn ticks_fall_on_whole_days_from_the_start_and_do_not_crowd() {
        let start = t("2026-01-05T09:00:00Z");
        let s = Scale::new(
            start,
            start + TimeDelta::days(120),
            LABEL_W + 1000 + RIGHT_PAD,
            start,
        );
        let ticks = s.ticks();
        assert_eq!(ticks[0], start);
        assert_eq!(ticks[1] - ticks[0], TimeDelta::days(14));
        assert_eq!(day_number(start, ticks[1]), 15);
        let week = Scale::new(
            start,
            start + TimeDelta::days(7),
            LABEL_W + 1000 + RIGHT_PAD,
            start,
        );
        assert_eq!(week.ticks().len(), 8, "one a day");
    }
}
