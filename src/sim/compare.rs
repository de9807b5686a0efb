//! "Side by side": the same story under another rule set, another cancel window or another
//! autopilot seed, and where the two differ at one instant.
//!
//! The second world is the first one cloned and given the alternative (`other`), so it holds
//! every event the first holds, the user's included: only the alternative can make them
//! differ. It is built once per change of world or alternative; `rows` at an instant is then
//! lookups in both replays, cheap enough for every frame of a playing clock.

use super::engine::Simulation;
use super::log::LogEntry;
use crate::model::{CancelWindow, Job, RuleSet, Rules, Time};

/// What the second pane changes. A cancel window only means something under the 2021 rules
/// (2018 has no cancel), so `Window` also switches to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Alt {
    Set(RuleSet),
    Window(CancelWindow),
    Seed(u64),
}

impl Alt {
    /// The rules the second world follows when the first follows `rules`.
    pub fn rules(self, rules: Rules) -> Rules {
        match self {
            Alt::Set(set) => Rules { set, ..rules },
            Alt::Window(w) => Rules::new(RuleSet::Y2021, w),
            Alt::Seed(_) => rules,
        }
    }
}

/// `sim` under `alt`: the same events judged again (only the rules or seed differ).
pub fn other(sim: &Simulation, alt: Alt) -> Simulation {
    sim.variant(|b| match alt {
        Alt::Set(_) | Alt::Window(_) => b.set_rules(alt.rules(sim.rules())),
        Alt::Seed(seed) => b.set_seed(seed),
    })
}

/// What the "Compare with" menu offers a world under `rules` with `seed`: every other rule set
/// and cancel window that changes the rules (once each), the next seed, and `current` if it
/// is none of those (a link may ask for any).
pub fn choices(rules: Rules, seed: u64, current: Option<Alt>) -> Vec<Alt> {
    let mut out: Vec<Alt> = Vec::new();
    for set in RuleSet::ALL {
        offer(&mut out, Alt::Set(set), rules);
    }
    for window in CancelWindow::ALL {
        offer(&mut out, Alt::Window(window), rules);
    }
    out.push(Alt::Seed(seed.wrapping_add(1)));
    if let Some(c) = current.filter(|c| !out.contains(c)) {
        out.push(c);
    }
    out
}

/// Adds `alt` to the menu when it changes `rules` in a way no choice already there does.
fn offer(out: &mut Vec<Alt>, alt: Alt, rules: Rules) {
    let r = alt.rules(rules);
    if r != rules && out.iter().all(|o| o.rules(rules) != r) {
        out.push(alt);
    }
}

/// What the Status column shows for a job: its state's identifier, "Deleted", or "—" before
/// it exists (as the jobs table's status).
pub fn status(job: Option<&Job>) -> &'static str {
    match job {
        None => "—",
        Some(j) if j.is_deleted() => "Deleted",
        Some(j) => j.state.id(),
    }
}

/// One job in both worlds at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub a: &'static str,
    pub b: &'static str,
    /// How many of its drives (or drives-to-be) are in another state, or in one world only.
    pub drives: usize,
}

impl Row {
    pub fn differs(&self) -> bool {
        self.a != self.b || self.drives > 0
    }
}

/// Drives of the job whose state differs between the worlds (by drive id).
fn drives_differ(a: Option<&Job>, b: Option<&Job>) -> usize {
    let none: &[crate::model::Drive] = &[];
    let (da, db) = (a.map_or(none, |j| &j.drives), b.map_or(none, |j| &j.drives));
    // Plain loops rather than two filter-count pipelines.
    let mut changed = 0;
    for d in da {
        if db.iter().find(|e| e.id == d.id).map(|e| e.state) != Some(d.state) {
            changed += 1;
        }
    }
    for e in db {
        if da.iter().all(|d| d.id != e.id) {
            changed += 1;
        }
    }
    changed
}

/// Both worlds at one instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// What to show, see `rows`.
    pub rows: Vec<Row>,
    /// How many jobs exist at the instant (in either world), and how many of them differ.
    pub total: usize,
    pub differ: usize,
}

