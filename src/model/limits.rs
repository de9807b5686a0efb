//! Every limit on input, in one place: what a scenario file, a link, the New job form and a
//! user action may hold. They are checked at the edge, before any work, so hostile or just very
//! large input is refused with its reason instead of freezing the page or eating memory, and so
//! the world never holds what its file could not.

use super::ids::DriveId;
use super::Time;
use serde::{Deserialize, Serialize};

/// A scenario file's text (and the JSON inside a link), in bytes.
pub const MAX_SCENARIO_BYTES: usize = 8 * 1024 * 1024;
/// A link's fragment (`#scenario=…`), in characters: browsers store longer addresses badly.
pub const MAX_LINK_CHARS: usize = 1_000_000;
/// Jobs in one scenario (declared plus created by events).
pub const MAX_JOBS: usize = 20_000;
/// Events in one scenario file.
pub const MAX_EVENTS: usize = 100_000;
/// Manual events (scripted or user) for one job. A real job sees a few dozen; this keeps each
/// job's replay far below the engine's step cap, so no event is ever dropped.
pub const MAX_EVENTS_PER_JOB: usize = 1_000;
/// Drives a job holds, and so drive ids in one delivery's `present` list (the service's limit).
pub const MAX_DRIVES: usize = 10;
/// Extra drives (belonging to no job) in one delivery.
pub const MAX_EXTRA_DRIVES: usize = 5;
/// Messages on one finished copy, and the characters in each.
pub const MAX_MESSAGES: usize = 20;
pub const MAX_MESSAGE_CHARS: usize = 500;
/// A job name (Azure allows 64 characters), a carrier and a tracking number.
pub const MAX_NAME_CHARS: usize = 64;
/// A scenario's title and description.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// A drive larger than this (1 PiB) is surely a typo, and keeps byte counts far from overflow.
pub const MAX_DRIVE_BYTES: u64 = 1 << 50;
/// A file with problems lists at most this many, then "and N more".
pub const MAX_PROBLEMS: usize = 100;

/// Which text a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextField {
    JobName,
    StorageAccount,
    Carrier,
    Tracking,
    Message,
    Title,
    Description,
}

impl TextField {
    /// The most characters the field may hold.
    pub fn max_chars(self) -> usize {
        match self {
            Self::JobName | Self::Carrier | Self::Tracking => MAX_NAME_CHARS,
            Self::StorageAccount => 24,
            Self::Message => MAX_MESSAGE_CHARS,
            Self::Title => MAX_TITLE_CHARS,
            Self::Description => MAX_DESCRIPTION_CHARS,
        }
    }
}

/// What is wrong with a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextProblem {
    Empty,
    TooLong {
        max: usize,
    },
    /// A control character (tab, newline, NUL, ...): it would break or spoof the table.
    ControlCharacter,
    /// A bidirectional override or isolate: it would make a name read differently than it is.
    BidiCharacter,
    /// Not 3 to 24 lowercase letters and digits (Azure's rule for storage account names).
    NotAStorageAccountName,
}

/// What a count is of, for "too many" problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Countable {
    Jobs,
    Events,
    EventsForJob,
    PresentDrives,
    ExtraDrives,
    Messages,
}

impl Countable {
    pub fn max(self) -> usize {
        match self {
            Self::Jobs => MAX_JOBS,
            Self::Events => MAX_EVENTS,
            Self::EventsForJob => MAX_EVENTS_PER_JOB,
            Self::PresentDrives => MAX_DRIVES,
            Self::ExtraDrives => MAX_EXTRA_DRIVES,
            Self::Messages => MAX_MESSAGES,
        }
    }
}

