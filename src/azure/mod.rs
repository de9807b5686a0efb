//! Real Azure data in and out: the JSON that `az import-export show` / `list` and the REST API
//! (api-version 2020-08-01) return is read into a scenario whose replay puts each job at its
//! Azure state at a chosen instant; jobs go back out as REST-shaped JSON and CSV, and finished
//! drives get a generated copy log in the service's `<DriveLog>` XML.
//!
//! Pure like `model` and `sim`: no browser, no wall clock (the instant arrives as a value), and
//! no prose (problems and warnings are data; the words are in `crate::i18n::azure`). Every rule
//! applied here is the model's own: the story is made of ordinary actions and checked by replay.

mod date;
mod drive_log;
mod export;
mod my_job;
mod read;
mod story;

pub use date::{parse as parse_azure_date, us as us_date};
pub use drive_log::{drive_log, LogKind};
pub use export::{drives_csv, jobs_csv, rest_json, rest_list, rest_one};
pub use my_job::{model as model_my_job, next as my_job_next, MyJob, Next, MY_JOB};
pub use story::{import, Imported, AZURE_KEY};

use crate::json::{Map, Value};
use crate::model::{DriveId, DriveState, JobState, TextProblem};
use crate::sim::scenario::ProblemKind;

/// A JSON object from its fields, in one non-generic function: `json!` expands into an insert
/// and a generic `to_value` (with its `unwrap`) per field, at every use.
fn object(fields: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    for (key, value) in fields {
        map.insert(key.to_string(), value);
    }
    Value::Object(map)
}

/// One thing wrong with pasted Azure JSON, at its JSON path (and line and column when known).
#[derive(Clone, Debug, PartialEq)]
pub struct AzureProblem {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: AzureProblemKind,
}

/// What a JSON value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    TrueOrFalse,
    WholeNumber,
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AzureProblemKind {
    /// A problem the scenario parser also knows (size, JSON syntax, times, limits, labels).
    Scenario(ProblemKind),
    /// Neither one job resource, a `{"value": [...]}` list, nor an array of jobs.
    NotJobs,
    /// A required field is absent.
    Missing {
        field: &'static str,
    },
    WrongType(Expected),
    /// A text with a control or bidi character, or longer than any field Azure has.
    Text(TextProblem),
    /// A job name with `<`, `>`, `&` or quotes: no Azure name has them, and it would be markup.
    Markup,
}

/// Data that does not fit the rules, imported anyway; one list per job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The job's name as imported.
    pub job: String,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// More than 10 drives: the first 10 are imported.
    TooManyDrives { count: usize },
    /// A drive state the service does not have; the drive follows its job.
    UnknownDriveState { drive: String, found: String },
    /// A drive id that is not 8 letters and digits, absent, or another job's: a stand-in is used.
    DriveIdReplaced { drive: String, used: DriveId },
    /// No `driveList`: stand-in drives (from `deliveryPackage.driveCount`, else 1).
    NoDriveList { count: usize },
    /// A second job of the same name (another resource group): renamed.
    Renamed { used: String },
    /// The job's dates (created, shipped) under the rules would not leave it in its state at the
    /// chosen instant (it would have expired or closed): its story is placed at that instant.
    DatesIgnored,
    /// No tracking in `deliveryPackage` (or `returnPackage`) for a job past that step.
    NoTracking,
    /// After replay the job is not in its Azure state (`None`: deleted by a rule).
    JobStateDiffers {
        azure: JobState,
        shown: Option<JobState>,
    },
    /// After replay a drive is not in its Azure state: the states cannot go together.
    DriveStateDiffers {
        drive: String,
        azure: DriveState,
        shown: Option<DriveState>,
    },
}
