//! The simulation: the scenario's events plus the user's, replayed per job into a timeline
//! once, so `state_at` for any instant (forwards or backwards) is a lookup, cheap enough for
//! the UI to call every frame.
//!
//! The world never holds what its scenario file cannot: `check` applies every rule a file is
//! held to (times, limits, field rules, drive ids unique across jobs) plus the state machine at
//! that instant, and `add` stores an action only when `check` accepts it. Whatever `add`
//! accepts, `scenario()` writes a file that parses and replays to the same log.

use super::autopilot::Autopilot;
use super::log::LogEntry;
use super::replay::{replay, Context, JobInput, Manual, Timeline};
use super::scenario::{EventEntry, Needed, Problem, ProblemKind, Scenario, ScenarioErrors};
use crate::model::limits::{check_count, check_time, Countable, InputProblem};
use crate::model::TextMap;
use crate::model::{apply, create, Action, DriveOwners, Job, Refusal, RuleId, Rules, Time};
use chrono::TimeDelta;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};

/// Where an entry goes in the global log: its time, then its job's place in the creation
/// order, then its place in the job's own log.
type LogKey = (Time, usize, usize);

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
        self.jobs.iter().find(|j| *j.name == *name)
    }
}

/// See `Simulation::entry_key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EntryKey {
    seq: u32,
    gen: u32,
    index: u32,
}

#[derive(Clone, Debug)]
pub struct Simulation {
    base: Scenario,
    user: Vec<(Time, Action)>,
    rules: Rules,
    autopilot: Autopilot,
    autopilot_changed: bool,
    /// Whether a `set_*` changed the rules, the seed or the autopilot since the load.
    settings_changed: bool,
    seed: u64,
    start: Time,
    inputs: Vec<JobInput>,
    index: TextMap,
    timelines: Vec<Timeline>,
    /// Each timeline's replay: a number no other replay of any job got, in this world or any
    /// other (`next_gen`), so a log entry's `EntryKey` changes exactly when the entry may
    /// have, and a view that keeps something per job (`histories`) redoes only what changed.
    gens: Vec<u32>,
    /// Indices into `inputs`, in job creation order (never-created jobs last).
    order: Vec<usize>,
    /// Each input's position in `order`: ties in the log at one instant go by creation order.
    rank: Vec<usize>,
    log: Vec<LogEntry>,
    /// For each log entry, the input it came from and its index in that input's timeline.
    log_src: Vec<(usize, usize)>,
    /// Every drive id in the file and whose it is.
    owners: DriveOwners,
    /// Events the file holds (the scenario's plus the user's).
    file_events: usize,
}

/// The stable order of `times` (`order[k]`: the index of the time that goes at `k`), by radix
/// (`sort::radix_order`): by the nanoseconds, then by the seconds.
fn time_order(times: &[Time]) -> Vec<u32> {
    let (mut secs, mut nanos) = (
        Vec::with_capacity(times.len()),
        Vec::with_capacity(times.len()),
    );
    for t in times {
        // Through the time difference the app computes anyway (`timestamp` is more wasm). A
        // negative one counts its fraction down: a second earlier, and the nanoseconds up.
        let d = t.signed_duration_since(Time::UNIX_EPOCH);
        let (s, n) = (d.num_seconds(), d.subsec_nanos());
        let (s, n) = if n < 0 {
            (s - 1, n + 1_000_000_000)
        } else {
            (s, n)
        };
        // The sign bit flipped: seconds before 1970 come first.
        secs.push(s as u64 ^ 1 << 63);
        nanos.push(n as u64);
    }
    let order = crate::sort::radix_order(&nanos, (0..times.len() as u32).collect());
    crate::sort::radix_order(&secs, order)
}

/// Past the last event, the scrubber shows a little more so the end is visible.
const SPAN_MARGIN: TimeDelta = TimeDelta::days(7);
/// The scrubber always covers this much, so a 90-day deletion fits.
const MIN_SPAN: TimeDelta = TimeDelta::days(120);

