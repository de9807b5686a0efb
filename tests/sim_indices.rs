//! The lookups the page uses every frame instead of copying the world: borrowed jobs at an
//! instant, a job's version, and the log entries' keys; and the 10,000-job stress preset.

use chrono::TimeDelta;
use ie_lifecycle::model::Action;
use ie_lifecycle::sim::{preset, presets, Simulation};
use std::collections::HashSet;

fn busy() -> Simulation {
    Simulation::new(preset("busy-datacenter").expect("preset")).expect("loads")
}

#[test]
fn borrowed_jobs_and_versions_agree_with_the_copied_world() {
    let sim = busy();
    let mut t = sim.start() - TimeDelta::days(1);
    while t <= sim.span_end() {
        let copied = sim.jobs_at(t);
        let borrowed: Vec<_> = sim.jobs_ref_at(t).cloned().collect();
        assert_eq!(copied, borrowed, "at {t}");
        for job in &copied {
            let v = sim.job_version(&job.name, t);
            let later = t + TimeDelta::hours(7);
            let same = sim.job_at(&job.name, later) == Some(job);
            assert_eq!(
                v == sim.job_version(&job.name, later),
                same,
                "{} {t}",
                job.name
            );
        }
        t += TimeDelta::hours(7);
    }
    assert_eq!(sim.job_version("no-such-job", sim.span_end()), 0);
}

#[test]
fn entry_keys_are_unique_and_change_only_for_the_entries_an_action_touched() {
    let mut sim = busy();
    let n = sim.full_log().len();
    let keys: Vec<_> = (0..n)
        .map(|i| sim.entry_key(i).expect("in the log"))
        .collect();
    assert_eq!(keys.iter().collect::<HashSet<_>>().len(), n);
    assert!(sim.entry_key(n).is_none());

    // An update on a job still in Creating, a day after the start.
    let at = sim.start() + TimeDelta::days(1);
    let job = sim
        .jobs_ref_at(at)
        .find(|j| j.state.id() == "Creating")
        .map(|j| String::from(&*j.name))
        .expect("a job in Creating");
    let before = sim.full_log().to_vec();
    sim.add(
        at,
        Action::UpdateJob {
            job: job.clone(),
            storage_account: None,
        },
    )
    .expect("accepted");
    let after = sim.full_log();
    // Entries before the action, of every job, are the same entries with the same keys.
    let first_changed = before
        .iter()
        .zip(after)
        .position(|(a, b)| a != b)
        .expect("something changed");
    for (i, k) in keys.iter().enumerate().take(first_changed) {
        if before[i].job != job {
            assert_eq!(sim.entry_key(i).as_ref(), Some(k), "entry {i}");
        }
    }
    // Equal keys always mean equal entries.
    let old: std::collections::HashMap<_, _> = keys.iter().zip(&before).collect();
    for (i, e) in after.iter().enumerate() {
        if let Some(was) = old.get(&sim.entry_key(i).expect("in the log")) {
            assert_eq!(*was, e, "entry {i}");
        }
    }
}

#[test]
fn the_stress_preset_is_10000_jobs_40000_drives_over_120_days_with_the_autopilot() {
    assert!(presets().iter().any(|p| p.name == "stress-10000"));
    let s = preset("stress-10000").expect("preset");
    assert_eq!(s.jobs.len(), 10_000);
    let drives: usize = s.jobs.iter().map(|j| j.drives.len()).sum();
    assert!((36_000..=44_000).contains(&drives), "{drives} drives");
    let last = s
        .jobs
        .iter()
        .filter_map(|j| j.created_at)
        .max()
        .expect("dates");
    assert!(last - s.start <= TimeDelta::days(120));
    assert!(last - s.start >= TimeDelta::days(119));
    assert_eq!(s.autopilot.and_then(|a| a.enabled), Some(true));
}
