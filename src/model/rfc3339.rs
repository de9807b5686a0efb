//! Reads an RFC 3339 time ("2026-01-05T09:00:00Z", "2026-01-05T10:00:00.5+01:00"), the one
//! form scenario files, links and the timeline's attributes use.
//!
//! Why by hand and not chrono's `parse_from_rfc3339`: chrono's parser is a general format
//! interpreter (about 10 KB of wasm) for this one fixed form. The native tests check this one
//! against chrono's on many inputs, so both accept and reject the same strings.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};

use super::Time;

/// The time `text` names, or `None` if it is not RFC 3339 (date `T` time, optional fraction,
/// `Z` or an offset `±HH:MM`; `t`, `z` and a space for `T` are accepted as chrono does).
pub fn parse_rfc3339(text: &str) -> Option<Time> {
    let b = text.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let year = digits(b, 0, 4)? as i32;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    let second = digits(b, 17, 2)?;
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let mut i = 19;
    let mut nanos: u32 = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        let mut scale = 100_000_000;
        while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            nanos += u32::from(d - b'0') * scale;
            scale /= 10;
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset_seconds = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let s = (h * 3600 + m * 60) as i32;
            if *sign == b'-' {
                -s
            } else {
                s
            }
        }
        _ => return None,
    };
    // A leap second (":60") is the last second's extra nanoseconds, as chrono keeps it.
    let (second, nanos) = match second {
        60 => (59, nanos + 1_000_000_000),
        s => (s, nanos),
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = NaiveDateTime::new(date, time);
    let offset = FixedOffset::east_opt(offset_seconds)?;
    Some(offset.from_local_datetime(&local).single()?.to_utc())
}

/// Writes `t` as RFC 3339 in UTC, as chrono's `to_rfc3339_opts` does: with `fraction`, a
/// fraction of a second only when there is one (3, 6 or 9 digits, as few as exact), else whole
/// seconds; `Z` or `+00:00`. By hand for the same reason as the reader: chrono's formatting
/// machinery is general and costs the wasm bytes for this one form.
pub fn write_rfc3339(t: Time, fraction: bool, z: bool) -> String {
    write(t, fraction, 'T', if z { "Z" } else { "+00:00" })
}

/// Writes `t` as chrono's `Display` does ("2026-01-05 09:00:00.5 UTC"), the form some messages
/// show, without pulling chrono's formatting code into the wasm for it.
pub fn write_utc(t: Time) -> String {
    write(t, true, ' ', " UTC")
}

fn write(t: Time, fraction: bool, sep: char, end: &str) -> String {
    let (mut second, mut nanos) = (t.second(), t.nanosecond());
    if nanos >= 1_000_000_000 {
        // A leap second, as chrono keeps it.
        second += 1;
        nanos -= 1_000_000_000;
    }
    let year = t.year();
    let mut out = String::with_capacity(32);
    if year > 9999 {
        out.push('+');
    } else if year < 0 {
        out.push('-');
    }
    pad(&mut out, year.unsigned_abs(), 4);
    for (sep, n) in [
        ('-', t.month()),
        ('-', t.day()),
        (sep, t.hour()),
        (':', t.minute()),
        (':', second),
    ] {
        out.push(sep);
        pad(&mut out, n, 2);
    }
    if fraction && nanos > 0 {
        out.push('.');
        if nanos % 1_000_000 == 0 {
            pad(&mut out, nanos / 1_000_000, 3);
        } else if nanos % 1_000 == 0 {
            pad(&mut out, nanos / 1_000, 6);
        } else {
            pad(&mut out, nanos, 9);
        }
    }
    out.push_str(end);
    out
}

