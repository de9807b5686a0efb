//! Checks a scenario file as a whole and reports every problem with its place, because a
//! teacher editing JSON by hand needs the full list, not the first serde error.

use super::scenario::{Problem, Scenario, ScenarioErrors, VERSION};
use crate::model::transition::MAX_DRIVES;
use crate::model::{
    ActionKind, AutoEvent, CancelWindow, CopyOutcome, DriveId, JobType, RuleSet, Time,
};
use serde_json::{Map, Value};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// A drive larger than this (about 1 PiB) is surely a typo, and keeps byte counts far from overflow.
const MAX_SIZE_GIB: f64 = 1_048_576.0;

impl Scenario {
    /// Parses and validates; a file that does not hold together is rejected whole.
    pub fn parse(text: &str) -> Result<Self, ScenarioErrors> {
        parse(text).map_err(|problems| ScenarioErrors { problems })
    }

    /// Re-checks a scenario built in code (presets, generators) with the same rules as a file.
    pub fn validate(&self) -> Result<(), ScenarioErrors> {
        Self::parse(&self.to_json_compact()).map(|_| ())
    }
}

fn parse(text: &str) -> Result<Scenario, Vec<Problem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            path: "$".into(),
            line: Some(e.line()),
            column: Some(e.column()),
            message: format!("not valid JSON: {e}"),
        }]
    })?;
    let mut v = Validator::default();
    v.scenario(&value);
    if !v.problems.is_empty() {
        // Point each problem at its line and column too, for people editing by hand.
        let positions = super::locate::value_positions(text);
        for p in &mut v.problems {
            if let Some((line, column)) = super::locate::locate(&positions, &p.path) {
                p.line = Some(line);
                p.column = Some(column);
            }
        }
        return Err(v.problems);
    }
    serde_json::from_value(value).map_err(|e| vec![problem("$", format!("{e}"))])
}

fn problem(path: &str, message: String) -> Problem {
    Problem {
        path: path.to_string(),
        line: None,
        column: None,
        message,
    }
}

/// What validation knows about each job while walking the events.
struct KnownJob {
    job_type: JobType,
    drives: HashSet<DriveId>,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    jobs: HashMap<String, KnownJob>,
    drive_owner: HashMap<DriveId, String>,
    start: Option<Time>,
}

impl Validator {
    fn report(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(problem(path, message.into()));
    }

    fn scenario(&mut self, value: &Value) {
        let Some(root) = value.as_object() else {
            self.report("$", "a scenario is a JSON object { \"version\": 1, ... }");
            return;
        };
        match root.get("version").map(|v| (v, v.as_u64())) {
            None => self.report("$.version", "missing; write \"version\": 1"),
            Some((_, Some(n))) if n == u64::from(VERSION) => {}
            Some((v, _)) => self.report(
                "$.version",
                format!("unsupported version {v}; this simulator reads version 1"),
            ),
        }
        self.opt_string(root, "$", "title");
        self.opt_string(root, "$", "description");
        self.start = match root.get("start") {
            None => {
                self.report(
                    "$.start",
                    "missing; the scenario needs a start time like \"2026-01-05T09:00:00Z\"",
                );
                None
            }
            Some(v) => self.time(v, "$.start"),
        };
        if let Some(seed) = root.get("seed") {
            if seed.as_u64().is_none() {
                self.report("$.seed", "the seed must be a whole number, 0 or more");
            }
        }
        self.label::<RuleSet>(root, "$", "rules", &["2018", "2021"], |s| {
            RuleSet::ALL.into_iter().find(|r| r.id() == s)
        });
        self.label::<CancelWindow>(
            root,
            "$",
            "cancelWindow",
            &CancelWindow::ALL.map(|w| w.id()),
            |s| CancelWindow::ALL.into_iter().find(|w| w.id() == s),
        );
        if let Some(a) = root.get("autopilot") {
            self.autopilot(a);
        }
        let jobs = self.array(root, "$", "jobs");
        let events = self.array(root, "$", "events");
        for (i, job) in jobs.iter().enumerate() {
            let created = job.get("createdAt");
            self.job(job, &format!("$.jobs[{i}]"), created.is_some());
        }
        for (i, event) in events.iter().enumerate() {
            if let (Some("CreateJob"), Some(job)) =
                (event.get("kind").and_then(Value::as_str), event.get("job"))
            {
                self.job(job, &format!("$.events[{i}].job"), false);
            }
        }
        self.export_drives(events);
        let mut last: Option<Time> = None;
        for (i, event) in events.iter().enumerate() {
            let path = format!("$.events[{i}]");
            if let Some(at) = self.event(event, &path) {
                if let Some(prev) = last.filter(|prev| at < *prev) {
                    self.report(
                        &format!("{path}.at"),
                        format!("events are out of time order: {at} is before the previous event at {prev}"),
                    );
                }
                last = Some(last.map_or(at, |prev| prev.max(at)));
            }
        }
    }

