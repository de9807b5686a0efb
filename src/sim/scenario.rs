//! The scenario file: a public JSON format that teachers write by hand and share. The
//! structs mirror the file exactly (optional fields stay optional, unknown fields are kept)
//! so parse → serialize → parse gives the same scenario.
//!
//! This module only describes the format; checking a file is `validate.rs` and the autopilot's
//! reading of its settings is `autopilot.rs`, each depending on this one and never back.

use crate::json::Map;
use crate::model::{
    Action, ActionKind, CancelWindow, CopyOutcome, DriveId, DriveIdError, DriveSpec, InputProblem,
    JobSpec, JobType, Refusal, RuleSet, Rules, Time,
};
use serde::Serialize;
use std::fmt;

/// The only file version this simulator reads.
pub const VERSION: u32 = 1;
/// Sizes in files are in GiB (2^30 bytes), as drive labels are.
pub const GIB: f64 = 1_073_741_824.0;
/// The seed used when a file gives none.
pub const DEFAULT_SEED: u64 = 1;

/// The `Serialize` derives here are the reference `scenario_write` is tested against
/// natively; the wasm writes with `scenario_write` only.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(serialize_with = "write_time")]
    pub start: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RuleSet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_window: Option<CancelWindow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autopilot: Option<AutopilotSpec>,
    #[serde(default)]
    pub jobs: Vec<JobEntry>,
    #[serde(default)]
    pub events: Vec<EventEntry>,
    #[serde(flatten)]
    pub other: Map,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutopilotSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<f64>,
    #[serde(
        default,
        rename = "throughputMBps",
        skip_serializing_if = "Option::is_none"
    )]
    pub throughput_mbps: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception_rate: Option<f64>,
    #[serde(flatten)]
    pub other: Map,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobEntry {
    pub name: String,
    #[serde(rename = "type")]
    pub job_type: JobType,
    pub storage_account: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "write_some_time"
    )]
    pub created_at: Option<Time>,
    #[serde(default)]
    pub drives: Vec<DriveEntry>,
    #[serde(flatten)]
    pub other: Map,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DriveEntry {
    pub id: DriveId,
    #[serde(rename = "sizeGiB")]
    pub size_gib: f64,
    #[serde(flatten)]
    pub other: Map,
}

/// `job` is a name, except in `CreateJob` where it is the whole job.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum JobRef {
    Name(String),
    Spec(Box<JobEntry>),
}

/// One scripted event. Flat, with optional fields, because that is how people write it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventEntry {
    #[serde(serialize_with = "write_time")]
    pub at: Time,
    pub kind: ActionKind,
    pub job: JobRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<Vec<DriveId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Vec<DriveId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drive: Option<DriveId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CopyOutcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<String>>,
    #[serde(flatten)]
    pub other: Map,
}

/// One thing wrong with a scenario file, pointing at its place. What is wrong is data
/// (`kind`); the words, in English or Dutch, are in `crate::i18n::problems`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// A JSON path like `$.events[3].at`.
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: ProblemKind,
}

/// What a field was needed for, when it is missing or has the wrong shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needed {
    Scenario,
    Version,
    Start,
    Autopilot,
    Job,
    JobName,
    StorageAccount,
    DriveId,
    DriveSize,
    Event,
    EventTime,
    EventJob,
    EventDrive(ActionKind),
    Carrier(ActionKind),
    Tracking(ActionKind),
    Present,
}

/// Everything the validator can find wrong with a file.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    FileTooLarge {
        bytes: usize,
    },
    /// Not JSON, or JSON of the wrong shape; `detail` is the parser's own (English) words.
    NotJson {
        detail: String,
    },
    MoreProblems {
        count: usize,
    },
    NotAnObject(Needed),
    Missing(Needed),
    UnsupportedVersion {
        found: String,
    },
    NotWholeNumber,
    NotOneOf {
        found: String,
        expected: Vec<&'static str>,
    },
    NotTrueOrFalse,
    NumberOutOfRange {
        lo: &'static str,
        hi: &'static str,
    },
    NotImportOrExport,
    /// A size of 0 or less, or more than any drive.
    DriveSize,
    DuplicateJobName {
        name: String,
    },
    CreatedAtNotEventTime,
    AutomaticKind {
        kind: String,
    },
    UnknownKind {
        found: String,
    },
    UnknownJob {
        name: String,
    },
    NotAnOutcome,
    NotAListOfStrings,
    NotAList,
    NotAString,
    ListedTwice {
        drive: DriveId,
    },
    UnknownDrive {
        drive: DriveId,
        job: String,
    },
    BadTime {
        found: String,
    },
    OutOfOrder {
        at: Time,
        prev: Time,
    },
    PastYear9999 {
        at: Time,
    },
    BeforeStart {
        at: Time,
        start: Time,
    },
    BadDriveId(DriveIdError),
    TooManyEventsForJob {
        job: String,
        count: usize,
    },
    /// A limit or field rule of the model.
    Input(InputProblem),
    /// The model would refuse the job as written.
    Refused(Refusal),
}

