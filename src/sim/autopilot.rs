//! The datacenter autopilot: reacts to each accepted event of a job by planning that job's
//! next datacenter events. Its randomness comes only from the seed, the job's name and the
//! step, so one job's story never depends on another's.

use super::rng::{hash_key, SplitMix64};
use super::scenario::AutopilotSpec;
use crate::model::durations::{
    ARRIVAL_BUSINESS_DAYS, COPY_SLOWDOWN_AT_FULL_LOAD, DELIVERY_DAYS, LATE_DRIVE_HOURS,
    QUEUE_HOURS_BUSY, QUEUE_HOURS_IDLE, SHIP_BACK_BUSINESS_DAYS,
};
use crate::model::{
    Action, Applied, CopyOutcome, DriveId, DriveState, Job, JobState, JobType, StateLabel, Subject,
    Time,
};
use chrono::{Datelike, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Autopilot {
    pub enabled: bool,
    /// 0 = idle datacenter, 1 = saturated: longer queues and slower copies.
    pub load: f64,
    pub throughput_mbps: f64,
    /// Chance of an exception at each opportunity (missing drive, extra drive, copy issues).
    pub exception_rate: f64,
}

impl Default for Autopilot {
    fn default() -> Self {
        Self {
            enabled: true,
            load: 0.5,
            throughput_mbps: 150.0,
            exception_rate: 0.05,
        }
    }
}

/// An event the autopilot intends to happen. It plans only what the rules accept at that time
/// if nobody else acts; if a person acted in between and the rules now refuse it, the log
/// shows it refused (and once the job has ended, the datacenter stops working on it).
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub at: Time,
    pub action: Action,
}

const COPY_MESSAGES: [&str; 4] = [
    "3 blobs renamed instead of overwritten",
    "12 files skipped: path too long",
    "1 blob's metadata could not be set",
    "manifest lists 2 files not found on the drive",
];
const ERROR_MESSAGES: [&str; 3] = [
    "CompletedWithErrors: 41 blobs failed to copy",
    "BitLockerKeyInvalid on one volume",
    "ManifestCorrupted: the copy stopped early",
];
const CARRIERS: [&str; 3] = ["DHL", "FedEx", "UPS"];

impl Autopilot {
    /// The autopilot a scenario asks for (defaults where the file is silent).
    pub fn of(scenario: &super::scenario::Scenario) -> Self {
        Self::from_spec(scenario.autopilot.as_ref())
    }

    pub fn from_spec(spec: Option<&AutopilotSpec>) -> Self {
        let d = Self::default();
        let Some(s) = spec else { return d };
        Self {
            enabled: s.enabled.unwrap_or(d.enabled),
            load: s.load.unwrap_or(d.load).clamp(0.0, 1.0),
            throughput_mbps: s.throughput_mbps.unwrap_or(d.throughput_mbps),
            exception_rate: s.exception_rate.unwrap_or(d.exception_rate).clamp(0.0, 1.0),
        }
    }

    pub fn to_spec(self) -> AutopilotSpec {
        AutopilotSpec {
            enabled: Some(self.enabled),
            load: Some(self.load),
            throughput_mbps: Some(self.throughput_mbps),
            exception_rate: Some(self.exception_rate),
            other: crate::json::Map::new(),
        }
    }

    /// Plans what the datacenter does next in reaction to `applied` (the job's `step`-th
    /// accepted event, at `at`).
    pub fn plan(&self, seed: u64, applied: &Applied, at: Time, step: u64) -> Vec<Planned> {
        if !self.enabled {
            return Vec::new();
        }
        let job = &applied.job;
        let mut rng = SplitMix64::new(hash_key(seed, &job.name, step));
        let mut out = Vec::new();
        for change in &applied.changes {
            match (&change.subject, change.to) {
                (Subject::Job, StateLabel::Job(JobState::Shipping)) => {
                    self.deliver(job, at, &mut rng, &mut out)
                }
                (Subject::Job, StateLabel::Job(JobState::Packaging)) => {
                    ship_back(job, at, &mut rng, &mut out)
                }
                // The package held none of the job's own drives: nothing to copy, so whatever
                // came (extra drives) goes back and the job closes.
                (Subject::Job, StateLabel::Job(JobState::Received))
                    if !job.drives.iter().any(|d| d.state.was_received()) =>
                {
                    ship_back(job, at, &mut rng, &mut out)
                }
                (Subject::Drive(id), StateLabel::Drive(DriveState::Received)) => {
                    let wait = self.queue_wait(&mut rng);
                    out.push(Planned {
                        at: at + wait,
                        action: Action::CopyStarted {
                            job: String::from(&*job.name),
                            drive: id.clone(),
                        },
                    });
                }
                (Subject::Drive(id), StateLabel::Drive(DriveState::Transferring)) => {
                    self.copy(job, id, at, &mut rng, &mut out)
                }
                _ => {}
            }
        }
        out
    }

