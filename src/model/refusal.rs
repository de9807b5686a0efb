//! Why an event was refused. Each reason names the rule that forbids it, so the UI can
//! disable a control with the reason beside it and the log can show what the service will not do.

use super::event::ActionKind;
use super::ids::DriveId;
use super::limits::InputProblem;
use super::rules::RuleId;
use super::states::{DriveState, JobState};
use super::Time;
use serde::{Deserialize, Serialize};

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

// Its words, in English and Dutch, are in `crate::i18n::refusals` (which also implements
// `Display`, in English, for logs and tests): the model says only what is refused and why.
impl std::error::Error for Refusal {}
