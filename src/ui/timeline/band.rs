//! The band's state counts, kept up to date job by job. Counting every job's history again
//! after each action was about 40 ms of one action at 10,000 jobs; a job's share of the
//! counts changes only when the job is replayed (its `Simulation::histories` number), so only
//! those jobs are counted again. The result is always `sim::lanes::state_counts`' (a native
//! property test holds it to that).

use crate::model::{Job, JobState, Time};
use crate::sim::Simulation;

const N: usize = JobState::ALL.len();

/// One stretch of a job in one state: bins `from..to` (`state` its place in `JobState::ALL`).
type Span = (usize, usize, usize);

/// The counts for one span of time and number of bins, with each job's share of them.
#[derive(Default)]
pub struct Band {
    key: Option<(Time, Time, usize)>,
    /// Per job (`Simulation::histories`' order): its history's number and its spans.
    jobs: Vec<(u32, Vec<Span>)>,
    /// Per bin, the change in each state's count from the bin before (one more than bins).
    diff: Vec<[i32; N]>,
}

/// The first of `bins` instants evenly spaced from `t0` (`span` seconds to the last) at or
/// after `t`; `bins` if none. In `i64` (wasm has no 128-bit division: it was most of the
/// count's time); a product too large for it is past the last bin anyway.
fn bin_of(t0: Time, span: i64, bins: usize, t: Time) -> usize {
    let s = (t - t0).num_seconds();
    if s <= 0 {
        return 0;
    }
    let steps = i64::try_from(bins - 1).unwrap_or(i64::MAX);
    s.checked_mul(steps)
        .and_then(|n| n.checked_add(span - 1))
        .and_then(|n| usize::try_from(n / span).ok())
        .map_or(bins, |k| k.min(bins))
}

/// The bins each of the job's snapshots covers, in the state it was in (deleted ones none).
fn spans(history: &[(Time, Job)], bin: impl Fn(Time) -> usize, bins: usize) -> Vec<Span> {
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

fn add(diff: &mut [[i32; N]], spans: &[Span], sign: i32) {
    for &(from, to, s) in spans {
        diff[from][s] += sign;
        diff[to][s] -= sign;
    }
}

impl Band {
    /// How many jobs are in each state at `bins` instants from `t0` to `t1`, as
    /// `sim::lanes::state_counts` counts them; only jobs replayed since the last call (with
    /// the same span and bins) are counted again.
    pub fn counts(&mut self, sim: &Simulation, t0: Time, t1: Time, bins: usize) -> Vec<[u32; N]> {
        let bins = bins.max(1);
        if self.key != Some((t0, t1, bins)) {
            *self = Band {
                key: Some((t0, t1, bins)),
                jobs: Vec::new(),
                diff: vec![[0; N]; bins + 1],
            };
        }
        let span = (t1 - t0).num_seconds().max(1);
        let bin = |t| bin_of(t0, span, bins, t);
        let mut n = 0;
        for (i, (gen, history)) in sim.histories().enumerate() {
            n = i + 1;
            match self.jobs.get_mut(i) {
                Some((g, _)) if *g == gen => {}
                Some((g, old)) => {
                    add(&mut self.diff, old, -1);
                    *old = spans(history, bin, bins);
                    *g = gen;
                    add(&mut self.diff, old, 1);
                }
                None => {
                    let new = spans(history, bin, bins);
                    add(&mut self.diff, &new, 1);
                    self.jobs.push((gen, new));
                }
            }
        }
        for (_, gone) in self.jobs.split_off(n.min(self.jobs.len())) {
            add(&mut self.diff, &gone, -1);
        }
        let mut run = [0i32; N];
        self.diff
            .iter()
            .take(bins)
            .map(|d| {
                let mut row = [0u32; N];
                for s in 0..N {
                    run[s] += d[s];
                    row[s] = u32::try_from(run[s]).unwrap_or(0);
                }
                row
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::lanes::state_counts;
    use crate::sim::preset;
    use chrono::TimeDelta;

    fn all(sim: &Simulation, t0: Time, t1: Time, bins: usize) -> Vec<[u32; N]> {
        state_counts(sim.job_names().map(|n| sim.job_history(n)), t0, t1, bins)
    }

    #[test]
    fn bins_are_the_reference_ones_far_outside_the_span_too() {
        let t0 = Time::UNIX_EPOCH + TimeDelta::days(20_000);
        let sim = Simulation::new(preset("happy-import").expect("preset")).expect("loads");
        let job = sim.job_history("lab-a")[0].1.clone();
        for (span, bins) in [(1, 1), (1, 2), (86_400 * 120, 300), (7, 1000)] {
            let t1 = t0 + TimeDelta::seconds(span);
            for s in [-10_i64, 0, 1, span / 2, span - 1, span, span + 1, 1 << 40] {
                let t = t0 + TimeDelta::seconds(s);
                let history = [(t, job.clone()), (t1 + TimeDelta::days(9), job.clone())];
                let mine = {
                    let mut d = vec![[0; N]; bins + 1];
                    add(
                        &mut d,
                        &spans(&history, |t| bin_of(t0, span, bins, t), bins),
                        1,
                    );
                    d
                };
                let reference = state_counts([&history[..]].into_iter(), t0, t1, bins);
                let mut run = 0;
                for (k, row) in reference.iter().enumerate() {
                    run += mine[k][0];
                    assert_eq!(
                        row[0] as i32, run,
                        "span {span}, bins {bins}, at {s}, bin {k}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_preset_counted_whole_then_again_after_actions_matches_the_reference() {
        let mut sim = Simulation::new(preset("busy-datacenter").expect("preset")).expect("loads");
        let (t0, t1) = (sim.start(), sim.span_end());
        let mut band = Band::default();
        assert_eq!(band.counts(&sim, t0, t1, 200), all(&sim, t0, t1, 200));
        let names: Vec<String> = sim.job_names().map(str::to_string).collect();
        let mut acted = 0;
        for (k, name) in names.iter().enumerate().take(12) {
            let at = t0 + TimeDelta::days(k as i64 * 3);
            let action = crate::model::Action::DeleteJob { job: name.clone() };
            acted += usize::from(sim.add(at, action).is_ok());
            assert_eq!(band.counts(&sim, t0, t1, 200), all(&sim, t0, t1, 200));
        }
        assert!(acted > 0, "some deletions were accepted");
        let other = Simulation::new(preset("happy-import").expect("preset")).expect("loads");
        assert_eq!(band.counts(&other, t0, t1, 200), all(&other, t0, t1, 200));
        assert_eq!(band.counts(&sim, t0, t1, 50), all(&sim, t0, t1, 50));
    }
}
