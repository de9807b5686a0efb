//! What the exhaustive walks over the machine share: the start time, what makes two jobs
//! different for the machine, and every subset of a job's drives (a package's contents).

use chrono::DateTime;
use ie_lifecycle::model::*;

pub fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

/// What distinguishes two jobs for the machine, leaving out the clock and the byte counts
/// (progress never changes a state; the property tests cover it).
pub type Key = (
    JobState,
    bool,
    bool,
    Vec<(DriveState, Option<CopyOutcome>)>,
    usize,
);

pub fn key(job: &Job) -> Key {
    let drives = job.drives.iter().map(|d| (d.state, d.outcome)).collect();
    (
        job.state,
        job.is_deleted(),
        job.overdue,
        drives,
        job.extra_drives.len(),
    )
}

pub fn subsets(ids: &[DriveId]) -> Vec<Vec<DriveId>> {
    (0..1u32 << ids.len())
        .map(|mask| {
            ids.iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, id)| id.clone())
                .collect()
        })
        .collect()
}
