//! How times, durations and percentages read on screen. Pure functions, tested natively.

use chrono::{Datelike, TimeDelta, Timelike};

use crate::i18n::{Lang, Text};
use crate::model::Time;

/// "2026-01-05 09:00 UTC": unambiguous in every locale, which matters in a classroom.
pub fn date_time(t: Time) -> String {
    format!("{} UTC", go_to_text(t))
}

/// "2026-01-05". Written with integer formatting, not chrono's `strftime`, whose pattern
/// interpreter would cost the wasm bytes for three fixed patterns.
pub fn date(t: Time) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

/// What the "Go to" field shows: "2026-01-05 09:00", 24-hour like every time on the page.
/// (A `datetime-local` input follows the browser's locale and shows 12-hour times in en-US.)
pub fn go_to_text(t: Time) -> String {
    format!("{} {:02}:{:02}", date(t), t.hour(), t.minute())
}

/// Reads a "Go to" time (UTC): `YYYY-MM-DD HH:MM`, with `T` instead of the space, seconds,
/// a trailing `UTC` or `Z`, or a date alone (midnight) all accepted.
pub fn parse_go_to(text: &str) -> Option<Time> {
    let text = text.trim();
    let text = text
        .strip_suffix("UTC")
        .or_else(|| text.strip_suffix('Z'))
        .unwrap_or(text)
        .trim();
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut ymd = date.split('-');
    let (y, m, d) = (ymd.next()?, ymd.next()?, ymd.next()?);
    if ymd.next().is_some() || y.len() != 4 {
        return None;
    }
    let day =
        chrono::NaiveDate::from_ymd_opt(i32::try_from(number(y)?).ok()?, number(m)?, number(d)?)?;
    let (h, min, sec) = match time {
        None => (0, 0, 0),
        Some(time) => {
            let mut hms = time.split(':');
            let (h, min) = (number(hms.next()?)?, number(hms.next()?)?);
            let sec = hms.next().map(number).unwrap_or(Some(0))?;
            if hms.next().is_some() {
                return None;
            }
            (h, min, sec)
        }
    };
    Some(day.and_hms_opt(h, min, sec)?.and_utc())
}

/// One to four ASCII digits (a date or time field), nothing else.
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

pub fn rfc3339(t: Time) -> String {
    crate::model::rfc3339::write_rfc3339(t, false, true)
}

/// Day 1 is the scenario's first day, so a teacher can say "on day 15 the job is gone".
pub fn day_of(start: Time, now: Time) -> i64 {
    (now - start).num_days() + if now >= start { 1 } else { 0 }
}

/// Whole days, hours and minutes left, or `None` once the time has come.
fn days_hours_minutes(left: TimeDelta) -> Option<(i64, i64, i64)> {
    if left <= TimeDelta::zero() {
        return None;
    }
    let minutes = left.num_minutes();
    Some((minutes / 1440, (minutes % 1440) / 60, minutes % 60))
}

/// A countdown such as "13d 23h 59m"; under a minute it reads "<1m".
pub fn countdown(lang: Lang, left: TimeDelta) -> String {
    let Some((d, h, m)) = days_hours_minutes(left) else {
        return lang.t(Text::CountdownNow).into();
    };
    let hour = lang.t(Text::HourUnit);
    match (d, h, m) {
        (0, 0, 0) => "<1m".into(),
        (0, 0, m) => format!("{m}m"),
        (0, h, m) => format!("{h}{hour} {m}m"),
        (d, h, m) => format!("{d}d {h}{hour} {m}m"),
    }
}

/// The jobs table's countdown: "13 d 4 h", "5 h 12 m", "12 m"; whole days alone read "14 d".
/// Coarser than `countdown`, so a row's text changes less often while the clock plays.
pub fn short_countdown(lang: Lang, left: TimeDelta) -> String {
    let Some((d, h, m)) = days_hours_minutes(left) else {
        return lang.t(Text::CountdownNow).into();
    };
    let hour = lang.t(Text::HourUnit);
    // A number and its unit never part at a line break (U+00A0 between them).
    match (d, h, m) {
        (0, 0, 0) => "<1\u{a0}m".into(),
        (0, 0, m) => format!("{m}\u{a0}m"),
        (0, h, 0) => format!("{h}\u{a0}{hour}"),
        (0, h, m) => format!("{h}\u{a0}{hour} {m}\u{a0}m"),
        (d, 0, _) => format!("{d}\u{a0}d"),
        (d, h, _) => format!("{d}\u{a0}d {h}\u{a0}{hour}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> Time {
        chrono::Utc
            .with_ymd_and_hms(2026, 1, d, h, m, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn countdown_reads_days_hours_minutes() {
        let left = TimeDelta::days(13) + TimeDelta::hours(23) + TimeDelta::minutes(59);
        assert_eq!(countdown(Lang::En, left), "13d 23h 59m");
        assert_eq!(countdown(Lang::Nl, left), "13d 23u 59m");
        assert_eq!(countdown(Lang::En, TimeDelta::minutes(90)), "1h 30m");
        assert_eq!(countdown(Lang::En, TimeDelta::seconds(20)), "<1m");
        assert_eq!(countdown(Lang::En, TimeDelta::zero()), "now");
    }

    #[test]
    fn short_countdown_reads_days_and_hours() {
        let left = TimeDelta::days(13) + TimeDelta::hours(23) + TimeDelta::minutes(59);
        let plain = |d: TimeDelta| short_countdown(Lang::En, d).replace('\u{a0}', " ");
        assert_eq!(plain(left), "13 d 23 h");
        assert_eq!(short_countdown(Lang::Nl, left), "13\u{a0}d 23\u{a0}u");
        assert_eq!(plain(TimeDelta::days(14)), "14 d");
        assert_eq!(plain(TimeDelta::minutes(90)), "1 h 30 m");
        assert_eq!(plain(TimeDelta::hours(2)), "2 h");
        assert_eq!(plain(TimeDelta::seconds(20)), "<1 m");
        assert_eq!(plain(TimeDelta::zero()), "now");
    }

    #[test]
    fn day_counts_from_one() {
        assert_eq!(day_of(at(5, 9, 0), at(5, 9, 0)), 1);
        assert_eq!(day_of(at(5, 9, 0), at(6, 8, 59)), 1);
        assert_eq!(day_of(at(5, 9, 0), at(6, 9, 0)), 2);
    }

    #[test]
    fn go_to_reads_and_writes_24_hour_utc() {
        let t = at(7, 22, 30);
        assert_eq!(go_to_text(t), "2026-01-07 22:30");
        assert_eq!(parse_go_to(&go_to_text(t)), Some(t));
        assert_eq!(parse_go_to("2026-01-07T22:30"), Some(t));
        assert_eq!(parse_go_to(" 2026-01-07 22:30 UTC "), Some(t));
        assert_eq!(parse_go_to("2026-01-07T22:30:00Z"), Some(t));
        assert_eq!(parse_go_to("2026-01-07"), Some(at(7, 0, 0)));
        assert_eq!(parse_go_to("not a time"), None);
        assert_eq!(parse_go_to("2026-01-07 10:30 PM"), None);
        assert_eq!(parse_go_to("2026-01-07 24:30"), None);
        assert_eq!(parse_go_to("2026-02-30"), None);
        assert_eq!(parse_go_to("2026-01-07 22:30:00:00"), None);
        assert_eq!(parse_go_to("2026-01-07 +2:30"), None);
        assert_eq!(date_time(t), "2026-01-07 22:30 UTC");
        assert_eq!(date(t), "2026-01-07");
    }
}
