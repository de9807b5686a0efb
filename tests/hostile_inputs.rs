//! Each hostile (or just very large) input seen in review, rejected at the edge with its
//! message and place, or handled without harm. How fast each is rejected is printed by
//! `cargo bench --bench limits`, not asserted here (timed tests flake).

use chrono::{DateTime, TimeDelta};
use ie_lifecycle::model::*;
use ie_lifecycle::sim::scenario::ProblemKind;
use ie_lifecycle::sim::{Problem, Scenario, Simulation};

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn head(jobs: &str, events: &str) -> String {
    format!(
        r#"{{"version":1,"start":"2026-01-05T09:00:00Z","autopilot":{{"enabled":false}},"jobs":[{jobs}],"events":[{events}]}}"#
    )
}

const JOB_A: &str = r#"{"name":"a","type":"Import","storageAccount":"store1","drives":[{"id":"A0000001","sizeGiB":1}]}"#;
const JOB_X: &str = r#"{"name":"x","type":"Export","storageAccount":"store1","drives":[]}"#;

fn problems(text: &str) -> Vec<Problem> {
    match Scenario::parse(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    }
}

fn has(p: &[Problem], path: &str, words: &str) -> bool {
    p.iter()
        .any(|x| x.path == path && x.to_string().contains(words))
}

#[test]
fn a_hundred_thousand_ids_in_one_delivery_are_one_problem() {
    let ids: Vec<String> = (0..100_000u32)
        .map(|n| format!("\"{}\"", DriveId::from_number(n)))
        .collect();
    let event = format!(
        r#"{{"at":"2026-01-06T09:00:00Z","kind":"PackageDelivered","job":"a","present":[{}],"extra":[]}}"#,
        ids.join(",")
    );
    let p = problems(&head(JOB_A, &event));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        has(
            &p,
            "$.events[0].present",
            "drives in one package; at most 10"
        ),
        "{p:?}"
    );
}

#[test]
fn sixteen_thousand_events_on_one_job_pass_the_per_job_limit() {
    let events: Vec<String> = (0..16_000)
        .map(|n| {
            format!(
                r#"{{"at":"2026-01-06T09:00:00Z","kind":"DriveArrivedLate","job":"x","drive":"{}"}}"#,
                DriveId::from_number(n)
            )
        })
        .collect();
    let p = problems(&head(JOB_X, &events.join(",")));
    assert!(
        has(
            &p,
            "$.events",
            "has 16001 events; a job may have at most 1000"
        ),
        "{:?}",
        p.first()
    );
}

#[test]
fn a_one_mebibyte_message_is_refused() {
    let big = "m".repeat(1 << 20);
    let events = format!(
        r#"{{"at":"2026-01-06T09:00:00Z","kind":"CopyFinished","job":"a","drive":"A0000001","outcome":"warnings","messages":["{big}"]}}"#
    );
    let p = problems(&head(JOB_A, &events));
    assert!(
        has(&p, "$.events[0].messages", "longer than 500 characters"),
        "{p:?}"
    );
    let many: Vec<String> = (0..21).map(|n| format!("\"m{n}\"")).collect();
    let events = format!(
        r#"{{"at":"2026-01-06T09:00:00Z","kind":"CopyFinished","job":"a","drive":"A0000001","outcome":"warnings","messages":[{}]}}"#,
        many.join(",")
    );
    let p = problems(&head(JOB_A, &events));
    assert!(
        has(&p, "$.events[0].messages", "21 messages on one copy"),
        "{p:?}"
    );
}

#[test]
fn a_four_mebibyte_job_name_is_refused() {
    let name = "n".repeat(4 << 20);
    let job = format!(
        r#"{{"name":"{name}","type":"Import","storageAccount":"store1","drives":[{{"id":"A0000001","sizeGiB":1}}]}}"#
    );
    let p = problems(&head(&job, ""));
    assert!(
        has(&p, "$.jobs[0].name", "longer than 64 characters"),
        "{p:?}"
    );
}

#[test]
fn a_file_over_eight_mebibytes_is_refused_before_parsing() {
    let text = format!("{}{}", head(JOB_A, ""), " ".repeat(8 << 20));
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert!(has(&p, "$", "at most 8388608 bytes"), "{p:?}");
}