/// Entries the log has room for beyond a whole replay's (see `merge_one`).
const LOG_ROOM: usize = 1024;
fn refusal(problem: InputProblem, rule: RuleId) -> Refusal {
    Refusal::Input { problem, rule }
}

fn errors(path: String, kind: ProblemKind) -> ScenarioErrors {
    ScenarioErrors {
        problems: vec![Problem {
            path,
            line: None,
            column: None,
            kind,
        }],
    }
}

impl Simulation {
    /// From a scenario. A parsed file always loads; a scenario built in code that lacks a
    /// required field, or passes a limit, is an error naming the place: no event is skipped.
    pub fn new(scenario: Scenario) -> Result<Self, ScenarioErrors> {
        let mut sim = Self::bare(scenario);
        let mut manual = Vec::new();
        for job in &sim.base.jobs {
            let at = job.created_at.unwrap_or(sim.start);
            manual.push(Manual {
                at,
                action: Action::CreateJob(job.spec()),
                source: crate::model::Source::Customer,
            });
        }
        for (i, event) in sim.base.events.iter().enumerate() {
            let action = Action::try_from(event).map_err(|m| {
                let kind = match m.field {
                    "drive" => ProblemKind::Missing(Needed::EventDrive(event.kind)),
                    "bytes" => ProblemKind::NotWholeNumber,
                    "outcome" => ProblemKind::NotAnOutcome,
                    _ => ProblemKind::NotAnObject(Needed::Job),
                };
                errors(format!("$.events[{i}].{}", m.field), kind)
            })?;
            manual.push(Manual {
                at: event.at,
                source: action.source(),
                action,
            });
        }
        check_count(Countable::Events, sim.file_events)
            .map_err(|p| errors("$.events".into(), ProblemKind::Input(p)))?;
        for m in manual {
            // Claims made by events the rules later refuse still count: the file holds them.
            let _ = sim.owners.claim_action(&m.action);
            let i = sim.input_for(m.action.job_name());
            sim.inputs[i].events.push(m);
        }
        check_count(Countable::Jobs, sim.inputs.len())
            .map_err(|p| errors("$.jobs".into(), ProblemKind::Input(p)))?;
        for input in &mut sim.inputs {
            if input.events.len() > Countable::EventsForJob.max() {
                return Err(errors(
                    "$.events".into(),
                    ProblemKind::TooManyEventsForJob {
                        job: input.name.clone(),
                        count: input.events.len(),
                    },
                ));
            }
            crate::sort::sort_by_key(&mut input.events, |m| m.at);
        }
        sim.replay_all();
        Ok(sim)
    }

    /// A world with no jobs and no events, starting at `start` (the autopilot off): a blank
    /// page that always exists.
    pub fn empty(start: Time) -> Self {
        let mut base = Scenario::new(start);
        base.autopilot = Some(super::scenario::AutopilotSpec {
            enabled: Some(false),
            ..Default::default()
        });
        Self::bare(base)
    }

    /// The settings of `scenario`, and nothing replayed yet.
    fn bare(scenario: Scenario) -> Self {
        Self {
            rules: scenario.rules(),
            autopilot: Autopilot::of(&scenario),
            autopilot_changed: false,
            settings_changed: false,
            seed: scenario.seed(),
            start: scenario.start,
            file_events: scenario.events.len(),
            base: scenario,
            user: Vec::new(),
            inputs: Vec::new(),
            index: TextMap::default(),
            timelines: Vec::new(),
            gens: Vec::new(),
            order: Vec::new(),
            rank: Vec::new(),
            log: Vec::new(),
            log_src: Vec::new(),
            owners: DriveOwners::default(),
        }
    }

