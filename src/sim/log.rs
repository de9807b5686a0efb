//! One line of the event log: what happened (or was refused), when, to which job, by whom,
//! under which rule.

use crate::model::{Change, DriveId, EventLabel, Refusal, RuleId, Source, Time};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Position in the whole log (time order, then job creation order, then within the job).
    pub seq: u64,
    pub at: Time,
    pub job: String,
    pub drive: Option<DriveId>,
    pub source: Source,
    pub event: EventLabel,
    pub rule: RuleId,
    /// The visible changes, or why the event was refused (state unchanged).
    pub outcome: Result<Vec<Change>, Refusal>,
}

impl LogEntry {
    pub fn is_refused(&self) -> bool {
        self.outcome.is_err()
    }
}
