//! The pure state machine of one Import/Export job and its drives.
//!
//! Nothing here knows about the browser, the wall clock or other jobs: the
//! simulation in `crate::sim` feeds it timed events and keeps the history.

pub mod diagram;
pub mod durations;
pub mod event;
pub mod ids;
pub mod invariants;
pub mod job;
pub mod limits;
pub mod muldiv;
pub mod ownership;
pub mod refusal;
pub mod rfc3339;
pub mod rules;
pub mod spec;
pub mod states;
pub mod text_map;
pub mod transition;

pub use event::{Action, ActionKind, AutoEvent, DriveSpec, EventLabel, JobSpec, Source};
pub use ids::{DriveId, DriveIdError, TextSet};
pub use job::{Deletion, DeletionReason, Drive, Job, Tracking};
pub use limits::{Countable, InputProblem, TextField, TextProblem};
pub use ownership::DriveOwners;
pub use refusal::Refusal;
pub use rules::{CancelWindow, RuleId, RuleSet, Rules};
pub use spec::{spec_problems, SpecField};
pub use states::{CopyOutcome, DriveState, JobState, JobType, UnknownLabel};
pub use text_map::TextMap;
pub use transition::{apply, check, create, fire, Applied, Change, StateLabel, Subject};

/// Simulated time. The core never reads the wall clock; every event carries its own time.
pub type Time = chrono::DateTime<chrono::Utc>;
