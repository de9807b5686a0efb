//! Azure jobs into a scenario: for each job, the ordinary actions (create, tracking, delivery,
//! copies, ship back, cancel) that take it to its Azure state at the chosen instant, checked by
//! replaying the scenario with the model's own rules. What does not fit becomes a warning.

use super::read::{read, AzureDrive, AzureJob, Package};
use super::{AzureProblem, AzureProblemKind, Warning, WarningKind as W};
use crate::json::{Map, Value};
use crate::model::durations::DEFAULT_DRIVE_BYTES;
use crate::model::limits::MAX_DRIVES;
use crate::model::TextSet;
use crate::model::{Action, CopyOutcome, DriveId, DriveState, JobState, JobType, RuleSet, Time};
use crate::sim::scenario::{AutopilotSpec, DriveEntry, EventEntry, JobEntry, Scenario, GIB};
use crate::sim::Simulation;
use crate::text::contains;

/// The key under which an imported job keeps its Azure resource in the scenario file:
/// `{"resource": …, "since": RFC 3339, "drives": [sim drive id per driveList entry]}`.
pub const AZURE_KEY: &str = "azure";
/// Carrier and tracking number used when the resource gives none (an identifier, not prose).
pub const UNKNOWN: &str = "unknown";

/// The scenario made from pasted Azure JSON, and what did not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    /// The instant at which the jobs are in their Azure states (the clock goes there).
    pub at: Time,
    pub warnings: Vec<Warning>,
}

/// Reads `text` and builds the scenario whose replay shows each job at its Azure state at
/// `since` (a Shipping job entered Shipping on its ship date, a Completed or Closed one its state
/// on its return ship date, when that fits the rules).
pub fn import(text: &str, since: Time) -> Result<Imported, Vec<AzureProblem>> {
    let jobs = read(text)?;
    let mut names = TextSet::default();
    // For each name, the last suffix it was given: k jobs of one name try each suffix once,
    // not 2, 3, … again for every one of them (quadratic in k).
    let mut suffixes = crate::model::TextMap::default();
    let mut used = TextSet::default();
    let mut next_id = 0u32;
    let mut plans = Vec::new();
    for job in &jobs {
        let mut name = job.name.clone();
        let mut n = suffixes.get(&job.name).unwrap_or(1);
        while !names.insert(name.clone()) {
            n += 1;
            let suffix = format!("-{n}");
            let keep = crate::text::first_chars(&job.name, 64 - suffix.len());
            name = crate::text::concat(&[&keep, &suffix]);
        }
        suffixes.insert(job.name.clone(), n);
        let mut warnings = Vec::new();
        if name != job.name {
            warnings.push(W::Renamed { used: name.clone() });
        }
        let ids = drive_ids(job, &mut used, &mut next_id, &mut |w| warnings.push(w));
        plans.push(Plan {
            job,
            name,
            ids,
            dated: true,
            warnings,
        });
    }
    let rules = jobs
        .iter()
        .any(|j| j.state == JobState::Canceled)
        .then_some(RuleSet::Y2021);
    let mut scenario = build(&plans, since, rules);
    let sim = replay(&scenario)?;
    let mut redo = false;
    for plan in &mut plans {
        let shown = sim
            .job_at(&plan.name, since)
            .filter(|j| !j.is_deleted())
            .map(|j| j.state);
        if shown != Some(plan.job.state) && plan.has_dates(since) {
            plan.dated = false;
            redo = true;
            plan.warnings.push(W::DatesIgnored);
        }
    }
    // The same scenario replays to the same world: only a rebuilt one is replayed again.
    let sim = if redo {
        scenario = build(&plans, since, rules);
        replay(&scenario)?
    } else {
        sim
    };
    let mut warnings = Vec::new();
    for mut plan in plans {
        let shown = sim.job_at(&plan.name, since);
        compare(&mut plan, shown);
        for kind in plan.warnings {
            warnings.push(Warning {
                job: plan.name.clone(),
                kind,
            });
        }
    }
    Ok(Imported {
        scenario,
        at: since,
        warnings,
    })
}

/// The scenario's world. One the simulator refuses (more events than a world holds, say) is
/// refused as the whole input's problem: an import that stood in for it would load nothing.
fn replay(scenario: &Scenario) -> Result<Simulation, Vec<AzureProblem>> {
    Simulation::new(scenario.clone()).map_err(|e| {
        let mut problems = Vec::new();
        for p in e.problems {
            problems.push(super::read::at("$", AzureProblemKind::Scenario(p.kind)));
        }
        problems
    })
}

