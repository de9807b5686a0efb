//! Which job each drive id belongs to. A drive id names one physical drive, so it belongs to at
//! most one job: as one of its declared drives, a drive its export package brought, or an extra
//! drive in its package. The scenario validator and `Simulation::add` both ask this one register,
//! so the world never holds a drive twice where its file could not.

use super::event::Action;
use super::ids::DriveId;
use super::limits::InputProblem;
use super::text_map::TextMap;

#[derive(Clone, Debug, Default)]
pub struct DriveOwners {
    /// Each drive id's owner, as its place in `jobs` (the core's one index type).
    owner: TextMap,
    jobs: Vec<String>,
}

impl DriveOwners {
    /// The job that `id` belongs to, if any.
    pub fn owner(&self, id: &DriveId) -> Option<&str> {
        let i = self.owner.get(id.as_str())?;
        self.jobs.get(i).map(String::as_str)
    }

    /// Whether `job` may use `id`: free, or already its own.
    pub fn check(&self, id: &DriveId, job: &str) -> Result<(), InputProblem> {
        match self.owner(id) {
            Some(other) if other != job => Err(InputProblem::DriveInUse {
                drive: id.clone(),
                owner: other.to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// Records `id` as `job`'s; refuses, and records nothing, if another job has it.
    pub fn claim(&mut self, id: &DriveId, job: &str) -> Result<(), InputProblem> {
        self.check(id, job)?;
        if !self.owner.contains_key(id.as_str()) {
            // A job claims its drives one after another: one entry per run of claims.
            if self.jobs.last().map(String::as_str) != Some(job) {
                self.jobs.push(job.to_string());
            }
            self.owner
                .insert(id.as_str().to_string(), self.jobs.len() - 1);
        }
        Ok(())
    }

    /// Checks every drive id `action` would give its job.
    pub fn check_action(&self, action: &Action) -> Result<(), InputProblem> {
        let job = action.job_name();
        each_claimed_id(action, |id| self.check(id, job))
    }

    /// Records every drive id `action` gives its job (after `check_action` passed).
    pub fn claim_action(&mut self, action: &Action) -> Result<(), InputProblem> {
        let job = action.job_name().to_string();
        each_claimed_id(action, |id| self.claim(id, &job))
    }
}

/// Calls `f` on each drive id an action makes its job's (a new job's drives, and the drives
/// and extra drives a package brings), stopping at the first error. By plain loops, not a
/// boxed iterator: each boxed type brought its own vtable of `Iterator` methods.
fn each_claimed_id(
    action: &Action,
    mut f: impl FnMut(&DriveId) -> Result<(), InputProblem>,
) -> Result<(), InputProblem> {
    match action {
        Action::CreateJob(spec) => {
            for d in &spec.drives {
                f(&d.id)?;
            }
        }
        Action::PackageDelivered { present, extra, .. } => {
            for id in present {
                f(id)?;
            }
            for id in extra {
                f(id)?;
            }
        }
        Action::UpdateJob { .. }
        | Action::EnterTracking { .. }
        | Action::CancelJob { .. }
        | Action::DeleteJob { .. }
        | Action::DriveArrivedLate { .. }
        | Action::CopyStarted { .. }
        | Action::CopyProgress { .. }
        | Action::CopyFinished { .. }
        | Action::DrivesShippedBack { .. } => {}
    }
    Ok(())
}