/// Every problem found, so a teacher fixes the file in one go rather than one error at a time.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioErrors {
    pub problems: Vec<Problem>,
}

impl fmt::Display for ScenarioErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the scenario has {} problem(s):", self.problems.len())?;
        for p in &self.problems {
            writeln!(f, "- {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioErrors {}

impl Scenario {
    /// An empty version-1 scenario starting at `start`, with every optional field absent.
    pub fn new(start: Time) -> Self {
        Self {
            version: VERSION,
            title: None,
            description: None,
            start,
            seed: None,
            rules: None,
            cancel_window: None,
            autopilot: None,
            jobs: Vec::new(),
            events: Vec::new(),
            other: Map::new(),
        }
    }

    /// The file as people read it: serde_json's pretty layout (two-space indent, `": "`).
    /// Written by re-indenting the compact text, so there is one writer.
    pub fn to_json(&self) -> String {
        pretty(&self.to_json_compact())
    }

    pub fn to_json_compact(&self) -> String {
        super::scenario_write::scenario(self)
    }

    pub fn seed(&self) -> u64 {
        self.seed.unwrap_or(DEFAULT_SEED)
    }

    pub fn rules(&self) -> Rules {
        Rules::new(
            self.rules.unwrap_or_default(),
            self.cancel_window.unwrap_or_default(),
        )
    }
}

/// Times in files are written by the model's RFC 3339 writer (what chrono's `Serialize`
/// writes, without chrono's formatting machinery in the wasm).
fn write_time<S: serde::Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::model::rfc3339::write_rfc3339(*t, true, true))
}

fn write_some_time<S: serde::Serializer>(t: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => write_time(t, s),
        None => s.serialize_none(),
    }
}

/// Re-indents compact JSON the way `serde_json::to_string_pretty` lays it out. By bytes, not
/// characters: every byte the layout acts on is ASCII and the text between two of them is
/// copied whole, so it is only ever cut between characters.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let bytes = compact.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // The text from `from` on is not yet copied; `i` is the next byte to look at.
    let mut from = 0;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        i += 1;
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        // Where to cut the copied text, and whether a line break (else a space) follows.
        let (cut, newline) = match c {
            b'"' => {
                in_string = true;
                continue;
            }
            b'{' | b'[' => {
                if matches!(bytes.get(i), Some(b'}' | b']')) {
                    i += 1;
                    continue;
                }
                depth += 1;
                (i, true)
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                (i - 1, true)
            }
            b',' => (i, true),
            b':' => (i, false),
            _ => continue,
        };
        out.push_str(compact.get(from..cut).unwrap_or_default());
        from = cut;
        if newline {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        } else {
            out.push(' ');
        }
    }
    out.push_str(compact.get(from..).unwrap_or_default());
    out
}

pub fn bytes_of_gib(gib: f64) -> u64 {
    // `as` saturates, and validation keeps sizes finite, non-negative and bounded.
    (gib.max(0.0) * GIB).round() as u64
}

impl JobEntry {
    // Both by plain loops: a `map().collect()` compiled its own iterator per element type.
    pub fn spec(&self) -> JobSpec {
        let mut drives = Vec::with_capacity(self.drives.len());
        for d in &self.drives {
            drives.push(DriveSpec {
                id: d.id.clone(),
                size_bytes: bytes_of_gib(d.size_gib),
            });
        }
        JobSpec {
            name: self.name.clone(),
            job_type: self.job_type,
            storage_account: self.storage_account.clone(),
            drives,
        }
    }

    pub fn from_spec(spec: &JobSpec) -> Self {
        let mut drives = Vec::with_capacity(spec.drives.len());
        for d in &spec.drives {
            drives.push(DriveEntry {
                id: d.id.clone(),
                size_gib: d.size_bytes as f64 / GIB,
                other: Map::new(),
            });
        }
        Self {
            name: spec.name.clone(),
            job_type: spec.job_type,
            storage_account: spec.storage_account.clone(),
            created_at: None,
            drives,
            other: Map::new(),
        }
    }
}

