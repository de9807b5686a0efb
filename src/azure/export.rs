//! Jobs out: each job as the REST API returns it (so import → export → import is lossless),
//! and the job and drive tables as CSV.

use super::date::us;
use super::story::AZURE_KEY;
use crate::json::{Map, Value};
use crate::model::{CopyOutcome, Drive, Job, Rules, Time, Tracking};
use crate::sim::Simulation;

/// The service's word for a finished copy (`copyStatus`).
pub fn copy_status(outcome: CopyOutcome) -> &'static str {
    match outcome {
        CopyOutcome::Clean => "Completed",
        CopyOutcome::Warnings => "CompletedWithWarnings",
        CopyOutcome::Errors => "CompletedWithErrors",
    }
}

fn skeleton(job: &Job) -> Value {
    let sub =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/simulator/providers";
    super::object(vec![
        (
            "id",
            Value::from(format!("{sub}/Microsoft.ImportExport/jobs/{}", job.name)),
        ),
        ("name", Value::from(&*job.name)),
        ("type", Value::from("Microsoft.ImportExport/jobs")),
        ("location", Value::from("West US")),
        // When the job was made and last changed (`modified`), as Azure says them: an import
        // takes its clocks from here, so its time rules fall due when they did
        // (tests/azure_import.rs).
        (
            "systemData",
            super::object(vec![
                ("createdAt", Value::from(iso(job.created_at))),
                ("lastModifiedAt", Value::from(modified(job))),
            ]),
        ),
        (
            "properties",
            super::object(vec![
                (
                    "storageAccountId",
                    Value::from(format!(
                        "{sub}/Microsoft.Storage/storageAccounts/{}",
                        job.storage_account
                    )),
                ),
                ("jobType", Value::from(job.job_type.id())),
                ("state", Value::from(job.state.id())),
                ("cancelRequested", Value::Bool(false)),
                ("driveList", Value::Array(Vec::new())),
            ]),
        ),
    ])
}

/// One shared insert: `Map` is a `BTreeMap`, whose insert is large when inlined at each field.
#[inline(never)]
fn put(map: &mut Map, key: &str, value: Value) {
    map.insert(key.to_string(), value);
}

fn package(into: Option<&mut Value>, t: &Tracking, drives: usize, at: Option<Time>) -> Value {
    let mut p = into
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default();
    put(&mut p, "carrierName", Value::from(t.carrier.as_str()));
    put(&mut p, "trackingNumber", Value::from(t.number.as_str()));
    put(&mut p, "driveCount", Value::from(drives));
    if let Some(at) = at {
        put(&mut p, "shipDate", Value::from(us(at)));
    }
    Value::Object(p)
}

