//! Scenario files: parsing, every validation problem with its place, round-trips, presets,
//! and replay determinism.

use chrono::{DateTime, TimeDelta};
use ie_lifecycle::model::*;
use ie_lifecycle::sim::presets::busy_datacenter;
use ie_lifecycle::sim::{preset, presets, Autopilot, Problem, Scenario, Simulation};

const EXAMPLE: &str = r#"{"version": 1, "title": "Happy import", "start": "2026-01-05T09:00:00Z", "seed": 7,
 "rules": "2018",
 "autopilot": {"enabled": false, "load": 0.5, "throughputMBps": 150, "exceptionRate": 0.05},
 "jobs": [{"name": "lab-a", "type": "Import", "storageAccount": "labstorage",
           "createdAt": "2026-01-05T09:00:00Z", "drives": [{"id": "A1000001", "sizeGiB": 500}]}],
 "events": [
   {"at": "2026-01-06T09:00:00Z", "kind": "EnterTracking", "job": "lab-a", "carrier": "DHL", "tracking": "123"},
   {"at": "2026-01-09T09:00:00Z", "kind": "PackageDelivered", "job": "lab-a", "present": ["A1000001"], "extra": []},
   {"at": "2026-01-10T09:00:00Z", "kind": "CopyStarted", "job": "lab-a", "drive": "A1000001"},
   {"at": "2026-01-15T09:00:00Z", "kind": "CopyFinished", "job": "lab-a", "drive": "A1000001", "outcome": "clean"},
   {"at": "2026-01-16T09:00:00Z", "kind": "DrivesShippedBack", "job": "lab-a", "carrier": "DHL", "tracking": "124"}]}"#;