    fn autopilot(&mut self, value: &Value) {
        let Some(a) = value.as_object() else {
            self.report(
                "$.autopilot",
                "must be an object like {\"enabled\": true, \"load\": 0.5}",
            );
            return;
        };
        if a.get("enabled").is_some_and(|v| !v.is_boolean()) {
            self.report("$.autopilot.enabled", "must be true or false");
        }
        for (key, lo, hi) in [
            ("load", 0.0, 1.0),
            ("exceptionRate", 0.0, 1.0),
            ("throughputMBps", 0.001, 1.0e6),
        ] {
            if let Some(v) = a.get(key) {
                if !v.as_f64().is_some_and(|x| (lo..=hi).contains(&x)) {
                    self.report(
                        &format!("$.autopilot.{key}"),
                        format!("must be a number from {lo} to {hi}"),
                    );
                }
            }
        }
    }

    /// Checks a job object and registers its name and drives.
    fn job(&mut self, value: &Value, path: &str, check_created: bool) {
        let Some(job) = value.as_object() else {
            self.report(
                path,
                "a job is an object with name, type, storageAccount and drives",
            );
            return;
        };
        let name = match job.get("name").and_then(Value::as_str) {
            Some(n) if !n.trim().is_empty() => Some(n.to_string()),
            _ => {
                self.report(
                    &format!("{path}.name"),
                    "missing; every job needs a non-empty name",
                );
                None
            }
        };
        let job_type = match job
            .get("type")
            .and_then(Value::as_str)
            .map(str::parse::<JobType>)
        {
            Some(Ok(t)) => Some(t),
            _ => {
                self.report(&format!("{path}.type"), "must be \"Import\" or \"Export\"");
                None
            }
        };
        if !job.get("storageAccount").is_some_and(Value::is_string) {
            self.report(
                &format!("{path}.storageAccount"),
                "missing; name the storage account as a string",
            );
        }
        if check_created {
            if let Some(at) = job
                .get("createdAt")
                .and_then(|v| self.time(v, &format!("{path}.createdAt")))
            {
                self.not_before_start(at, &format!("{path}.createdAt"));
            }
        }
        let drives = self.array(job, path, "drives");
        if drives.len() > MAX_DRIVES {
            self.report(
                &format!("{path}.drives"),
                format!("{} drives; a job holds at most 10", drives.len()),
            );
        }
        if job_type == Some(JobType::Import) && drives.is_empty() {
            self.report(
                &format!("{path}.drives"),
                "an import job needs at least one drive",
            );
        }
        let mut ids = HashSet::new();
        for (i, d) in drives.iter().enumerate() {
            let dpath = format!("{path}.drives[{i}]");
            if let Some(id) = d
                .get("id")
                .and_then(|v| self.drive_id(v, &format!("{dpath}.id")))
            {
                if let Some(owner) = self.drive_owner.get(&id) {
                    self.report(
                        &format!("{dpath}.id"),
                        format!("duplicate drive id {id} (already in job \"{owner}\")"),
                    );
                } else if let Some(n) = &name {
                    self.drive_owner.insert(id.clone(), n.clone());
                }
                ids.insert(id);
            } else if d.get("id").is_none() {
                self.report(
                    &format!("{dpath}.id"),
                    "missing; a drive needs an 8-character id like 9CA995BB",
                );
            }
            match d.get("sizeGiB").and_then(Value::as_f64) {
                Some(s) if s < 0.0 => {
                    self.report(&format!("{dpath}.sizeGiB"), format!("negative size {s}"))
                }
                Some(s) if s > MAX_SIZE_GIB => self.report(
                    &format!("{dpath}.sizeGiB"),
                    format!("{s} GiB is larger than any drive"),
                ),
                Some(_) => {}
                None => self.report(
                    &format!("{dpath}.sizeGiB"),
                    "missing; give the drive's size in GiB, like 500",
                ),
            }
        }
        if let (Some(name), Some(job_type)) = (name, job_type) {
            match self.jobs.entry(name) {
                Entry::Occupied(e) => {
                    let message = format!("duplicate job name \"{}\"", e.key());
                    self.report(&format!("{path}.name"), message);
                }
                Entry::Vacant(e) => {
                    e.insert(KnownJob {
                        job_type,
                        drives: ids,
                    });
                }
            }
        }
    }

