//! One test per rule, at the exact time boundaries (13d23h59m vs 14d).

use chrono::{DateTime, TimeDelta};
use ie_lifecycle::model::*;
use ie_lifecycle::sim::{Scenario, Simulation};

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}
fn at(days: i64, hours: i64, minutes: i64) -> Time {
    t0() + TimeDelta::days(days) + TimeDelta::hours(hours) + TimeDelta::minutes(minutes)
}
fn id(s: &str) -> DriveId {
    DriveId::parse(s).unwrap_or_else(|e| panic!("{e}"))
}
fn import(n: usize) -> JobSpec {
    JobSpec {
        name: "j".into(),
        job_type: JobType::Import,
        storage_account: "acct".into(),
        drives: (0..n)
            .map(|i| DriveSpec {
                id: id(&format!("D000000{i}")),
                size_bytes: 1000,
            })
            .collect(),
    }
}
fn rules() -> Rules {
    Rules::default()
}
fn created(n: usize) -> Job {
    create(&import(n), t0())
        .map(|a| a.job)
        .unwrap_or_else(|r| panic!("{r}"))
}
fn ok(job: &Job, action: Action, when: Time) -> Job {
    apply(job, &action, when, &rules())
        .map(|a| a.job)
        .unwrap_or_else(|r| panic!("{r}"))
}
fn refused(job: &Job, action: Action, when: Time) -> Refusal {
    match apply(job, &action, when, &rules()) {
        Ok(_) => panic!("{action:?} should be refused"),
        Err(r) => r,
    }
}
fn track(job: &Job, when: Time) -> Job {
    ok(
        job,
        Action::EnterTracking {
            job: "j".into(),
            carrier: "DHL".into(),
            tracking: "1".into(),
        },
        when,
    )
}
fn deliver(job: &Job, present: &[&str], extra: &[&str], when: Time) -> Job {
    let present = present.iter().map(|s| id(s)).collect();
    let extra = extra.iter().map(|s| id(s)).collect();
    ok(
        job,
        Action::PackageDelivered {
            job: "j".into(),
            present,
            extra,
        },
        when,
    )
}
fn start(job: &Job, d: &str, when: Time) -> Job {
    ok(
        job,
        Action::CopyStarted {
            job: "j".into(),
            drive: id(d),
        },
        when,
    )
}
fn finish(job: &Job, d: &str, outcome: CopyOutcome, when: Time) -> Job {
    ok(
        job,
        Action::CopyFinished {
            job: "j".into(),
            drive: id(d),
            outcome,
            messages: vec![],
        },
        when,
    )
}
fn ship(job: &Job, when: Time) -> Job {
    ok(
        job,
        Action::DrivesShippedBack {
            job: "j".into(),
            carrier: "DHL".into(),
            tracking: "2".into(),
        },
        when,
    )
}
fn drive_states(job: &Job) -> Vec<DriveState> {
    job.drives.iter().map(|d| d.state).collect()
}
/// A job with all drives delivered and finished with the given outcomes, in Packaging.
fn packaging(outcomes: &[CopyOutcome]) -> Job {
    let mut j = track(&created(outcomes.len()), at(1, 0, 0));
    let names: Vec<String> = (0..outcomes.len()).map(|i| format!("D000000{i}")).collect();
    let present: Vec<&str> = names.iter().map(String::as_str).collect();
    j = deliver(&j, &present, &[], at(3, 0, 0));
    for name in &names {
        j = start(&j, name, at(4, 0, 0));
    }
    for (name, outcome) in names.iter().zip(outcomes) {
        j = finish(&j, name, *outcome, at(5, 0, 0));
    }
    j
}
fn scenario_sim(json: &str) -> Simulation {
    Simulation::new(Scenario::parse(json).unwrap_or_else(|e| panic!("{e}"))).expect("loads")
}
fn one_job_sim(events: &str) -> Simulation {
    scenario_sim(&format!(
        r#"{{"version":1,"start":"2026-01-05T09:00:00Z","autopilot":{{"enabled":false}},
        "jobs":[{{"name":"j","type":"Import","storageAccount":"acct1","drives":[{{"id":"D0000000","sizeGiB":1}}]}}],
        "events":[{events}]}}"#
    ))
}