/// Input the simulator will not take, whatever state the job is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputProblem {
    Text {
        field: TextField,
        problem: TextProblem,
    },
    /// A size of 0, or larger than any drive.
    DriveSize {
        drive: DriveId,
    },
    /// The drive id is already one of another job's drives (or another job's extra drive).
    DriveInUse {
        drive: DriveId,
        owner: String,
    },
    TooMany {
        what: Countable,
        count: usize,
    },
    /// Before the scenario's start, or past the year 9999 that a file can write.
    TimeOutOfRange {
        at: Time,
    },
}

/// Bidirectional formatting characters: overrides, embeddings, isolates and marks.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks a free text (name, carrier, message...): not blank, not too long, and free of
/// control and bidi characters. Stops counting at the limit, so a huge text costs nothing.
pub fn check_text(text: &str, field: TextField) -> Result<(), InputProblem> {
    let fail = |problem| InputProblem::Text { field, problem };
    let max = field.max_chars();
    if text.len() > max * 4 || text.chars().take(max + 1).count() > max {
        return Err(fail(TextProblem::TooLong { max }));
    }
    if text.trim().is_empty() && !matches!(field, TextField::Title | TextField::Description) {
        return Err(fail(TextProblem::Empty));
    }
    if text.chars().any(char::is_control) {
        return Err(fail(TextProblem::ControlCharacter));
    }
    if text.chars().any(is_bidi) {
        return Err(fail(TextProblem::BidiCharacter));
    }
    Ok(())
}

/// Azure's rule for storage account names: 3 to 24 lowercase letters and digits.
pub fn check_storage_account(name: &str) -> Result<(), InputProblem> {
    let ok = (3..=24).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(InputProblem::Text {
            field: TextField::StorageAccount,
            problem: TextProblem::NotAStorageAccountName,
        })
    }
}

/// A count against its limit.
pub fn check_count(what: Countable, count: usize) -> Result<(), InputProblem> {
    if count > what.max() {
        Err(InputProblem::TooMany { what, count })
    } else {
        Ok(())
    }
}

/// The last instant a scenario file can write (RFC 3339 has four-digit years).
pub fn latest_time() -> Time {
    chrono::NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 999_999_999))
        .map_or(Time::MAX_UTC, |t| t.and_utc())
}

/// An event's time: not before the scenario's start, not past what a file can hold.
pub fn check_time(at: Time, start: Time) -> Result<(), InputProblem> {
    if at < start || at > latest_time() {
        Err(InputProblem::TimeOutOfRange { at })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert!(check_text("lab-a", TextField::JobName).is_ok());
        assert!(check_text("Kasteel Ärø", TextField::JobName).is_ok());
        let problem = |t: &str| match check_text(t, TextField::JobName) {
            Err(InputProblem::Text { problem, .. }) => Some(problem),
            _ => None,
        };
        assert_eq!(problem("  "), Some(TextProblem::Empty));
        assert_eq!(problem("a\tb"), Some(TextProblem::ControlCharacter));
        assert_eq!(problem("a\u{202E}b"), Some(TextProblem::BidiCharacter));
        assert_eq!(problem("a\u{2067}b"), Some(TextProblem::BidiCharacter));
        assert_eq!(
            problem(&"x".repeat(65)),
            Some(TextProblem::TooLong { max: 64 })
        );
        assert!(check_text(&"x".repeat(64), TextField::JobName).is_ok());
        assert!(check_text("", TextField::Title).is_ok());
    }

    #[test]
    fn storage_accounts_follow_azure() {
        assert!(check_storage_account("labstorage1").is_ok());
        assert!(check_storage_account("ab").is_err());
        assert!(check_storage_account("Lab").is_err());
        assert!(check_storage_account(&"a".repeat(25)).is_err());
    }

    #[test]
    fn times_stay_writable() {
        let start = Time::UNIX_EPOCH;
        assert!(check_time(start, start).is_ok());
        assert!(check_time(start - chrono::TimeDelta::seconds(1), start).is_err());
        assert!(check_time(latest_time(), start).is_ok());
        assert!(check_time(latest_time() + chrono::TimeDelta::nanoseconds(1), start).is_err());
    }
}
