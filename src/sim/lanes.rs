//! What the timeline draws for one job, as data: the states it was in up to an instant, the
//! time rules that applied and what became of them, its events, and what the rules will do
//! next if nobody acts. Pure and tested natively; the UI only turns it into geometry.
//!
//! A lane depends on the instant only through two counts (`Cut`): how many of the job's
//! snapshots and log entries exist by then. The UI rebuilds a lane only when its cut changes,
//! never per frame.

use super::log::LogEntry;
use crate::model::muldiv::mul_div;
use crate::model::{
    ActionKind, DriveId, DriveState, EventLabel, Job, JobState, RuleId, Rules, Time,
};

/// How much of a job's history the timeline shows at an instant: snapshots and log entries
/// up to its last drawn event. Copy progress is not drawn (the log and the tables show it), so
/// it moves no cut and rebuilds no lane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cut {
    pub snapshots: usize,
    pub entries: usize,
}

/// Whether the timeline draws this entry as a tick.
pub fn drawn(e: &LogEntry) -> bool {
    e.event != EventLabel::Action(ActionKind::CopyProgress)
}

impl Cut {
    pub fn at(history: &[(Time, Job)], log: &[LogEntry], now: Time) -> Self {
        let n = log.partition_point(|e| e.at <= now);
        let entries = log[..n].iter().rposition(drawn).map_or(0, |k| k + 1);
        let snapshots = match entries.checked_sub(1).and_then(|k| log.get(k)) {
            Some(last) => history.partition_point(|(at, _)| *at <= last.at),
            None => 0,
        };
        Cut { snapshots, entries }
    }
}

/// A stretch of time in one state. `to` is `None` while the job is still in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment<S> {
    pub state: S,
    pub from: Time,
    pub to: Option<Time>,
}

/// What became of a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStatus {
    /// Still ahead: it fires at its time unless someone acts.
    Pending,
    /// It fired.
    Fired,
    /// Someone acted first (tracking entered, package delivered, job updated, ...).
    Defused,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub rule: RuleId,
    pub at: Time,
    pub status: MarkerStatus,
}

/// The model's own next time rule, drawn from the current state to its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Projection {
    pub state: JobState,
    pub from: Time,
    pub rule: RuleId,
    pub due: Time,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub segments: Vec<Segment<JobState>>,
    /// When the job was deleted: the lane ends there.
    pub ended: Option<Time>,
    pub projection: Option<Projection>,
    /// Every deadline that applied to the job at some point, in time order.
    pub markers: Vec<Marker>,
    /// Indices into the job's log (accepted and refused events), in time order.
    pub ticks: Vec<usize>,
}

/// Runs of equal values over the snapshots: (value, from), in time order.
fn runs<S: PartialEq + Copy>(
    history: &[(Time, Job)],
    of: impl Fn(&Job) -> Option<S>,
) -> Vec<(S, Time)> {
    let mut out: Vec<(S, Time)> = Vec::new();
    for (at, job) in history {
        let Some(s) = of(job) else { continue };
        if out.last().map(|(last, _)| *last) != Some(s) {
            out.push((s, *at));
        }
    }
    out
}

fn close<S: Copy>(runs: Vec<(S, Time)>, ended: Option<Time>) -> Vec<Segment<S>> {
    // Each run ends where the next begins; the last where the job ended, if it did.
    let mut out = Vec::with_capacity(runs.len());
    for (i, &(state, from)) in runs.iter().enumerate() {
        let to = match runs.get(i + 1) {
            Some(&(_, next)) => Some(next),
            None => ended,
        };
        out.push(Segment { state, from, to });
    }
    out
}

/// The job's lane at `cut`; `None` if the job does not exist yet.
pub fn job_lane(
    history: &[(Time, Job)],
    log: &[LogEntry],
    rules: &Rules,
    cut: Cut,
) -> Option<Lane> {
    let history = history.get(..cut.snapshots)?;
    let log = log.get(..cut.entries).unwrap_or(log);
    let (_, last) = history.last()?;
    let ended = last.deleted.map(|d| d.at);
    let segments = close(runs(history, |j| Some(j.state)), ended);
    let mut markers: Vec<Marker> = Vec::new();
    for (_, job) in history {
        let Some((rule, at)) = job.next_time_rule(rules) else {
            continue;
        };
        if markers.iter().any(|m| m.rule == rule && m.at == at) {
            continue;
        }
        let fired = log
            .iter()
            .any(|e| e.rule == rule && e.at == at && !e.is_refused());
        markers.push(Marker {
            rule,
            at,
            status: if fired {
                MarkerStatus::Fired
            } else {
                MarkerStatus::Defused
            },
        });
    }
    let projection = last.next_time_rule(rules).map(|(rule, due)| {
        if let Some(m) = markers.iter_mut().find(|m| m.rule == rule && m.at == due) {
            m.status = MarkerStatus::Pending;
        }
        Projection {
            state: last.state,
            from: segments.last().map_or(last.state_entered_at, |s| s.from),
            rule,
            due,
        }
    });
    crate::sort::sort_by_key(&mut markers, |m| m.at);
    let mut ticks = Vec::new();
    for (i, e) in log.iter().enumerate() {
        if drawn(e) {
            ticks.push(i);
        }
    }
    Some(Lane {
        segments,
        ended,
        projection,
        markers,
        ticks,
    })
}