/// The rows to show at `t`: every job that exists at `t` in either world, in creation order,
/// while there are at most `limit` of them; past that only the jobs that differ (at most
/// `limit`), so a 10,000-job world lists what matters and its panes stay small.
pub fn rows(a: &Simulation, b: &Simulation, t: Time, limit: usize) -> Diff {
    let mut all = Vec::new();
    for name in a.job_names() {
        let (ja, jb) = (a.job_at(name, t), b.job_at(name, t));
        if ja.is_none() && jb.is_none() {
            continue;
        }
        all.push(Row {
            name: name.to_string(),
            a: status(ja),
            b: status(jb),
            drives: drives_differ(ja, jb),
        });
    }
    let (total, differ) = (all.len(), all.iter().filter(|r| r.differs()).count());
    if total > limit {
        all.retain(Row::differs);
        all.truncate(limit);
    }
    Diff {
        rows: all,
        total,
        differ,
    }
}

/// The first entry of a job's log where the worlds part: each world's entry there (`None`
/// when its log ended). `None` when the two logs agree entry for entry.
pub fn why<'a>(
    a: &'a Simulation,
    b: &'a Simulation,
    job: &str,
) -> Option<(Option<&'a LogEntry>, Option<&'a LogEntry>)> {
    let (la, lb) = (a.job_log(job), b.job_log(job));
    let same = |x: &LogEntry, y: &LogEntry| {
        x.at == y.at
            && x.event == y.event
            && x.rule == y.rule
            && x.drive == y.drive
            && x.outcome == y.outcome
    };
    for i in 0..la.len().max(lb.len()) {
        let (x, y) = (la.get(i), lb.get(i));
        let part = match (x, y) {
            (Some(x), Some(y)) => !same(x, y),
            _ => true,
        };
        if part {
            return Some((x, y));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RuleId, StateLabel, Subject};

    use crate::sim::presets::loaded as sim;

    fn at(text: &str) -> Time {
        crate::model::rfc3339::parse_rfc3339(text).unwrap_or_else(|| panic!("{text}"))
    }

    fn job_change(e: &LogEntry) -> Option<StateLabel> {
        let changes = e.outcome.as_ref().ok()?;
        changes
            .iter()
            .find(|c| c.subject == Subject::Job)
            .map(|c| c.to)
    }

    #[test]
    fn cancel_2021_differs_from_2018_on_the_canceled_job_by_rule_r12() {
        let a = sim("cancel-2021");
        let b = other(&a, Alt::Set(RuleSet::Y2018));
        assert_eq!(b.rules().set, RuleSet::Y2018);
        let Diff { rows, differ, .. } = rows(&a, &b, at("2026-01-06T09:00:00Z"), 100);
        let cancel = rows.iter().find(|r| r.name == "cancel-me");
        assert_eq!(cancel.map(|r| (r.a, r.b)), Some(("Canceled", "Creating")));
        assert_eq!(differ, 1, "too-late is Shipping in both: {rows:?}");
        let Some((Some(x), Some(y))) = why(&a, &b, "cancel-me") else {
            panic!("no divergence")
        };
        assert_eq!((x.rule, y.rule), (RuleId::Cancel, RuleId::Cancel));
        assert_eq!(x.at, at("2026-01-06T09:00:00Z"));
        assert_eq!(
            job_change(x),
            Some(StateLabel::Job(crate::model::JobState::Canceled))
        );
        assert!(y.is_refused());
        assert!(
            why(&a, &b, "too-late").is_some(),
            "its cancel is refused for another reason"
        );
    }

    #[test]
    fn a_wider_cancel_window_cancels_the_shipped_job() {
        let a = sim("cancel-2021");
        let b = other(&a, Alt::Window(CancelWindow::CreatingOrShipping));
        let rows = rows(&a, &b, at("2026-01-08T09:00:00Z"), 100).rows;
        let late = rows.iter().find(|r| r.name == "too-late");
        assert_eq!(late.map(|r| (r.a, r.b)), Some(("Shipping", "Canceled")));
        assert!(!rows.iter().any(|r| r.name == "cancel-me" && r.differs()));
    }

    #[test]
    fn the_second_world_replays_as_a_copy_of_the_first_would() {
        for name in ["busy-datacenter", "cancel-2021"] {
            let a = sim(name);
            // Every choice of the menu, and the first world's own rules (a link may ask).
            for alt in choices(a.rules(), a.seed(), Some(Alt::Set(a.rules().set))) {
                let mut copy = a.clone();
                match alt {
                    Alt::Set(_) | Alt::Window(_) => copy.set_rules(alt.rules(a.rules())),
                    Alt::Seed(seed) => copy.set_seed(seed),
                }
                let b = other(&a, alt);
                assert_eq!((b.rules(), b.seed()), (copy.rules(), copy.seed()));
                assert!(!b.full_log().is_empty(), "{name} {alt:?}");
                assert!(b.full_log() == copy.full_log(), "{name} {alt:?}");
                let t = a.span_end();
                assert!(b.jobs_ref_at(t).eq(copy.jobs_ref_at(t)), "{name} {alt:?}");
            }
        }
    }

    #[test]
    fn the_same_rules_differ_nowhere() {
        let a = sim("cancel-2021");
        let b = other(&a, Alt::Set(RuleSet::Y2021));
        let mut t = a.start();
        while t < a.span_end() {
            let Diff { rows, differ, .. } = rows(&a, &b, t, 100);
            assert_eq!(differ, 0);
            assert!(rows.iter().all(|r| !r.differs()));
            t += chrono::TimeDelta::days(1);
        }
        assert_eq!(why(&a, &b, "cancel-me"), None);
    }

    #[test]
    fn another_seed_differs_where_the_autopilot_acts() {
        let a = sim("happy-import");
        let b = other(&a, Alt::Seed(a.seed().wrapping_add(1)));
        let mut t = a.start();
        let mut seen = false;
        while t < a.span_end() {
            let Diff { rows, differ, .. } = rows(&a, &b, t, 100);
            seen |= differ > 0;
            for r in rows.iter().filter(|r| r.differs()) {
                let Some((x, y)) = why(&a, &b, &r.name) else {
                    panic!("{} differs with the same log", r.name)
                };
                // The autopilot's steps part the worlds, not the customer's.
                let e = x.or(y).unwrap_or_else(|| panic!("no entry"));
                assert!(e.at <= t, "the reason lies in the past");
            }
            t += chrono::TimeDelta::hours(6);
        }
        assert!(seen, "another seed changed nothing");
    }

    #[test]
    fn the_menu_offers_each_other_rule_once_and_the_next_seed() {
        let r2021 = Rules::new(RuleSet::Y2021, CancelWindow::CreatingOnly);
        assert_eq!(
            choices(r2021, 7, None),
            [
                Alt::Set(RuleSet::Y2018),
                Alt::Window(CancelWindow::BeforePackaging),
                Alt::Window(CancelWindow::CreatingOrShipping),
                Alt::Seed(8)
            ]
        );
        // Under 2018, "the 2021 rules" is the 2021 rules with the same (default) window.
        let r2018 = Rules::new(RuleSet::Y2018, CancelWindow::CreatingOnly);
        let c = choices(r2018, u64::MAX, Some(Alt::Seed(3)));
        assert_eq!(c.len(), 5, "{c:?}");
        assert_eq!(c[0], Alt::Set(RuleSet::Y2021));
        assert!(c.ends_with(&[Alt::Seed(0), Alt::Seed(3)]));
    }

    #[test]
    fn a_large_world_lists_only_the_jobs_that_differ() {
        let start = at("2026-01-05T09:00:00Z");
        let Ok(a) = Simulation::new(crate::sim::presets::busy_datacenter(150, 20, start, 7)) else {
            panic!("busy world")
        };
        let b = other(&a, Alt::Seed(8));
        let t = start + chrono::TimeDelta::days(25);
        let Diff {
            rows,
            total,
            differ,
        } = rows(&a, &b, t, 100);
        assert!(differ > 0 && total == 150);
        assert_eq!(rows.len(), differ.min(100));
        assert!(rows.iter().all(Row::differs));
        let same = super::rows(&a, &a, t, 100);
        assert_eq!((same.rows.len(), same.differ), (0, 0));
    }
}