    fn input_for(&mut self, name: &str) -> usize {
        if let Some(i) = self.index.get(name) {
            return i;
        }
        self.inputs.push(JobInput {
            name: name.to_string(),
            events: Vec::new(),
        });
        self.timelines.push(Timeline::default());
        self.gens.push(0);
        self.rank.push(usize::MAX);
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
        let mut timelines = Vec::with_capacity(self.inputs.len());
        for input in &self.inputs {
            timelines.push(replay(input, &ctx));
        }
        self.timelines = timelines;
        for i in 0..self.gens.len() {
            self.gens[i] = Self::next_gen();
        }
        self.merge();
    }

    /// Numbered across every simulation of the page: a loaded or restored world never
    /// reuses a number another world's job had (0 is a timeline never replayed, so empty).
    fn next_gen() -> u32 {
        static LAST: AtomicU32 = AtomicU32::new(0);
        LAST.fetch_add(1, AtomicOrdering::Relaxed)
            .wrapping_add(1)
            .max(1)
    }

    fn created(&self, i: usize) -> Option<Time> {
        self.timelines[i].snapshots.first().map(|(t, _)| *t)
    }

    /// Creation order: by creation time, never-created jobs last, ties by input order.
    fn rebuild_order(&mut self) {
        let mut order: Vec<usize> = (0..self.inputs.len()).collect();
        crate::sort::sort_by_key(&mut order, |&i| {
            (self.created(i).is_none(), self.created(i), i)
        });
        self.rank = vec![0; self.inputs.len()];
        for (r, &i) in order.iter().enumerate() {
            self.rank[i] = r;
        }
        self.order = order;
    }

    fn log_key(&self, e: &LogEntry, src: (usize, usize)) -> LogKey {
        (e.at, self.rank[src.0], src.1)
    }

    /// Rebuilds the creation order and the global log from the per-job timelines.
    fn merge(&mut self) {
        self.rebuild_order();
        // Listed by job in creation order, each job's entries in order: a stable sort by time
        // alone then gives the log key's order (time, creation order, place in the job).
        let total = self.timelines.iter().map(|t| t.entries.len()).sum();
        let mut all: Vec<(usize, usize)> = Vec::with_capacity(total);
        let mut times = Vec::with_capacity(total);
        for &i in &self.order {
            for (k, e) in self.timelines[i].entries.iter().enumerate() {
                all.push((i, k));
                times.push(e.at);
            }
        }
        // Room for the entries that actions add, so that one does not move the whole log.
        let mut log = Vec::with_capacity(total + LOG_ROOM);
        let mut src = Vec::with_capacity(total + LOG_ROOM);
        for p in time_order(&times) {
            let (i, k) = all[p as usize];
            log.push(self.timelines[i].entries[k].clone());
            src.push((i, k));
        }
        self.log = log;
        self.log_src = src;
        self.renumber();
    }