/// One lane per drive of the job (extra drives aside), from the snapshots up to the cut.
pub fn drive_lanes(history: &[(Time, Job)], cut: Cut) -> Vec<(DriveId, Vec<Segment<DriveState>>)> {
    let history = history.get(..cut.snapshots).unwrap_or(history);
    let Some((_, last)) = history.last() else {
        return Vec::new();
    };
    let ended = last.deleted.map(|d| d.at);
    let mut out = Vec::with_capacity(last.drives.len());
    for d in &last.drives {
        let runs = runs(history, |j| j.drive(&d.id).map(|x| x.state));
        out.push((d.id.clone(), close(runs, ended)));
    }
    out
}

/// How many states a count row holds (`JobState::ALL`'s order).
pub const STATES: usize = JobState::ALL.len();

/// One stretch of a job in one state: bins `from..to`, `state` its place in `JobState::ALL`.
pub type Span = (usize, usize, usize);

/// The first of `bins` bins (over `span` seconds, `span >= 1`, `bins >= 1`) whose instant is at
/// or after `s` seconds from the start: `ceil(s * (bins - 1) / span)`, at most `bins`. The
/// product fits 64 bits for any span and bin count the timeline uses, so that is the fast path
/// (the band counts every snapshot of 10,000 jobs with it); `mul_div` keeps it exact beyond.
pub fn bin_of(s: i64, span: i64, bins: usize) -> usize {
    if s <= 0 {
        return 0;
    }
    let steps = bins as u64 - 1;
    // Past the span the rounded-up bin is past the last (unless there is only one); within
    // it `s <= span`, which `mul_div` needs.
    if s > span {
        return if steps == 0 { 0 } else { bins };
    }
    let (s, span) = (s as u64, span as u64);
    let k = match s.checked_mul(steps) {
        Some(n) => n.div_ceil(span),
        None => {
            let (q, r) = mul_div(s, steps, span);
            q + u64::from(r != 0)
        }
    };
    usize::try_from(k).unwrap_or(bins).min(bins)
}

/// The bins each of a job's snapshots covers, in the state it was in (deleted ones none), for
/// `bins` bins from `t0` over `span` seconds.
pub fn spans(history: &[(Time, Job)], t0: Time, span: i64, bins: usize) -> Vec<Span> {
    let bin = |t: Time| bin_of((t - t0).num_seconds(), span, bins);
    let mut out = Vec::new();
    for (i, (at, job)) in history.iter().enumerate() {
        if job.is_deleted() {
            continue;
        }
        let Some(s) = JobState::ALL.iter().position(|x| *x == job.state) else {
            continue;
        };
        let next = history.get(i + 1).map_or(bins, |(t, _)| bin(*t));
        let from = bin(*at);
        if from < next {
            out.push((from, next, s));
        }
    }
    out
}

/// Adds (`sign` 1) or takes away (-1) a job's spans in per-bin differences of the counts.
pub fn add_spans(diff: &mut [[i64; STATES]], spans: &[Span], sign: i64) {
    for &(from, to, s) in spans {
        diff[from][s] += sign;
        diff[to][s] -= sign;
    }
}

/// The counts of the first `bins` bins from their per-bin differences.
pub fn running_counts(diff: &[[i64; STATES]], bins: usize) -> Vec<[u32; STATES]> {
    let mut run = [0i64; STATES];
    let mut out = Vec::new();
    for d in diff.iter().take(bins) {
        let mut row = [0u32; STATES];
        for s in 0..STATES {
            run[s] += d[s];
            row[s] = u32::try_from(run[s]).unwrap_or(0);
        }
        out.push(row);
    }
    out
}

