//! THE one place that lists the transitions of jobs and drives. Pure functions: a job, an
//! event and its time in; a new job and the list of changes out, or a refusal naming the rule.

use super::durations::DEFAULT_DRIVE_BYTES;
use super::event::{Action, ActionKind, AutoEvent, DriveSpec, JobSpec};
use super::ids::{DriveId, TextSet};
use super::job::{Deletion, DeletionReason, Drive, Job, Tracking};
pub use super::limits::MAX_DRIVES;
use super::limits::{
    check_count, check_storage_account, check_text, Countable, InputProblem, TextField,
};
use super::refusal::Refusal;
use super::rules::{RuleId, Rules};
use super::spec::spec_problems;
use super::states::{CopyOutcome, DriveState, JobState, JobType};
use super::Time;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What a change is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    Job,
    Drive(DriveId),
    ExtraDrive(DriveId),
}

/// A state on either machine, plus the two non-states a change can start or end in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StateLabel {
    Job(JobState),
    Drive(DriveState),
    Deleted,
    /// An extra drive: in this job's package, belonging to no job, never processed.
    Extra,
}

impl StateLabel {
    /// The identifier the log, the tables and the diagrams show.
    pub fn id(self) -> &'static str {
        match self {
            Self::Job(j) => j.id(),
            Self::Drive(d) => d.id(),
            Self::Deleted => "Deleted",
            Self::Extra => "Extra",
        }
    }
}

/// One visible state change, as the log shows it ("drive 9CA995BB: Specified → Received").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub subject: Subject,
    pub from: Option<StateLabel>,
    pub to: StateLabel,
}

/// The result of an accepted event: the job after it, the rule that applied, what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub job: Job,
    pub rule: RuleId,
    pub changes: Vec<Change>,
}

/// R1: creates a job in Creating. Import drives start Specified; export drives are only
/// remembered until the package brings them.
pub fn create(spec: &JobSpec, at: Time) -> Result<Applied, Refusal> {
    if let Some((_, refusal)) = spec_problems(spec).into_iter().next() {
        return Err(refusal);
    }
    let (drives, planned_drives) = match spec.job_type {
        JobType::Import => {
            let mut drives = Vec::with_capacity(spec.drives.len());
            for d in &spec.drives {
                drives.push(Drive::new(
                    d.id.clone(),
                    d.size_bytes,
                    DriveState::Specified,
                ));
            }
            (drives, Vec::new())
        }
        JobType::Export => (Vec::new(), spec.drives.clone()),
    };
    let job = Job {
        name: Arc::from(spec.name.as_str()),
        job_type: spec.job_type,
        storage_account: Arc::from(spec.storage_account.as_str()),
        created_at: at,
        state: JobState::Creating,
        state_entered_at: at,
        drives,
        extra_drives: Vec::new(),
        extras_returned: false,
        tracking: None,
        return_tracking: None,
        overdue: false,
        customer_contacted: false,
        creating_clock_from: at,
        tracking_entered_at: None,
        overdue_at: None,
        deleted: None,
        planned_drives,
        updated_at: at,
    };
    let mut changes = vec![Change {
        subject: Subject::Job,
        from: None,
        to: StateLabel::Job(JobState::Creating),
    }];
    for d in &job.drives {
        changes.push(Change {
            subject: Subject::Drive(d.id.clone()),
            from: None,
            to: StateLabel::Drive(d.state),
        });
    }
    Ok(Applied {
        job,
        rule: RuleId::JobCreated,
        changes,
    })
}

/// Whether `action` would be accepted now, without applying it; lets the UI disable a
/// control and show the reason.
pub fn check(job: &Job, action: &Action, rules: &Rules) -> Result<(), Refusal> {
    apply(job, action, job.updated_at, rules).map(|_| ())
}

