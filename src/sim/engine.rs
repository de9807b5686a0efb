//! The simulation: the scenario's events plus the user's, replayed per job into a timeline
//! once, so `state_at` for any instant (forwards or backwards) is a lookup, cheap enough for
//! the UI to call every frame.

use super::autopilot::Autopilot;
use super::log::LogEntry;
use super::replay::{replay, Context, JobInput, Manual, Timeline};
use super::scenario::{EventEntry, Scenario};
use crate::model::{create, Action, Job, Refusal, Rules, Time};
use chrono::TimeDelta;
use std::collections::HashMap;

/// The world at one instant: every job created so far (deleted ones included) and the log.
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    pub at: Time,
    /// In creation order.
    pub jobs: Vec<Job>,
    /// Entries with `at <= self.at`, in time order.
    pub log: Vec<LogEntry>,
}

impl World {
    pub fn job(&self, name: &str) -> Option<&Job> {
        self.jobs.iter().find(|j| j.name == name)
    }
}

#[derive(Clone, Debug)]
pub struct Simulation {
    base: Scenario,
    user: Vec<(Time, Action)>,
    rules: Rules,
    autopilot: Autopilot,
    autopilot_changed: bool,
    seed: u64,
    start: Time,
    inputs: Vec<JobInput>,
    index: HashMap<String, usize>,
    timelines: Vec<Timeline>,
    /// Indices into `inputs`, in job creation order (never-created jobs last).
    order: Vec<usize>,
    log: Vec<LogEntry>,
}

/// Past the last event, the scrubber shows a little more so the end is visible.
const SPAN_MARGIN: TimeDelta = TimeDelta::days(7);
/// The scrubber always covers this much, so a 90-day deletion fits.
const MIN_SPAN: TimeDelta = TimeDelta::days(120);

impl Simulation {
    /// From a validated scenario. Events that cannot be turned into actions (only possible
    /// for hand-built, unvalidated scenarios) are skipped.
    pub fn new(scenario: Scenario) -> Self {
        let mut sim = Self {
            rules: scenario.rules(),
            autopilot: scenario.autopilot(),
            autopilot_changed: false,
            seed: scenario.seed(),
            start: scenario.start,
            base: scenario,
            user: Vec::new(),
            inputs: Vec::new(),
            index: HashMap::new(),
            timelines: Vec::new(),
            order: Vec::new(),
            log: Vec::new(),
        };
        let mut manual = Vec::new();
        for job in &sim.base.jobs {
            let at = job.created_at.unwrap_or(sim.start);
            manual.push(Manual {
                at,
                action: Action::CreateJob(job.spec()),
                source: crate::model::Source::Customer,
            });
        }
        for event in &sim.base.events {
            if let Some(action) = event.to_action() {
                manual.push(Manual {
                    at: event.at,
                    source: action.source(),
                    action,
                });
            }
        }
        for m in manual {
            let i = sim.input_for(m.action.job_name());
            sim.inputs[i].events.push(m);
        }
        for input in &mut sim.inputs {
            input.events.sort_by_key(|m| m.at);
        }
        sim.replay_all();
        sim
    }

    fn input_for(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.inputs.push(JobInput {
            name: name.to_string(),
            events: Vec::new(),
        });
        self.timelines.push(Timeline::default());
        self.index.insert(name.to_string(), self.inputs.len() - 1);
        self.inputs.len() - 1
    }

    fn context(&self) -> Context {
        Context {
            rules: self.rules,
            autopilot: self.autopilot,
            seed: self.seed,
        }
    }

    fn replay_all(&mut self) {
        let ctx = self.context();
        self.timelines = self
            .inputs
            .iter()
            .map(|input| replay(input, &ctx))
            .collect();
        self.merge();
    }

    /// Rebuilds the creation order and the global log from the per-job timelines.
    fn merge(&mut self) {
        let created = |i: usize| self.timelines[i].snapshots.first().map(|(t, _)| *t);
        let mut order: Vec<usize> = (0..self.inputs.len()).collect();
        order.sort_by_key(|&i| (created(i).is_none(), created(i), i));
        let mut log: Vec<(usize, usize, LogEntry)> = Vec::new();
        for (rank, &i) in order.iter().enumerate() {
            for (k, e) in self.timelines[i].entries.iter().enumerate() {
                log.push((rank, k, e.clone()));
            }
        }
        log.sort_by_key(|a| (a.2.at, a.0, a.1));
        self.log = log
            .into_iter()
            .enumerate()
            .map(|(seq, (_, _, mut e))| {
                e.seq = seq as u64;
                e
            })
            .collect();
        self.order = order;
    }

    /// The world at `t`: a lookup in the precomputed replay, so going back costs the same as forward.
    pub fn state_at(&self, t: Time) -> World {
        World {
            at: t,
            jobs: self.jobs_at(t),
            log: self.log_until(t).to_vec(),
        }
    }

