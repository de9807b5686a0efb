//! Why an event was refused. Each reason names the rule that forbids it, so the UI can
//! disable a control with the reason beside it and the log can show what the service will not do.

use super::event::ActionKind;
use super::ids::DriveId;
use super::limits::InputProblem;
use super::rules::RuleId;
use super::states::{DriveState, JobState};
use super::Time;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The job is in a state where the action has no meaning.
    NotAllowedInState {
        action: ActionKind,
        state: JobState,
        rule: RuleId,
    },
    /// No job of that name exists (yet) at that time.
    UnknownJob {
        job: String,
    },
    DuplicateJob {
        job: String,
    },
    UnknownDrive {
        job: String,
        drive: DriveId,
    },
    /// A drive id appears twice in one request, or an extra drive is one of the job's own.
    DuplicateDrive {
        drive: DriveId,
        rule: RuleId,
    },
    DriveNotInState {
        drive: DriveId,
        state: DriveState,
        expected: Vec<DriveState>,
        rule: RuleId,
    },
    /// Deleted jobs accept nothing; `rule` is the rule that deleted the job.
    JobDeleted {
        job: String,
        rule: RuleId,
    },
    /// CancelJob under the 2018 rule set, which has no cancel.
    CancelNotInRuleSet,
    /// Copy progress beyond the drive's size, or going backwards.
    BytesOutOfRange {
        drive: DriveId,
        bytes: u64,
        copied: u64,
        size: u64,
    },
    TooManyDrives {
        count: usize,
    },
    /// An import job needs at least one drive to import from.
    NoDrives,
    /// Input the simulator never takes (a name with control characters, a size of 0, another
    /// job's drive id, a time past 9999...), whatever state the job is in.
    Input {
        problem: InputProblem,
        rule: RuleId,
    },
    /// Carrier or tracking number left blank.
    MissingTracking {
        action: ActionKind,
    },
    /// The event is older than the job's last change.
    TimeBackwards {
        at: Time,
        last: Time,
    },
}

impl Refusal {
    pub fn rule(&self) -> RuleId {
        match self {
            Self::NotAllowedInState { rule, .. }
            | Self::DuplicateDrive { rule, .. }
            | Self::DriveNotInState { rule, .. }
            | Self::JobDeleted { rule, .. }
            | Self::Input { rule, .. } => *rule,
            Self::UnknownJob { .. }
            | Self::DuplicateJob { .. }
            | Self::UnknownDrive { .. }
            | Self::TooManyDrives { .. }
            | Self::NoDrives => RuleId::JobCreated,
            Self::CancelNotInRuleSet => RuleId::Cancel,
            Self::BytesOutOfRange { .. } => RuleId::Percent,
            Self::MissingTracking { action } => action.rule(),
            Self::TimeBackwards { .. } => RuleId::TimeOrder,
        }
    }
}

fn list(states: &[DriveState]) -> String {
    let ids: Vec<_> = states.iter().map(|s| s.id()).collect();
    ids.join(" or ")
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rule = self.rule();
        match self {
            Self::NotAllowedInState { action, state, .. } => {
                write!(f, "{action} is not allowed while the job is {state}")
            }
            Self::UnknownJob { job } => write!(f, "there is no job named \"{job}\" at this time"),
            Self::DuplicateJob { job } => {
                write!(f, "a job named \"{job}\" already exists; choose another name")
            }
            Self::UnknownDrive { job, drive } => {
                write!(f, "drive {drive} is not one of job \"{job}\"'s drives")
            }
            Self::DuplicateDrive { drive, .. } => {
                write!(f, "drive {drive} is listed twice or already belongs to this job")
            }
            Self::DriveNotInState { drive, state, expected, .. } => write!(
                f,
                "drive {drive} is {state}; this needs it to be {}",
                list(expected)
            ),
            Self::JobDeleted { job, .. } => write!(f, "job \"{job}\" has been deleted"),
            Self::CancelNotInRuleSet => {
                write!(f, "the 2018 rules have no cancel; switch to the 2021 rules to cancel a job")
            }
            Self::BytesOutOfRange { drive, bytes, copied, size } => write!(
                f,
                "drive {drive}: {bytes} bytes copied is outside {copied}..={size} (progress cannot pass the size or go back)"
            ),
            Self::TooManyDrives { count } => {
                write!(f, "a job holds at most 10 drives; this one has {count}")
            }
            Self::NoDrives => write!(f, "an import job needs at least one drive"),
            Self::Input { problem, .. } => write!(f, "{problem:?}"),
            Self::MissingTracking { action } => {
                write!(f, "{action} needs both a carrier and a tracking number")
            }
            Self::TimeBackwards { at, last } => write!(
                f,
                "the event at {at} is earlier than the job's last change at {last}"
            ),
        }?;
        write!(f, " ({}: {})", rule.id(), rule.summary())
    }
}

impl std::error::Error for Refusal {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_rule() {
        let r = Refusal::NotAllowedInState {
            action: ActionKind::EnterTracking,
            state: JobState::Packaging,
            rule: RuleId::TrackingEntered,
        };
        assert_eq!(
            r.to_string(),
            "EnterTracking is not allowed while the job is Packaging (R3: tracking can only be entered while Creating)"
        );
    }
}
