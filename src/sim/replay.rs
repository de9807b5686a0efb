//! Replays one job's events. Jobs never affect each other, so each job is replayed on its own.
//!
//! The order at one instant is decided here and only here (`order_at_instant`): the time rules
//! due at that instant fire first, then the autopilot's steps planned for it, then user and
//! scripted events in file order. A deadline that falls at `t` has therefore fired by `t`,
//! which is also what the world shown at `t` says, so an action judged at `t` is judged
//! against exactly the state on screen.

use super::autopilot::{Autopilot, Planned};
use super::log::LogEntry;
use crate::model::{
    apply, create, fire, Action, AutoEvent, EventLabel, Job, Refusal, Rules, Source, Time,
};
use std::cmp::Ordering;

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
    /// Inserts after every event at the same instant or earlier: a new action goes after all
    /// that already happened at its instant, as it would in the file.
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
    /// The job after each event that changed it; events that changed nothing add no copy.
    pub snapshots: Vec<(Time, Job)>,
    /// The snapshots' times alone: finding the job at an instant searches these, not the
    /// snapshots themselves, whose large jobs put each step of the search on a cache line of
    /// its own (10,000 jobs natively: about 10 ms an instant, against 1.3 to 4 ms).
    pub times: Vec<Time>,
    /// For each manual event, whether it was accepted (same index as `JobInput::events`).
    pub manual_results: Vec<Result<(), Refusal>>,
}

pub(crate) struct Context {
    pub rules: Rules,
    pub autopilot: Autopilot,
    pub seed: u64,
}

/// A safety net against a runaway loop. Files and `Simulation::add` keep each job far below it
/// (`limits::MAX_EVENTS_PER_JOB` manual events, each planning a bounded number of autopilot
/// steps), so a real story never reaches it; if one ever did, the replay stops and says so.
pub(crate) const MAX_STEPS: usize = 100_000;

/// What may happen next to a job; the variants are listed in their order at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A time rule (R2, R5a, R5b, R10).
    TimeRule,
    /// A step the datacenter autopilot planned.
    Autopilot,
    /// A user or scripted event, in file order.
    Manual,
}

/// THE ordering of events at one instant, used by replay (and so by the world shown at any
/// time, by every control's enabled state and by `Simulation::add`): earlier first; at the same
/// instant, time rules, then autopilot steps, then manual events.
pub fn order_at_instant(a: (Time, Kind), b: (Time, Kind)) -> Ordering {
    a.0.cmp(&b.0).then(a.1.cmp(&b.1))
}

/// The job as the replay stands: see `own` in `replay`.
fn current<'a>(own: &'a Option<Job>, tl: &'a Timeline) -> Option<&'a Job> {
    own.as_ref().or(tl.snapshots.last().map(|(_, j)| j))
}

pub(crate) fn replay(input: &JobInput, ctx: &Context) -> Timeline {
    let mut tl = Timeline {
        manual_results: Vec::with_capacity(input.events.len()),
        ..Timeline::default()
    };
    // The job now: the last snapshot, or, after an event that changed only its clock, `own`
    // (not stored again as a snapshot). A changed job is moved into the snapshots, not copied.
    let mut own: Option<Job> = None;
    let mut pending: Vec<Planned> = Vec::new();
    let mut next_manual = 0;
    let mut step = 0u64;
    for _ in 0..MAX_STEPS {
        let auto = current(&own, &tl)
            .and_then(|j| j.next_time_rule(&ctx.rules))
            .and_then(|(rule, due)| AutoEvent::for_rule(rule).map(|a| (a, due)));
        let candidates = [
            auto.map(|(_, due)| (due, Kind::TimeRule)),
            pending.first().map(|p| (p.at, Kind::Autopilot)),
            input.events.get(next_manual).map(|m| (m.at, Kind::Manual)),
        ];
        // The first of the smallest, as `min_by` picks it; a plain loop rather than a
        // flatten pipeline with its own fold in the wasm.
        let mut first: Option<(Time, Kind)> = None;
        for c in candidates.into_iter().flatten() {
            if first.is_none_or(|f| order_at_instant(c, f) == Ordering::Less) {
                first = Some(c);
            }
        }
        let Some((_, next)) = first else {
            break;
        };
        let (at, source, label, drive, result) = match next {
            Kind::Manual => {
                let Some(m) = input.events.get(next_manual) else {
                    break;
                };
                next_manual += 1;
                let result = match (current(&own, &tl), &m.action) {
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
            Kind::Autopilot => {
                let p = pending.remove(0);
                let Some(j) = current(&own, &tl) else {
                    continue;
                };
                // The datacenter stops working on a job once it has ended; anything else it
                // planned but can no longer do is logged as refused, never dropped unseen.
                if j.is_deleted() || j.state.is_final() {
                    continue;
                }
                (
                    p.at,
                    Source::Autopilot,
                    EventLabel::Action(p.action.kind()),
                    p.action.drive().cloned(),
                    apply(j, &p.action, p.at, &ctx.rules),
                )
            }
            Kind::TimeRule => {
                let Some((auto, due)) = auto else { break };
                let Some(applied) = current(&own, &tl).and_then(|j| fire(j, auto, due, &ctx.rules))
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
                if ctx.autopilot.enabled {
                    let planned = ctx.autopilot.plan(ctx.seed, &applied, at, step);
                    if !planned.is_empty() {
                        pending.extend(planned);
                        // Stable: steps planned for the same instant keep their planned order.
                        crate::sort::sort_by_key(&mut pending, |p| p.at);
                    }
                }
                step += 1;
                let changed =
                    current(&own, &tl).is_none_or(|j| !j.same_apart_from_clock(&applied.job));
                if changed {
                    tl.snapshots.push((at, applied.job));
                    tl.times.push(at);
                    own = None;
                } else {
                    own = Some(applied.job);
                }
                (rule, Ok(applied.changes))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_rules_then_autopilot_then_manual_at_one_instant() {
        let t = Time::UNIX_EPOCH;
        let later = t + chrono::TimeDelta::seconds(1);
        assert_eq!(
            order_at_instant((t, Kind::TimeRule), (t, Kind::Autopilot)),
            Ordering::Less
        );
        assert_eq!(
            order_at_instant((t, Kind::Autopilot), (t, Kind::Manual)),
            Ordering::Less
        );
        assert_eq!(
            order_at_instant((t, Kind::Manual), (later, Kind::TimeRule)),
            Ordering::Less
        );
    }
}