    /// Export drives come into being at delivery: ids delivered anywhere count as known.
    fn export_drives(&mut self, events: &[Value]) {
        for e in events {
            if e.get("kind").and_then(Value::as_str) != Some("PackageDelivered") {
                continue;
            }
            let Some(job) = e
                .get("job")
                .and_then(Value::as_str)
                .and_then(|n| self.jobs.get_mut(n))
            else {
                continue;
            };
            if job.job_type == JobType::Export {
                let present = e
                    .get("present")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten();
                job.drives.extend(
                    present
                        .filter_map(|v| v.as_str())
                        .filter_map(|s| DriveId::parse(s).ok()),
                );
            }
        }
    }

    /// Checks one event; returns its time when it has a valid one.
    fn event(&mut self, value: &Value, path: &str) -> Option<Time> {
        let Some(e) = value.as_object() else {
            self.report(path, "an event is an object with at, kind and job");
            return None;
        };
        let at = match e.get("at") {
            Some(v) => self.time(v, &format!("{path}.at")),
            None => {
                self.report(&format!("{path}.at"), "missing; every event needs a time");
                None
            }
        };
        if let Some(at) = at {
            self.not_before_start(at, &format!("{path}.at"));
        }
        let kind_text = e.get("kind").and_then(Value::as_str).unwrap_or_default();
        let kind = match kind_text.parse::<ActionKind>() {
            Ok(k) => k,
            Err(err) => {
                let msg = if AutoEvent::ALL.iter().any(|a| a.id() == kind_text) {
                    format!(
                        "{kind_text} is automatic: the engine fires it at its due time; remove it"
                    )
                } else {
                    err.to_string()
                };
                self.report(&format!("{path}.kind"), msg);
                return at;
            }
        };
        if kind == ActionKind::CreateJob {
            return at;
        }
        let Some(name) = e.get("job").and_then(Value::as_str) else {
            self.report(
                &format!("{path}.job"),
                "missing; name the job this event is about",
            );
            return at;
        };
        let Some(job) = self.jobs.get(name) else {
            self.report(&format!("{path}.job"), format!("unknown job \"{name}\""));
            return at;
        };
        let (job_type, drives) = (job.job_type, job.drives.clone());
        let drive_known = |v: &mut Self, id: &DriveId, p: &str| {
            if !drives.contains(id) {
                v.report(p, format!("unknown drive {id} in job \"{name}\""));
            }
        };
        match kind {
            ActionKind::CreateJob | ActionKind::CancelJob | ActionKind::DeleteJob => {}
            ActionKind::UpdateJob => self.opt_string(e, path, "storageAccount"),
            ActionKind::EnterTracking | ActionKind::DrivesShippedBack => {
                for key in ["carrier", "tracking"] {
                    if !e.get(key).is_some_and(Value::is_string) {
                        self.report(
                            &format!("{path}.{key}"),
                            format!("missing; {} needs a {key} string", kind.id()),
                        );
                    }
                }
            }
            ActionKind::PackageDelivered => {
                let present = self.array(e, path, "present");
                if e.get("present").is_none() {
                    self.report(
                        &format!("{path}.present"),
                        "missing; list the drive ids in the package (may be [])",
                    );
                }
                for (i, v) in present.iter().enumerate() {
                    let p = format!("{path}.present[{i}]");
                    if let Some(id) = self.drive_id(v, &p) {
                        if job_type == JobType::Import {
                            drive_known(self, &id, &p);
                        }
                    }
                }
                for (i, v) in self.array(e, path, "extra").iter().enumerate() {
                    self.drive_id(v, &format!("{path}.extra[{i}]"));
                }
            }
            ActionKind::DriveArrivedLate
            | ActionKind::CopyStarted
            | ActionKind::CopyProgress
            | ActionKind::CopyFinished => {
                let p = format!("{path}.drive");
                match e.get("drive") {
                    Some(v) => {
                        if let Some(id) = self.drive_id(v, &p) {
                            drive_known(self, &id, &p);
                        }
                    }
                    None => self.report(&p, format!("missing; {} needs a drive id", kind.id())),
                }
                if kind == ActionKind::CopyProgress
                    && e.get("bytes").and_then(Value::as_u64).is_none()
                {
                    self.report(
                        &format!("{path}.bytes"),
                        "must be a whole number of bytes, 0 or more",
                    );
                }
                if kind == ActionKind::CopyFinished {
                    let ok = e
                        .get("outcome")
                        .and_then(Value::as_str)
                        .is_some_and(|o| o.parse::<CopyOutcome>().is_ok());
                    if !ok {
                        self.report(
                            &format!("{path}.outcome"),
                            "must be \"clean\", \"warnings\" or \"errors\"",
                        );
                    }
                    let msgs = self.array(e, path, "messages");
                    if msgs.iter().any(|m| !m.is_string()) {
                        self.report(&format!("{path}.messages"), "must be a list of strings");
                    }
                }
            }
        }
        at
    }