/// Applies a manual event. On refusal the job is untouched (it is borrowed, never mutated).
pub fn apply(job: &Job, action: &Action, at: Time, rules: &Rules) -> Result<Applied, Refusal> {
    if let Some(deletion) = &job.deleted {
        return Err(Refusal::JobDeleted {
            job: String::from(&*job.name),
            rule: deletion.reason.rule(),
        });
    }
    if at < job.updated_at {
        return Err(Refusal::TimeBackwards {
            at,
            last: job.updated_at,
        });
    }
    let kind = action.kind();
    let mut e = Edit::new(job, at);
    match action {
        Action::CreateJob(spec) => {
            return Err(Refusal::DuplicateJob {
                job: spec.name.clone(),
            })
        }
        Action::UpdateJob {
            storage_account, ..
        } => {
            e.require(kind, &[JobState::Creating])?;
            if let Some(account) = storage_account.as_ref().filter(|a| !a.trim().is_empty()) {
                check_storage_account(account).map_err(|p| input(p, kind))?;
                e.job.storage_account = Arc::from(account.as_str());
            }
            e.job.creating_clock_from = at;
        }
        Action::EnterTracking {
            carrier, tracking, ..
        } => {
            e.require(kind, &[JobState::Creating])?;
            e.job.tracking = Some(Arc::new(tracking_of(kind, carrier, tracking)?));
            e.job.tracking_entered_at = Some(at);
            e.set_state(JobState::Shipping);
        }
        Action::CancelJob { .. } => {
            if !rules.can_cancel() {
                return Err(Refusal::CancelNotInRuleSet);
            }
            if !rules.cancel_window.allows(job.state) {
                return Err(e.not_allowed(kind));
            }
            e.return_everything();
            e.set_state(JobState::Canceled);
        }
        Action::DeleteJob { .. } => {
            e.require(kind, &[JobState::Creating, JobState::Completed])?;
            e.delete(DeletionReason::DeletedByCustomer);
        }
        Action::PackageDelivered { present, extra, .. } => {
            e.require(kind, &[JobState::Shipping])?;
            check_count(Countable::PresentDrives, present.len()).map_err(|p| input(p, kind))?;
            check_count(Countable::ExtraDrives, extra.len()).map_err(|p| input(p, kind))?;
            e.deliver(present, extra)?;
        }
        Action::DriveArrivedLate { drive, .. } => {
            e.require(
                kind,
                &[
                    JobState::Shipping,
                    JobState::Received,
                    JobState::Transferring,
                ],
            )?;
            let i = e.drive_in(drive, &[DriveState::NeverReceived], RuleId::LateDrive)?;
            e.set_drive(i, DriveState::Received);
            if e.job.state == JobState::Shipping {
                e.set_state(JobState::Received);
            }
        }
        Action::CopyStarted { drive, .. } => {
            e.require(kind, &[JobState::Received, JobState::Transferring])?;
            let i = e.drive_in(drive, &[DriveState::Received], RuleId::CopyStarted)?;
            e.set_drive(i, DriveState::Transferring);
            e.set_state(JobState::Transferring);
        }
        Action::CopyProgress { drive, bytes, .. } => {
            e.require(kind, &[JobState::Transferring])?;
            let i = e.drive_in(drive, &[DriveState::Transferring], RuleId::Percent)?;
            let d = &mut e.job.drives[i];
            if *bytes < d.bytes_copied || *bytes > d.size_bytes {
                return Err(Refusal::BytesOutOfRange {
                    drive: d.id.clone(),
                    bytes: *bytes,
                    copied: d.bytes_copied,
                    size: d.size_bytes,
                });
            }
            d.bytes_copied = *bytes;
        }
        Action::CopyFinished {
            drive,
            outcome,
            messages,
            ..
        } => {
            e.require(kind, &[JobState::Transferring])?;
            let i = e.drive_in(drive, &[DriveState::Transferring], RuleId::CopyFinished)?;
            check_messages(messages).map_err(|p| input(p, kind))?;
            e.finish_copy(i, *outcome, messages);
        }
        Action::DrivesShippedBack {
            carrier, tracking, ..
        } => {
            // Packaging: the copies are done. Received with none of the job's own drives: the
            // package held nothing to copy (only extra drives, or nothing), so it goes back.
            let nothing_arrived = !e.job.drives.iter().any(|d| d.state.was_received());
            if !(e.job.state == JobState::Packaging
                || (e.job.state == JobState::Received && nothing_arrived))
            {
                return Err(e.not_allowed(kind));
            }
            e.job.return_tracking = Some(Arc::new(tracking_of(kind, carrier, tracking)?));
            e.ship_back();
        }
    }
    Ok(e.done(kind.rule()))
}