fn time(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn parse(text: &str) -> Scenario {
    Scenario::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn problems(text: &str) -> Vec<Problem> {
    match Scenario::parse(text) {
        Ok(_) => panic!("should be rejected: {text}"),
        Err(e) => e.problems,
    }
}

fn has(problems: &[Problem], path: &str, words: &str) -> bool {
    problems
        .iter()
        .any(|p| p.path == path && p.to_string().contains(words))
}

#[test]
fn the_issue_example_parses_and_plays_to_completed() {
    let s = parse(EXAMPLE);
    assert_eq!(s.jobs[0].spec().drives[0].size_bytes, 500 << 30);
    let sim = Simulation::new(s).expect("loads");
    let w = sim.state_at(time("2026-01-16T09:00:00Z"));
    assert_eq!(w.job("lab-a").map(|j| j.state), Some(JobState::Completed));
    assert!(w.log.iter().all(|e| e.outcome.is_ok()));
    let later = sim.state_at(time("2026-04-16T09:00:00Z"));
    assert_eq!(
        later.job("lab-a").and_then(|j| j.deleted).map(|d| d.reason),
        Some(DeletionReason::RetentionExpired)
    );
}

#[test]
fn serialization_round_trips_exactly() {
    let s = parse(EXAMPLE);
    let pretty = s.to_json();
    let again = parse(&pretty);
    assert_eq!(again, s);
    assert_eq!(again.to_json(), pretty, "serialization is stable");
    assert_eq!(parse(&s.to_json_compact()), s);
}

#[test]
fn unknown_fields_are_kept() {
    let text = EXAMPLE.replacen("\"seed\": 7,", "\"seed\": 7, \"author\": \"ms. k\",", 1);
    let s = parse(&text);
    assert_eq!(
        s.other.get("author").and_then(|v| v.as_str()),
        Some("ms. k")
    );
    assert!(s.to_json().contains("\"author\": \"ms. k\""));
}

#[test]
fn defaults_apply_when_fields_are_absent() {
    let s = parse(
        r#"{"version":1,"start":"2026-01-05T09:00:00Z","jobs":[{"name":"a","type":"Export","storageAccount":"store1"}]}"#,
    );
    assert_eq!(s.rules(), Rules::default());
    assert!(Autopilot::of(&s).enabled);
    let sim = Simulation::new(s).expect("loads");
    assert_eq!(
        sim.state_at(time("2026-01-05T09:00:00Z"))
            .job("a")
            .map(|j| j.created_at),
        Some(time("2026-01-05T09:00:00Z"))
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let p = problems("{\n  \"version\": 1,\n  \"start\": oops\n}");
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].path.as_str(), p[0].line, p[0].column),
        ("$", Some(3), Some(12))
    );
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let text = r#"{"version": 2, "start": "yesterday",
      "jobs": [
        {"name": "a", "type": "Import", "storageAccount": "store1", "drives": [{"id": "SHORT", "sizeGiB": -1}]},
        {"name": "a", "type": "Import", "storageAccount": "store1", "drives": [{"id": "A0000001", "sizeGiB": 1}, {"id": "a0000001", "sizeGiB": 1}]},
        {"name": "big", "type": "Import", "storageAccount": "store1", "drives": [
          {"id":"B0000001","sizeGiB":1},{"id":"B0000002","sizeGiB":1},{"id":"B0000003","sizeGiB":1},{"id":"B0000004","sizeGiB":1},
          {"id":"B0000005","sizeGiB":1},{"id":"B0000006","sizeGiB":1},{"id":"B0000007","sizeGiB":1},{"id":"B0000008","sizeGiB":1},
          {"id":"B0000009","sizeGiB":1},{"id":"B0000010","sizeGiB":1},{"id":"B0000011","sizeGiB":1}]}
      ],
      "events": [
        {"at": "2026-01-09T09:00:00Z", "kind": "EnterTracking", "job": "ghost", "carrier": "DHL", "tracking": "1"},
        {"at": "2026-01-08T09:00:00Z", "kind": "CopyStarted", "job": "big", "drive": "Z0000009"},
        {"at": "not a time", "kind": "Teleport", "job": "big"},
        {"at": "2026-01-10T09:00:00Z", "kind": "CreatingExpired", "job": "big"},
        {"at": "2026-01-10T09:00:00Z", "kind": "CopyFinished", "job": "big", "drive": "B0000001", "outcome": "great"}
      ]}"#;
    let p = problems(text);
    let expect = [
        ("$.version", "unsupported version 2"),
        ("$.start", "bad time"),
        ("$.jobs[0].drives[0].id", "exactly 8 letters or digits"),
        ("$.jobs[0].drives[0].sizeGiB", "above 0"),
        ("$.jobs[1].name", "duplicate job name"),
        ("$.jobs[1].drives[1].id", "listed twice"),
        ("$.jobs[2].drives", "at most 10"),
        ("$.events[0].job", "unknown job \"ghost\""),
        ("$.events[1].at", "out of time order"),
        ("$.events[1].drive", "unknown drive Z0000009"),
        ("$.events[2].at", "bad time"),
        ("$.events[2].kind", "not a valid event kind"),
        ("$.events[3].kind", "automatic"),
        ("$.events[4].outcome", "\"clean\""),
    ];
    for (path, words) in expect {
        assert!(has(&p, path, words), "missing {path}: {words}\n{p:#?}");
    }
    assert_eq!(p.len(), expect.len(), "{p:#?}");
}

#[test]
fn a_file_that_is_not_an_object_is_rejected() {
    assert!(has(&problems("[1,2]"), "$", "JSON object"));
    assert!(has(
        &problems(r#"{"start":"2026-01-05T09:00:00Z"}"#),
        "$.version",
        "missing"
    ));
}

#[test]
fn events_before_the_start_and_missing_fields_are_reported() {
    let p = problems(
        r#"{"version":1,"start":"2026-01-05T09:00:00Z",
        "jobs":[{"name":"a","type":"Import","storageAccount":"store1","drives":[{"id":"A0000001","sizeGiB":1}]}],
        "events":[{"at":"2026-01-04T09:00:00Z","kind":"EnterTracking","job":"a"},
                  {"at":"2026-01-06T09:00:00Z","kind":"CopyProgress","job":"a","drive":"A0000001","bytes":-5}]}"#,
    );
    assert!(has(&p, "$.events[0].at", "before the scenario's start"));
    assert!(has(&p, "$.events[0].carrier", "missing"));
    assert!(has(&p, "$.events[1].bytes", "whole number"));
}