struct Plan<'a> {
    job: &'a AzureJob,
    name: String,
    /// The simulator's id for each imported drive, in `driveList` order (or the stand-ins).
    ids: Vec<DriveId>,
    dated: bool,
    /// What did not fit, in the order found.
    warnings: Vec<W>,
}

impl Plan<'_> {
    /// Creation time, tracking time, and when the job entered its state: a job whose drives
    /// went back (Completed, Closed) on its return ship date, a Canceled one when it was last
    /// modified, any other at `since`.
    fn times(&self, since: Time) -> (Time, Time, Time) {
        if !self.dated {
            return (since, since, since);
        }
        let date = |p: &Option<Package>| p.as_ref().and_then(|p| p.ship_date);
        let back = match self.job.state {
            JobState::Completed | JobState::Closed => date(&self.job.returned),
            JobState::Canceled => self.job.modified_at,
            _ => None,
        }
        .filter(|b| *b <= since)
        .unwrap_or(since);
        let ship = date(&self.job.delivery)
            .filter(|s| *s <= back && self.job.state != JobState::Creating)
            .unwrap_or(back);
        let created = self.job.created_at.filter(|c| *c <= ship).unwrap_or(ship);
        (created, ship, back)
    }

    fn has_dates(&self, since: Time) -> bool {
        self.dated && self.times(since) != (since, since, since)
    }

    /// The Azure state wanted for drive `i`, when the resource gives a known one.
    fn wanted(&self, i: usize) -> Option<DriveState> {
        let drives = self.job.drives.as_deref()?;
        drives.get(i)?.state.as_ref()?.as_ref().ok().copied()
    }

    fn drive(&self, i: usize) -> Option<&AzureDrive> {
        self.job.drives.as_deref()?.get(i)
    }
}

/// A valid, unused id per imported drive (stand-ins where the resource lists none).
fn drive_ids(
    job: &AzureJob,
    used: &mut TextSet,
    next: &mut u32,
    warn: &mut impl FnMut(W),
) -> Vec<DriveId> {
    let mut fresh = |used: &mut TextSet| loop {
        *next = next.wrapping_add(1);
        let id = DriveId::from_number(0xA2E0_0000 | *next);
        if used.insert(id.as_str().to_string()) {
            return id;
        }
    };
    let Some(list) = &job.drives else {
        let wants_drives = job.job_type == JobType::Import
            || !matches!(
                job.state,
                JobState::Creating | JobState::Shipping | JobState::Canceled
            );
        let count = job
            .delivery
            .as_ref()
            .and_then(|p| p.drive_count)
            .map_or(1, |n| n.clamp(1, MAX_DRIVES as u64) as usize);
        if !wants_drives {
            return Vec::new();
        }
        warn(W::NoDriveList { count });
        let mut ids = Vec::new();
        for _ in 0..count {
            ids.push(fresh(used));
        }
        return ids;
    };
    if list.len() > MAX_DRIVES {
        warn(W::TooManyDrives { count: list.len() });
    }
    let mut ids = Vec::new();
    for d in list.iter().take(MAX_DRIVES) {
        let text = d.id.clone().unwrap_or_default();
        if let Some(Err(found)) = &d.state {
            warn(W::UnknownDriveState {
                drive: text.clone(),
                found: crate::text::first_chars(found, 64),
            });
        }
        match DriveId::parse(text.trim()) {
            Ok(id) if used.insert(id.as_str().to_string()) => ids.push(id),
            _ => {
                let id = fresh(used);
                warn(W::DriveIdReplaced {
                    drive: crate::text::first_chars(&text, 64),
                    used: id.clone(),
                });
                ids.push(id);
            }
        }
    }
    let copies = matches!(job.state, JobState::Transferring | JobState::Packaging);
    if ids.is_empty() && (job.job_type == JobType::Import || copies) {
        warn(W::NoDriveList { count: 1 });
        ids.push(fresh(used));
    }
    ids
}

fn build(plans: &[Plan], since: Time, rules: Option<RuleSet>) -> Scenario {
    let mut jobs = Vec::new();
    let mut start = since;
    let mut events: Vec<EventEntry> = Vec::new();
    for plan in plans {
        let (created, _, _) = plan.times(since);
        start = start.min(created);
        jobs.push(entry(plan, since, created));
        events.append(&mut story(plan, since));
    }
    // In time order; at one instant job by job, each job's story in its own order (stable).
    crate::sort::sort_by_key(&mut events, |e| e.at);
    let mut scenario = Scenario::new(start);
    scenario.rules = rules;
    scenario.autopilot = Some(AutopilotSpec {
        enabled: Some(false),
        ..AutopilotSpec::default()
    });
    scenario.jobs = jobs;
    scenario.events = events;
    scenario
}