    fn time(&mut self, value: &Value, path: &str) -> Option<Time> {
        let parsed = value
            .as_str()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok());
        match parsed {
            Some(t) => Some(t.with_timezone(&chrono::Utc)),
            None => {
                self.report(
                    path,
                    format!(
                        "bad time {value}; write an RFC 3339 time like \"2026-01-05T09:00:00Z\""
                    ),
                );
                None
            }
        }
    }

    fn not_before_start(&mut self, at: Time, path: &str) {
        if let Some(start) = self.start.filter(|s| at < *s) {
            self.report(path, format!("{at} is before the scenario's start {start}"));
        }
    }

    fn drive_id(&mut self, value: &Value, path: &str) -> Option<DriveId> {
        match value.as_str().map(DriveId::parse) {
            Some(Ok(id)) => Some(id),
            Some(Err(e)) => {
                self.report(path, format!("malformed {e}"));
                None
            }
            None => {
                self.report(path, "a drive id is a string like \"9CA995BB\"");
                None
            }
        }
    }

    fn array<'a>(&mut self, obj: &'a Map<String, Value>, path: &str, key: &str) -> &'a [Value] {
        match obj.get(key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.report(&format!("{path}.{key}"), "must be a list [ ... ]");
                &[]
            }
        }
    }

    fn opt_string(&mut self, obj: &Map<String, Value>, path: &str, key: &str) {
        if obj.get(key).is_some_and(|v| !v.is_string()) {
            self.report(&format!("{path}.{key}"), "must be a string");
        }
    }

    fn label<T>(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
        expected: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) {
        if let Some(v) = obj.get(key) {
            if v.as_str().and_then(parse).is_none() {
                self.report(
                    &format!("{path}.{key}"),
                    format!("{v} is not one of: {}", expected.join(", ")),
                );
            }
        }
    }
}
