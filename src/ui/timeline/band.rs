//! The band's state counts, kept up to date job by job. Counting every job's history again
//! after each action was about 40 ms of one action at 10,000 jobs; a job's share of the
//! counts changes only when the job is replayed (its `Simulation::histories` number), so only
//! those jobs are counted again. The result is always `sim::lanes::state_counts`' (a native
//! property test holds it to that).

use crate::model::Time;
use crate::sim::lanes::{add_spans, running_counts, spans, Span, STATES};
use crate::sim::Simulation;

/// The counts for one span of time and number of bins, with each job's share of them.
#[derive(Default)]
pub struct Band {
    key: Option<(Time, Time, usize)>,
    /// Per job (`Simulation::histories`' order): its history's number and its spans.
    jobs: Vec<(u32, Vec<Span>)>,
    /// Per bin, the change in each state's count from the bin before (one more than bins).
    diff: Vec<[i64; STATES]>,
}

impl Band {
    /// How many jobs are in each state at `bins` instants from `t0` to `t1`, as
    /// `sim::lanes::state_counts` counts them; only jobs replayed since the last call (with
    /// the same span and bins) are counted again.
    pub fn counts(
        &mut self,
        sim: &Simulation,
        t0: Time,
        t1: Time,
        bins: usize,
    ) -> Vec<[u32; STATES]> {
        let bins = bins.max(1);
        if self.key != Some((t0, t1, bins)) {
            *self = Band {
                key: Some((t0, t1, bins)),
                jobs: Vec::new(),
                diff: vec![[0; STATES]; bins + 1],
            };
        }
        let span = (t1 - t0).num_seconds().max(1);
        let mut n = 0;
        for (i, (gen, history)) in sim.histories().enumerate() {
            n = i + 1;
            match self.jobs.get_mut(i) {
                Some((g, _)) if *g == gen => {}
                Some((g, old)) => {
                    add_spans(&mut self.diff, old, -1);
                    *old = spans(history, t0, span, bins);
                    *g = gen;
                    add_spans(&mut self.diff, old, 1);
                }
                None => {
                    let new = spans(history, t0, span, bins);
                    add_spans(&mut self.diff, &new, 1);
                    self.jobs.push((gen, new));
                }
            }
        }
        for (_, gone) in self.jobs.split_off(n.min(self.jobs.len())) {
            add_spans(&mut self.diff, &gone, -1);
        }
        running_counts(&self.diff, bins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::lanes::state_counts;
    use crate::sim::preset;
    use chrono::TimeDelta;

    fn all(sim: &Simulation, t0: Time, t1: Time, bins: usize) -> Vec<[u32; STATES]> {
        state_counts(sim.job_names().map(|n| sim.job_history(n)), t0, t1, bins)
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