fn entry(plan: &Plan, since: Time, created: Time) -> JobEntry {
    let mut ids = Vec::new();
    let mut drives = Vec::new();
    for id in &plan.ids {
        ids.push(Value::from(id.as_str()));
        drives.push(DriveEntry {
            id: id.clone(),
            size_gib: DEFAULT_DRIVE_BYTES as f64 / GIB,
            other: Map::new(),
        });
    }
    let mut other = Map::new();
    other.insert(
        AZURE_KEY.into(),
        super::object(vec![
            ("resource", plan.job.resource.clone()),
            (
                "since",
                Value::from(crate::model::rfc3339::write_rfc3339(since, true, true)),
            ),
            ("drives", Value::Array(ids)),
        ]),
    );
    JobEntry {
        name: plan.name.clone(),
        job_type: plan.job.job_type,
        storage_account: plan.job.storage_account.clone(),
        created_at: Some(created),
        drives,
        other,
    }
}

fn tracking(p: Option<&Package>) -> (String, String) {
    let carrier = p.and_then(|p| p.carrier.clone());
    let number = p.and_then(|p| p.tracking.clone());
    (
        carrier.unwrap_or_else(|| UNKNOWN.into()),
        number.unwrap_or_else(|| UNKNOWN.into()),
    )
}

/// Bytes that make the model's rounded-down percent read exactly `pct`.
fn bytes_for(pct: u8) -> u64 {
    // 2^40 bytes times at most 255 cannot overflow.
    const _: () = assert!(DEFAULT_DRIVE_BYTES.checked_mul(255).is_some());
    (DEFAULT_DRIVE_BYTES * u64::from(pct)).div_ceil(100)
}

fn outcome(d: Option<&AzureDrive>, wanted: Option<DriveState>, closed: bool) -> CopyOutcome {
    let status = d
        .and_then(|d| d.copy_status.as_deref())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if contains(&status, "error") || contains(&status, "fail") {
        CopyOutcome::Errors
    } else if contains(&status, "warning") {
        CopyOutcome::Warnings
    } else if wanted == Some(DriveState::CompletedMoreInfo) {
        if closed {
            CopyOutcome::Errors
        } else {
            CopyOutcome::Warnings
        }
    } else {
        CopyOutcome::Clean
    }
}

