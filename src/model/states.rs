//! The closed vocabularies of the machine: job and drive states, job types, copy outcomes.
//!
//! Each value has one stable identifier that the scenario files, the log and the UI share,
//! so a label never drifts between them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A label that names none of an enum's values; says which vocabulary was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel {
    pub kind: &'static str,
    pub value: String,
    pub expected: Vec<&'static str>,
}

impl std::error::Error for UnknownLabel {}

/// The place of `s` among a vocabulary's `ids`, or what was expected instead: one search for
/// every vocabulary rather than a `from_str` compiled per enum.
#[inline(never)]
pub(crate) fn find_label(
    ids: &[&'static str],
    kind: &'static str,
    s: &str,
) -> Result<usize, UnknownLabel> {
    ids.iter()
        .position(|id| *id == s)
        .ok_or_else(|| UnknownLabel {
            kind,
            value: s.to_string(),
            expected: ids.to_vec(),
        })
}

/// Generates `id`, `ALL`, `Display` and `FromStr` from one table, so the identifier
/// of a value is written exactly once.
macro_rules! labelled {
    ($(#[$meta:meta])* $name:ident, $kind:literal, [$($variant:ident => $id:literal),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant),+
        }

        impl $name {
            pub const ALL: [Self; [$($id),+].len()] = [$(Self::$variant),+];

            pub fn id(self) -> &'static str {
                match self {
                    $(Self::$variant => $id),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                find_label(&[$($id),+], $kind, s).map(|i| Self::ALL[i])
            }
        }
    };
}

labelled!(
    /// The job's lifecycle; `Canceled` exists only under the 2021 rule set.
    JobState, "job state", [
        Creating => "Creating",
        Shipping => "Shipping",
        Received => "Received",
        Transferring => "Transferring",
        Packaging => "Packaging",
        Completed => "Completed",
        Closed => "Closed",
        Canceled => "Canceled",
    ]
);

labelled!(
    /// One drive's lifecycle inside its job.
    DriveState, "drive state", [
        Specified => "Specified",
        Received => "Received",
        NeverReceived => "NeverReceived",
        Transferring => "Transferring",
        Completed => "Completed",
        CompletedMoreInfo => "CompletedMoreInfo",
        ShippedBack => "ShippedBack",
    ]
);

labelled!(
    /// Import copies drives into storage; export copies storage onto drives.
    JobType, "job type", [
        Import => "Import",
        Export => "Export",
    ]
);

labelled!(
    /// How a drive's copy ended; only `Errors` makes the job end Closed (rule R9).
    CopyOutcome, "copy outcome", [
        Clean => "clean",
        Warnings => "warnings",
        Errors => "errors",
    ]
);

impl JobState {
    /// States after which the job only waits for its retention deletion.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Completed | Self::Closed | Self::Canceled)
    }
}

impl DriveState {
    /// The drive reached the datacenter at some point (rule R8 counts these).
    pub fn was_received(self) -> bool {
        match self {
            Self::Specified | Self::NeverReceived => false,
            Self::Received
            | Self::Transferring
            | Self::Completed
            | Self::CompletedMoreInfo
            | Self::ShippedBack => true,
        }
    }

    /// The copy is over and the drive waits to be shipped back.
    pub fn is_finished(self) -> bool {
        matches!(self, Self::Completed | Self::CompletedMoreInfo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_from_str() {
        for s in JobState::ALL {
            assert_eq!(s.id().parse::<JobState>(), Ok(s));
        }
        for s in DriveState::ALL {
            assert_eq!(s.id().parse::<DriveState>(), Ok(s));
        }
        assert_eq!("clean".parse::<CopyOutcome>(), Ok(CopyOutcome::Clean));
        assert!("Clean".parse::<CopyOutcome>().is_err());
    }

    #[test]
    fn serde_uses_the_ids() {
        let json = serde_json::to_string(&DriveState::NeverReceived).unwrap_or_default();
        assert_eq!(json, "\"NeverReceived\"");
        let json = serde_json::to_string(&CopyOutcome::Warnings).unwrap_or_default();
        assert_eq!(json, "\"warnings\"");
    }
}