/// Fires a timeout if it is due at `at` for this job; `None` when it does not apply (the
/// job moved on, or the time has not come), which the engine treats as "nothing happens".
pub fn fire(job: &Job, auto: AutoEvent, at: Time, rules: &Rules) -> Option<Applied> {
    let (rule, due) = job.next_time_rule(rules)?;
    if AutoEvent::for_rule(rule) != Some(auto) || at < due {
        return None;
    }
    let mut e = Edit::new(job, at.max(job.updated_at));
    match auto {
        AutoEvent::CreatingExpired => e.delete(DeletionReason::CreatingExpired),
        AutoEvent::ShippingOverdue => {
            for i in 0..e.job.drives.len() {
                if e.job.drives[i].state == DriveState::Specified {
                    e.set_drive(i, DriveState::NeverReceived);
                }
            }
            e.job.overdue = true;
            e.job.customer_contacted = true;
            e.job.overdue_at = Some(at);
        }
        AutoEvent::ShippingAbandoned => e.set_state(JobState::Closed),
        AutoEvent::RetentionExpired => e.delete(DeletionReason::RetentionExpired),
    }
    Some(e.done(rule))
}

fn input(problem: InputProblem, action: ActionKind) -> Refusal {
    Refusal::Input {
        problem,
        rule: action.rule(),
    }
}

/// A finished copy's messages: bounded in count and length, plain text only.
pub fn check_messages(messages: &[String]) -> Result<(), InputProblem> {
    check_count(Countable::Messages, messages.len())?;
    messages
        .iter()
        .try_for_each(|m| check_text(m, TextField::Message))
}

/// Carrier and tracking number: both given, plain text, bounded.
pub fn check_tracking(carrier: &str, number: &str) -> Result<(), InputProblem> {
    check_text(carrier, TextField::Carrier)?;
    check_text(number, TextField::Tracking)
}

fn tracking_of(kind: ActionKind, carrier: &str, number: &str) -> Result<Tracking, Refusal> {
    if carrier.trim().is_empty() || number.trim().is_empty() {
        return Err(Refusal::MissingTracking { action: kind });
    }
    check_tracking(carrier, number).map_err(|p| input(p, kind))?;
    Ok(Tracking {
        carrier: carrier.trim().to_string(),
        number: number.trim().to_string(),
    })
}

/// The first id of `a` then `b` seen before (plain loops, not a generic chained iterator).
fn first_duplicate<'a>(a: &'a [DriveId], b: &'a [DriveId]) -> Option<&'a DriveId> {
    let mut seen = TextSet::default();
    for list in [a, b] {
        for id in list {
            if !seen.insert(id.as_str().to_string()) {
                return Some(id);
            }
        }
    }
    None
}

/// A job being changed, recording each visible change as it is made.
struct Edit {
    job: Job,
    at: Time,
    changes: Vec<Change>,
}

impl Edit {
    fn new(job: &Job, at: Time) -> Self {
        Self {
            job: job.clone(),
            at,
            changes: Vec::new(),
        }
    }

    #[inline(never)]
    fn not_allowed(&self, action: ActionKind) -> Refusal {
        Refusal::NotAllowedInState {
            action,
            state: self.job.state,
            rule: action.rule(),
        }
    }