#[test]
fn create_job_events_define_jobs() {
    let s = parse(
        r#"{"version":1,"start":"2026-01-05T09:00:00Z","autopilot":{"enabled":false},
        "events":[{"at":"2026-01-06T09:00:00Z","kind":"CreateJob","job":{"name":"late","type":"Import","storageAccount":"store1","drives":[{"id":"A0000001","sizeGiB":1}]}},
                  {"at":"2026-01-07T09:00:00Z","kind":"EnterTracking","job":"late","carrier":"DHL","tracking":"1"}]}"#,
    );
    let sim = Simulation::new(s.clone()).expect("loads");
    assert!(sim
        .state_at(time("2026-01-05T10:00:00Z"))
        .job("late")
        .is_none());
    assert_eq!(
        sim.state_at(time("2026-01-07T09:00:00Z"))
            .job("late")
            .map(|j| j.state),
        Some(JobState::Shipping)
    );
    assert_eq!(parse(&s.to_json()), s);
}

#[test]
fn every_preset_validates_and_has_a_unique_slug() {
    let list = presets();
    assert!(list.len() >= 8);
    for p in &list {
        assert!(
            p.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            p.name
        );
        let s = preset(p.name).unwrap_or_else(|| panic!("preset {} does not parse", p.name));
        if let Err(e) = s.validate() {
            panic!("preset {}: {e}", p.name);
        }
        assert_eq!(parse(&s.to_json()), s, "{} round-trips", p.name);
    }
    let mut names: Vec<_> = list.iter().map(|p| p.name).collect();
    names.dedup();
    assert_eq!(names.len(), list.len());
    assert!(preset("no-such-preset").is_none());
}

fn final_state(name: &str, job: &str, at: &str) -> Option<Job> {
    let sim = Simulation::new(preset(name)?).expect("loads");
    sim.state_at(time(at)).job(job).cloned()
}

#[test]
fn presets_tell_their_stories() {
    let happy = final_state("happy-import", "lab-a", "2026-02-05T09:00:00Z");
    assert_eq!(happy.as_ref().map(|j| j.state), Some(JobState::Completed));
    let gone = final_state("happy-import", "lab-a", "2026-06-05T09:00:00Z");
    assert_eq!(
        gone.and_then(|j| j.deleted).map(|d| d.reason),
        Some(DeletionReason::RetentionExpired)
    );

    let export = final_state("export", "archive-out", "2026-02-15T09:00:00Z");
    assert_eq!(
        export.as_ref().map(|j| (j.state, j.drives.len())),
        Some((JobState::Completed, 2))
    );

    let forgotten = final_state("abandoned", "forgotten", "2026-01-19T09:00:00Z");
    assert_eq!(
        forgotten.and_then(|j| j.deleted).map(|d| d.reason),
        Some(DeletionReason::CreatingExpired)
    );
    let updated = final_state("abandoned", "updated", "2026-01-28T08:59:00Z");
    assert_eq!(updated.map(|j| j.is_deleted()), Some(false));

    let lost = final_state("never-arrives", "lost-parcel", "2026-02-20T09:00:00Z");
    assert_eq!(
        lost.map(|j| (j.state, j.overdue)),
        Some((JobState::Closed, true))
    );

    let late = final_state(
        "late-and-extra-drive",
        "three-drives",
        "2026-01-20T09:00:00Z",
    );
    assert_eq!(
        late.as_ref().map(|j| (j.state, j.extra_drives.len())),
        Some((JobState::Completed, 1))
    );

    assert_eq!(
        final_state("copy-errors", "with-errors", "2026-01-17T09:00:00Z").map(|j| j.state),
        Some(JobState::Closed)
    );
    assert_eq!(
        final_state("copy-errors", "with-warnings", "2026-01-17T09:00:00Z").map(|j| j.state),
        Some(JobState::Completed)
    );

    assert_eq!(
        final_state("cancel-2021", "cancel-me", "2026-01-07T09:00:00Z").map(|j| j.state),
        Some(JobState::Canceled)
    );
    assert_eq!(
        final_state("cancel-2021", "too-late", "2026-01-17T09:00:00Z").map(|j| j.state),
        Some(JobState::Completed)
    );
}