/// One job as REST JSON. `azure` is what its scenario entry kept at import (`AZURE_KEY`),
/// `baseline` the job at the import instant: only what changed since is written over the
/// resource, so an unchanged job goes out exactly as it came in.
pub fn rest_json(job: &Job, baseline: Option<&Job>, azure: Option<&Value>) -> Value {
    let mut v = azure
        .and_then(|a| a.get("resource"))
        .filter(|r| r.is_object())
        .cloned()
        .unwrap_or_else(|| skeleton(job));
    let base = if azure.is_some() { baseline } else { None };
    // The drives' ids as they came in, in `driveList` order (an entry not text reads as "").
    let ids: &[Value] = azure
        .and_then(|a| a.get("drives"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let Some(root) = v.as_object_mut() else {
        return v;
    };
    // Changed here since it came in: last modified then, not when Azure said.
    if base.is_some_and(|b| b != job) {
        if let Some(sd) = root.get_mut("systemData").and_then(Value::as_object_mut) {
            put(sd, "lastModifiedAt", Value::from(modified(job)));
        }
    }
    let props = root
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    if !props.is_object() {
        *props = Value::Object(Map::new());
    }
    let Some(props) = props.as_object_mut() else {
        return v;
    };
    let changed = |f: &dyn Fn(&Job) -> bool| base.is_none_or(|b| !f(b));
    if changed(&|b| b.state == job.state) {
        put(props, "state", Value::from(job.state.id()));
    }
    if changed(&|b| b.percent() == job.percent()) {
        put(props, "percentComplete", Value::from(job.percent()));
    }
    if let Some(t) = job
        .tracking
        .as_ref()
        .filter(|_| changed(&|b| b.tracking == job.tracking))
    {
        let p = package(
            props.get_mut("deliveryPackage"),
            t,
            job.drives.len(),
            job.tracking_entered_at,
        );
        put(props, "deliveryPackage", p);
    }
    if let Some(t) = job
        .return_tracking
        .as_ref()
        .filter(|_| changed(&|b| b.return_tracking == job.return_tracking))
    {
        let shipped = job.drives.iter().filter(|d| d.state.was_received()).count();
        let p = package(
            props.get_mut("returnPackage"),
            t,
            shipped,
            Some(job.state_entered_at),
        );
        put(props, "returnPackage", p);
    }
    let mut changed_drives: Vec<&Drive> = Vec::new();
    for d in &job.drives {
        if base.and_then(|b| b.drive(&d.id)) != Some(d) {
            changed_drives.push(d);
        }
    }
    if !changed_drives.is_empty() {
        let list = props
            .entry("driveList")
            .or_insert_with(|| Value::Array(Vec::new()));
        if !list.is_array() {
            *list = Value::Array(Vec::new());
        }
        if let Some(list) = list.as_array_mut() {
            for d in changed_drives {
                let old = base.and_then(|b| b.drive(&d.id));
                let slot = match ids
                    .iter()
                    .position(|id| id.as_str().unwrap_or_default() == d.id.as_str())
                {
                    Some(i) if i < list.len() => i,
                    _ => {
                        list.push(super::object(vec![("driveId", Value::from(d.id.as_str()))]));
                        list.len() - 1
                    }
                };
                if let Some(entry) = list[slot].as_object_mut() {
                    drive_fields(entry, d, old);
                }
            }
        }
    }
    v
}

fn drive_fields(entry: &mut Map, d: &Drive, old: Option<&Drive>) {
    if old.is_none_or(|o| o.state != d.state) {
        put(entry, "state", Value::from(d.state.id()));
    }
    if old.is_none_or(|o| o.percent() != d.percent()) {
        put(entry, "percentComplete", Value::from(d.percent()));
    }
    if let Some(outcome) = d
        .outcome
        .filter(|_| old.is_none_or(|o| o.outcome != d.outcome))
    {
        put(entry, "copyStatus", Value::from(copy_status(outcome)));
    }
}

/// Every job not deleted at `at`, as `az import-export list` prints them (`{"value": [...]}`).
pub fn rest_list(sim: &Simulation, at: Time) -> Value {
    let scenario = sim.scenario();
    // Each job's place in the file, in the core's one index type.
    let mut kept = crate::model::TextMap::default();
    for (i, j) in scenario.jobs.iter().enumerate() {
        kept.insert(j.name.clone(), i);
    }
    // A plain loop rather than a filter-map pipeline with its own `next` in the wasm.
    let mut value = Vec::new();
    for job in sim.jobs_at(at).iter().filter(|j| !j.is_deleted()) {
        let file = kept.get(&job.name).and_then(|i| scenario.jobs.get(i));
        value.push(rest_of(sim, job, file.and_then(|j| j.other.get(AZURE_KEY))));
    }
    super::object(vec![("value", Value::Array(value))])
}

/// One job at `at` as `az import-export show` prints it (None if it does not exist then or
/// was deleted: Azure shows no deleted job).
pub fn rest_one(sim: &Simulation, name: &str, at: Time) -> Option<Value> {
    let job = sim.job_at(name, at).filter(|j| !j.is_deleted())?;
    let scenario = sim.scenario();
    let azure = scenario
        .jobs
        .iter()
        .find(|j| j.name == name)
        .and_then(|j| j.other.get(AZURE_KEY));
    Some(rest_of(sim, job, azure))
}

/// A job as REST JSON, over the resource it was imported from (`azure`, if it was).
fn rest_of(sim: &Simulation, job: &Job, azure: Option<&Value>) -> Value {
    let since = azure
        .and_then(|a| a.get("since"))
        .and_then(Value::as_str)
        .and_then(crate::model::rfc3339::parse_rfc3339);
    let baseline = since.and_then(|s| sim.job_at(&job.name, s));
    rest_json(job, baseline, azure)
}

/// A CSV field: quoted when needed, and a leading `= + - @` defused so no spreadsheet runs it.
fn field(out: &mut String, text: &str) {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

/// When the job was last changed, as an import reads it back: its state entered, or a
/// Creating job last updated.
fn modified(job: &Job) -> String {
    iso(job.state_entered_at.max(job.creating_clock_from))
}

fn iso(t: Time) -> String {
    crate::model::rfc3339::write_rfc3339(t, false, true)
}

/// The jobs table: one line per job (deleted ones read `Deleted`).
pub fn jobs_csv<'a>(jobs: impl IntoIterator<Item = &'a Job>, rules: &Rules) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "name",
            "type",
            "status",
            "storageAccount",
            "created",
            "percentComplete",
            "nextRule",
            "nextRuleAt",
        ],
    );
    for j in jobs {
        let next = j.next_time_rule(rules);
        let status = if j.is_deleted() {
            "Deleted"
        } else {
            j.state.id()
        };
        row(
            &mut out,
            &[
                &j.name,
                j.job_type.id(),
                status,
                &j.storage_account,
                &iso(j.created_at),
                &j.percent().to_string(),
                next.map_or("", |(r, _)| r.id()),
                &next.map(|(_, t)| iso(t)).unwrap_or_default(),
            ],
        );
    }
    out
}

/// The drives table: one line per drive of every job.
pub fn drives_csv<'a>(jobs: impl IntoIterator<Item = &'a Job>) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "job",
            "driveId",
            "state",
            "percentComplete",
            "copyStatus",
            "verboseLog",
            "errorLog",
        ],
    );
    for j in jobs {
        for d in &j.drives {
            let (verbose, error) = match d.outcome {
                Some(_) => (
                    format!("{}_verbose.xml", d.id),
                    format!("{}_error.xml", d.id),
                ),
                None => (String::new(), String::new()),
            };
            row(
                &mut out,
                &[
                    &j.name,
                    d.id.as_str(),
                    d.state.id(),
                    &d.percent().to_string(),
                    d.outcome.map_or("", copy_status),
                    &verbose,
                    &error,
                ],
            );
        }
    }
    out
}
