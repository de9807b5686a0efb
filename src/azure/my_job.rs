//! "Model my job": a job described in a few fields (type, state, since when, tracking date,
//! drive states) by an administrator with no JSON at hand. It becomes the resource Azure would
//! return for such a job and goes through the same import, so the story, its checks and its
//! warnings are the pasted JSON's, and what happens next is the model's own `next_time_rule`.

use crate::json::Value;

use super::date::us;
use super::story::{import, Imported};
use super::AzureProblem;
use crate::model::durations::TYPICAL_COPY_DAYS;
use crate::model::{DriveState, JobState, JobType, RuleId, Time};
use crate::sim::Simulation;

/// The name the modelled job gets (an identifier, not prose).
pub const MY_JOB: &str = "my-job";

/// What the form says about the job.
#[derive(Clone, Debug, PartialEq)]
pub struct MyJob {
    pub job_type: JobType,
    pub state: JobState,
    /// When the job entered `state`.
    pub since: Time,
    /// When the tracking number was entered (the shipping clocks run from it).
    pub tracking: Option<Time>,
    pub drives: Vec<DriveState>,
}

/// What the rules (or, where there is no rule, the articles' typical figures) say comes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// A time rule will fire at this time unless someone acts.
    Rule(RuleId, Time),
    /// No time rule: the copy typically ends in this window (not a rule, no SLA).
    TypicalCopy { from: Time, to: Time },
    /// No time rule and no typical figure: the job waits for the datacenter.
    Waits,
    /// Nothing more happens (deleted).
    End,
}

/// The resource `az import-export show` would print for this job.
pub fn resource(j: &MyJob) -> Value {
    let mut drives = Vec::with_capacity(j.drives.len());
    for (i, d) in j.drives.iter().enumerate() {
        // `MYDRIV01` to `MYDRIV10`: a drive id has exactly `DriveId::LEN` (8) characters.
        drives.push(super::object(vec![
            ("driveId", Value::from(format!("MYDRIV{:02}", i + 1))),
            ("state", Value::from(d.id())),
        ]));
    }
    let mut props = vec![
        ("storageAccountId", Value::from("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/simulator/providers/Microsoft.Storage/storageAccounts/mystorage")),
        ("jobType", Value::from(j.job_type.id())),
        ("state", Value::from(j.state.id())),
        ("driveList", Value::Array(drives)),
    ];
    if j.state != JobState::Creating {
        let package = super::object(vec![
            ("carrierName", Value::from("FedEx")),
            ("trackingNumber", Value::from("000000000000")),
            ("shipDate", Value::from(us(j.tracking.unwrap_or(j.since)))),
        ]);
        props.push(("deliveryPackage", package));
    }
    super::object(vec![
        ("name", Value::from(MY_JOB)),
        ("properties", super::object(props)),
    ])
}

/// The story of the job: a blank world with only this job, the autopilot off, in `state` at
/// `since`; with the import's warnings where the fields do not fit the rules.
pub fn model(j: &MyJob) -> Result<Imported, Vec<AzureProblem>> {
    import(&crate::sim::json_text(&resource(j)), j.since)
}

/// What comes next for the job at `at`.
pub fn next(sim: &Simulation, at: Time) -> Next {
    let Some(job) = sim.job_at(MY_JOB, at) else {
        return Next::End;
    };
    if job.is_deleted() {
        return Next::End;
    }
    if let Some((rule, when)) = job.next_time_rule(&sim.rules()) {
        return Next::Rule(rule, when);
    }
    match job.state {
        JobState::Received | JobState::Transferring => {
            let arrived = job.state_entered_at.min(at);
            Next::TypicalCopy {
                from: arrived + chrono::TimeDelta::days(TYPICAL_COPY_DAYS.0),
                to: arrived + chrono::TimeDelta::days(TYPICAL_COPY_DAYS.1),
            }
        }
        _ => Next::Waits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rfc3339::parse_rfc3339;

    fn at(s: &str) -> Time {
        parse_rfc3339(s).expect("a test time")
    }

    fn run(j: &MyJob) -> (Imported, Next) {
        let imported = model(j).expect("the modelled job imports");
        let sim = Simulation::new(imported.scenario.clone()).expect("its scenario loads");
        let next = next(&sim, imported.at);
        (imported, next)
    }

    #[test]
    fn a_shipping_job_closes_30_days_after_overdue_unless_the_package_arrives() {
        let j = MyJob {
            job_type: JobType::Import,
            state: JobState::Shipping,
            since: at("2026-11-26T09:00:00Z"),
            tracking: Some(at("2026-11-03T09:00:00Z")),
            drives: vec![DriveState::NeverReceived],
        };
        let (imported, next) = run(&j);
        assert_eq!(imported.warnings, vec![]);
        // Overdue at tracking + 14 d (2026-11-17) has fired; Closed 30 days after it.
        assert_eq!(
            next,
            Next::Rule(RuleId::ShippingAbandoned, at("2026-12-17T09:00:00Z"))
        );
    }

    #[test]
    fn a_creating_job_is_deleted_14_days_after_it_was_made() {
        let j = MyJob {
            job_type: JobType::Export,
            state: JobState::Creating,
            since: at("2026-11-20T10:00:00Z"),
            tracking: None,
            drives: vec![],
        };
        let (_, next) = run(&j);
        assert_eq!(
            next,
            Next::Rule(RuleId::CreatingExpiry, at("2026-12-04T10:00:00Z"))
        );
    }

    #[test]
    fn a_copy_has_no_rule_only_the_typical_7_to_10_days() {
        let j = MyJob {
            job_type: JobType::Import,
            state: JobState::Transferring,
            since: at("2026-11-20T10:00:00Z"),
            tracking: Some(at("2026-11-10T10:00:00Z")),
            drives: vec![DriveState::Transferring, DriveState::Received],
        };
        let (imported, next) = run(&j);
        assert_eq!(imported.warnings, vec![]);
        let Next::TypicalCopy { from, to } = next else {
            panic!("no time rule while copying: {next:?}")
        };
        assert_eq!(to - from, chrono::TimeDelta::days(3));
        assert!(from > imported.at - chrono::TimeDelta::days(1), "{from}");
    }

    #[test]
    fn a_completed_job_is_kept_90_days() {
        let j = MyJob {
            job_type: JobType::Import,
            state: JobState::Completed,
            since: at("2026-11-01T00:00:00Z"),
            tracking: None,
            drives: vec![DriveState::Completed],
        };
        let (_, next) = run(&j);
        assert_eq!(
            next,
            Next::Rule(RuleId::RetentionExpiry, at("2027-01-30T00:00:00Z"))
        );
    }

    #[test]
    fn every_drive_count_gets_valid_ids_and_no_warning() {
        for n in 1..=crate::model::limits::MAX_DRIVES {
            let j = MyJob {
                job_type: JobType::Import,
                state: JobState::Received,
                since: at("2026-11-20T10:00:00Z"),
                tracking: Some(at("2026-11-10T10:00:00Z")),
                drives: vec![DriveState::Received; n],
            };
            let (imported, _) = run(&j);
            assert_eq!(imported.warnings, vec![], "{n} drives");
        }
    }

    #[test]
    fn drives_that_cannot_go_with_the_state_are_warned_about_not_refused() {
        let j = MyJob {
            job_type: JobType::Import,
            state: JobState::Creating,
            since: at("2026-11-01T00:00:00Z"),
            tracking: None,
            drives: vec![DriveState::Completed],
        };
        let imported = model(&j).expect("imported with a warning");
        assert!(!imported.warnings.is_empty());
    }
}