#[test]
fn busy_datacenter_has_50_jobs_that_mostly_finish() {
    let s = preset("busy-datacenter").unwrap_or_else(|| panic!("busy preset"));
    assert_eq!(s.jobs.len(), 50);
    let sim = Simulation::new(s).expect("loads");
    let w = sim.state_at(sim.span_end());
    assert_eq!(w.jobs.len(), 50);
    let deleted = w.jobs.iter().filter(|j| j.is_deleted()).count();
    let w60 = sim.state_at(sim.start() + TimeDelta::days(60));
    let done = w60
        .jobs
        .iter()
        .filter(|j| matches!(j.state, JobState::Completed | JobState::Closed))
        .count();
    assert!(done >= 20, "only {done} finished by day 60");
    assert!(deleted >= 45, "only {deleted} deleted by the end");
}

#[test]
fn autopilot_copies_a_typical_job_in_about_a_week_after_receipt() {
    let sim = Simulation::new(preset("happy-import").unwrap_or_else(|| panic!())).expect("loads");
    let log = sim.full_log();
    let received = log.iter().find(|e| {
        e.outcome.as_ref().is_ok_and(|c| {
            c.iter()
                .any(|c| c.to == StateLabel::Job(JobState::Received))
        })
    });
    let packaging = log.iter().find(|e| {
        e.outcome.as_ref().is_ok_and(|c| {
            c.iter()
                .any(|c| c.to == StateLabel::Job(JobState::Packaging))
        })
    });
    let (Some(r), Some(p)) = (received, packaging) else {
        panic!("story incomplete")
    };
    let days = (p.at - r.at).num_hours() as f64 / 24.0;
    assert!((3.0..=12.0).contains(&days), "copy took {days} days");
}

#[test]
fn same_scenario_and_seed_give_identical_states_and_logs() {
    let start = time("2026-01-05T09:00:00Z");
    let a = Simulation::new(busy_datacenter(60, 30, start, 99)).expect("loads");
    let b = Simulation::new(busy_datacenter(60, 30, start, 99)).expect("loads");
    for day in [0, 10, 40, 90, 200] {
        let t = start + TimeDelta::days(day);
        assert_eq!(a.state_at(t), b.state_at(t));
    }
    assert_eq!(a.full_log(), b.full_log());
    let c = Simulation::new(busy_datacenter(60, 30, start, 100)).expect("loads");
    assert_ne!(
        a.full_log(),
        c.full_log(),
        "another seed tells another story"
    );
}

#[test]
fn a_jobs_story_does_not_depend_on_other_jobs() {
    let start = time("2026-01-05T09:00:00Z");
    let big = Simulation::new(busy_datacenter(20, 10, start, 5)).expect("loads");
    let mut small_s = busy_datacenter(20, 10, start, 5);
    small_s.jobs.truncate(3);
    let names: Vec<String> = small_s.jobs.iter().map(|j| j.name.clone()).collect();
    small_s
        .events
        .retain(|e| names.iter().any(|n| n == e.job_name()));
    let small = Simulation::new(small_s).expect("loads");
    let t = start + TimeDelta::days(50);
    for n in &names {
        assert_eq!(big.state_at(t).job(n), small.state_at(t).job(n));
    }
}

#[test]
fn user_events_round_trip_through_the_shared_scenario() {
    let mut sim = Simulation::new(preset("abandoned").unwrap_or_else(|| panic!())).expect("loads");
    let t = time("2026-01-08T09:00:00Z");
    let add = sim.add(
        t,
        Action::EnterTracking {
            job: "updated".into(),
            carrier: "DHL".into(),
            tracking: "77".into(),
        },
    );
    assert_eq!(add, Ok(()));
    let spec = JobSpec {
        name: "new-one".into(),
        job_type: JobType::Import,
        storage_account: "store1".into(),
        drives: vec![DriveSpec {
            id: DriveId::from_number(77),
            size_bytes: 3 << 30,
        }],
    };
    assert_eq!(sim.add(t, Action::CreateJob(spec)), Ok(()));
    let shared = sim.scenario();
    let reloaded = Simulation::new(parse(&shared.to_json())).expect("loads");
    let end = sim.span_end();
    assert_eq!(reloaded.state_at(end), sim.state_at(end));
    assert_eq!(reloaded.span_end(), end);
}