    #[inline(never)]
    fn require(&self, action: ActionKind, allowed: &[JobState]) -> Result<(), Refusal> {
        if allowed.contains(&self.job.state) {
            Ok(())
        } else {
            Err(self.not_allowed(action))
        }
    }

    #[inline(never)]
    fn drive_in(
        &self,
        id: &DriveId,
        expected: &[DriveState],
        rule: RuleId,
    ) -> Result<usize, Refusal> {
        let i = self.index_of(id).ok_or_else(|| Refusal::UnknownDrive {
            job: String::from(&*self.job.name),
            drive: id.clone(),
        })?;
        let state = self.job.drives[i].state;
        if expected.contains(&state) {
            Ok(i)
        } else {
            Err(Refusal::DriveNotInState {
                drive: id.clone(),
                state,
                expected: expected.to_vec(),
                rule,
            })
        }
    }

    fn index_of(&self, id: &DriveId) -> Option<usize> {
        self.job.drives.iter().position(|d| &d.id == id)
    }

    #[inline(never)]
    fn set_state(&mut self, to: JobState) {
        if self.job.state != to {
            self.changes.push(Change {
                subject: Subject::Job,
                from: Some(StateLabel::Job(self.job.state)),
                to: StateLabel::Job(to),
            });
            self.job.state = to;
            self.job.state_entered_at = self.at;
        }
    }

    #[inline(never)]
    fn set_drive(&mut self, i: usize, to: DriveState) {
        let d = &mut self.job.drives[i];
        if d.state != to {
            self.changes.push(Change {
                subject: Subject::Drive(d.id.clone()),
                from: Some(StateLabel::Drive(d.state)),
                to: StateLabel::Drive(to),
            });
            d.state = to;
        }
    }

    #[inline(never)]
    fn add_drive(&mut self, spec: &DriveSpec, state: DriveState) {
        self.changes.push(Change {
            subject: Subject::Drive(spec.id.clone()),
            from: None,
            to: StateLabel::Drive(state),
        });
        self.job
            .drives
            .push(Drive::new(spec.id.clone(), spec.size_bytes, state));
    }

    #[inline(never)]
    fn delete(&mut self, reason: DeletionReason) {
        self.changes.push(Change {
            subject: Subject::Job,
            from: Some(StateLabel::Job(self.job.state)),
            to: StateLabel::Deleted,
        });
        self.job.deleted = Some(Deletion {
            at: self.at,
            reason,
        });
    }

    /// R4. Import: the listed drives arrive, the rest are NeverReceived. Export: the drives
    /// come into being now; planned ones missing from the package are NeverReceived.
    fn deliver(&mut self, present: &[DriveId], extra: &[DriveId]) -> Result<(), Refusal> {
        let rule = RuleId::PackageDelivered;
        if let Some(dup) = first_duplicate(present, extra) {
            return Err(Refusal::DuplicateDrive {
                drive: dup.clone(),
                rule,
            });
        }
        let owned = |id: &DriveId| {
            self.index_of(id).is_some() || self.job.planned_drives.iter().any(|p| &p.id == id)
        };
        if let Some(own) = extra
            .iter()
            .find(|id| owned(id) || self.job.extra_drives.contains(id))
        {
            return Err(Refusal::DuplicateDrive {
                drive: own.clone(),
                rule,
            });
        }
        let arriving = [DriveState::Specified, DriveState::NeverReceived];
        let mut new_specs = Vec::new();
        for id in present {
            match (self.index_of(id), self.job.job_type) {
                (Some(_), _) => {
                    self.drive_in(id, &arriving, rule)?;
                }
                (None, JobType::Import) => {
                    return Err(Refusal::UnknownDrive {
                        job: String::from(&*self.job.name),
                        drive: id.clone(),
                    })
                }
                (None, JobType::Export) => new_specs.push(self.planned_or_default(id)),
            }
        }
        if self.job.job_type == JobType::Export {
            for planned in self.job.planned_drives.clone() {
                if self.index_of(&planned.id).is_none() && !present.contains(&planned.id) {
                    new_specs.push(planned);
                }
            }
        }
        let count = self.job.drives.len() + new_specs.len();
        if count > MAX_DRIVES {
            return Err(Refusal::TooManyDrives { count });
        }
        for spec in &new_specs {
            let state = if present.contains(&spec.id) {
                DriveState::Received
            } else {
                DriveState::NeverReceived
            };
            self.add_drive(spec, state);
        }
        for i in 0..self.job.drives.len() {
            let d = &self.job.drives[i];
            let arrived = present.contains(&d.id);
            match d.state {
                DriveState::Specified if !arrived => self.set_drive(i, DriveState::NeverReceived),
                DriveState::Specified | DriveState::NeverReceived if arrived => {
                    self.set_drive(i, DriveState::Received)
                }
                _ => {}
            }
        }
        for id in extra {
            self.changes.push(Change {
                subject: Subject::ExtraDrive(id.clone()),
                from: None,
                to: StateLabel::Extra,
            });
            self.job.extra_drives.push(id.clone());
        }
        // A package arrived, so the shipping clocks stop even if it held none of the job's own
        // drives: the job waits in Received for the datacenter (late drive, or ship back).
        self.set_state(JobState::Received);
        Ok(())
    }

