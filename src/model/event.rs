//! The event vocabulary: what a customer or the datacenter can do (`Action`) and what the
//! clock does by itself (`AutoEvent`).

use super::ids::DriveId;
use super::rules::RuleId;
use super::states::{CopyOutcome, JobType};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriveSpec {
    pub id: DriveId,
    pub size_bytes: u64,
}

/// What the customer submits when creating a job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobSpec {
    pub name: String,
    pub job_type: JobType,
    pub storage_account: String,
    pub drives: Vec<DriveSpec>,
}

/// A manual event: entered by a person (customer or datacenter operator), a scenario file,
/// or the datacenter autopilot. Automatic timeouts are `AutoEvent`s instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    CreateJob(JobSpec),
    UpdateJob {
        job: String,
        storage_account: Option<String>,
    },
    EnterTracking {
        job: String,
        carrier: String,
        tracking: String,
    },
    CancelJob {
        job: String,
    },
    DeleteJob {
        job: String,
    },
    PackageDelivered {
        job: String,
        present: Vec<DriveId>,
        extra: Vec<DriveId>,
    },
    DriveArrivedLate {
        job: String,
        drive: DriveId,
    },
    CopyStarted {
        job: String,
        drive: DriveId,
    },
    CopyProgress {
        job: String,
        drive: DriveId,
        bytes: u64,
    },
    CopyFinished {
        job: String,
        drive: DriveId,
        outcome: CopyOutcome,
        messages: Vec<String>,
    },
    DrivesShippedBack {
        job: String,
        carrier: String,
        tracking: String,
    },
}

/// The fieldless twin of `Action`, for labels, menus and refusals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActionKind {
    CreateJob,
    UpdateJob,
    EnterTracking,
    CancelJob,
    DeleteJob,
    PackageDelivered,
    DriveArrivedLate,
    CopyStarted,
    CopyProgress,
    CopyFinished,
    DrivesShippedBack,
}

/// Who causes an event; the log shows it so a learner can tell the customer's part from
/// the datacenter's and the clock's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    Customer,
    Datacenter,
    Autopilot,
    Automatic,
}

/// Timeouts the engine fires by itself at their due time; never entered by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AutoEvent {
    CreatingExpired,
    ShippingOverdue,
    ShippingAbandoned,
    RetentionExpired,
}

/// What a log line is about: a manual action or a timeout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventLabel {
    Action(ActionKind),
    Auto(AutoEvent),
}

impl Action {
    pub fn job_name(&self) -> &str {
        match self {
            Self::CreateJob(spec) => &spec.name,
            Self::UpdateJob { job, .. }
            | Self::EnterTracking { job, .. }
            | Self::CancelJob { job }
            | Self::DeleteJob { job }
            | Self::PackageDelivered { job, .. }
            | Self::DriveArrivedLate { job, .. }
            | Self::CopyStarted { job, .. }
            | Self::CopyProgress { job, .. }
            | Self::CopyFinished { job, .. }
            | Self::DrivesShippedBack { job, .. } => job,
        }
    }

    /// The single drive the action is about, if it is about one.
    pub fn drive(&self) -> Option<&DriveId> {
        match self {
            Self::DriveArrivedLate { drive, .. }
            | Self::CopyStarted { drive, .. }
            | Self::CopyProgress { drive, .. }
            | Self::CopyFinished { drive, .. } => Some(drive),
            Self::CreateJob(_)
            | Self::UpdateJob { .. }
            | Self::EnterTracking { .. }
            | Self::CancelJob { .. }
            | Self::DeleteJob { .. }
            | Self::PackageDelivered { .. }
            | Self::DrivesShippedBack { .. } => None,
        }
    }

    pub fn kind(&self) -> ActionKind {
        match self {
            Self::CreateJob(_) => ActionKind::CreateJob,
            Self::UpdateJob { .. } => ActionKind::UpdateJob,
            Self::EnterTracking { .. } => ActionKind::EnterTracking,
            Self::CancelJob { .. } => ActionKind::CancelJob,
            Self::DeleteJob { .. } => ActionKind::DeleteJob,
            Self::PackageDelivered { .. } => ActionKind::PackageDelivered,
            Self::DriveArrivedLate { .. } => ActionKind::DriveArrivedLate,
            Self::CopyStarted { .. } => ActionKind::CopyStarted,
            Self::CopyProgress { .. } => ActionKind::CopyProgress,
            Self::CopyFinished { .. } => ActionKind::CopyFinished,
            Self::DrivesShippedBack { .. } => ActionKind::DrivesShippedBack,
        }
    }

    pub fn source(&self) -> Source {
        self.kind().source()
    }
}