#[test]
fn set_autopilot_replays_and_is_shared() {
    let mut sim =
        Simulation::new(preset("happy-import").unwrap_or_else(|| panic!())).expect("loads");
    let mut a = sim.autopilot();
    a.enabled = false;
    sim.set_autopilot(a);
    let w = sim.state_at(sim.span_end());
    // Without the datacenter the package never arrives: overdue, then Closed (R5).
    assert_eq!(w.job("lab-a").map(|j| j.state), Some(JobState::Closed));
    assert!(!Autopilot::of(&sim.scenario()).enabled);
}

#[test]
fn next_due_steps_through_every_event_and_span_covers_120_days() {
    let sim = Simulation::new(preset("never-arrives").unwrap_or_else(|| panic!())).expect("loads");
    let mut t = sim.start();
    let mut steps = 0;
    while let Some(next) = sim.next_due(t) {
        assert!(next > t);
        t = next;
        steps += 1;
    }
    let distinct: std::collections::BTreeSet<_> = sim
        .full_log()
        .iter()
        .map(|e| e.at)
        .filter(|at| *at > sim.start())
        .collect();
    assert_eq!(steps, distinct.len());
    assert!(sim.span_end() >= sim.start() + TimeDelta::days(120));
    assert!(sim.span_end() > t);
    // Going backwards is the same lookup.
    let late = sim.state_at(t);
    let early = sim.state_at(sim.start());
    assert_eq!(sim.state_at(sim.start()), early);
    assert!(late.log.len() > early.log.len());
}

#[test]
fn validation_problems_point_at_their_line_and_column_too() {
    let text = "{\n  \"version\": 1,\n  \"start\": \"2026-01-05T09:00:00Z\",\n  \"jobs\": [\n    {\"name\": \"a\", \"type\": \"Import\", \"storageAccount\": \"s\",\n     \"drives\": [{\"id\": \"SHORT\", \"sizeGiB\": 1}]}\n  ]\n}";
    let p = problems(text);
    let id = p.iter().find(|p| p.path == "$.jobs[0].drives[0].id");
    assert_eq!(
        id.map(|p| (p.line, p.column)),
        Some((Some(6), Some(24))),
        "{p:?}"
    );
}

#[test]
fn switching_rule_sets_rejudges_the_same_events_and_survives_sharing() {
    let Some(scenario) = ie_lifecycle::sim::preset("cancel-2021") else {
        panic!("preset")
    };
    let mut sim = Simulation::new(scenario).expect("loads");
    let end = sim.span_end();
    let canceled = |sim: &Simulation| {
        sim.state_at(end)
            .log
            .iter()
            .filter(|e| e.event.id() == "CancelJob" && e.outcome.is_ok())
            .count()
    };
    assert!(canceled(&sim) > 0);
    sim.set_rules(Rules::new(RuleSet::Y2018, CancelWindow::CreatingOnly));
    assert_eq!(
        canceled(&sim),
        0,
        "2018 has no cancel: every CancelJob is refused"
    );
    let shared = Scenario::parse(&sim.scenario().to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        Simulation::new(shared).expect("loads").state_at(end),
        sim.state_at(end)
    );
}

#[test]
fn the_pretty_file_is_laid_out_as_serde_json_lays_it_out() {
    for p in ie_lifecycle::sim::presets() {
        let Some(s) = ie_lifecycle::sim::preset(p.name) else {
            panic!("{} loads", p.name)
        };
        let want = serde_json::to_string_pretty(&s).unwrap_or_default();
        assert_eq!(s.to_json(), want, "{}", p.name);
    }
}