    /// Replaces one job's entries in the global log, keeping everyone else's in place: an
    /// action costs a pass over the log, not a sort of it. The creation order is sorted again
    /// only when it may have changed (`reorder`: a new job, or one created at another time).
    /// Done inside the log's own buffer (the job's old entries dropped, its new ones moved
    /// into place from the end): a second 167,000-entry log per action grew the wasm memory
    /// on the first action at 10,000 jobs (about 25 ms).
    fn merge_one(&mut self, i: usize, reorder: bool) {
        if reorder {
            self.rebuild_order();
        }
        let mut w = 0;
        for r in 0..self.log.len() {
            if self.log_src[r].0 != i {
                self.log.swap(w, r);
                self.log_src[w] = self.log_src[r];
                w += 1;
            }
        }
        self.log.truncate(w);
        self.log_src.truncate(w);
        let fresh = &self.timelines[i].entries;
        // Where each new entry goes among the kept ones (both are in log order).
        let mut at = Vec::with_capacity(fresh.len());
        let mut lo = 0;
        for (k, n) in fresh.iter().enumerate() {
            let key = self.log_key(n, (i, k));
            let (mut a, mut b) = (lo, self.log.len());
            while a < b {
                let mid = a + (b - a) / 2;
                if self.log_key(&self.log[mid], self.log_src[mid]) < key {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            at.push(a);
            lo = a;
        }
        let mut end = self.log.len();
        self.log.reserve(fresh.len());
        self.log_src.reserve(fresh.len());
        for (k, n) in fresh.iter().enumerate() {
            self.log.push(n.clone());
            self.log_src.push((i, k));
        }
        // From the last new entry back: the kept run after its place moves right past the
        // slots of the new entries not yet placed, and the entry goes just before it.
        for (k, &p) in at.iter().enumerate().rev() {
            for j in (p..end).rev() {
                self.log.swap(j, j + k + 1);
            }
            self.log_src.copy_within(p..end, p + k + 1);
            self.log[p + k] = fresh[k].clone();
            self.log_src[p + k] = (i, k);
            end = p;
        }
        self.renumber();
    }

    fn renumber(&mut self) {
        for (seq, e) in self.log.iter_mut().enumerate() {
            e.seq = seq as u64;
        }
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
        let mut jobs = Vec::new();
        for job in self.jobs_ref_at(t) {
            jobs.push(job.clone());
        }
        jobs
    }

    /// The jobs at `t`, borrowed, in creation order: a view that shows a page of them sorts
    /// and filters these and copies only what it shows (copying 10,000 jobs every frame was
    /// most of a frame). In creation order the jobs that exist at `t` come first, so the first
    /// that does not ends the list: early in a 10,000-job world, looking up each of the jobs
    /// not created yet was most of the listing.
    pub fn jobs_ref_at(&self, t: Time) -> impl Iterator<Item = &Job> + '_ {
        self.order.iter().map_while(move |&i| self.job_of(i, t))
    }

    /// Which of its snapshots the job named `name` is in at `t` (0 before it exists): the
    /// job at `t` changes exactly when this number does.
    pub fn job_version(&self, name: &str, t: Time) -> usize {
        self.index.get(name).map_or(0, |i| {
            self.timelines[i].times.partition_point(|at| *at <= t)
        })
    }

    /// A key for the log's entry at `seq`, equal for two entries only if they are the same
    /// entry of the same replay at the same place: what a keyed list of log lines needs, with
    /// no formatting. Replaying a job (an action, new rules) gives its entries new keys, and
    /// an entry whose `seq` moved gets a new key too (its line shows the `seq`).
    pub fn entry_key(&self, seq: usize) -> Option<EntryKey> {
        let &(i, k) = self.log_src.get(seq)?;
        Some(EntryKey {
            seq: seq as u32,
            gen: self.gens[i],
            index: k as u32,
        })
    }

    fn job_of(&self, i: usize, t: Time) -> Option<&Job> {
        let tl = &self.timelines[i];
        debug_assert_eq!(tl.times.len(), tl.snapshots.len(), "a time per snapshot");
        let k = tl.times.partition_point(|at| *at <= t);
        k.checked_sub(1)
            .and_then(|k| tl.snapshots.get(k))
            .map(|(_, j)| j)
    }

    /// Every job's name, in creation order (never-created ones last).
    pub fn job_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.order.iter().map(|&i| self.inputs[i].name.as_str())
    }