/// How many jobs are in each state (in `JobState::ALL` order) at `bins` evenly spaced
/// instants from `t0` to `t1` (deleted and not-yet-created jobs count nowhere). One pass over
/// the snapshots plus one over the bins, so a thousand jobs cost little. The timeline's band
/// (`ui::timeline::band`) keeps the same counts job by job from the same pieces.
pub fn state_counts<'a>(
    histories: impl Iterator<Item = &'a [(Time, Job)]>,
    t0: Time,
    t1: Time,
    bins: usize,
) -> Vec<[u32; STATES]> {
    let bins = bins.max(1);
    let span = (t1 - t0).num_seconds().max(1);
    let mut diff = vec![[0i64; STATES]; bins + 1];
    for history in histories {
        add_spans(&mut diff, &spans(history, t0, span, bins), 1);
    }
    running_counts(&diff, bins)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{preset, Simulation};
    use chrono::TimeDelta;

    /// The 128-bit form `bin_of` replaced.
    #[cfg(not(target_arch = "wasm32"))]
    fn wide_bin_of(s: i64, span: i64, bins: usize) -> usize {
        if s <= 0 {
            return 0;
        }
        let n = i128::from(s) * (bins as i128 - 1);
        let k = (n + i128::from(span) - 1) / i128::from(span);
        usize::try_from(k).unwrap_or(bins).min(bins)
    }

    // Native only: proptest is not built for wasm.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn bin_of_agrees_with_128_bit_arithmetic(
            s in -(1i64 << 45)..(1i64 << 45),
            span in 1i64..(1i64 << 45),
            bins in 1usize..100_000,
        ) {
            for bins in [1, 2, bins] {
                proptest::prop_assert_eq!(bin_of(s, span, bins), wide_bin_of(s, span, bins));
                let near = s.clamp(-2, span + 2);
                proptest::prop_assert_eq!(bin_of(near, span, bins), wide_bin_of(near, span, bins));
            }
        }
    }

    /// The band's far-off cases: instants long before, at and long after the span, with one
    /// bin, two and many.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn bin_of_is_the_128_bit_one_far_outside_the_span_too() {
        for (span, bins) in [
            (1, 1),
            (1, 2),
            (86_400 * 120, 300),
            (7, 1000),
            (1 << 40, 1 << 30),
        ] {
            for s in [
                -10_i64,
                0,
                1,
                span / 2,
                span - 1,
                span,
                span + 1,
                1 << 40,
                i64::MAX,
            ] {
                assert_eq!(
                    bin_of(s, span, bins),
                    wide_bin_of(s, span, bins),
                    "span {span}, bins {bins}, at {s}"
                );
            }
        }
    }

    fn sim(name: &str) -> Simulation {
        Simulation::new(preset(name).expect("preset")).expect("loads")
    }

    fn lane(s: &Simulation, job: &str, now: Time) -> Option<Lane> {
        let (h, l) = (s.job_history(job), s.job_log(job));
        job_lane(h, l, &s.rules(), Cut::at(h, l, now))
    }

    fn states(lane: &Lane) -> Vec<&'static str> {
        lane.segments.iter().map(|s| s.state.id()).collect()
    }

    #[test]
    fn happy_import_played_through_has_every_state_in_order_and_the_90_day_marker() {
        let s = sim("happy-import");
        let end = s.span_end();
        let lane = lane(&s, "lab-a", end - TimeDelta::days(30)).expect("exists");
        assert_eq!(
            states(&lane),
            [
                "Creating",
                "Shipping",
                "Received",
                "Transferring",
                "Packaging",
                "Completed"
            ]
        );
        let completed = lane.segments[5].from;
        let p = lane.projection.expect("retention ahead");
        assert_eq!(
            (p.rule, p.due),
            (RuleId::RetentionExpiry, completed + TimeDelta::days(90))
        );
        let r10 = lane
            .markers
            .iter()
            .find(|m| m.rule == RuleId::RetentionExpiry);
        assert_eq!(
            r10.map(|m| (m.at, m.status)),
            Some((p.due, MarkerStatus::Pending))
        );
        let r2 = lane
            .markers
            .iter()
            .find(|m| m.rule == RuleId::CreatingExpiry);
        assert_eq!(
            r2.map(|m| m.status),
            Some(MarkerStatus::Defused),
            "tracking came first"
        );
        assert_eq!(lane.segments[5].to, None, "still Completed");
    }

    #[test]
    fn an_abandoned_job_projects_its_deletion_then_ends_there() {
        let s = sim("abandoned");
        let created = s.start();
        let before = lane(&s, "forgotten", created + TimeDelta::days(3)).expect("exists");
        assert_eq!(states(&before), ["Creating"]);
        let p = before.projection.expect("R2 ahead");
        assert_eq!(
            (p.rule, p.due),
            (RuleId::CreatingExpiry, created + TimeDelta::days(14))
        );
        let after = lane(&s, "forgotten", created + TimeDelta::days(20)).expect("exists");
        assert_eq!(after.ended, Some(created + TimeDelta::days(14)));
        assert_eq!(after.segments[0].to, after.ended);
        assert_eq!(after.projection, None);
        assert_eq!(after.markers[0].status, MarkerStatus::Fired);
        let refused = s
            .job_log("forgotten")
            .iter()
            .filter(|e| e.is_refused())
            .count();
        assert_eq!(
            refused, 1,
            "tracking after deletion is refused and still a tick"
        );
        assert_eq!(after.ticks.len(), s.job_log("forgotten").len());
    }

    #[test]
    fn copy_progress_is_not_drawn_and_moves_no_cut() {
        let s = sim("happy-import");
        let (h, l) = (s.job_history("lab-a"), s.job_log("lab-a"));
        let progress: Vec<_> = l.iter().filter(|e| !drawn(e)).collect();
        assert!(!progress.is_empty());
        let at = progress[0].at;
        assert_eq!(Cut::at(h, l, at), Cut::at(h, l, at - TimeDelta::seconds(1)));
        let lane = job_lane(h, l, &s.rules(), Cut::at(h, l, s.span_end())).expect("exists");
        assert!(lane.ticks.iter().all(|&i| drawn(&l[i])));
    }

    #[test]
    fn updating_a_creating_job_defuses_its_first_deadline_and_sets_a_later_one() {
        let s = sim("abandoned");
        let l = lane(&s, "updated", s.start() + TimeDelta::days(11)).expect("exists");
        let r2: Vec<_> = l
            .markers
            .iter()
            .map(|m| (m.at - s.start(), m.status))
            .collect();
        assert_eq!(
            r2,
            [
                (TimeDelta::days(14), MarkerStatus::Defused),
                (TimeDelta::days(24), MarkerStatus::Pending)
            ]
        );
    }

    #[test]
    fn a_package_that_never_arrives_is_overdue_after_14_days_and_closed_30_days_later() {
        let s = sim("never-arrives");
        let tracked = s.start() + TimeDelta::days(1);
        let mid = lane(&s, "lost-parcel", tracked + TimeDelta::days(20)).expect("exists");
        let m: Vec<_> = mid
            .markers
            .iter()
            .map(|m| (m.rule, m.at, m.status))
            .collect();
        assert!(m.contains(&(
            RuleId::ShippingOverdue,
            tracked + TimeDelta::days(14),
            MarkerStatus::Fired
        )));
        assert!(m.contains(&(
            RuleId::ShippingAbandoned,
            tracked + TimeDelta::days(44),
            MarkerStatus::Pending
        )));
        let late = lane(&s, "lost-parcel", tracked + TimeDelta::days(50)).expect("exists");
        assert_eq!(states(&late), ["Creating", "Shipping", "Closed"]);
        assert_eq!(late.segments[2].from, tracked + TimeDelta::days(44));
    }

    #[test]
    fn a_job_not_yet_created_has_no_lane_and_drives_have_their_own_segments() {
        let s = sim("happy-import");
        assert!(lane(&s, "lab-a", s.start() - TimeDelta::hours(1)).is_none());
        let h = s.job_history("lab-a");
        let cut = Cut::at(h, s.job_log("lab-a"), s.span_end());
        let drives = drive_lanes(h, cut);
        assert_eq!(drives.len(), 2);
        let first: Vec<_> = drives[0].1.iter().map(|s| s.state.id()).collect();
        assert_eq!(
            first,
            [
                "Specified",
                "Received",
                "Transferring",
                "Completed",
                "ShippedBack"
            ]
        );
    }

    #[test]
    fn state_counts_add_up_to_the_live_jobs_at_each_instant() {
        let s = sim("busy-datacenter");
        let (t0, t1) = (s.start(), s.span_end());
        let bins = 50;
        let counts = state_counts(s.job_names().map(|n| s.job_history(n)), t0, t1, bins);
        assert_eq!(counts.len(), bins);
        for (k, row) in counts.iter().enumerate() {
            let t = t0 + (t1 - t0) * i32::try_from(k).expect("small") / (bins as i32 - 1);
            let live = s.jobs_at(t).iter().filter(|j| !j.is_deleted()).count();
            assert_eq!(row.iter().sum::<u32>() as usize, live, "bin {k}");
        }
    }
}
