//! The dates Azure prints: `shipDate` in the US locale ("9/29/2017 10:28:35 PM", taken as UTC),
//! or RFC 3339 where the service uses it (`systemData.createdAt`). Impossible dates are `None`.

use crate::model::Time;
use chrono::{NaiveDate, TimeZone, Timelike};

/// "M/D/YYYY h:mm:ss AM|PM" (or RFC 3339): the time, or `None` when it is no real instant.
pub fn parse(text: &str) -> Option<Time> {
    let text = text.trim();
    if let Some(t) = crate::model::rfc3339::parse_rfc3339(text) {
        return Some(t);
    }
    let mut parts = text.split_whitespace();
    let (date, clock, half) = (parts.next()?, parts.next(), parts.next());
    if parts.next().is_some() {
        return None;
    }
    let mut mdy = date.split('/').map(number);
    let (m, d, y) = (mdy.next()??, mdy.next()??, mdy.next()??);
    if mdy.next().is_some() || !(1000..=9999).contains(&y) {
        return None;
    }
    let (mut h, min, s) = match clock {
        None => (0, 0, 0),
        Some(c) => {
            let mut hms = c.split(':').map(number);
            let (h, min) = (hms.next()??, hms.next()??);
            let s = hms.next().unwrap_or(Some(0))?;
            if hms.next().is_some() {
                return None;
            }
            (h, min, s)
        }
    };
    match half.map(str::to_ascii_uppercase).as_deref() {
        None => {}
        Some(p @ ("AM" | "PM")) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = h % 12 + if p == "PM" { 12 } else { 0 };
        }
        Some(_) => return None,
    }
    let naive = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?.and_hms_opt(h, min, s)?;
    chrono::Utc.from_local_datetime(&naive).single()
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The US-locale form Azure prints, to the second.
pub fn us(t: Time) -> String {
    use chrono::Datelike;
    let h = t.hour();
    let half = if h < 12 { "AM" } else { "PM" };
    let h12 = if h.is_multiple_of(12) { 12 } else { h % 12 };
    format!(
        "{}/{}/{} {}:{:02}:{:02} {half}",
        t.month(),
        t.day(),
        t.year(),
        h12,
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(t: Option<Time>) -> String {
        t.map(|t| crate::model::rfc3339::write_rfc3339(t, true, false))
            .unwrap_or_default()
    }

    #[test]
    fn reads_the_us_locale_and_iso() {
        assert_eq!(
            iso(parse("9/29/2017 10:28:35 PM")),
            "2017-09-29T22:28:35+00:00"
        );
        assert_eq!(
            iso(parse("1/2/2020 12:00:00 AM")),
            "2020-01-02T00:00:00+00:00"
        );
        assert_eq!(
            iso(parse("1/2/2020 12:05:00 PM")),
            "2020-01-02T12:05:00+00:00"
        );
        assert_eq!(iso(parse("1/2/2020")), "2020-01-02T00:00:00+00:00");
        assert_eq!(
            iso(parse("2020-02-03T01:01:01.1075056Z")),
            "2020-02-03T01:01:01.107505600+00:00"
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2/30/2017 10:28:35 PM",
            "13/1/2017 1:00:00 AM",
            "9/29/2017 13:28:35 PM",
            "9/29/2017 10:61:35 PM",
            "9/29/17 10:28:35 PM",
            "yesterday",
            "",
            "9/29/2017 10:28:35 XM",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn us_round_trips() {
        for s in [
            "9/29/2017 10:28:35 PM",
            "1/2/2020 12:00:00 AM",
            "12/31/2026 12:59:59 PM",
        ] {
            assert_eq!(parse(s).map(us).as_deref(), Some(s));
        }
    }
}
