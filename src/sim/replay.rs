//! Replays one job's events in time order: manual (scripted or user) first, then the
//! autopilot's, then the automatic timeouts, all at their exact times. Jobs never affect
//! each other, so each job is replayed on its own.

use super::autopilot::{Autopilot, Planned};
use super::log::LogEntry;
use crate::model::{
    apply, create, fire, Action, AutoEvent, EventLabel, Job, Refusal, Rules, Source, Time,
};

/// A manual event addressed to one job.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Manual {
    pub at: Time,
    pub action: Action,
    pub source: Source,
}

/// Everything that can happen to one job by hand, in time order.
#[derive(Clone, Debug, Default)]
pub(crate) struct JobInput {
    pub name: String,
    pub events: Vec<Manual>,
}

impl JobInput {
    /// Inserts after every event at the same instant or earlier, so later entries win ties.
    pub fn insert(&mut self, manual: Manual) -> usize {
        let pos = self.events.partition_point(|m| m.at <= manual.at);
        self.events.insert(pos, manual);
        pos
    }
}

/// The job's whole history: log lines (seq not yet assigned) and the job after each change.
#[derive(Clone, Debug, Default)]
pub(crate) struct Timeline {
    pub entries: Vec<LogEntry>,
    pub snapshots: Vec<(Time, Job)>,
    /// For each manual event, whether it was accepted (same index as `JobInput::events`).
    pub manual_results: Vec<Result<(), Refusal>>,
}

pub(crate) struct Context {
    pub rules: Rules,
    pub autopilot: Autopilot,
    pub seed: u64,
}

/// A safety net: a job sees at most a few dozen events; this only stops a runaway loop.
const MAX_STEPS: usize = 100_000;

enum Next {
    Manual,
    Pilot,
    Auto(AutoEvent, Time),
}

pub(crate) fn replay(input: &JobInput, ctx: &Context) -> Timeline {
    let mut tl = Timeline {
        manual_results: Vec::with_capacity(input.events.len()),
        ..Timeline::default()
    };
    let mut job: Option<Job> = None;
    let mut pending: Vec<Planned> = Vec::new();
    let mut next_manual = 0;
    let mut step = 0u64;
    for _ in 0..MAX_STEPS {
        let manual_at = input.events.get(next_manual).map(|m| m.at);
        let pilot_at = pending.first().map(|p| p.at);
        let auto = job
            .as_ref()
            .and_then(|j| j.next_time_rule(&ctx.rules))
            .and_then(|(rule, due)| AutoEvent::for_rule(rule).map(|a| (a, due)));
        let manual_first = manual_at
            .is_some_and(|m| pilot_at.is_none_or(|p| m <= p) && auto.is_none_or(|(_, d)| m <= d));
        let pilot_first = pilot_at.is_some_and(|p| auto.is_none_or(|(_, d)| p <= d));
        let next = match auto {
            _ if manual_first => Next::Manual,
            _ if pilot_first => Next::Pilot,
            Some((a, due)) => Next::Auto(a, due),
            None => break,
        };
        let (at, source, label, drive, result) = match next {
            Next::Manual => {
                let Some(m) = input.events.get(next_manual) else {
                    break;
                };
                next_manual += 1;
                let result = match (&job, &m.action) {
                    (None, Action::CreateJob(spec)) => create(spec, m.at),
                    (None, _) => Err(Refusal::UnknownJob {
                        job: input.name.clone(),
                    }),
                    (Some(j), action) => apply(j, action, m.at, &ctx.rules),
                };
                tl.manual_results
                    .push(result.as_ref().map(|_| ()).map_err(Clone::clone));
                (
                    m.at,
                    m.source,
                    EventLabel::Action(m.action.kind()),
                    m.action.drive().cloned(),
                    result,
                )
            }
            Next::Pilot => {
                let p = pending.remove(0);
                let Some(j) = &job else { continue };
                match apply(j, &p.action, p.at, &ctx.rules) {
                    Ok(applied) => (
                        p.at,
                        Source::Autopilot,
                        EventLabel::Action(p.action.kind()),
                        p.action.drive().cloned(),
                        Ok(applied),
                    ),
                    Err(_) => continue,
                }
            }
            Next::Auto(auto, due) => {
                let Some(applied) = job.as_ref().and_then(|j| fire(j, auto, due, &ctx.rules))
                else {
                    break;
                };
                (
                    due,
                    Source::Automatic,
                    EventLabel::Auto(auto),
                    None,
                    Ok(applied),
                )
            }
        };
        let (rule, outcome) = match result {
            Ok(applied) => {
                let rule = applied.rule;
                let changes = applied.changes.clone();
                if ctx.autopilot.enabled {
                    pending.extend(ctx.autopilot.plan(ctx.seed, &applied, at, step));
                    pending.sort_by_key(|p| p.at);
                }
                step += 1;
                tl.snapshots.push((at, applied.job.clone()));
                job = Some(applied.job);
                (rule, Ok(changes))
            }
            Err(refusal) => (refusal.rule(), Err(refusal)),
        };
        tl.entries.push(LogEntry {
            seq: 0,
            at,
            job: input.name.clone(),
            drive,
            source,
            event: label,
            rule,
            outcome,
        });
    }
    tl
}
