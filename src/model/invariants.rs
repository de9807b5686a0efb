//! What must hold for every job after every event. Used by the property tests and as a
//! debugging aid; the machine is built so these can never fail.

use super::job::Job;
use super::states::{CopyOutcome, DriveState, JobState, JobType};
use super::transition::MAX_DRIVES;

/// Every broken invariant, in words; empty when the job is consistent.
pub fn violations(job: &Job) -> Vec<String> {
    let mut out = Vec::new();
    let states: Vec<DriveState> = job.drives.iter().map(|d| d.state).collect();
    let only = |allowed: &[DriveState]| states.iter().all(|s| allowed.contains(s));
    use DriveState as D;
    let consistent = match job.state {
        JobState::Creating => only(&[D::Specified]) && job.extra_drives.is_empty(),
        JobState::Shipping => only(&[D::Specified, D::NeverReceived]),
        // Any delivery makes the job Received, even one holding none of its own drives.
        JobState::Received => only(&[D::Received, D::NeverReceived]),
        JobState::Transferring => {
            only(&[
                D::Received,
                D::NeverReceived,
                D::Transferring,
                D::Completed,
                D::CompletedMoreInfo,
            ]) && states
                .iter()
                .any(|s| !matches!(s, D::NeverReceived | D::Specified))
                && !states
                    .iter()
                    .filter(|s| s.was_received())
                    .all(|s| s.is_finished())
        }
        JobState::Packaging => {
            only(&[D::NeverReceived, D::Completed, D::CompletedMoreInfo])
                && states.iter().any(|s| s.is_finished())
        }
        JobState::Completed => {
            only(&[D::ShippedBack])
                && job
                    .drives
                    .iter()
                    .all(|d| d.outcome != Some(CopyOutcome::Errors))
        }
        JobState::Closed => only(&[D::ShippedBack, D::NeverReceived]),
        // Canceled after arrival: whatever had arrived went back.
        JobState::Canceled => only(&[D::Specified, D::NeverReceived, D::ShippedBack]),
    };
    let ended = job.state.is_final();
    if ended && !job.extra_drives.is_empty() && !job.extras_returned {
        out.push(format!("job {} ended with its extra drives kept", job.name));
    }
    if !consistent {
        out.push(format!(
            "job {} is {} but its drives are {:?}",
            job.name, job.state, states
        ));
    }
    if job.drives.len() > MAX_DRIVES {
        out.push(format!("job {} has {} drives", job.name, job.drives.len()));
    }
    if job.job_type == JobType::Import && job.drives.is_empty() {
        out.push(format!("import job {} has no drives", job.name));
    }
    for d in &job.drives {
        if d.bytes_copied > d.size_bytes || d.percent() > 100 {
            out.push(format!(
                "drive {} copied {} of {}",
                d.id, d.bytes_copied, d.size_bytes
            ));
        }
        let outcome_ok = match d.state {
            D::Completed | D::CompletedMoreInfo => d.outcome.is_some(),
            // Returned without a finished copy only when the job was canceled.
            D::ShippedBack => d.outcome.is_some() || job.state == JobState::Canceled,
            D::Specified | D::Received | D::NeverReceived | D::Transferring => d.outcome.is_none(),
        };
        if !outcome_ok {
            out.push(format!(
                "drive {} is {} with outcome {:?}",
                d.id, d.state, d.outcome
            ));
        }
    }
    if job.percent() > 100 {
        out.push(format!("job {} is {}%", job.name, job.percent()));
    }
    if job.state_entered_at < job.created_at || job.updated_at < job.state_entered_at {
        out.push(format!("job {} has times out of order", job.name));
    }
    out
}