#[test]
fn a_million_events_are_one_problem_and_many_bad_ones_are_capped() {
    let million = vec!["{}"; 1_000_000].join(",");
    let p = problems(&head(JOB_A, &million));
    assert_eq!(p.len(), 1, "{:?}", p.first());
    assert!(has(&p, "$.events", "1000000 events; at most 100000"));
    let many = vec![r#"{"at":"x","kind":"Nope"}"#; 50_000].join(",");
    let p = problems(&head(JOB_A, &many));
    assert_eq!(p.len(), 101);
    assert!(has(&p, "$", "and 99900 more problems"), "{:?}", p.last());
}

#[test]
fn names_with_control_or_bidi_characters_are_refused() {
    for (bad, words) in [
        ("a\\u0000b", "control character"),
        ("a\\nb", "control character"),
        ("evil\\u202Egnp.exe", "right-to-left"),
        ("x\\u2066y", "right-to-left"),
    ] {
        let job = format!(
            r#"{{"name":"{bad}","type":"Import","storageAccount":"store1","drives":[{{"id":"A0000001","sizeGiB":1}}]}}"#
        );
        let p = problems(&head(&job, ""));
        assert!(has(&p, "$.jobs[0].name", words), "{bad}: {p:?}");
    }
    let spec = JobSpec {
        name: "evil\u{202E}gnp".into(),
        job_type: JobType::Import,
        storage_account: "store1".into(),
        drives: vec![DriveSpec {
            id: DriveId::from_number(1),
            size_bytes: 1,
        }],
    };
    assert!(matches!(
        create(&spec, t0()),
        Err(Refusal::Input {
            problem: InputProblem::Text {
                field: TextField::JobName,
                problem: TextProblem::BidiCharacter
            },
            ..
        })
    ));
}

#[test]
fn a_size_of_zero_is_refused() {
    let job = r#"{"name":"a","type":"Import","storageAccount":"store1","drives":[{"id":"A0000001","sizeGiB":0}]}"#;
    let p = problems(&head(job, ""));
    assert!(has(&p, "$.jobs[0].drives[0].sizeGiB", "above 0"), "{p:?}");
}

#[test]
fn a_create_job_events_nested_created_at_is_checked() {
    let event = r#"{"at":"2026-01-06T09:00:00Z","kind":"CreateJob","job":{"name":"b","type":"Import","storageAccount":"store1","createdAt":"2026-01-09T09:00:00Z","drives":[{"id":"B0000001","sizeGiB":1}]}}"#;
    let p = problems(&head(JOB_A, event));
    assert!(
        has(&p, "$.events[0].job.createdAt", "its own \"at\""),
        "{p:?}"
    );
}

#[test]
fn another_jobs_drive_is_never_an_extra_nor_a_new_jobs_drive() {
    let event = r#"{"at":"2026-01-06T09:00:00Z","kind":"PackageDelivered","job":"x","present":[],"extra":["A0000001"]}"#;
    let p = problems(&head(&format!("{JOB_A},{JOB_X}"), event));
    assert!(
        has(&p, "$.events[0].extra[0]", "already belongs to job \"a\""),
        "{p:?}"
    );
    // The same through the engine, as the UI would do it.
    let text = head(&format!("{JOB_A},{JOB_X}"), "");
    let mut sim = Scenario::parse(&text)
        .map(Simulation::new)
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("loads");
    let tracked = sim.add(
        t0(),
        Action::EnterTracking {
            job: "x".into(),
            carrier: "DHL".into(),
            tracking: "1".into(),
        },
    );
    assert_eq!(tracked, Ok(()));
    let extra = Action::PackageDelivered {
        job: "x".into(),
        present: vec![],
        extra: vec![DriveId::from_number(0xA000_0001)],
    };
    let r = sim.add(t0() + TimeDelta::days(1), extra);
    assert!(
        matches!(r, Err(Refusal::Input { problem: InputProblem::DriveInUse { ref owner, .. }, .. }) if owner == "a"),
        "{r:?}"
    );
    let reuse = Action::CreateJob(JobSpec {
        name: "c".into(),
        job_type: JobType::Import,
        storage_account: "store1".into(),
        drives: vec![DriveSpec {
            id: DriveId::from_number(0xA000_0001),
            size_bytes: 1 << 30,
        }],
    });
    assert!(matches!(
        sim.add(t0() + TimeDelta::days(1), reuse),
        Err(Refusal::Input {
            problem: InputProblem::DriveInUse { .. },
            ..
        })
    ));
}

#[test]
fn actions_before_the_start_or_past_9999_are_refused() {
    let mut sim = Scenario::parse(&head(JOB_A, ""))
        .map(Simulation::new)
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("loads");
    let track = || Action::EnterTracking {
        job: "a".into(),
        carrier: "DHL".into(),
        tracking: "1".into(),
    };
    for at in [
        t0() - TimeDelta::seconds(1),
        limits::latest_time() + TimeDelta::seconds(1),
    ] {
        assert!(matches!(
            sim.add(at, track()),
            Err(Refusal::Input {
                problem: InputProblem::TimeOutOfRange { .. },
                ..
            })
        ));
    }
    let p = problems(&head(
        JOB_A,
        r#"{"at":"2025-01-06T09:00:00Z","kind":"EnterTracking","job":"a","carrier":"DHL","tracking":"1"}"#,
    ));
    assert!(
        has(&p, "$.events[0].at", "before the scenario's start"),
        "{p:?}"
    );
}

#[test]
fn the_autopilot_never_plans_a_step_the_rules_refuse() {
    // Many jobs, many exceptions (late and extra drives, copy errors), nobody else acting:
    // every autopilot step in the log is accepted.
    for seed in 0..20 {
        let mut s = ie_lifecycle::sim::presets::busy_datacenter(60, 30, t0(), seed);
        s.autopilot = Some(
            ie_lifecycle::sim::Autopilot {
                enabled: true,
                load: 0.0,
                throughput_mbps: 150.0,
                exception_rate: 1.0,
            }
            .to_spec(),
        );
        let sim = Simulation::new(s).expect("loads");
        let refused: Vec<_> = sim
            .full_log()
            .iter()
            .filter(|e| e.source == Source::Autopilot && e.is_refused())
            .collect();
        assert!(refused.is_empty(), "seed {seed}: {:?}", refused.first());
        let late = sim
            .full_log()
            .iter()
            .filter(|e| e.event == EventLabel::Action(ActionKind::DriveArrivedLate))
            .count();
        assert!(late > 0, "seed {seed}: no late drive to test with");
    }
}

#[test]
fn an_event_the_engine_cannot_convert_is_an_error_not_skipped() {
    let mut s = Scenario::parse(&head(JOB_A, "")).unwrap_or_else(|e| panic!("{e}"));
    // Built in code, not parsed: a CopyStarted without its drive.
    let mut event = ie_lifecycle::sim::scenario::EventEntry::from_action(
        t0(),
        &Action::CopyStarted {
            job: "a".into(),
            drive: DriveId::from_number(0xA000_0001),
        },
    );
    event.drive = None;
    s.events.push(event);
    match Simulation::new(s) {
        Err(e) => assert_eq!(e.problems[0].path, "$.events[0].drive"),
        Ok(_) => panic!("an event without its drive was accepted"),
    }
}

#[test]
fn jobs_with_too_many_events_are_each_named_in_name_order() {
    let job = |name: &str| {
        format!(
            r#"{{"name":"{name}","type":"Import","storageAccount":"store1","drives":[{{"id":"{}","sizeGiB":1}}]}}"#,
            if name == "b" { "B0000001" } else { "A0000001" }
        )
    };
    let update = |name: &str| {
        format!(r#"{{"at":"2026-01-05T10:00:00Z","kind":"UpdateJob","job":"{name}"}}"#)
    };
    let over = Countable::EventsForJob.max();
    // "b" first in the file; "a" has one event fewer than "b", both over the limit; "c" at it.
    let mut events: Vec<String> = Vec::new();
    events.extend((0..over + 1).map(|_| update("b")));
    events.extend((0..over).map(|_| update("a")));
    events.extend((0..over - 1).map(|_| update("c")));
    let jobs = [
        job("b"),
        job("a"),
        JOB_A
            .replace("\"a\"", "\"c\"")
            .replace("A0000001", "C0000001"),
    ];
    let p = problems(&head(&jobs.join(","), &events.join(",")));
    let busy: Vec<(&str, usize)> = p
        .iter()
        .filter_map(|x| match &x.kind {
            ProblemKind::TooManyEventsForJob { job, count } if x.path == "$.events" => {
                Some((job.as_str(), *count))
            }
            _ => None,
        })
        .collect();
    // Each job's own creation counts as one of its events.
    assert_eq!(busy, [("a", over + 1), ("b", over + 2)], "{p:?}");
}