/// A required field an event lacks, named as in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingField {
    pub field: &'static str,
}

impl TryFrom<&EventEntry> for Action {
    type Error = MissingField;
    fn try_from(entry: &EventEntry) -> Result<Self, Self::Error> {
        entry.to_action()
    }
}

impl EventEntry {
    /// An entry with only its instant, kind and job; the readers fill the rest in place.
    pub(crate) fn blank(at: Time, kind: ActionKind, job: JobRef) -> Self {
        Self {
            at,
            kind,
            job,
            storage_account: None,
            carrier: None,
            tracking: None,
            present: None,
            extra: None,
            drive: None,
            bytes: None,
            outcome: None,
            messages: None,
            other: Map::new(),
        }
    }

    pub fn job_name(&self) -> &str {
        match &self.job {
            JobRef::Name(name) => name,
            JobRef::Spec(spec) => &spec.name,
        }
    }

    /// The event as the machine sees it, or the name of the required field that is missing
    /// (validation reports those for files; a scenario built in code could still lack one).
    pub fn to_action(&self) -> Result<Action, MissingField> {
        let job = self.job_name().to_string();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let need = |field: &'static str| MissingField { field };
        Ok(match self.kind {
            ActionKind::CreateJob => match &self.job {
                JobRef::Spec(spec) => Action::CreateJob(spec.spec()),
                JobRef::Name(_) => return Err(need("job")),
            },
            ActionKind::UpdateJob => Action::UpdateJob {
                job,
                storage_account: self.storage_account.clone(),
            },
            ActionKind::EnterTracking => Action::EnterTracking {
                job,
                carrier: text(&self.carrier),
                tracking: text(&self.tracking),
            },
            ActionKind::CancelJob => Action::CancelJob { job },
            ActionKind::DeleteJob => Action::DeleteJob { job },
            ActionKind::PackageDelivered => Action::PackageDelivered {
                job,
                present: self.present.clone().unwrap_or_default(),
                extra: self.extra.clone().unwrap_or_default(),
            },
            ActionKind::DriveArrivedLate => Action::DriveArrivedLate {
                job,
                drive: self.drive.clone().ok_or(need("drive"))?,
            },
            ActionKind::CopyStarted => Action::CopyStarted {
                job,
                drive: self.drive.clone().ok_or(need("drive"))?,
            },
            ActionKind::CopyProgress => Action::CopyProgress {
                job,
                drive: self.drive.clone().ok_or(need("drive"))?,
                bytes: self.bytes.ok_or(need("bytes"))?,
            },
            ActionKind::CopyFinished => Action::CopyFinished {
                job,
                drive: self.drive.clone().ok_or(need("drive"))?,
                outcome: self.outcome.ok_or(need("outcome"))?,
                messages: self.messages.clone().unwrap_or_default(),
            },
            ActionKind::DrivesShippedBack => Action::DrivesShippedBack {
                job,
                carrier: text(&self.carrier),
                tracking: text(&self.tracking),
            },
        })
    }

    pub fn from_action(at: Time, action: &Action) -> Self {
        // One blank entry filled in per kind: a whole struct literal per arm was its own
        // copy of every field in the wasm.
        let job = match action {
            Action::CreateJob(spec) => JobRef::Spec(Box::new(JobEntry::from_spec(spec))),
            _ => JobRef::Name(action.job_name().to_string()),
        };
        let mut e = Self::blank(at, action.kind(), job);
        e.drive = action.drive().cloned();
        match action {
            Action::UpdateJob {
                storage_account, ..
            } => e.storage_account = storage_account.clone(),
            Action::EnterTracking {
                carrier, tracking, ..
            }
            | Action::DrivesShippedBack {
                carrier, tracking, ..
            } => {
                e.carrier = Some(carrier.clone());
                e.tracking = Some(tracking.clone());
            }
            Action::PackageDelivered { present, extra, .. } => {
                e.present = Some(present.clone());
                e.extra = Some(extra.clone());
            }
            Action::CopyProgress { bytes, .. } => e.bytes = Some(*bytes),
            Action::CopyFinished {
                outcome, messages, ..
            } => {
                e.outcome = Some(*outcome);
                e.messages = (!messages.is_empty()).then(|| messages.clone());
            }
            Action::CreateJob(_)
            | Action::CancelJob { .. }
            | Action::DeleteJob { .. }
            | Action::DriveArrivedLate { .. }
            | Action::CopyStarted { .. } => {}
        }
        e
    }
}