// R1
#[test]
fn new_import_job_is_creating_with_specified_drives() {
    let a = create(&import(2), t0()).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(a.rule, RuleId::JobCreated);
    assert_eq!(a.job.state, JobState::Creating);
    assert_eq!(drive_states(&a.job), vec![DriveState::Specified; 2]);
}

#[test]
fn new_export_job_has_no_drives_until_delivery() {
    let spec = JobSpec {
        job_type: JobType::Export,
        ..import(2)
    };
    let j = create(&spec, t0())
        .map(|a| a.job)
        .unwrap_or_else(|r| panic!("{r}"));
    assert!(j.drives.is_empty());
    let j = track(&j, at(1, 0, 0));
    let j = deliver(&j, &["D0000000", "E0000009"], &[], at(2, 0, 0));
    assert_eq!(j.state, JobState::Received);
    assert_eq!(
        drive_states(&j),
        vec![
            DriveState::Received,
            DriveState::Received,
            DriveState::NeverReceived
        ]
    );
    assert_eq!(
        j.drive(&id("E0000009")).map(|d| d.size_bytes),
        Some(1 << 40)
    );
}

#[test]
fn job_with_more_than_10_drives_is_refused() {
    let spec = JobSpec {
        drives: (0..11)
            .map(|i| DriveSpec {
                id: DriveId::from_number(i),
                size_bytes: 1,
            })
            .collect(),
        ..import(0)
    };
    assert_eq!(
        create(&spec, t0()).err(),
        Some(Refusal::TooManyDrives { count: 11 })
    );
    assert!(create(
        &JobSpec {
            drives: spec.drives[..10].to_vec(),
            ..spec
        },
        t0()
    )
    .is_ok());
}

// R2
#[test]
fn creating_job_survives_13d23h59m() {
    let sim = one_job_sim("");
    let w = sim.state_at(at(13, 23, 59));
    assert_eq!(w.job("j").map(Job::is_deleted), Some(false));
    assert!(fire(
        &created(1),
        AutoEvent::CreatingExpired,
        at(13, 23, 59),
        &rules()
    )
    .is_none());
}

#[test]
fn creating_job_is_deleted_after_14_days() {
    let sim = one_job_sim("");
    let j = sim.state_at(at(14, 0, 0)).job("j").cloned();
    assert_eq!(
        j.and_then(|j| j.deleted),
        Some(Deletion {
            at: at(14, 0, 0),
            reason: DeletionReason::CreatingExpired
        })
    );
    assert_eq!(
        created(1).next_time_rule(&rules()),
        Some((RuleId::CreatingExpiry, at(14, 0, 0)))
    );
}

