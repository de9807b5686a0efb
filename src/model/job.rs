//! A job and its drives as data; how they change is decided only in `transition.rs`.

use super::durations::{ABANDON_AFTER_OVERDUE, CREATING_EXPIRY, RETENTION, SHIPPING_OVERDUE};
use super::event::DriveSpec;
use super::ids::DriveId;
use super::rules::{RuleId, Rules};
use super::states::{CopyOutcome, DriveState, JobState, JobType};
use super::Time;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    pub carrier: String,
    pub number: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeletionReason {
    CreatingExpired,
    RetentionExpired,
    DeletedByCustomer,
}

impl DeletionReason {
    pub fn id(self) -> &'static str {
        match self {
            Self::CreatingExpired => "CreatingExpired",
            Self::RetentionExpired => "RetentionExpired",
            Self::DeletedByCustomer => "DeletedByCustomer",
        }
    }

    pub fn rule(self) -> RuleId {
        match self {
            Self::CreatingExpired => RuleId::CreatingExpiry,
            Self::RetentionExpired => RuleId::RetentionExpiry,
            Self::DeletedByCustomer => RuleId::CustomerDelete,
        }
    }
}

/// Deleted jobs stay in the history so the UI can still say when and why they went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletion {
    pub at: Time,
    pub reason: DeletionReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drive {
    pub id: DriveId,
    pub size_bytes: u64,
    pub bytes_copied: u64,
    pub state: DriveState,
    pub outcome: Option<CopyOutcome>,
    /// Shared: every later snapshot of the job points at the same messages.
    pub messages: Arc<[String]>,
}

impl Drive {
    pub fn new(id: DriveId, size_bytes: u64, state: DriveState) -> Self {
        Self {
            id,
            size_bytes,
            bytes_copied: 0,
            state,
            outcome: None,
            messages: Arc::from([]),
        }
    }

    /// R13: bytes copied over size, rounded down so 100 means really done.
    pub fn percent(&self) -> u8 {
        percent_of(self.bytes_copied, self.size_bytes)
    }
}

pub(crate) fn percent_of(part: u64, whole: u64) -> u8 {
    if whole == 0 {
        return 0;
    }
    let (p, _) = super::muldiv::mul_div(part.min(whole), 100, whole);
    u8::try_from(p).unwrap_or(100)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    /// Shared, like the drives' messages: the replay keeps a copy of the job after every
    /// change, and the texts that never change need not be copied with it.
    pub name: Arc<str>,
    pub job_type: JobType,
    pub storage_account: Arc<str>,
    pub created_at: Time,
    pub state: JobState,
    pub state_entered_at: Time,
    pub drives: Vec<Drive>,
    pub extra_drives: Vec<DriveId>,
    /// The extra drives went back to the customer with the job.
    pub extras_returned: bool,
    pub tracking: Option<Arc<Tracking>>,
    pub return_tracking: Option<Arc<Tracking>>,
    pub overdue: bool,
    pub customer_contacted: bool,
    /// Creation or the last UpdateJob: R2 counts its 14 days from here.
    pub creating_clock_from: Time,
    pub tracking_entered_at: Option<Time>,
    pub overdue_at: Option<Time>,
    pub deleted: Option<Deletion>,
    /// Export only: the drives the customer said they would ship; they become real drives
    /// (Received or NeverReceived) only when the package is delivered, because an export job
    /// has no drives at creation.
    pub planned_drives: Vec<DriveSpec>,
    /// The time of the job's last accepted event, so no later event can be older (R0).
    pub updated_at: Time,
}

impl Job {
    /// Equal in everything but the time of the last event: an event that leaves a job like
    /// this changed nothing, and the replay stores no copy of it.
    pub fn same_apart_from_clock(&self, other: &Job) -> bool {
        self.state == other.state
            && self.state_entered_at == other.state_entered_at
            && self.creating_clock_from == other.creating_clock_from
            && self.storage_account == other.storage_account
            && self.drives == other.drives
            && self.extra_drives == other.extra_drives
            && self.extras_returned == other.extras_returned
            && self.tracking == other.tracking
            && self.return_tracking == other.return_tracking
            && self.overdue == other.overdue
            && self.customer_contacted == other.customer_contacted
            && self.tracking_entered_at == other.tracking_entered_at
            && self.overdue_at == other.overdue_at
            && self.deleted == other.deleted
            && self.planned_drives == other.planned_drives
            && self.name == other.name
            && self.job_type == other.job_type
            && self.created_at == other.created_at
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted.is_some()
    }

    pub fn drive(&self, id: &DriveId) -> Option<&Drive> {
        self.drives.iter().find(|d| &d.id == id)
    }

    /// R13: bytes-weighted over the drives that reached the datacenter, so a missing
    /// drive does not hold the figure down forever.
    pub fn percent(&self) -> u8 {
        let (copied, size) = self.drives.iter().filter(|d| d.state.was_received()).fold(
            (0u64, 0u64),
            |(c, s), d| {
                (
                    c.saturating_add(d.bytes_copied.min(d.size_bytes)),
                    s.saturating_add(d.size_bytes),
                )
            },
        );
        percent_of(copied, size)
    }

    /// The automatic rule that fires next if nothing else happens, and when: the UI's
    /// "Deleted in / Expires in" countdown, and the engine's scheduler.
    pub fn next_time_rule(&self, rules: &Rules) -> Option<(RuleId, Time)> {
        let _ = rules; // every rule set shares the same clocks today; kept for future sets
        if self.is_deleted() {
            return None;
        }
        match self.state {
            JobState::Creating => Some((
                RuleId::CreatingExpiry,
                self.creating_clock_from + CREATING_EXPIRY,
            )),
            JobState::Shipping => match (self.overdue_at, self.tracking_entered_at) {
                (Some(overdue_at), _) => Some((
                    RuleId::ShippingAbandoned,
                    overdue_at + ABANDON_AFTER_OVERDUE,
                )),
                (None, Some(tracked)) => {
                    Some((RuleId::ShippingOverdue, tracked + SHIPPING_OVERDUE))
                }
                (None, None) => None,
            },
            JobState::Received | JobState::Transferring | JobState::Packaging => None,
            JobState::Completed | JobState::Closed | JobState::Canceled => {
                Some((RuleId::RetentionExpiry, self.state_entered_at + RETENTION))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_down_and_caps() {
        assert_eq!(percent_of(0, 0), 0);
        assert_eq!(percent_of(999, 1000), 99);
        assert_eq!(percent_of(1000, 1000), 100);
        assert_eq!(percent_of(u64::MAX, 1000), 100);
        assert_eq!(percent_of(u64::MAX - 1, u64::MAX), 99);
    }
}
