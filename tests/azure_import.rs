//! Real Azure JSON into the simulator: the shared samples import to their states, the real
//! data's quirks are read, inconsistent data becomes warnings, bad input becomes problems with
//! a path and a place, and import → export → import is lossless.

use chrono::{DateTime, TimeDelta};
use ie_lifecycle::azure::{
    drive_log, drives_csv, import, jobs_csv, rest_list, rest_one, AzureProblem, AzureProblemKind,
    Imported, LogKind, WarningKind,
};
use ie_lifecycle::model::*;
use ie_lifecycle::sim::{Scenario, Simulation};

const IMPORT_JOB: &str = include_str!("../src/azure/samples/get-import-job.json");
const EXPORT_JOB: &str = include_str!("../src/azure/samples/get-export-job.json");
const LIST: &str = include_str!("../src/azure/samples/list-jobs-in-resource-group.json");

fn time(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn now() -> Time {
    time("2026-03-10T12:00:00Z")
}

fn ok(text: &str, at: Time) -> Imported {
    match import(text, at) {
        Ok(i) => i,
        Err(p) => panic!("should import: {p:?}"),
    }
}

fn problems(text: &str) -> Vec<AzureProblem> {
    match import(text, now()) {
        Ok(_) => panic!("should be refused: {}", &text[..text.len().min(200)]),
        Err(p) => p,
    }
}

fn sim(i: &Imported) -> Simulation {
    Simulation::new(i.scenario.clone()).unwrap_or_else(|e| panic!("{e}"))
}

fn job(i: &Imported, name: &str) -> Job {
    sim(i)
        .job_at(name, i.at)
        .cloned()
        .unwrap_or_else(|| panic!("no job {name}"))
}

/// A job resource with the given properties merged over a minimal import job.
fn resource(name: &str, props: &str) -> String {
    format!(
        r#"{{"name": "{name}", "properties": {{"storageAccountId": "/subscriptions/x/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/store1", "jobType": "Import"{props}}}}}"#
    )
}

#[test]
fn the_import_sample_is_a_creating_job_with_its_drive_specified() {
    let i = ok(IMPORT_JOB, now());
    let j = job(&i, "myJob");
    assert_eq!(j.state, JobState::Creating);
    assert_eq!(j.job_type, JobType::Import);
    assert_eq!(&*j.storage_account, "test");
    assert_eq!(j.drives.len(), 1);
    assert_eq!(j.drives[0].id.as_str(), "9CA995BB");
    assert_eq!(j.drives[0].state, DriveState::Specified);
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    // What the rules do next: deleted 14 days after now unless tracking is entered.
    assert_eq!(
        j.next_time_rule(&Rules::default()),
        Some((RuleId::CreatingExpiry, now() + TimeDelta::days(14)))
    );
}

#[test]
fn the_export_sample_is_a_creating_export_job_and_its_old_creation_date_is_set_aside() {
    let i = ok(EXPORT_JOB, now());
    let j = job(&i, "myJob");
    assert_eq!(j.state, JobState::Creating);
    assert_eq!(j.job_type, JobType::Export);
    assert!(j.drives.is_empty());
    // Created 2020-02-03 it would have expired long ago: placed at the chosen instant instead.
    assert!(i
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DatesIgnored));
    assert_eq!(j.created_at, now());
}