#[test]
fn update_job_restarts_the_14_days() {
    let sim = one_job_sim(r#"{"at":"2026-01-15T09:00:00Z","kind":"UpdateJob","job":"j"}"#);
    assert_eq!(
        sim.state_at(at(23, 23, 59)).job("j").map(Job::is_deleted),
        Some(false)
    );
    assert_eq!(
        sim.state_at(at(24, 0, 0)).job("j").map(Job::is_deleted),
        Some(true)
    );
}

#[test]
fn a_deadline_at_the_instant_of_an_update_fires_first() {
    // One order at each instant: the 14-day rule due at 14d fires before an UpdateJob at 14d,
    // so the update is refused (the job is gone), exactly as the screen shows at that instant.
    let sim = one_job_sim(r#"{"at":"2026-01-19T09:00:00Z","kind":"UpdateJob","job":"j"}"#);
    let w = sim.state_at(at(14, 0, 0));
    assert_eq!(w.job("j").map(Job::is_deleted), Some(true));
    let update = w
        .log
        .iter()
        .find(|e| e.event == EventLabel::Action(ActionKind::UpdateJob));
    assert!(matches!(
        update.map(|e| &e.outcome),
        Some(Err(Refusal::JobDeleted {
            rule: RuleId::CreatingExpiry,
            ..
        }))
    ));
}

#[test]
fn an_update_one_second_before_the_deadline_restarts_it() {
    let sim = one_job_sim(r#"{"at":"2026-01-19T08:59:59Z","kind":"UpdateJob","job":"j"}"#);
    assert_eq!(
        sim.state_at(at(14, 0, 0)).job("j").map(Job::is_deleted),
        Some(false)
    );
    assert_eq!(
        sim.state_at(at(28, 0, 0)).job("j").map(Job::is_deleted),
        Some(true)
    );
}

// R3
#[test]
fn entering_tracking_moves_creating_to_shipping() {
    let j = track(&created(1), at(1, 0, 0));
    assert_eq!(j.state, JobState::Shipping);
    assert_eq!(j.tracking_entered_at, Some(at(1, 0, 0)));
    assert_eq!(
        j.next_time_rule(&rules()),
        Some((RuleId::ShippingOverdue, at(15, 0, 0)))
    );
}

#[test]
fn tracking_is_refused_outside_creating_with_the_rule() {
    let j = packaging(&[CopyOutcome::Clean]);
    let r = refused(
        &j,
        Action::EnterTracking {
            job: "j".into(),
            carrier: "DHL".into(),
            tracking: "1".into(),
        },
        at(6, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::TrackingEntered);
    assert_eq!(
        r.to_string(),
        "“Enter tracking” is not allowed while the job is Packaging (R3: entering the carrier and tracking number moves the job to Shipping)"
    );
}

// R4
#[test]
fn delivery_receives_listed_drives_and_misses_the_others() {
    let j = track(&created(3), at(1, 0, 0));
    let j = deliver(&j, &["D0000000", "D0000002"], &["X0000001"], at(3, 0, 0));
    assert_eq!(j.state, JobState::Received);
    assert_eq!(
        drive_states(&j),
        vec![
            DriveState::Received,
            DriveState::NeverReceived,
            DriveState::Received
        ]
    );
    assert_eq!(j.extra_drives, vec![id("X0000001")]);
}

#[test]
fn delivery_with_no_drive_of_the_job_still_makes_it_received() {
    // A package arrived, so the shipping clocks stop: no overdue, no "customer contacted".
    let j = track(&created(2), at(1, 0, 0));
    let j = deliver(&j, &[], &["X0000001"], at(3, 0, 0));
    assert_eq!(j.state, JobState::Received);
    assert_eq!(drive_states(&j), vec![DriveState::NeverReceived; 2]);
    assert_eq!(j.next_time_rule(&rules()), None);
    // It waits for the datacenter: a late drive, or sending back what came.
    let back = ship(&j, at(4, 0, 0));
    assert_eq!(back.state, JobState::Closed);
    assert!(back.extras_returned);
}

#[test]
fn delivery_is_refused_before_shipping() {
    let r = refused(
        &created(1),
        Action::PackageDelivered {
            job: "j".into(),
            present: vec![],
            extra: vec![],
        },
        at(1, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::PackageDelivered);
}

// R5
#[test]
fn shipping_job_is_not_overdue_at_13d23h59m() {
    let j = track(&created(2), t0());
    assert!(fire(&j, AutoEvent::ShippingOverdue, at(13, 23, 59), &rules()).is_none());
}

#[test]
fn shipping_job_is_overdue_after_14_days() {
    let j = track(&created(2), t0());
    let a = fire(&j, AutoEvent::ShippingOverdue, at(14, 0, 0), &rules())
        .unwrap_or_else(|| panic!("not fired"));
    assert_eq!(a.rule, RuleId::ShippingOverdue);
    assert!(a.job.overdue && a.job.customer_contacted);
    assert_eq!(a.job.state, JobState::Shipping);
    assert_eq!(drive_states(&a.job), vec![DriveState::NeverReceived; 2]);
}

#[test]
fn overdue_job_closes_30_days_later_not_before() {
    let sim = one_job_sim(
        r#"{"at":"2026-01-05T09:00:00Z","kind":"EnterTracking","job":"j","carrier":"DHL","tracking":"1"}"#,
    );
    assert_eq!(
        sim.state_at(at(43, 23, 59)).job("j").map(|j| j.state),
        Some(JobState::Shipping)
    );
    let j = sim.state_at(at(44, 0, 0)).job("j").cloned();
    assert_eq!(j.as_ref().map(|j| j.state), Some(JobState::Closed));
    assert_eq!(
        j.map(|j| drive_states(&j)),
        Some(vec![DriveState::NeverReceived])
    );
}

#[test]
fn delivery_after_overdue_still_counts() {
    let j = track(&created(2), t0());
    let j = fire(&j, AutoEvent::ShippingOverdue, at(14, 0, 0), &rules())
        .map(|a| a.job)
        .unwrap_or_else(|| panic!());
    let j = deliver(&j, &["D0000000", "D0000001"], &[], at(20, 0, 0));
    assert_eq!(j.state, JobState::Received);
    assert_eq!(drive_states(&j), vec![DriveState::Received; 2]);
}

// R6
#[test]
fn late_drive_arrives_while_received_or_transferring() {
    let j = track(&created(2), t0());
    let j = deliver(&j, &["D0000000"], &[], at(2, 0, 0));
    let j = start(&j, "D0000000", at(3, 0, 0));
    let j = ok(
        &j,
        Action::DriveArrivedLate {
            job: "j".into(),
            drive: id("D0000001"),
        },
        at(4, 0, 0),
    );
    assert_eq!(
        drive_states(&j),
        vec![DriveState::Transferring, DriveState::Received]
    );
    assert_eq!(j.state, JobState::Transferring);
}

#[test]
fn late_drive_after_overdue_makes_the_job_received() {
    let j = track(&created(1), t0());
    let j = fire(&j, AutoEvent::ShippingOverdue, at(14, 0, 0), &rules())
        .map(|a| a.job)
        .unwrap_or_else(|| panic!());
    let j = ok(
        &j,
        Action::DriveArrivedLate {
            job: "j".into(),
            drive: id("D0000000"),
        },
        at(15, 0, 0),
    );
    assert_eq!(j.state, JobState::Received);
}

#[test]
fn late_drive_is_refused_once_packaging() {
    let j = track(&created(2), t0());
    let j = deliver(&j, &["D0000000"], &[], at(2, 0, 0));
    let j = start(&j, "D0000000", at(3, 0, 0));
    let j = finish(&j, "D0000000", CopyOutcome::Clean, at(4, 0, 0));
    assert_eq!(j.state, JobState::Packaging);
    let r = refused(
        &j,
        Action::DriveArrivedLate {
            job: "j".into(),
            drive: id("D0000001"),
        },
        at(5, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::LateDrive);
}

// R7
#[test]
fn first_copy_start_makes_the_job_transferring() {
    let j = deliver(
        &track(&created(2), t0()),
        &["D0000000", "D0000001"],
        &[],
        at(2, 0, 0),
    );
    let j = start(&j, "D0000001", at(3, 0, 0));
    assert_eq!(j.state, JobState::Transferring);
    assert_eq!(
        drive_states(&j),
        vec![DriveState::Received, DriveState::Transferring]
    );
    let r = refused(
        &j,
        Action::CopyStarted {
            job: "j".into(),
            drive: id("D0000001"),
        },
        at(3, 0, 0),
    );
    assert!(matches!(
        r,
        Refusal::DriveNotInState {
            rule: RuleId::CopyStarted,
            ..
        }
    ));
}

// R8
#[test]
fn copy_outcomes_set_drive_states_and_packaging_waits_for_all() {
    let j = deliver(
        &track(&created(3), t0()),
        &["D0000000", "D0000001"],
        &[],
        at(2, 0, 0),
    );
    let j = start(&j, "D0000000", at(3, 0, 0));
    let j = start(&j, "D0000001", at(3, 0, 0));
    let j = finish(&j, "D0000000", CopyOutcome::Clean, at(4, 0, 0));
    assert_eq!(j.state, JobState::Transferring);
    let j = finish(&j, "D0000001", CopyOutcome::Warnings, at(5, 0, 0));
    assert_eq!(
        drive_states(&j),
        vec![
            DriveState::Completed,
            DriveState::CompletedMoreInfo,
            DriveState::NeverReceived
        ]
    );
    assert_eq!(j.drives[1].outcome, Some(CopyOutcome::Warnings));
    assert_eq!(
        j.state,
        JobState::Packaging,
        "a NeverReceived drive does not block packaging"
    );
}

#[test]
fn a_received_but_uncopied_drive_blocks_packaging() {
    let j = deliver(
        &track(&created(2), t0()),
        &["D0000000", "D0000001"],
        &[],
        at(2, 0, 0),
    );
    let j = start(&j, "D0000000", at(3, 0, 0));
    let j = finish(&j, "D0000000", CopyOutcome::Clean, at(4, 0, 0));
    assert_eq!(j.state, JobState::Transferring);
}

// R9
#[test]
fn clean_and_warning_drives_ship_back_completed() {
    let j = ship(
        &packaging(&[CopyOutcome::Clean, CopyOutcome::Warnings]),
        at(6, 0, 0),
    );
    assert_eq!(j.state, JobState::Completed);
    assert_eq!(drive_states(&j), vec![DriveState::ShippedBack; 2]);
}

#[test]
fn errors_ship_back_closed() {
    let j = ship(
        &packaging(&[CopyOutcome::Clean, CopyOutcome::Errors]),
        at(6, 0, 0),
    );
    assert_eq!(j.state, JobState::Closed);
}

#[test]
fn a_never_received_drive_ships_back_closed_and_extras_go_home() {
    let j = deliver(
        &track(&created(2), t0()),
        &["D0000000"],
        &["X0000001"],
        at(2, 0, 0),
    );
    let j = finish(
        &start(&j, "D0000000", at(3, 0, 0)),
        "D0000000",
        CopyOutcome::Clean,
        at(4, 0, 0),
    );
    let a = apply(
        &j,
        &Action::DrivesShippedBack {
            job: "j".into(),
            carrier: "DHL".into(),
            tracking: "9".into(),
        },
        at(5, 0, 0),
        &rules(),
    )
    .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(a.job.state, JobState::Closed);
    assert_eq!(
        drive_states(&a.job),
        vec![DriveState::ShippedBack, DriveState::NeverReceived]
    );
    assert!(a
        .changes
        .iter()
        .any(|c| c.subject == Subject::ExtraDrive(id("X0000001"))));
}

#[test]
fn shipping_back_is_refused_before_packaging() {
    let j = deliver(&track(&created(1), t0()), &["D0000000"], &[], at(2, 0, 0));
    let r = refused(
        &j,
        Action::DrivesShippedBack {
            job: "j".into(),
            carrier: "DHL".into(),
            tracking: "9".into(),
        },
        at(3, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::ShippedBack);
}

// R10
#[test]
fn completed_job_survives_89d23h59m_and_is_deleted_at_90_days() {
    let j = ship(&packaging(&[CopyOutcome::Clean]), at(6, 0, 0));
    assert!(fire(&j, AutoEvent::RetentionExpired, at(95, 23, 59), &rules()).is_none());
    let a = fire(&j, AutoEvent::RetentionExpired, at(96, 0, 0), &rules())
        .unwrap_or_else(|| panic!("not fired"));
    assert_eq!(
        a.job.deleted.map(|d| d.reason),
        Some(DeletionReason::RetentionExpired)
    );
}

#[test]
fn closed_job_is_deleted_90_days_after_closing() {
    let j = ship(&packaging(&[CopyOutcome::Errors]), at(6, 0, 0));
    assert_eq!(
        j.next_time_rule(&rules()),
        Some((RuleId::RetentionExpiry, at(96, 0, 0)))
    );
}

// R11
#[test]
fn customer_can_delete_only_in_creating_or_completed() {
    let j = ok(
        &created(1),
        Action::DeleteJob { job: "j".into() },
        at(1, 0, 0),
    );
    assert_eq!(
        j.deleted.map(|d| d.reason),
        Some(DeletionReason::DeletedByCustomer)
    );
    let done = ship(&packaging(&[CopyOutcome::Clean]), at(6, 0, 0));
    assert!(ok(&done, Action::DeleteJob { job: "j".into() }, at(7, 0, 0)).is_deleted());
    let r = refused(
        &track(&created(1), t0()),
        Action::DeleteJob { job: "j".into() },
        at(1, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::CustomerDelete);
    let closed = ship(&packaging(&[CopyOutcome::Errors]), at(6, 0, 0));
    assert_eq!(
        refused(&closed, Action::DeleteJob { job: "j".into() }, at(7, 0, 0)).rule(),
        RuleId::CustomerDelete
    );
}

// R12
#[test]
fn cancel_is_refused_under_the_2018_rules() {
    let r = refused(
        &created(1),
        Action::CancelJob { job: "j".into() },
        at(1, 0, 0),
    );
    assert_eq!(r, Refusal::CancelNotInRuleSet);
    assert_eq!(r.rule(), RuleId::Cancel);
}

#[test]
fn cancel_window_decides_where_2021_allows_cancel() {
    let shipping = track(&created(1), t0());
    let received = deliver(&shipping, &["D0000000"], &[], at(2, 0, 0));
    let cases = [
        (CancelWindow::CreatingOnly, [true, false, false]),
        (CancelWindow::CreatingOrShipping, [true, true, false]),
        (CancelWindow::BeforePackaging, [true, true, true]),
    ];
    for (window, expected) in cases {
        let r = Rules::new(RuleSet::Y2021, window);
        for (job, want) in [&created(1), &shipping, &received]
            .into_iter()
            .zip(expected)
        {
            let result = apply(job, &Action::CancelJob { job: "j".into() }, at(3, 0, 0), &r);
            assert_eq!(result.is_ok(), want, "{window:?} in {}", job.state);
            if let Ok(a) = result {
                assert_eq!(a.job.state, JobState::Canceled);
                assert_eq!(
                    a.job.next_time_rule(&r),
                    Some((RuleId::RetentionExpiry, at(93, 0, 0)))
                );
            }
        }
    }
}

// R13
#[test]
fn percent_is_zero_before_copying_and_bytes_weighted() {
    let spec = JobSpec {
        drives: vec![
            DriveSpec {
                id: id("D0000000"),
                size_bytes: 3000,
            },
            DriveSpec {
                id: id("D0000001"),
                size_bytes: 1000,
            },
        ],
        ..import(0)
    };
    let j = create(&spec, t0())
        .map(|a| a.job)
        .unwrap_or_else(|r| panic!("{r}"));
    let j = deliver(
        &track(&j, t0()),
        &["D0000000", "D0000001"],
        &[],
        at(2, 0, 0),
    );
    assert_eq!(j.percent(), 0);
    let j = start(&j, "D0000001", at(3, 0, 0));
    let j = finish(&j, "D0000001", CopyOutcome::Clean, at(4, 0, 0));
    assert_eq!(j.drives[1].percent(), 100);
    assert_eq!(j.percent(), 25);
    let j = start(&j, "D0000000", at(5, 0, 0));
    let j = ok(
        &j,
        Action::CopyProgress {
            job: "j".into(),
            drive: id("D0000000"),
            bytes: 1500,
        },
        at(6, 0, 0),
    );
    assert_eq!((j.drives[0].percent(), j.percent()), (50, 62));
    let r = refused(
        &j,
        Action::CopyProgress {
            job: "j".into(),
            drive: id("D0000000"),
            bytes: 3001,
        },
        at(7, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::Percent);
    let r = refused(
        &j,
        Action::CopyProgress {
            job: "j".into(),
            drive: id("D0000000"),
            bytes: 10,
        },
        at(7, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::Percent);
}

// General
#[test]
fn deleted_jobs_accept_nothing() {
    let j = ok(
        &created(1),
        Action::DeleteJob { job: "j".into() },
        at(1, 0, 0),
    );
    let r = refused(
        &j,
        Action::EnterTracking {
            job: "j".into(),
            carrier: "a".into(),
            tracking: "b".into(),
        },
        at(2, 0, 0),
    );
    assert_eq!(
        r,
        Refusal::JobDeleted {
            job: "j".into(),
            rule: RuleId::CustomerDelete
        }
    );
    assert!(fire(&j, AutoEvent::CreatingExpired, at(30, 0, 0), &rules()).is_none());
}

#[test]
fn time_never_runs_backwards() {
    let j = track(&created(1), at(2, 0, 0));
    let r = refused(
        &j,
        Action::PackageDelivered {
            job: "j".into(),
            present: vec![],
            extra: vec![],
        },
        at(1, 0, 0),
    );
    assert_eq!(r.rule(), RuleId::TimeOrder);
}

#[test]
fn refused_scripted_events_are_logged_and_change_nothing() {
    let sim = one_job_sim(
        r#"{"at":"2026-01-06T09:00:00Z","kind":"CopyStarted","job":"j","drive":"D0000000"}"#,
    );
    let w = sim.state_at(at(1, 0, 0));
    let entry = w
        .log
        .iter()
        .find(|e| e.event == EventLabel::Action(ActionKind::CopyStarted));
    assert!(matches!(
        entry.map(|e| &e.outcome),
        Some(Err(Refusal::NotAllowedInState { .. }))
    ));
    assert_eq!(w.job("j").map(|j| j.state), Some(JobState::Creating));
}

#[test]
fn user_actions_are_checked_before_they_are_stored() {
    let mut sim = one_job_sim("");
    let before = sim.state_at(at(40, 0, 0));
    let r = sim.add(
        at(1, 0, 0),
        Action::CopyStarted {
            job: "j".into(),
            drive: id("D0000000"),
        },
    );
    assert!(matches!(
        r,
        Err(Refusal::NotAllowedInState {
            rule: RuleId::CopyStarted,
            ..
        })
    ));
    assert_eq!(sim.state_at(at(40, 0, 0)), before);
    assert_eq!(
        sim.add(at(1, 0, 0), Action::CancelJob { job: "nope".into() }),
        Err(Refusal::UnknownJob { job: "nope".into() })
    );
    assert!(sim
        .add(
            at(1, 0, 0),
            Action::EnterTracking {
                job: "j".into(),
                carrier: "DHL".into(),
                tracking: "1".into()
            }
        )
        .is_ok());
    assert_eq!(
        sim.state_at(at(1, 0, 0)).job("j").map(|j| j.state),
        Some(JobState::Shipping)
    );
    assert_eq!(
        sim.add(at(2, 0, 0), Action::CreateJob(import(1))),
        Err(Refusal::DuplicateJob { job: "j".into() })
    );
}

#[test]
fn an_action_before_the_job_exists_is_unknown_job() {
    let mut sim = scenario_sim(
        r#"{"version":1,"start":"2026-01-05T09:00:00Z","autopilot":{"enabled":false},
        "jobs":[{"name":"j","type":"Import","storageAccount":"acct1","createdAt":"2026-01-10T09:00:00Z","drives":[{"id":"D0000000","sizeGiB":1}]}]}"#,
    );
    let r = sim.add(
        at(1, 0, 0),
        Action::EnterTracking {
            job: "j".into(),
            carrier: "DHL".into(),
            tracking: "1".into(),
        },
    );
    assert_eq!(r, Err(Refusal::UnknownJob { job: "j".into() }));
    assert!(sim.state_at(at(1, 0, 0)).job("j").is_none());
}

// One order at each instant: what the screen shows at a deadline is what an action meets.
fn track_at(days: i64) -> String {
    format!(
        r#"{{"at":"{}","kind":"EnterTracking","job":"j","carrier":"DHL","tracking":"1"}}"#,
        at(days, 0, 0).to_rfc3339()
    )
}

fn tracking(job: &str) -> Action {
    Action::EnterTracking {
        job: job.into(),
        carrier: "DHL".into(),
        tracking: "1".into(),
    }
}

#[test]
fn at_creating_plus_14_days_the_job_is_gone_and_tracking_is_refused() {
    let mut sim = one_job_sim("");
    let t = at(14, 0, 0);
    assert_eq!(sim.job_at("j", t).map(Job::is_deleted), Some(true));
    let expected = Err(Refusal::JobDeleted {
        job: "j".into(),
        rule: RuleId::CreatingExpiry,
    });
    assert_eq!(sim.check(t, &tracking("j")), expected);
    assert_eq!(sim.add(t, tracking("j")), expected);
    // One second earlier it still works.
    assert_eq!(sim.add(t - TimeDelta::seconds(1), tracking("j")), Ok(()));
}

#[test]
fn a_delete_at_completed_plus_90_days_finds_retention_already_expired() {
    let events = [
        track_at(1),
        r#"{"at":"2026-01-08T09:00:00Z","kind":"PackageDelivered","job":"j","present":["D0000000"],"extra":[]}"#.into(),
        r#"{"at":"2026-01-09T09:00:00Z","kind":"CopyStarted","job":"j","drive":"D0000000"}"#.into(),
        r#"{"at":"2026-01-10T09:00:00Z","kind":"CopyFinished","job":"j","drive":"D0000000","outcome":"clean"}"#.into(),
        r#"{"at":"2026-01-11T09:00:00Z","kind":"DrivesShippedBack","job":"j","carrier":"DHL","tracking":"2"}"#.into(),
    ];
    let mut sim = one_job_sim(&events.join(","));
    let t = at(6, 0, 0) + TimeDelta::days(90);
    let job = sim.job_at("j", t).cloned();
    assert_eq!(
        job.and_then(|j| j.deleted).map(|d| d.reason),
        Some(DeletionReason::RetentionExpired)
    );
    let delete = Action::DeleteJob { job: "j".into() };
    assert!(matches!(
        sim.add(t, delete),
        Err(Refusal::JobDeleted {
            rule: RuleId::RetentionExpiry,
            ..
        })
    ));
    assert_eq!(
        sim.job_at("j", t).and_then(|j| j.deleted).map(|d| d.reason),
        Some(DeletionReason::RetentionExpired)
    );
}

#[test]
fn a_delivery_at_tracking_plus_14_days_keeps_the_overdue_already_shown() {
    let mut sim = one_job_sim(&track_at(1));
    let t = at(15, 0, 0);
    assert_eq!(sim.job_at("j", t).map(|j| j.overdue), Some(true));
    let delivery = Action::PackageDelivered {
        job: "j".into(),
        present: vec![id("D0000000")],
        extra: vec![],
    };
    assert_eq!(sim.add(t, delivery), Ok(()));
    let job = sim.job_at("j", t).cloned();
    assert_eq!(job.as_ref().map(|j| j.state), Some(JobState::Received));
    assert_eq!(
        job.map(|j| (j.overdue, j.customer_contacted)),
        Some((true, true))
    );
}

#[test]
fn at_the_instant_the_autopilot_packages_a_job_ship_back_is_allowed_and_accepted() {
    let mut sim = scenario_sim(
        r#"{"version":1,"start":"2026-01-05T09:00:00Z","seed":3,"autopilot":{"enabled":true,"exceptionRate":0},
        "jobs":[{"name":"j","type":"Import","storageAccount":"acct1","drives":[{"id":"D0000000","sizeGiB":1}]}],
        "events":[{"at":"2026-01-06T09:00:00Z","kind":"EnterTracking","job":"j","carrier":"DHL","tracking":"1"}]}"#,
    );
    let packaged = sim
        .full_log()
        .iter()
        .find(|e| {
            e.outcome.as_ref().is_ok_and(|c| {
                c.iter()
                    .any(|c| c.to == StateLabel::Job(JobState::Packaging))
            })
        })
        .map(|e| e.at);
    let Some(t) = packaged else {
        panic!("the autopilot never packaged the job")
    };
    let back = Action::DrivesShippedBack {
        job: "j".into(),
        carrier: "UPS".into(),
        tracking: "5".into(),
    };
    assert_eq!(
        sim.job_at("j", t).map(|j| j.state),
        Some(JobState::Packaging)
    );
    assert_eq!(sim.check(t, &back), Ok(()));
    assert_eq!(sim.add(t, back), Ok(()));
    assert_eq!(
        sim.job_at("j", t).map(|j| j.state),
        Some(JobState::Completed)
    );
}

#[test]
fn a_cancel_after_arrival_sends_every_arrived_and_extra_drive_back() {
    let j = track(&created(2), at(1, 0, 0));
    let j = deliver(&j, &["D0000000"], &["X0000001"], at(3, 0, 0));
    let j = start(&j, "D0000000", at(4, 0, 0));
    let rules = Rules::new(RuleSet::Y2021, CancelWindow::BeforePackaging);
    let canceled = apply(
        &j,
        &Action::CancelJob { job: "j".into() },
        at(5, 0, 0),
        &rules,
    )
    .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(canceled.job.state, JobState::Canceled);
    assert_eq!(
        drive_states(&canceled.job),
        vec![DriveState::ShippedBack, DriveState::NeverReceived]
    );
    assert!(canceled.job.extras_returned);
    assert!(canceled
        .changes
        .iter()
        .any(|c| c.subject == Subject::ExtraDrive(id("X0000001"))
            && c.to == StateLabel::Drive(DriveState::ShippedBack)));
}

#[test]
fn a_package_with_none_of_the_jobs_drives_stops_the_shipping_clocks() {
    let sim = one_job_sim(&format!(
        "{},{}",
        track_at(1),
        r#"{"at":"2026-01-08T09:00:00Z","kind":"PackageDelivered","job":"j","present":[],"extra":["X0000001"]}"#
    ));
    // Day 15 (tracking + 14 d) and day 45 (+ 30 d more) pass with no overdue and no close.
    for day in [15, 45, 100] {
        let job = sim.job_at("j", at(day, 0, 0)).cloned();
        assert_eq!(
            job.map(|j| (j.state, j.overdue, j.customer_contacted)),
            Some((JobState::Received, false, false)),
            "day {day}"
        );
    }
}