    fn deliver(&self, job: &Job, at: Time, rng: &mut SplitMix64, out: &mut Vec<Planned>) {
        let transit = days(rng.range(DELIVERY_DAYS.0, DELIVERY_DAYS.1)) + hours(rng.range(0, 8));
        let processed = add_business_days(
            at + transit,
            rng.range(ARRIVAL_BUSINESS_DAYS.0, ARRIVAL_BUSINESS_DAYS.1),
        );
        let mut present: Vec<DriveId> = Vec::new();
        match job.job_type {
            JobType::Import => {
                for d in &job.drives {
                    present.push(d.id.clone());
                }
            }
            JobType::Export if job.planned_drives.is_empty() => {
                for _ in 0..rng.range(1, 3) {
                    present.push(DriveId::from_number(rng.next_u32()));
                }
            }
            JobType::Export => {
                for d in &job.planned_drives {
                    present.push(d.id.clone());
                }
            }
        }
        if present.len() >= 2 && rng.chance(self.exception_rate) {
            let i = usize::try_from(rng.range(0, present.len() as u64 - 1)).unwrap_or(0);
            let missing = present.remove(i.min(present.len() - 1));
            // Before the first copy can start (the queue takes at least a day), so the job is
            // still Received when the drive turns up and the rules accept it.
            let late = processed + hours(rng.range(LATE_DRIVE_HOURS.0, LATE_DRIVE_HOURS.1));
            out.push(Planned {
                at: late,
                action: Action::DriveArrivedLate {
                    job: String::from(&*job.name),
                    drive: missing,
                },
            });
        }
        let extra = if rng.chance(self.exception_rate) {
            vec![DriveId::from_number(rng.next_u32())]
        } else {
            Vec::new()
        };
        out.push(Planned {
            at: processed,
            action: Action::PackageDelivered {
                job: String::from(&*job.name),
                present,
                extra,
            },
        });
    }

    /// Queue wait grows linearly with load between the idle and busy ranges.
    fn queue_wait(&self, rng: &mut SplitMix64) -> TimeDelta {
        let lerp = |a: u64, b: u64| a as f64 + (b as f64 - a as f64) * self.load;
        let lo = lerp(QUEUE_HOURS_IDLE.0, QUEUE_HOURS_BUSY.0);
        let hi = lerp(QUEUE_HOURS_IDLE.1, QUEUE_HOURS_BUSY.1);
        let h = lo + (hi - lo) * rng.next_f64();
        TimeDelta::minutes((h * 60.0) as i64)
    }

    fn copy(
        &self,
        job: &Job,
        id: &DriveId,
        at: Time,
        rng: &mut SplitMix64,
        out: &mut Vec<Planned>,
    ) {
        let size = job.drive(id).map_or(0, |d| d.size_bytes);
        let throughput = self.throughput_mbps.max(1.0) * 1.0e6;
        let slowdown = 1.0 + COPY_SLOWDOWN_AT_FULL_LOAD * self.load;
        let jitter = 0.8 + 0.4 * rng.next_f64();
        // Capped at 60 days so an absurd size or throughput cannot stall a story.
        let secs =
            (size as f64 / throughput * slowdown * jitter).clamp(60.0, 60.0 * 86_400.0) as i64;
        let name = String::from(&*job.name);
        for quarter in 1..=3u64 {
            out.push(Planned {
                at: at + TimeDelta::seconds(secs * quarter as i64 / 4),
                action: Action::CopyProgress {
                    job: name.clone(),
                    drive: id.clone(),
                    bytes: size / 4 * quarter,
                },
            });
        }
        let (outcome, messages) = if rng.chance(self.exception_rate) {
            if rng.chance(1.0 / 3.0) {
                (CopyOutcome::Errors, pick(rng, &ERROR_MESSAGES))
            } else {
                (CopyOutcome::Warnings, pick(rng, &COPY_MESSAGES))
            }
        } else {
            (CopyOutcome::Clean, Vec::new())
        };
        out.push(Planned {
            at: at + TimeDelta::seconds(secs),
            action: Action::CopyFinished {
                job: name,
                drive: id.clone(),
                outcome,
                messages,
            },
        });
    }
}

fn ship_back(job: &Job, at: Time, rng: &mut SplitMix64, out: &mut Vec<Planned>) {
    let when = add_business_days(
        at,
        rng.range(SHIP_BACK_BUSINESS_DAYS.0, SHIP_BACK_BUSINESS_DAYS.1),
    ) + hours(rng.range(0, 6));
    let carrier = job
        .tracking
        .as_ref()
        .map(|t| t.carrier.clone())
        .or_else(|| rng.pick(&CARRIERS).map(|c| c.to_string()))
        .unwrap_or_default();
    let tracking = format!("{:010}", rng.next_u64() % 10_000_000_000);
    out.push(Planned {
        at: when,
        action: Action::DrivesShippedBack {
            job: String::from(&*job.name),
            carrier,
            tracking,
        },
    });
}

fn pick(rng: &mut SplitMix64, messages: &[&str]) -> Vec<String> {
    rng.pick(messages)
        .map(|m| vec![m.to_string()])
        .unwrap_or_default()
}

fn days(n: u64) -> TimeDelta {
    TimeDelta::days(i64::try_from(n).unwrap_or(0))
}

fn hours(n: u64) -> TimeDelta {
    TimeDelta::hours(i64::try_from(n).unwrap_or(0))
}

/// Datacenters process arrivals and shipments on working days only.
pub fn add_business_days(mut t: Time, n: u64) -> Time {
    let mut left = n;
    while left > 0 {
        t += TimeDelta::days(1);
        if !matches!(t.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    t
}