    /// The jobs at `t` without the log: what a view needs every frame. Copying the whole log
    /// each frame made a 1,000-job scenario drop frames.
    pub fn jobs_at(&self, t: Time) -> Vec<Job> {
        self.order
            .iter()
            .filter_map(|&i| {
                let snaps = &self.timelines[i].snapshots;
                let k = snaps.partition_point(|(at, _)| *at <= t);
                k.checked_sub(1)
                    .and_then(|k| snaps.get(k))
                    .map(|(_, job)| job.clone())
            })
            .collect()
    }

    /// The log entries up to and including `t`, borrowed.
    pub fn log_until(&self, t: Time) -> &[LogEntry] {
        let n = self.log.partition_point(|e| e.at <= t);
        &self.log[..n]
    }

    /// The next event strictly after `t` (scripted, user, autopilot or automatic).
    pub fn next_due(&self, t: Time) -> Option<Time> {
        let n = self.log.partition_point(|e| e.at <= t);
        self.log.get(n).map(|e| e.at)
    }

    /// The previous event strictly before `t`, for "step back".
    pub fn prev_due(&self, t: Time) -> Option<Time> {
        let n = self.log.partition_point(|e| e.at < t);
        n.checked_sub(1).and_then(|k| self.log.get(k)).map(|e| e.at)
    }

    /// A user action from the UI. Stored only if the rules accept it at `at` (after every
    /// event already at that instant); otherwise nothing changes and the refusal is returned.
    pub fn add(&mut self, at: Time, action: Action) -> Result<(), Refusal> {
        let name = action.job_name().to_string();
        let existing = self.index.get(&name).copied();
        match (&action, existing) {
            (Action::CreateJob(_), Some(_)) => return Err(Refusal::DuplicateJob { job: name }),
            (Action::CreateJob(spec), None) => {
                create(spec, at)?;
            }
            (_, None) => return Err(Refusal::UnknownJob { job: name }),
            (_, Some(_)) => {}
        }
        let mut input = existing
            .map(|i| self.inputs[i].clone())
            .unwrap_or_else(|| JobInput {
                name: name.clone(),
                events: Vec::new(),
            });
        let pos = input.insert(Manual {
            at,
            source: action.source(),
            action: action.clone(),
        });
        let timeline = replay(&input, &self.context());
        if let Some(Err(refusal)) = timeline.manual_results.get(pos) {
            return Err(refusal.clone());
        }
        let i = self.input_for(&name);
        self.inputs[i] = input;
        self.timelines[i] = timeline;
        self.user.push((at, action));
        self.merge();
        Ok(())
    }

    pub fn start(&self) -> Time {
        self.start
    }

    /// A sensible end for a scrubber: the last event plus a margin, at least 120 days.
    pub fn span_end(&self) -> Time {
        let last = self.log.last().map_or(self.start, |e| e.at);
        (last + SPAN_MARGIN).max(self.start + MIN_SPAN)
    }

    /// The scenario with the user's events merged in time order, for sharing; loading it
    /// gives the same simulation.
    pub fn scenario(&self) -> Scenario {
        let mut s = self.base.clone();
        for (at, action) in &self.user {
            let pos = s.events.partition_point(|e| e.at <= *at);
            s.events.insert(pos, EventEntry::from_action(*at, action));
        }
        if self.autopilot_changed {
            let mut spec = self.autopilot.to_spec();
            if let Some(old) = &self.base.autopilot {
                spec.other = old.other.clone();
            }
            s.autopilot = Some(spec);
        }
        s
    }

    pub fn rules(&self) -> Rules {
        self.rules
    }

    pub fn autopilot(&self) -> Autopilot {
        self.autopilot
    }

    /// Switches the rule set or the cancel window and replays: the same events may now be
    /// judged differently (a cancel accepted under 2021 is refused under 2018).
    pub fn set_rules(&mut self, rules: Rules) {
        if rules != self.rules {
            self.rules = rules;
            self.base.rules = Some(rules.set);
            self.base.cancel_window = Some(rules.cancel_window);
            self.replay_all();
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// A new seed tells a new story for the autopilot's jobs; the scripted events stay.
    pub fn set_seed(&mut self, seed: u64) {
        if seed != self.seed {
            self.seed = seed;
            self.base.seed = Some(seed);
            self.replay_all();
        }
    }

    pub fn set_autopilot(&mut self, autopilot: Autopilot) {
        if autopilot != self.autopilot {
            self.autopilot = autopilot;
            self.autopilot_changed = true;
            self.replay_all();
        }
    }

    /// The whole log, for views that list every event (including future ones).
    pub fn full_log(&self) -> &[LogEntry] {
        &self.log
    }

    pub fn job_count(&self) -> usize {
        self.order.len()
    }
}
