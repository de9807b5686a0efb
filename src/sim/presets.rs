//! Built-in teaching scenarios, one story each. Stored as JSON files (the same public format
//! teachers write), except the busy datacenter and the 10,000-job stress test, which are
//! generated.

use super::rng::{hash_key, SplitMix64};
use super::scenario::{AutopilotSpec, DriveEntry, EventEntry, JobEntry, JobRef, Scenario, VERSION};
use crate::json::Map;
use crate::model::{ActionKind, DriveId, JobType, Time};
use chrono::TimeDelta;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// URL-safe slug.
    pub name: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
}

/// Where a preset comes from: a JSON file, or `busy_datacenter(jobs, days, ..)`.
#[derive(Clone, Copy)]
enum Source {
    File(&'static str),
    /// `jobs` jobs over `days` days, each with `drives.0..=drives.1` drives.
    Busy {
        jobs: usize,
        days: i64,
        drives: (u64, u64),
    },
}

const PRESETS: [(Preset, Source); 10] = [
    (
        Preset {
            name: "happy-import",
            title: "Happy import",
            summary: "One import job goes all the way to Completed, then is deleted 90 days later.",
        },
        Source::File(include_str!("presets/happy-import.json")),
    ),
    (
        Preset {
            name: "export",
            title: "Export",
            summary: "An export job: its drives appear only when the package arrives.",
        },
        Source::File(include_str!("presets/export.json")),
    ),
    (
        Preset {
            name: "abandoned",
            title: "Abandoned in Creating",
            summary: "No tracking is ever entered: the job is deleted after 14 days; an update restarts the clock.",
        },
        Source::File(include_str!("presets/abandoned.json")),
    ),
    (
        Preset {
            name: "never-arrives",
            title: "Package never arrives",
            summary: "14 days after tracking the drives become NeverReceived; 30 days later the job is Closed.",
        },
        Source::File(include_str!("presets/never-arrives.json")),
    ),
    (
        Preset {
            name: "late-and-extra-drive",
            title: "Late drive and extra drive",
            summary: "One drive misses the package and arrives later; a stranger drive rides along and is returned.",
        },
        Source::File(include_str!("presets/late-and-extra-drive.json")),
    ),
    (
        Preset {
            name: "copy-errors",
            title: "Copy errors and warnings",
            summary: "Errors end a job Closed; warnings alone still end it Completed.",
        },
        Source::File(include_str!("presets/copy-errors.json")),
    ),
    (
        Preset {
            name: "cancel-2021",
            title: "Cancel (2021 rules)",
            summary: "Under the 2021 rules a job can be canceled while Creating, not once it ships.",
        },
        Source::File(include_str!("presets/cancel-2021.json")),
    ),
    (
        Preset {
            name: "busy-datacenter",
            title: "Busy datacenter",
            summary: "50 jobs through a loaded datacenter, run by the autopilot.",
        },
        Source::Busy {
            jobs: 50,
            days: 60,
            drives: BUSY_DRIVES,
        },
    ),
    (
        Preset {
            name: "blank",
            title: "Blank",
            summary: "No jobs and the autopilot off: create a job with “New job” and walk it through its states by hand.",
        },
        Source::File(include_str!("presets/blank.json")),
    ),
    (
        Preset {
            name: "stress-10000",
            title: "Stress test: 10,000 jobs",
            summary: "10,000 jobs and about 40,000 drives over 120 days, run by the autopilot: the page stays smooth.",
        },
        // 2 to 6 drives a job: about 40,000 drives.
        Source::Busy {
            jobs: 10_000,
            days: 120,
            drives: (2, 6),
        },
    ),
];

/// The default first demo.
pub const DEFAULT_PRESET: &str = "happy-import";

pub fn presets() -> Vec<Preset> {
    let mut out = Vec::with_capacity(PRESETS.len());
    for (p, _) in &PRESETS {
        out.push(*p);
    }
    out
}

/// The built-in story named `name` (its slug), without listing them all.
pub fn preset_named(name: &str) -> Option<Preset> {
    for (p, _) in &PRESETS {
        if p.name == name {
            return Some(*p);
        }
    }
    None
}

/// The built-in story titled `title`.
pub fn preset_titled(title: &str) -> Option<Preset> {
    for (p, _) in &PRESETS {
        if p.title == title {
            return Some(*p);
        }
    }
    None
}

pub fn preset(name: &str) -> Option<Scenario> {
    let (p, text) = PRESETS.iter().find(|(p, _)| p.name == name)?;
    match *text {
        Source::File(text) => {
            let mut s = Scenario::parse(text).ok()?;
            s.description = Some(p.summary.to_string());
            Some(s)
        }
        Source::Busy { jobs, days, drives } => {
            let start = crate::model::rfc3339::parse_rfc3339("2026-01-05T09:00:00Z")?;
            let mut s = datacenter(jobs, days, drives, start, 2026);
            s.title = Some(p.title.to_string());
            s.description = Some(p.summary.to_string());
            Some(s)
        }
    }
}

/// A built-in story, loaded: for tests, which may panic on a missing one.
#[cfg(test)]
pub fn loaded(name: &str) -> super::Simulation {
    let Some(s) = preset(name) else {
        panic!("preset {name}")
    };
    super::Simulation::new(s).unwrap_or_else(|e| panic!("{e}"))
}

/// A datacenter with `jobs` jobs created over `days` days; the customers enter tracking
/// (most of them), the autopilot does the rest. Used by the busy preset and the benchmark.
pub fn busy_datacenter(jobs: usize, days: i64, start: Time, seed: u64) -> Scenario {
    datacenter(jobs, days, BUSY_DRIVES, start, seed)
}

/// Drives per job in `busy_datacenter`: 1 to 4.
const BUSY_DRIVES: (u64, u64) = (1, 4);

fn datacenter(
    jobs: usize,
    days: i64,
    drives_per_job: (u64, u64),
    start: Time,
    seed: u64,
) -> Scenario {
    let mut entries = Vec::with_capacity(jobs);
    let mut events = Vec::with_capacity(jobs);
    let span_minutes = days.max(1) * 24 * 60;
    for n in 0..jobs {
        let name = format!("job-{n:05}");
        let mut rng = SplitMix64::new(hash_key(seed, &name, u64::MAX));
        let created = start + TimeDelta::minutes(span_minutes * n as i64 / jobs.max(1) as i64);
        let job_type = if rng.chance(0.2) {
            JobType::Export
        } else {
            JobType::Import
        };
        let mut drives = Vec::new();
        for _ in 0..rng.range(drives_per_job.0, drives_per_job.1) {
            drives.push(DriveEntry {
                id: DriveId::from_number(rng.next_u32()),
                size_gib: [500.0, 1000.0, 2000.0, 4000.0]
                    [usize::try_from(rng.range(0, 3)).unwrap_or(0)],
                other: Map::new(),
            });
        }
        entries.push(JobEntry {
            name: name.clone(),
            job_type,
            storage_account: format!("store{}", n % 7),
            created_at: Some(created),
            drives,
            other: Map::new(),
        });
        // One customer in twenty forgets to enter tracking: the job expires in Creating.
        if !rng.chance(0.05) {
            let at = created + TimeDelta::hours(i64::try_from(rng.range(4, 72)).unwrap_or(24));
            let mut e = EventEntry::from_action(
                at,
                &crate::model::Action::EnterTracking {
                    job: name,
                    carrier: "DHL".into(),
                    tracking: format!("{}", rng.range(100_000, 999_999)),
                },
            );
            e.kind = ActionKind::EnterTracking;
            e.job = JobRef::Name(e.job_name().to_string());
            events.push(e);
        }
    }
    // Drive ids come from a 32-bit space; drop the rare duplicate so the scenario validates.
    let mut seen = crate::model::TextSet::default();
    for job in &mut entries {
        job.drives
            .retain(|d| seen.insert(d.id.as_str().to_string()));
        if job.drives.is_empty() {
            job.drives.push(DriveEntry {
                id: fresh_id(&mut seen),
                size_gib: 500.0,
                other: Map::new(),
            });
        }
    }
    crate::sort::sort_by_key(&mut events, |e| e.at);
    Scenario {
        version: VERSION,
        title: Some("Busy datacenter".into()),
        description: None,
        start,
        seed: Some(seed),
        rules: None,
        cancel_window: None,
        autopilot: Some(AutopilotSpec {
            enabled: Some(true),
            load: Some(0.8),
            ..AutopilotSpec::default()
        }),
        jobs: entries,
        events,
        other: Map::new(),
    }
}

fn fresh_id(seen: &mut crate::model::TextSet) -> DriveId {
    let mut n = 0u32;
    loop {
        let id = DriveId::from_number(n);
        if seen.insert(id.as_str().to_string()) {
            return id;
        }
        n = n.wrapping_add(1);
    }
}