    fn planned_or_default(&self, id: &DriveId) -> DriveSpec {
        self.job
            .planned_drives
            .iter()
            .find(|p| &p.id == id)
            .cloned()
            .unwrap_or_else(|| DriveSpec {
                id: id.clone(),
                size_bytes: DEFAULT_DRIVE_BYTES,
            })
    }

    /// R8. Clean → Completed; warnings or errors → CompletedMoreInfo. Errors keep the bytes
    /// actually copied; the job packs up once every drive that arrived has finished.
    fn finish_copy(&mut self, i: usize, outcome: CopyOutcome, messages: &[String]) {
        let to = match outcome {
            CopyOutcome::Clean => DriveState::Completed,
            CopyOutcome::Warnings | CopyOutcome::Errors => DriveState::CompletedMoreInfo,
        };
        {
            let d = &mut self.job.drives[i];
            d.outcome = Some(outcome);
            d.messages = messages.into();
            if outcome != CopyOutcome::Errors {
                d.bytes_copied = d.size_bytes;
            }
        }
        self.set_drive(i, to);
        let all_done = self
            .job
            .drives
            .iter()
            .filter(|d| d.state.was_received())
            .all(|d| d.state.is_finished());
        if all_done {
            self.set_state(JobState::Packaging);
        }
    }

    /// R9. Finished drives and extra drives leave; Completed unless a copy had errors or a
    /// drive never arrived (warnings alone still complete).
    fn ship_back(&mut self) {
        self.return_everything();
        let failed = self.job.drives.iter().any(|d| {
            d.outcome == Some(CopyOutcome::Errors) || d.state == DriveState::NeverReceived
        });
        self.set_state(if failed {
            JobState::Closed
        } else {
            JobState::Completed
        });
    }

    /// Every drive at the datacenter (the job's own that arrived, and extra ones) goes back to
    /// the customer, however the job ends: shipped back, or canceled after its package arrived.
    fn return_everything(&mut self) {
        for i in 0..self.job.drives.len() {
            let s = self.job.drives[i].state;
            if s.was_received() && s != DriveState::ShippedBack {
                self.set_drive(i, DriveState::ShippedBack);
            }
        }
        if !self.job.extras_returned && !self.job.extra_drives.is_empty() {
            for id in &self.job.extra_drives {
                self.changes.push(Change {
                    subject: Subject::ExtraDrive(id.clone()),
                    from: Some(StateLabel::Extra),
                    to: StateLabel::Drive(DriveState::ShippedBack),
                });
            }
            self.job.extras_returned = true;
        }
    }

    fn done(mut self, rule: RuleId) -> Applied {
        self.job.updated_at = self.at;
        Applied {
            job: self.job,
            rule,
            changes: self.changes,
        }
    }
}