    /// Every job's history (in no set order, the same from one call to the next), each with
    /// the number of the replay that made it: a number seen before means the same history.
    pub fn histories(&self) -> impl Iterator<Item = (u32, &[(Time, Job)])> + '_ {
        self.gens
            .iter()
            .zip(&self.timelines)
            .map(|(g, t)| (*g, &t.snapshots[..]))
    }

    /// A job's whole history: the job after each event that changed it, in time order
    /// (empty for an unknown name). What the timeline draws its segments from.
    pub fn job_history(&self, name: &str) -> &[(Time, Job)] {
        self.index
            .get(name)
            .map_or(&[][..], |i| &self.timelines[i].snapshots)
    }

    /// A job's own log entries (accepted and refused), in time order; their `seq` is not
    /// the global one.
    pub fn job_log(&self, name: &str) -> &[LogEntry] {
        self.index
            .get(name)
            .map_or(&[][..], |i| &self.timelines[i].entries)
    }

    /// One job as it is at `t`, borrowed.
    pub fn job_at(&self, name: &str, t: Time) -> Option<&Job> {
        self.index.get(name).and_then(|i| self.job_of(i, t))
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

    /// Whether `add(at, action)` would accept the action, without storing it: the question
    /// every control asks to enable itself. The action would go after everything already at
    /// `at` (see `order_at_instant`), so it is judged against the job exactly as shown at `at`.
    pub fn check(&self, at: Time, action: &Action) -> Result<(), Refusal> {
        let rule = action.kind().rule();
        check_time(at, self.start).map_err(|p| refusal(p, RuleId::TimeOrder))?;
        let name = action.job_name();
        let existing = self.index.get(name);
        // Limits of the file the action would be written to.
        check_count(Countable::Events, self.file_events + 1).map_err(|p| refusal(p, rule))?;
        if let Some(i) = existing {
            check_count(Countable::EventsForJob, self.inputs[i].events.len() + 1)
                .map_err(|p| refusal(p, rule))?;
        }
        match (action, existing) {
            (Action::CreateJob(_), Some(_)) => {
                return Err(Refusal::DuplicateJob {
                    job: name.to_string(),
                })
            }
            (Action::CreateJob(spec), None) => {
                check_count(Countable::Jobs, self.inputs.len() + 1)
                    .map_err(|p| refusal(p, rule))?;
                create(spec, at)?;
            }
            // No such job, or not created yet at `at`: one refusal for both.
            (_, existing) => {
                let Some(job) = existing.and_then(|i| self.job_of(i, at)) else {
                    return Err(Refusal::UnknownJob {
                        job: name.to_string(),
                    });
                };
                apply(job, action, at, &self.rules)?;
            }
        }
        self.owners
            .check_action(action)
            .map_err(|p| refusal(p, rule))
    }

    /// A user action from the UI, stored only if `check` accepts it; otherwise nothing changes
    /// and the refusal is returned. Only the action's own job is replayed.
    pub fn add(&mut self, at: Time, action: Action) -> Result<(), Refusal> {
        self.check(at, &action)?;
        let name = action.job_name().to_string();
        let i = self.input_for(&name);
        let pos = self.inputs[i].insert(Manual {
            at,
            source: action.source(),
            action: action.clone(),
        });
        let timeline = replay(&self.inputs[i], &self.context());
        if let Some(Err(refused)) = timeline.manual_results.get(pos) {
            // Unreachable while `check` and replay agree (a property test holds them to it);
            // if they ever did not, nothing is stored.
            let refused = refused.clone();
            self.inputs[i].events.remove(pos);
            if self.inputs[i].events.is_empty() {
                self.forget_last_input(&name);
            }
            return Err(refused);
        }
        let _ = self.owners.claim_action(&action);
        let was = (self.rank[i], self.created(i));
        self.timelines[i] = timeline;
        self.gens[i] = Self::next_gen();
        self.user.push((at, action));
        self.file_events += 1;
        let reorder = was.0 == usize::MAX || was.1 != self.created(i);
        self.merge_one(i, reorder);
        Ok(())
    }

    /// Undoes `input_for` for a job that turned out not to be created.
    fn forget_last_input(&mut self, name: &str) {
        if self.index.get(name) == Some(self.inputs.len() - 1) {
            self.index.remove(name);
            self.inputs.pop();
            self.timelines.pop();
            self.gens.pop();
            self.rank.pop();
        }
    }

    pub fn start(&self) -> Time {
        self.start
    }

    /// The scenario's title, without writing the whole file out.
    pub fn title(&self) -> Option<&str> {
        self.base.title.as_deref()
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

    /// Whether `scenario()` is the loaded scenario with `added_events` merged in and nothing
    /// else changed (no rules, seed or autopilot set since): a link can then say "this preset
    /// plus these events" without writing the whole world out to compare.
    pub fn settings_as_loaded(&self) -> bool {
        !self.settings_changed
    }

    /// The user's events as `scenario()` writes them: in time order, those at one instant in
    /// the order they were added (each goes after everything already at its instant).
    pub fn added_events(&self) -> Vec<EventEntry> {
        let mut out: Vec<EventEntry> = Vec::new();
        for (at, action) in &self.user {
            let pos = out.partition_point(|e| e.at <= *at);
            out.insert(pos, EventEntry::from_action(*at, action));
        }
        out
    }

    pub fn rules(&self) -> Rules {
        self.rules
    }

    pub fn autopilot(&self) -> Autopilot {
        self.autopilot
    }

    /// The same world with `change` (a `set_*`) applied, replayed anew: a second world for
    /// side by side. Its replay is not copied from this one, only to be thrown away: in
    /// stress-10000 copying the 10,000 jobs' snapshots took 180–340 ms and dropping them
    /// 150 ms natively, of 730 ms in all.
    pub fn variant(&self, change: impl FnOnce(&mut Self)) -> Self {
        let mut b = Simulation {
            base: self.base.clone(),
            user: self.user.clone(),
            inputs: self.inputs.clone(),
            index: self.index.clone(),
            timelines: Vec::new(),
            gens: self.gens.clone(),
            order: self.order.clone(),
            rank: self.rank.clone(),
            log: Vec::new(),
            log_src: Vec::new(),
            owners: self.owners.clone(),
            ..*self
        };
        change(&mut b);
        // A change that changed nothing did not replay.
        if b.timelines.len() != b.inputs.len() {
            b.replay_all();
        }
        b
    }

    /// Switches the rule set or the cancel window and replays: the same events may now be
    /// judged differently (a cancel accepted under 2021 is refused under 2018).
    pub fn set_rules(&mut self, rules: Rules) {
        if rules != self.rules {
            self.rules = rules;
            self.base.rules = Some(rules.set);
            self.base.cancel_window = Some(rules.cancel_window);
            self.settings_changed = true;
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
            self.settings_changed = true;
            self.replay_all();
        }
    }

    pub fn set_autopilot(&mut self, autopilot: Autopilot) {
        if autopilot != self.autopilot {
            self.autopilot = autopilot;
            self.autopilot_changed = true;
            self.settings_changed = true;
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

#[cfg(test)]
mod tests {
    use super::{time_order, Time};
    use chrono::TimeDelta;

    /// Ties keep their order; times before 1970 and four centuries apart sort too.
    #[test]
    fn time_order_is_the_stable_sort_by_time() {
        let t0 = Time::UNIX_EPOCH - TimeDelta::days(200 * 365);
        let mut rng = crate::sim::rng::SplitMix64::new(5);
        for span in [TimeDelta::days(120), TimeDelta::days(400 * 365)] {
            for len in 0..200 {
                let times: Vec<Time> = (0..len)
                    .map(|_| {
                        let secs = (rng.next_u64() % span.num_seconds() as u64) as i64;
                        // Few distinct instants: ties keep their order.
                        t0 + TimeDelta::seconds(secs - secs % 86_400)
                            + TimeDelta::nanoseconds((rng.next_u64() % 3) as i64)
                    })
                    .collect();
                let mut want: Vec<u32> = (0..len as u32).collect();
                want.sort_by_key(|&i| times[i as usize]);
                assert_eq!(time_order(&times), want, "span {span}, length {len}");
            }
        }
    }
}