#[test]
fn the_export_sample_keeps_its_creation_date_when_it_fits() {
    let at = time("2020-02-10T00:00:00Z");
    let i = ok(EXPORT_JOB, at);
    let j = job(&i, "myJob");
    assert_eq!(j.state, JobState::Creating);
    assert_eq!(j.created_at, time("2020-02-03T01:01:01.1075056Z"));
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn the_list_sample_is_a_received_job_with_a_stand_in_drive() {
    let i = ok(LIST, now());
    let j = job(&i, "test-by1-ssd-2");
    assert_eq!(j.state, JobState::Received);
    assert_eq!(&*j.storage_account, "xtprodtestwu");
    assert_eq!(j.drives.len(), 1);
    assert_eq!(j.drives[0].state, DriveState::Received);
    let t = j.tracking.clone().unwrap_or_else(|| panic!("tracking"));
    assert_eq!(
        (t.carrier.as_str(), t.number.as_str()),
        ("FedEx", "787895108176")
    );
    let kinds: Vec<&WarningKind> = i.warnings.iter().map(|w| &w.kind).collect();
    assert!(
        kinds.contains(&&WarningKind::NoDriveList { count: 1 }),
        "{kinds:?}"
    );
    // Shipped in 2017, the package would have been closed as lost: placed at now.
    assert!(kinds.contains(&&WarningKind::DatesIgnored), "{kinds:?}");
}

#[test]
fn a_shipping_job_entered_shipping_on_its_ship_date() {
    let text = resource(
        "ship-1",
        r#", "state": "shipping", "deliveryPackage": {"carrierName": "UPS", "trackingNumber": "1Z", "shipDate": "3/1/2026 9:15:00 AM"},
           "driveList": [{"driveId": "AB12CD34", "state": "Specified"}]"#,
    );
    let i = ok(&text, now());
    let j = job(&i, "ship-1");
    assert_eq!(j.state, JobState::Shipping);
    assert_eq!(j.state_entered_at, time("2026-03-01T09:15:00Z"));
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    // The rules: drives NeverReceived 14 days after the ship date unless the package arrives.
    assert_eq!(
        j.next_time_rule(&Rules::default()),
        Some((RuleId::ShippingOverdue, time("2026-03-15T09:15:00Z")))
    );
}

#[test]
fn a_shipped_back_job_entered_its_state_on_the_return_ship_date() {
    for (state, copy) in [
        ("Completed", "Completed"),
        ("Closed", "CompletedWithErrors"),
    ] {
        let text = resource(
            "back-1",
            &format!(
                r#", "state": "{state}", "deliveryPackage": {{"carrierName": "UPS", "trackingNumber": "1Z", "shipDate": "2/1/2026 9:15:00 AM"}},
                   "returnPackage": {{"carrierName": "UPS", "trackingNumber": "2Z", "shipDate": "3/1/2026 9:15:00 AM"}},
                   "driveList": [{{"driveId": "AB12CD34", "state": "ShippedBack", "copyStatus": "{copy}"}}]"#
            ),
        );
        let i = ok(&text, now());
        let j = job(&i, "back-1");
        assert_eq!(j.state.id(), state);
        assert_eq!(j.state_entered_at, time("2026-03-01T09:15:00Z"));
        assert!(i.warnings.is_empty(), "{:?}", i.warnings);
        // The rules: deleted 90 days after it shipped back, not 90 days after the import.
        assert_eq!(
            j.next_time_rule(&Rules::default()),
            Some((RuleId::RetentionExpiry, time("2026-05-30T09:15:00Z")))
        );
    }
    // Shipped back more than 90 days ago, it would have been deleted: the dates are set aside.
    let text = resource(
        "back-2",
        r#", "state": "Completed", "deliveryPackage": {"carrierName": "UPS", "trackingNumber": "1Z"},
           "returnPackage": {"carrierName": "UPS", "trackingNumber": "2Z", "shipDate": "10/1/2025 9:15:00 AM"},
           "driveList": [{"driveId": "AB12CD34", "state": "ShippedBack"}]"#,
    );
    let i = ok(&text, now());
    assert_eq!(job(&i, "back-2").state_entered_at, now());
    assert!(
        i.warnings
            .iter()
            .any(|w| w.kind == WarningKind::DatesIgnored),
        "{:?}",
        i.warnings
    );
}

#[test]
fn every_job_state_in_any_case_is_reached() {
    for (state, drive) in [
        ("CREATING", "Specified"),
        ("Shipping", "Specified"),
        ("received", "Received"),
        ("Transferring", "Transferring"),
        ("packaging", "Completed"),
        ("Completed", "ShippedBack"),
        ("Closed", "ShippedBack"),
    ] {
        let text = resource(
            "j",
            &format!(
                r#", "state": "{state}", "percentComplete": 40, "deliveryPackage": {{"carrierName": "DHL", "trackingNumber": "1"}},
                 "returnPackage": {{"carrierName": "DHL", "trackingNumber": "2"}},
                 "driveList": [{{"driveId": "AB12CD34", "state": "{drive}", "percentComplete": 40}}]"#
            ),
        );
        let i = ok(&text, now());
        let j = job(&i, "j");
        assert!(
            j.state.id().eq_ignore_ascii_case(state),
            "{state}: {:?}",
            j.state
        );
        assert_eq!(j.drives[0].state.id(), drive, "{state}");
        assert!(i.warnings.is_empty(), "{state}: {:?}", i.warnings);
        if state == "Transferring" {
            assert_eq!(j.drives[0].percent(), 40);
            assert_eq!(j.percent(), 40);
        }
    }
}

#[test]
fn a_canceled_job_uses_the_2021_rules() {
    let i = ok(
        &resource("c", r#", "state": "Cancelled", "driveList": []"#),
        now(),
    );
    assert_eq!(job(&i, "c").state, JobState::Canceled);
    assert_eq!(i.scenario.rules, Some(RuleSet::Y2021));
}

#[test]
fn copy_status_and_closed_choose_the_copy_outcome() {
    let text = resource(
        "p",
        r#", "state": "Packaging", "driveList": [
            {"driveId": "AB12CD31", "state": "Completed", "copyStatus": "Completed"},
            {"driveId": "AB12CD32", "state": "CompletedMoreInfo", "copyStatus": "CompletedWithWarnings"},
            {"driveId": "AB12CD33", "state": "CompletedMoreInfo", "copyStatus": "CompletedWithErrors"}]"#,
    );
    let i = ok(&text, now());
    let j = job(&i, "p");
    let outcomes: Vec<_> = j.drives.iter().map(|d| d.outcome).collect();
    assert_eq!(
        outcomes,
        [
            Some(CopyOutcome::Clean),
            Some(CopyOutcome::Warnings),
            Some(CopyOutcome::Errors)
        ]
    );
    let closed = resource(
        "c",
        r#", "state": "Closed", "driveList": [{"driveId": "AB12CD35", "state": "ShippedBack"}]"#,
    );
    let i = ok(&closed, now());
    let j = job(&i, "c");
    assert_eq!(j.state, JobState::Closed);
    assert_eq!(j.drives[0].outcome, Some(CopyOutcome::Errors));
}

#[test]
fn unknown_extra_fields_and_nulls_are_kept_and_ignored() {
    let text = resource(
        "x",
        r#", "state": "Creating", "futureField": {"a": [1, 2]}, "percentComplete": null, "returnPackage": null,
           "driveList": [{"driveId": "AB12CD34", "state": "Specified", "newThing": true, "copyStatus": null}]"#,
    );
    let i = ok(&text, now());
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    let kept = i.scenario.jobs[0].other["azure"]["resource"]["properties"]["futureField"].clone();
    assert_eq!(
        serde_json::Value::from(&kept),
        serde_json::json!({"a": [1, 2]})
    );
}

#[test]
fn inconsistent_data_is_imported_with_a_warning_per_job() {
    let drives: Vec<String> = (0..12)
        .map(|k| format!(r#"{{"driveId": "AB12CD{k:02}", "state": "Specified"}}"#))
        .collect();
    let many = resource("many", &format!(r#", "driveList": [{}]"#, drives.join(",")));
    let odd = resource(
        "odd",
        r#", "state": "Creating", "driveList": [{"driveId": "AB12CE01", "state": "Transferring"},
           {"driveId": "AB12CE02", "state": "Exploded"}, {"driveId": "not-a-drive-id", "state": "Specified"}]"#,
    );
    let text = format!("[{many}, {odd}]");
    let i = ok(&text, now());
    let s = sim(&i);
    assert_eq!(s.job_at("many", now()).map(|j| j.drives.len()), Some(10));
    assert_eq!(
        s.job_at("odd", now()).map(|j| j.state),
        Some(JobState::Creating)
    );
    let of = |job: &str| -> Vec<WarningKind> {
        i.warnings
            .iter()
            .filter(|w| w.job == job)
            .map(|w| w.kind.clone())
            .collect()
    };
    assert_eq!(of("many"), [WarningKind::TooManyDrives { count: 12 }]);
    let odd = of("odd");
    assert!(
        odd.iter().any(
            |k| matches!(k, WarningKind::UnknownDriveState { found, .. } if found == "Exploded")
        ),
        "{odd:?}"
    );
    assert!(
        odd.iter().any(
            |k| matches!(k, WarningKind::DriveIdReplaced { drive, .. } if drive == "not-a-drive-id")
        ),
        "{odd:?}"
    );
    assert!(
        odd.iter().any(|k| matches!(
            k,
            WarningKind::DriveStateDiffers {
                azure: DriveState::Transferring,
                shown: Some(DriveState::Specified),
                ..
            }
        )),
        "{odd:?}"
    );
}

#[test]
fn many_jobs_of_one_name_are_numbered_in_order() {
    // 3,000 of one name (and one that already holds a number the renaming would give): each
    // gets the next free suffix, and the renaming tries each suffix once.
    let a = resource("same", "");
    let b = resource("same-3", "");
    let mut list = vec![a.clone(), b];
    list.extend(std::iter::repeat_n(a, 2999));
    let i = ok(&format!(r#"{{"value": [{}]}}"#, list.join(",")), now());
    let names: Vec<&str> = i.scenario.jobs.iter().map(|j| j.name.as_str()).collect();
    assert_eq!(names[..4], ["same", "same-3", "same-2", "same-4"]);
    assert_eq!(names.last(), Some(&"same-3001"));
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
}

#[test]
fn duplicate_names_and_drive_ids_are_renamed() {
    let a = resource("same", r#", "driveList": [{"driveId": "AB12CD34"}]"#);
    let i = ok(&format!(r#"{{"value": [{a}, {a}]}}"#), now());
    let names: Vec<&str> = i.scenario.jobs.iter().map(|j| j.name.as_str()).collect();
    assert_eq!(names, ["same", "same-2"]);
    assert!(i
        .warnings
        .iter()
        .any(|w| matches!(&w.kind, WarningKind::Renamed { used } if used == "same-2")));
    assert!(i
        .warnings
        .iter()
        .any(|w| matches!(&w.kind, WarningKind::DriveIdReplaced { .. })));
}

#[test]
fn the_synthesized_scenario_is_a_valid_scenario_file() {
    for text in [IMPORT_JOB, EXPORT_JOB, LIST] {
        let i = ok(text, now());
        let again = Scenario::parse(&i.scenario.to_json()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again, i.scenario);
    }
}

fn has(p: &[AzureProblem], path: &str, kind: impl Fn(&AzureProblemKind) -> bool) -> bool {
    p.iter()
        .any(|p| p.path == path && kind(&p.kind) && p.line.is_some())
}

#[test]
fn bad_input_is_refused_with_path_and_place() {
    use ie_lifecycle::sim::scenario::ProblemKind as K;
    let p = problems("{\"value\": [\n  {\"name\": 3");
    assert!(
        matches!(p[0].kind, AzureProblemKind::Scenario(K::NotJson { .. })) && p[0].line == Some(2)
    );
    let p = problems("42");
    assert!(has(&p, "$", |k| *k == AzureProblemKind::NotJobs));
    let p = problems(r#"{"value": {}}"#);
    assert!(has(&p, "$.value", |k| matches!(
        k,
        AzureProblemKind::WrongType(_)
    )));
    let p = problems(&resource("a", r#", "percentComplete": "half""#));
    assert!(has(&p, "$.properties.percentComplete", |k| matches!(
        k,
        AzureProblemKind::WrongType(_)
    )));
    let p = problems(&resource("a", r#", "state": "Lost""#));
    assert!(has(&p, "$.properties.state", |k| matches!(
        k,
        AzureProblemKind::Scenario(K::NotOneOf { .. })
    )));
    let p = problems(&resource(
        "a",
        r#", "deliveryPackage": {"shipDate": "2/30/2017 1:00:00 PM"}"#,
    ));
    assert!(has(
        &p,
        "$.properties.deliveryPackage.shipDate",
        |k| matches!(k, AzureProblemKind::Scenario(K::BadTime { .. }))
    ));
    let p = problems(&resource("<b>x</b>", ""));
    assert!(has(&p, "$.name", |k| *k == AzureProblemKind::Markup));
    let p = problems(&resource("a\\u202Eb", ""));
    assert!(has(&p, "$.name", |k| matches!(
        k,
        AzureProblemKind::Text(TextProblem::BidiCharacter)
    )));
    let p = problems(&resource(
        "ok",
        r#", "returnAddress": {"city": "a\u0007b"}"#,
    ));
    assert!(has(&p, "$.properties.returnAddress.city", |k| matches!(
        k,
        AzureProblemKind::Text(TextProblem::ControlCharacter)
    )));
    let p = problems(r#"{"properties": {"jobType": "Import"}}"#);
    assert!(has(&p, "$.name", |k| *k
        == AzureProblemKind::Missing { field: "name" }));
    assert!(has(&p, "$.properties.storageAccountId", |k| matches!(
        k,
        AzureProblemKind::Missing { .. }
    )));
    let big = format!("[{}]", " ".repeat(20 * 1024 * 1024));
    let p = problems(&big);
    assert!(matches!(
        p[0].kind,
        AzureProblemKind::Scenario(K::FileTooLarge { .. })
    ));
}

fn export_text(i: &Imported, at: Time) -> String {
    serde_json::to_string_pretty(&rest_list(&sim(i), at)).unwrap_or_default()
}

#[test]
fn import_export_import_is_lossless() {
    for text in [IMPORT_JOB, EXPORT_JOB, LIST] {
        let first = ok(text, now());
        let out = export_text(&first, now());
        let second = ok(&out, now());
        assert_eq!(second.scenario, first.scenario);
        assert_eq!(second.warnings, first.warnings);
    }
}

#[test]
fn an_unchanged_job_goes_out_exactly_as_it_came_in() {
    let first = ok(IMPORT_JOB, now());
    let out = rest_list(&sim(&first), now());
    let original: serde_json::Value = serde_json::from_str(IMPORT_JOB).unwrap_or_default();
    assert_eq!(serde_json::Value::from(&out["value"][0]), original);
}

#[test]
fn one_job_goes_out_as_az_import_export_show_prints_it_and_reimports_alone() {
    let first = ok(LIST, now());
    let s = sim(&first);
    let list = rest_list(&s, now());
    let Some(entries) = list["value"].as_array() else {
        panic!("a list")
    };
    assert!(!entries.is_empty());
    for entry in entries {
        let name = entry["name"].as_str().unwrap_or_default();
        assert_eq!(rest_one(&s, name, now()).as_ref(), Some(entry), "{name}");
    }
    let name = entries[0]["name"].as_str().unwrap_or_default();
    let one = rest_one(&s, name, now()).unwrap_or_default();
    let again = ok(&one.to_string(), now());
    let state = |i: &Imported| sim(i).job_at(name, now()).map(|j| j.state);
    assert_eq!(state(&again), state(&first));
    assert_eq!(rest_one(&s, "no-such-job", now()), None);
}

#[test]
fn export_carries_the_simulated_values_and_reimports_to_them() {
    let first = ok(LIST, now());
    let mut s = sim(&first);
    let name = "test-by1-ssd-2";
    let drive = s
        .job_at(name, now())
        .map(|j| j.drives[0].id.clone())
        .unwrap_or_else(|| panic!());
    let later = now() + TimeDelta::days(1);
    for action in [
        Action::CopyStarted {
            job: name.into(),
            drive: drive.clone(),
        },
        Action::CopyFinished {
            job: name.into(),
            drive,
            outcome: CopyOutcome::Warnings,
            messages: vec![],
        },
        Action::DrivesShippedBack {
            job: name.into(),
            carrier: "DHL".into(),
            tracking: "R1".into(),
        },
    ] {
        s.add(later, action).unwrap_or_else(|r| panic!("{r:?}"));
    }
    let out = rest_list(&s, later);
    let props = &out["value"][0]["properties"];
    assert_eq!(props["state"], "Completed");
    assert_eq!(props["percentComplete"], 100);
    assert_eq!(props["returnPackage"]["trackingNumber"], "R1");
    assert_eq!(props["driveList"][0]["state"], "ShippedBack");
    assert_eq!(props["driveList"][0]["copyStatus"], "CompletedWithWarnings");
    let again = ok(&out.to_string(), later);
    let j = job(&again, name);
    assert_eq!(j.state, JobState::Completed);
    assert_eq!(j.drives[0].outcome, Some(CopyOutcome::Warnings));
}

#[test]
fn an_imported_job_changed_here_goes_out_modified_when_it_was_changed() {
    // The export sample says it was last modified in 2020; updated here at `later`, it goes out
    // modified at `later` (an import reads a Creating job's clock from there).
    let at = time("2020-02-10T00:00:00Z");
    let first = ok(EXPORT_JOB, at);
    let mut s = sim(&first);
    let modified = |s: &Simulation, t: Time| {
        rest_one(s, "myJob", t).unwrap_or_default()["systemData"]["lastModifiedAt"].clone()
    };
    let original: serde_json::Value = serde_json::from_str(EXPORT_JOB).unwrap_or_default();
    assert_eq!(
        serde_json::Value::from(&modified(&s, at)),
        original["systemData"]["lastModifiedAt"],
        "unchanged, it keeps Azure's time"
    );
    let later = at + TimeDelta::days(2);
    s.add(
        later,
        Action::UpdateJob {
            job: "myJob".into(),
            storage_account: None,
        },
    )
    .unwrap_or_else(|r| panic!("{r:?}"));
    assert_eq!(modified(&s, later), "2020-02-12T00:00:00Z");
    let again = ok(
        &rest_one(&s, "myJob", later).unwrap_or_default().to_string(),
        later,
    );
    assert_eq!(
        job(&again, "myJob").next_time_rule(&s.rules()),
        s.job_at("myJob", later)
            .and_then(|j| j.next_time_rule(&s.rules())),
        "reimported, its Creating clock runs from the update"
    );
}

#[test]
fn preset_jobs_export_and_reimport_to_their_states() {
    for p in ie_lifecycle::sim::presets() {
        let Some(scenario) = ie_lifecycle::sim::preset(p.name) else {
            continue;
        };
        let s = Simulation::new(scenario).unwrap_or_else(|e| panic!("{e}"));
        let at = s.span_end();
        let out = rest_list(&s, at).to_string();
        let i = ok(&out, at);
        let back = sim(&i);
        for j in s.jobs_at(at).iter().filter(|j| !j.is_deleted()) {
            let b = back
                .job_at(&j.name, at)
                .unwrap_or_else(|| panic!("{}", j.name));
            assert_eq!(b.state, j.state, "{} {}", p.name, j.name);
            let states = |j: &Job| {
                j.drives
                    .iter()
                    .map(|d| (d.id.clone(), d.state))
                    .collect::<Vec<_>>()
            };
            if j.state != JobState::Canceled {
                assert_eq!(states(b), states(j), "{} {}", p.name, j.name);
            }
        }
    }
}

#[test]
fn preset_jobs_exported_mid_story_come_back_with_their_clocks() {
    // Exported at a few moments of each story and imported at the same moment, a job keeps
    // its creation time and its next time rule falls due when it did.
    for p in ie_lifecycle::sim::presets() {
        let Some(scenario) = ie_lifecycle::sim::preset(p.name) else {
            continue;
        };
        let s = Simulation::new(scenario).unwrap_or_else(|e| panic!("{e}"));
        for days in [2, 5, 12, 40] {
            let at = s.start() + TimeDelta::days(days);
            let jobs = s.jobs_at(at);
            if jobs.iter().all(|j| j.is_deleted()) {
                continue;
            }
            let back = sim(&ok(&rest_list(&s, at).to_string(), at));
            for j in jobs.iter().filter(|j| !j.is_deleted()) {
                let b = back
                    .job_at(&j.name, at)
                    .unwrap_or_else(|| panic!("{} {}", p.name, j.name));
                let what = format!("{} {} day {days}", p.name, j.name);
                assert_eq!(b.created_at, j.created_at, "{what}");
                assert_eq!(
                    b.next_time_rule(&back.rules()),
                    j.next_time_rule(&s.rules()),
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn csv_tables_have_a_header_and_a_line_per_row_and_defuse_formulas() {
    let i = ok(
        &resource(
            "=cmd| /C calc!A0",
            r#", "driveList": [{"driveId": "AB12CD34"}]"#,
        ),
        now(),
    );
    let s = sim(&i);
    let jobs = s.jobs_at(now());
    let csv = jobs_csv(&jobs, &Rules::default());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "name,type,status,storageAccount,created,percentComplete,nextRule,nextRuleAt"
    );
    assert!(lines[1].starts_with("'=cmd| /C calc!A0,Import,Creating,store1,2026-03-10T12:00:00Z,0,R2,2026-03-24T12:00:00Z"), "{}", lines[1]);
    let drives = drives_csv(&jobs);
    assert_eq!(drives.lines().count(), 2);
    assert!(drives
        .lines()
        .nth(1)
        .is_some_and(|l| l.contains("AB12CD34,Specified,0,,,")));
}

#[test]
fn drive_logs_follow_the_copy_outcome() {
    let text = resource(
        "logs",
        r#", "state": "Packaging", "driveList": [
            {"driveId": "AB12CD31", "state": "Completed"},
            {"driveId": "AB12CD32", "state": "CompletedMoreInfo", "copyStatus": "CompletedWithWarnings"},
            {"driveId": "AB12CD33", "state": "CompletedMoreInfo", "copyStatus": "CompletedWithErrors"}]"#,
    );
    let i = ok(&text, now());
    let j = job(&i, "logs");
    let log = |k: usize, kind| drive_log(&j, &j.drives[k], kind).unwrap_or_default();
    let clean = log(0, LogKind::Verbose);
    assert!(clean.contains("<DriveLog Version=\"2014-11-01\">"));
    assert!(clean.contains("<Status>Completed</Status>"));
    assert!(clean.contains("Status=\"Created\"") && !clean.contains("Renamed"));
    assert!(!log(0, LogKind::Error).contains("<Blob "));
    let warn = log(1, LogKind::Verbose);
    assert!(
        warn.contains("<Status>CompletedWithWarnings</Status>")
            && warn.contains("Status=\"Renamed\"")
    );
    let err = log(2, LogKind::Error);
    assert!(
        err.contains("<Status>CompletedWithErrors</Status>")
            && err.contains("Status=\"Cancelled\"")
    );
    assert!(!err.contains("ImportDisposition Status=\"Created\""));
    let unfinished = ok(
        &resource("u", r#", "driveList": [{"driveId": "AB12CD39"}]"#),
        now(),
    );
    let u = job(&unfinished, "u");
    assert_eq!(drive_log(&u, &u.drives[0], LogKind::Verbose), None);
}

#[test]
fn a_long_list_imports_and_exports_in_reasonable_time() {
    let jobs: Vec<String> = (0..3000)
        .map(|k| {
            resource(
                &format!("job-{k}"),
                &format!(
                    r#", "state": "Transferring", "percentComplete": 30, "deliveryPackage": {{"carrierName": "DHL", "trackingNumber": "{k}", "shipDate": "2/2{}/2026 1:00:00 PM"}}, "driveList": [{{"driveId": "{:08X}", "state": "Transferring"}}]"#,
                    k % 8,
                    k
                ),
            )
        })
        .collect();
    let text = format!(r#"{{"value": [{}]}}"#, jobs.join(","));
    let started = std::time::Instant::now();
    let i = ok(&text, now());
    let out = rest_list(&sim(&i), now());
    assert_eq!(out["value"].as_array().map(Vec::len), Some(3000));
    assert!(i.warnings.is_empty(), "{:?}", i.warnings.first());
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn an_import_whose_world_would_not_load_is_refused() {
    use ie_lifecycle::sim::scenario::ProblemKind as K;
    // The most jobs a list may hold, each within every limit, but 7 events apiece (tracking,
    // delivery, two copies started and finished, ship back): 140,000 events, more than a
    // world holds. Imported anyway, the world would not load and the page would fall back.
    let mut jobs = Vec::new();
    for k in 0..limits::MAX_JOBS {
        jobs.push(resource(
            &format!("j{k}"),
            r#", "state": "Completed", "driveList": [{}, {}]"#,
        ));
    }
    let text = format!(r#"{{"value": [{}]}}"#, jobs.join(","));
    let started = std::time::Instant::now();
    let p = problems(&text);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert!(
        p.iter().any(|p| p.kind
            == AzureProblemKind::Scenario(K::Input(InputProblem::TooMany {
                what: Countable::Events,
                count: 7 * limits::MAX_JOBS,
            }))),
        "{p:?}"
    );
}

#[test]
fn carriers_and_tracking_numbers_the_model_would_refuse_are_refused_at_their_field() {
    use ie_lifecycle::sim::scenario::ProblemKind as K;
    let max = TextField::Tracking.max_chars();
    let long = "1".repeat(max + 1);
    let p = problems(&resource(
        "a",
        &format!(
            r#", "state": "Completed", "deliveryPackage": {{"carrierName": "{long}", "trackingNumber": "1"}}, "returnPackage": {{"carrierName": "DHL", "trackingNumber": "{long}"}}"#
        ),
    ));
    for (path, field) in [
        (
            "$.properties.deliveryPackage.carrierName",
            TextField::Carrier,
        ),
        (
            "$.properties.returnPackage.trackingNumber",
            TextField::Tracking,
        ),
    ] {
        let problem = InputProblem::Text {
            field,
            problem: TextProblem::TooLong { max },
        };
        assert!(
            has(&p, path, |k| *k
                == AzureProblemKind::Scenario(K::Input(problem.clone()))),
            "{path}: {p:?}"
        );
    }
    // The longest the model takes imports as it is.
    let i = ok(
        &resource(
            "b",
            &format!(
                r#", "state": "Shipping", "deliveryPackage": {{"carrierName": "DHL", "trackingNumber": "{}"}}, "driveList": [{{"driveId": "AB12CD34"}}]"#,
                "1".repeat(max)
            ),
        ),
        now(),
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

/// A Completed import job with every field of the 2020-08-01 job and drive shapes filled in.
fn every_field() -> serde_json::Value {
    let address = serde_json::json!({
        "recipientName": "Lab", "streetAddress1": "1 Main St", "streetAddress2": "Floor 2",
        "city": "Redmond", "stateOrProvince": "WA", "postalCode": "98052",
        "countryOrRegion": "USA", "phone": "4250000000", "email": "lab@example.com",
        "additionalInformation": "dock 3"
    });
    let drive = |id: &str| {
        serde_json::json!({
            "driveId": id, "bitLockerKey": "238810-662376-448998-450120-652806-203390-606320-483076",
            "manifestFile": "\\DriveManifest.xml", "manifestHash": "109B21108597EF36D5785F08303F3638",
            "driveHeaderHash": "0:1048576:FB6B6ED500D49DA6E0D723C98D42C657F2881CC13357C28DCECA6A524F1292501571A321238540E621AB5BD9C9A32637615919A75593E6CB5C1515DAE341CABF;135266304:143360:C7A69306F3AA1AB8DE15A8BB1C8DDB73BA3FC48D1F6A6E9ACE3C5E8DE7F1D77A",
            "state": "ShippedBack", "copyStatus": "Completed", "percentComplete": 100,
            "verboseLogUri": format!("https://store1.blob.core.windows.net/waimportexport/{id}_verbose.xml"),
            "errorLogUri": format!("https://store1.blob.core.windows.net/waimportexport/{id}_error.xml"),
            "manifestUri": format!("https://store1.blob.core.windows.net/waimportexport/{id}_manifest.xml"),
            "bytesSucceeded": 1_000_000_000u64
        })
    };
    serde_json::json!({
        "id": "/subscriptions/x/resourceGroups/g/providers/Microsoft.ImportExport/jobs/full",
        "name": "full", "type": "Microsoft.ImportExport/jobs", "location": "West US",
        "identity": {"type": "None", "principalId": "p", "tenantId": "t"},
        "systemData": {
            "createdBy": "me", "createdByType": "User", "createdAt": "2026-01-05T09:00:00Z",
            "lastModifiedBy": "me", "lastModifiedByType": "User", "lastModifiedAt": "2026-02-20T09:00:00Z"
        },
        "tags": {"course": "storage-101"},
        "properties": {
            "storageAccountId": "/subscriptions/x/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/store1",
            "jobType": "Import", "returnAddress": address.clone(),
            "returnShipping": {"carrierName": "FedEx", "carrierAccountNumber": "123456789"},
            "shippingInformation": address,
            "deliveryPackage": {"carrierName": "FedEx", "trackingNumber": "123456", "driveCount": 2, "shipDate": "1/10/2026 9:00:00 AM"},
            "returnPackage": {"carrierName": "FedEx", "trackingNumber": "654321", "driveCount": 2, "shipDate": "2/20/2026 9:00:00 AM"},
            "diagnosticsPath": "waimportexport", "logLevel": "Verbose", "backupDriveManifest": true,
            "state": "Completed", "cancelRequested": false, "percentComplete": 100,
            "driveList": [drive("9CA995BA"), drive("9CA995BB")],
            "export": {"blobList": {"blobPath": ["/c/a.txt"], "blobPathPrefix": ["/c/b/"]}, "blobListBlobPath": "list.xml"},
            "incompleteBlobListUri": "https://store1.blob.core.windows.net/x/incomplete.xml",
            "provisioningState": "Succeeded",
            "encryptionKey": {"kekType": "MicrosoftManaged", "kekUrl": "https://v/k", "kekVaultResourceID": "/v"}
        }
    })
}

#[test]
fn a_job_with_every_field_imports_cleanly_and_exports_back_unchanged() {
    let full = every_field();
    let i = ok(&full.to_string(), now());
    assert_eq!(i.warnings.len(), 0, "{:?}", i.warnings);
    let s = sim(&i);
    let j = job(&i, "full");
    assert_eq!(j.state, JobState::Completed);
    assert_eq!(j.created_at, time("2026-01-05T09:00:00Z"));
    let states: Vec<_> = j.drives.iter().map(|d| d.state).collect();
    assert_eq!(states, [DriveState::ShippedBack, DriveState::ShippedBack]);
    // Completed when its drives went back (returnPackage.shipDate): deleted 90 days after.
    assert_eq!(
        j.next_time_rule(&s.rules()).map(|(_, at)| at),
        Some(time("2026-02-20T09:00:00Z") + TimeDelta::days(90))
    );
    let back = rest_one(&s, "full", now()).map(|v| v.to_string());
    let back: serde_json::Value =
        serde_json::from_str(&back.unwrap_or_default()).unwrap_or_default();
    assert_eq!(back, full, "an unchanged job goes out as it came in");
}

#[test]
fn every_field_of_the_shapes_is_read_and_its_type_checked() {
    // Each field given a value of the wrong type is refused at its own path: none is skipped.
    let full = every_field();
    let mut fields = Vec::new();
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    out.push(format!("{path}/{k}"));
                    walk(x, format!("{path}/{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{path}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    walk(&full, String::new(), &mut fields);
    // Free-form objects whose insides Azure does not fix, and the export job's blob list.
    let free = ["/tags/", "/properties/export/"];
    let mut checked = 0;
    for f in fields
        .iter()
        .filter(|f| !free.iter().any(|x| f.starts_with(x)))
    {
        let mut bad = full.clone();
        let Some(slot) = bad.pointer_mut(f) else {
            continue;
        };
        *slot = match slot {
            serde_json::Value::String(_) => serde_json::json!(12),
            _ => serde_json::json!("x"),
        };
        let Err(p) = import(&bad.to_string(), now()) else {
            panic!("{f} with the wrong type still imports");
        };
        // `/properties/driveList/0/state` is `$.properties.driveList[0].state`.
        let mut want = String::from("$");
        for part in f.split('/').skip(1) {
            match part.parse::<usize>() {
                Ok(n) => want.push_str(&format!("[{n}]")),
                Err(_) => want.push_str(&format!(".{part}")),
            }
        }
        assert!(p.iter().any(|p| p.path == want), "{f}: {p:?}");
        checked += 1;
    }
    assert!(checked > 70, "{checked} fields");
}