/// `n` in decimal, with leading zeros to `width` digits (what `{:0width$}` writes, without
/// the formatting machinery's code here).
fn pad(out: &mut String, n: u32, width: usize) {
    let digits = n.to_string();
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// `n` ASCII digits at `at`, as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let mut v = 0;
    for &d in b.get(at..at + n)? {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(d - b'0');
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrono_reads(text: &str) -> Option<Time> {
        chrono::DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.to_utc())
    }

    #[test]
    fn agrees_with_chrono() {
        let cases = [
            "2026-01-05T09:00:00Z",
            "2026-01-05t09:00:00z",
            "2026-01-05 09:00:00Z",
            "2026-01-07T10:30:00.123456789Z",
            "2026-01-07T10:30:00.1234567891Z",
            "2026-01-07T10:30:00.5+01:00",
            "2026-01-07T10:30:00-05:30",
            "2026-01-07T10:30:00+0100",
            "2026-01-07T10:30:00+24:00",
            "2026-01-07T10:30:00",
            "2026-01-07T10:30Z",
            "2026-02-30T10:30:00Z",
            "2026-12-31T23:59:60Z",
            "2026-01-07T24:00:00Z",
            "2026-1-07T10:30:00Z",
            "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "2026-01-07T10:30:00.Z",
            "2026-01-07T10:30:00Zx",
            "+2026-01-07T10:30:00Z",
            "2026-01-07T10:30:00 Z",
            "",
            "not a time at all, no",
        ];
        for text in cases {
            assert_eq!(parse_rfc3339(text), chrono_reads(text), "{text}");
        }
    }

    #[test]
    fn writes_as_chrono_writes() {
        use chrono::SecondsFormat::{AutoSi, Secs};
        let mut seed = 5u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..5_000 {
            let secs = (next() % 400_000_000_000) as i64 - 62_000_000_000;
            let nanos = match i % 4 {
                0 => 0,
                1 => (next() % 1000) as u32 * 1_000_000,
                2 => (next() % 1_000_000) as u32 * 1_000,
                _ => (next() % 1_000_000_000) as u32,
            };
            let Some(t) = chrono::DateTime::from_timestamp(secs, nanos) else {
                continue;
            };
            assert_eq!(
                write_rfc3339(t, true, true),
                t.to_rfc3339_opts(AutoSi, true)
            );
            assert_eq!(write_rfc3339(t, true, false), t.to_rfc3339());
            assert_eq!(write_rfc3339(t, false, true), t.to_rfc3339_opts(Secs, true));
            assert_eq!(write_utc(t), t.to_string());
        }
    }

    #[test]
    fn writes_a_leap_second_as_chrono_displays_it() {
        let day = chrono::NaiveDate::from_ymd_opt(2016, 12, 31);
        for nanos in [1_000_000_000, 1_500_000_000, 1_000_000_001] {
            let time = chrono::NaiveTime::from_hms_nano_opt(23, 59, 59, nanos);
            let Some((day, time)) = day.zip(time) else {
                panic!("a valid leap second");
            };
            let t = day.and_time(time).and_utc();
            assert_eq!(write_utc(t), t.to_string());
            assert_eq!(
                write_rfc3339(t, true, true),
                t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
            );
        }
    }

    #[test]
    fn agrees_with_chrono_on_many_times_and_their_mutations() {
        let mut seed = 11u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5_000 {
            let secs = (next() % 400_000_000_000) as i64 - 60_000_000_000;
            let Some(t) = chrono::DateTime::from_timestamp(secs, (next() % 1_000_000_000) as u32)
            else {
                continue;
            };
            for form in [
                t.to_rfc3339(),
                t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                t.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
            ] {
                assert_eq!(parse_rfc3339(&form), chrono_reads(&form), "{form}");
                let mut bytes = form.clone().into_bytes();
                let at = (next() as usize) % bytes.len();
                bytes[at] = b"0123456789-:+TZ. x"[(next() % 18) as usize];
                if let Ok(mutated) = String::from_utf8(bytes) {
                    assert_eq!(parse_rfc3339(&mutated), chrono_reads(&mutated), "{mutated}");
                }
            }
        }
    }
}