/// The job's actions, in order.
fn story(plan: &Plan, since: Time) -> Vec<EventEntry> {
    use JobState as J;
    let job = plan.job;
    let name = plan.name.clone();
    // Every step after the tracking is taken when the job entered its state.
    let (created, shipped, since) = plan.times(since);
    let mut out = Vec::new();
    let mut push = |at: Time, action: Action| out.push(EventEntry::from_action(at, &action));
    // A Creating job modified after its creation was updated then: R2 counts from there.
    if let Some(at) = job
        .modified_at
        .filter(|m| plan.dated && job.state == J::Creating && created < *m && *m <= since)
    {
        push(
            at,
            Action::UpdateJob {
                job: name.clone(),
                storage_account: None,
            },
        );
    }
    let rank = |s: JobState| match s {
        J::Creating | J::Canceled => 0,
        J::Shipping => 1,
        J::Received => 2,
        J::Transferring => 3,
        J::Packaging => 4,
        J::Completed | J::Closed => 5,
    };
    let target = job.state;
    if target == J::Canceled {
        push(since, Action::CancelJob { job: name });
        return out;
    }
    if rank(target) >= 1 {
        let (carrier, tracking) = tracking(job.delivery.as_ref());
        push(
            shipped,
            Action::EnterTracking {
                job: name.clone(),
                carrier,
                tracking,
            },
        );
    }
    if rank(target) < 2 {
        return out;
    }
    let arrived = |s: Option<DriveState>| match s {
        None => true,
        Some(DriveState::Specified) => job.job_type == JobType::Export,
        Some(s) => s.was_received(),
    };
    let mut present: Vec<usize> = Vec::new();
    for i in 0..plan.ids.len() {
        if arrived(plan.wanted(i)) {
            present.push(i);
        }
    }
    let only_missing = target == J::Closed && present.is_empty();
    if present.is_empty() && rank(target) >= 3 {
        for i in 0..plan.ids.len() {
            present.push(i);
        }
    }
    let mut delivered = Vec::new();
    for &i in &present {
        delivered.push(plan.ids[i].clone());
    }
    push(
        since,
        Action::PackageDelivered {
            job: name.clone(),
            present: delivered,
            extra: Vec::new(),
        },
    );
    if only_missing {
        ship_back(job, &name, since, &mut push);
        return out;
    }
    if rank(target) < 3 {
        return out;
    }
    let copying = |s: Option<DriveState>| {
        matches!(
            s,
            Some(
                DriveState::Transferring
                    | DriveState::Completed
                    | DriveState::CompletedMoreInfo
                    | DriveState::ShippedBack
            )
        )
    };
    let done = |s: Option<DriveState>| {
        matches!(
            s,
            Some(DriveState::Completed | DriveState::CompletedMoreInfo | DriveState::ShippedBack)
        )
    };
    let all = rank(target) >= 4;
    let closed = target == J::Closed;
    let mut started = Vec::new();
    let mut finished = Vec::new();
    let mut outcomes = Vec::new();
    for &i in &present {
        started.push(all || copying(plan.wanted(i)));
        finished.push(all || done(plan.wanted(i)));
        outcomes.push(outcome(plan.drive(i), plan.wanted(i), closed));
    }
    if target == J::Transferring {
        if !started.contains(&true) {
            if let Some(first) = started.first_mut() {
                *first = true;
            }
        }
        if !finished.contains(&false) {
            if let Some(last) = finished.last_mut() {
                *last = false;
            }
        }
    }
    let failed = outcomes.contains(&CopyOutcome::Errors) || present.len() < plan.ids.len();
    if closed && !failed {
        outcomes.fill(CopyOutcome::Errors);
    }
    for (k, &i) in present.iter().enumerate() {
        let drive = plan.ids[i].clone();
        if !started[k] {
            continue;
        }
        push(
            since,
            Action::CopyStarted {
                job: name.clone(),
                drive: drive.clone(),
            },
        );
        let pct = plan
            .drive(i)
            .and_then(|d| d.percent)
            .or(job.percent)
            .unwrap_or(0);
        if pct > 0 && (!finished[k] || outcomes[k] == CopyOutcome::Errors) {
            push(
                since,
                Action::CopyProgress {
                    job: name.clone(),
                    drive: drive.clone(),
                    bytes: bytes_for(pct),
                },
            );
        }
        if finished[k] {
            push(
                since,
                Action::CopyFinished {
                    job: name.clone(),
                    drive,
                    outcome: outcomes[k],
                    messages: Vec::new(),
                },
            );
        }
    }
    if rank(target) >= 5 {
        ship_back(job, &name, since, &mut push);
    }
    out
}

fn ship_back(job: &AzureJob, name: &str, at: Time, push: &mut impl FnMut(Time, Action)) {
    let (carrier, tracking) = tracking(job.returned.as_ref());
    push(
        at,
        Action::DrivesShippedBack {
            job: name.to_string(),
            carrier,
            tracking,
        },
    );
}

/// Warnings for what the replay shows differently from Azure.
fn compare(plan: &mut Plan, shown: Option<&crate::model::Job>) {
    let mut found = Vec::new();
    let mut warn = |kind| found.push(kind);
    let job = plan.job;
    let state = shown.filter(|j| !j.is_deleted()).map(|j| j.state);
    if state != Some(job.state) {
        warn(W::JobStateDiffers {
            azure: job.state,
            shown: state,
        });
    }
    let past = |p: Option<&Package>| p.is_some_and(|p| p.carrier.is_some() && p.tracking.is_some());
    let needs_delivery = !matches!(job.state, JobState::Creating | JobState::Canceled);
    let needs_return = matches!(job.state, JobState::Completed | JobState::Closed);
    if (needs_delivery && !past(job.delivery.as_ref()))
        || (needs_return && !past(job.returned.as_ref()))
    {
        warn(W::NoTracking);
    }
    for (i, id) in plan.ids.iter().enumerate() {
        let Some(shown) = shown else {
            break;
        };
        let Some(azure) = plan.wanted(i) else {
            continue;
        };
        let sim = shown.drive(id).map(|d| d.state);
        // An export job's drives exist only once its package arrived.
        if sim.is_none() && job.job_type == JobType::Export && shown.drives.is_empty() {
            continue;
        }
        if sim != Some(azure) {
            warn(W::DriveStateDiffers {
                drive: plan
                    .drive(i)
                    .and_then(|d| d.id.clone())
                    .unwrap_or_else(|| id.to_string()),
                azure,
                shown: sim,
            });
        }
    }
    plan.warnings.extend(found);
}