impl ActionKind {
    pub const ALL: [Self; 11] = [
        Self::CreateJob,
        Self::UpdateJob,
        Self::EnterTracking,
        Self::CancelJob,
        Self::DeleteJob,
        Self::PackageDelivered,
        Self::DriveArrivedLate,
        Self::CopyStarted,
        Self::CopyProgress,
        Self::CopyFinished,
        Self::DrivesShippedBack,
    ];

    /// The event name used in scenario files and the log.
    pub fn id(self) -> &'static str {
        match self {
            Self::CreateJob => "CreateJob",
            Self::UpdateJob => "UpdateJob",
            Self::EnterTracking => "EnterTracking",
            Self::CancelJob => "CancelJob",
            Self::DeleteJob => "DeleteJob",
            Self::PackageDelivered => "PackageDelivered",
            Self::DriveArrivedLate => "DriveArrivedLate",
            Self::CopyStarted => "CopyStarted",
            Self::CopyProgress => "CopyProgress",
            Self::CopyFinished => "CopyFinished",
            Self::DrivesShippedBack => "DrivesShippedBack",
        }
    }

    /// Whose hand the action belongs to in the real service.
    pub fn source(self) -> Source {
        match self {
            Self::CreateJob
            | Self::UpdateJob
            | Self::EnterTracking
            | Self::CancelJob
            | Self::DeleteJob => Source::Customer,
            Self::PackageDelivered
            | Self::DriveArrivedLate
            | Self::CopyStarted
            | Self::CopyProgress
            | Self::CopyFinished
            | Self::DrivesShippedBack => Source::Datacenter,
        }
    }

    /// The rule that governs the action.
    pub fn rule(self) -> RuleId {
        match self {
            Self::CreateJob => RuleId::JobCreated,
            Self::UpdateJob => RuleId::CreatingExpiry,
            Self::EnterTracking => RuleId::TrackingEntered,
            Self::CancelJob => RuleId::Cancel,
            Self::DeleteJob => RuleId::CustomerDelete,
            Self::PackageDelivered => RuleId::PackageDelivered,
            Self::DriveArrivedLate => RuleId::LateDrive,
            Self::CopyStarted => RuleId::CopyStarted,
            Self::CopyProgress => RuleId::Percent,
            Self::CopyFinished => RuleId::CopyFinished,
            Self::DrivesShippedBack => RuleId::ShippedBack,
        }
    }
}

impl std::str::FromStr for ActionKind {
    type Err = super::states::UnknownLabel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ids = Self::ALL.map(Self::id);
        super::states::find_label(&ids, "event kind", s).map(|i| Self::ALL[i])
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Source {
    pub const ALL: [Self; 4] = [
        Self::Customer,
        Self::Datacenter,
        Self::Autopilot,
        Self::Automatic,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::Customer => "Customer",
            Self::Datacenter => "Datacenter",
            Self::Autopilot => "Autopilot",
            Self::Automatic => "Automatic",
        }
    }
}

impl AutoEvent {
    pub const ALL: [Self; 4] = [
        Self::CreatingExpired,
        Self::ShippingOverdue,
        Self::ShippingAbandoned,
        Self::RetentionExpired,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::CreatingExpired => "CreatingExpired",
            Self::ShippingOverdue => "ShippingOverdue",
            Self::ShippingAbandoned => "ShippingAbandoned",
            Self::RetentionExpired => "RetentionExpired",
        }
    }

    pub fn rule(self) -> RuleId {
        match self {
            Self::CreatingExpired => RuleId::CreatingExpiry,
            Self::ShippingOverdue => RuleId::ShippingOverdue,
            Self::ShippingAbandoned => RuleId::ShippingAbandoned,
            Self::RetentionExpired => RuleId::RetentionExpiry,
        }
    }

    /// The timeout a time rule fires, if the rule is a time rule.
    pub fn for_rule(rule: RuleId) -> Option<Self> {
        match rule {
            RuleId::CreatingExpiry => Some(Self::CreatingExpired),
            RuleId::ShippingOverdue => Some(Self::ShippingOverdue),
            RuleId::ShippingAbandoned => Some(Self::ShippingAbandoned),
            RuleId::RetentionExpiry => Some(Self::RetentionExpired),
            RuleId::TimeOrder
            | RuleId::JobCreated
            | RuleId::TrackingEntered
            | RuleId::PackageDelivered
            | RuleId::LateDrive
            | RuleId::CopyStarted
            | RuleId::CopyFinished
            | RuleId::ShippedBack
            | RuleId::CustomerDelete
            | RuleId::Cancel
            | RuleId::Percent => None,
        }
    }
}

impl EventLabel {
    pub fn id(self) -> &'static str {
        match self {
            Self::Action(kind) => kind.id(),
            Self::Auto(auto) => auto.id(),
        }
    }
}

impl fmt::Display for EventLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
