//! Checks a scenario file as a whole and reports every problem with its place, because a
//! teacher editing JSON by hand needs the full list, not the first serde error. The same walk
//! builds the `Scenario` (kept only when nothing is wrong), so each field is looked up,
//! judged and converted once; `scenario_read` holds the leaf readers it shares.

use super::json_path::{dot, index};
use super::scenario::{
    bytes_of_gib, AutopilotSpec, DriveEntry, EventEntry, JobEntry, JobRef, Needed, Problem,
    ProblemKind as K, Scenario, ScenarioErrors, VERSION,
};
use super::scenario_read::{
    event_fields, rest, Unread, AUTOPILOT_KEYS, DRIVE_KEYS, JOB_KEYS, SCENARIO_KEYS,
};
use crate::json::{Map, Value};
use crate::model::limits::{
    check_count, check_storage_account, check_text, latest_time, Countable, InputProblem,
    TextField, MAX_PROBLEMS, MAX_SCENARIO_BYTES,
};
use crate::model::transition::{check_messages, check_tracking};
use crate::model::{
    spec_problems, ActionKind, AutoEvent, CancelWindow, CopyOutcome, DriveId, DriveOwners, JobType,
    RuleSet, SpecField, TextSet, Time,
};

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
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(vec![problem("$", K::FileTooLarge { bytes: text.len() })]);
    }
    let value = crate::json::from_str(text).map_err(|e| {
        vec![Problem {
            path: "$".into(),
            line: Some(e.line()),
            column: Some(e.column()),
            kind: K::NotJson {
                detail: e.to_string(),
            },
        }]
    })?;
    let mut v = Validator::default();
    let built = v.scenario(&value);
    if !v.problems.is_empty() {
        let total = v.problems.len();
        v.problems.truncate(MAX_PROBLEMS);
        // Point each problem at its line and column too, for people editing by hand.
        let positions =
            super::locate::positions_of(text, v.problems.iter().map(|p| p.path.as_str()));
        for p in &mut v.problems {
            if let Some((line, column)) = super::locate::locate(&positions, &p.path) {
                p.line = Some(line);
                p.column = Some(column);
            }
        }
        if total > MAX_PROBLEMS {
            v.problems.push(problem(
                "$",
                K::MoreProblems {
                    count: total - MAX_PROBLEMS,
                },
            ));
        }
        return Err(v.problems);
    }
    match (built, v.unread) {
        (Some(scenario), None) => Ok(scenario),
        // Only a field the validator does not judge can get here (see `scenario_read`).
        (_, field) => Err(vec![problem(
            "$",
            K::NotJson {
                detail: format!(
                    "the field \"{}\" could not be read",
                    field.unwrap_or("scenario")
                ),
            },
        )]),
    }
}

fn problem(path: &str, kind: K) -> Problem {
    Problem {
        path: path.to_string(),
        line: None,
        column: None,
        kind,
    }
}

/// What validation knows about each job while walking the events.
struct KnownJob {
    job_type: JobType,
    drives: TextSet,
    /// An export job that lists no drives gets whatever its package brings, possibly from the
    /// autopilot's story, so events may name drives the file does not list (the rules refuse
    /// them, visibly, if the package did not bring them).
    open_export: bool,
    /// Its creation plus the events naming it (the engine's per-job limit).
    events: usize,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// Each job name's place in `known`, in the core's one index type (`model::TextMap`).
    jobs: crate::model::TextMap,
    known: Vec<KnownJob>,
    owners: DriveOwners,
    start: Option<Time>,
    /// The first field, in file order, that the validator does not judge and that could not
    /// be read.
    unread: Option<Unread>,
}

impl Validator {
    fn job_mut(&mut self, name: &str) -> Option<&mut KnownJob> {
        let i = self.jobs.get(name)?;
        self.known.get_mut(i)
    }

    fn report(&mut self, path: &str, kind: K) {
        self.problems.push(problem(path, kind));
    }

    /// Checks the file and builds its scenario; `None` only when a problem was reported.
    fn scenario(&mut self, value: &Value) -> Option<Scenario> {
        let Some(root) = value.as_object() else {
            self.report("$", K::NotAnObject(Needed::Scenario));
            return None;
        };
        match root.get("version").map(|v| (v, v.as_u64())) {
            None => self.report("$.version", K::Missing(Needed::Version)),
            Some((_, Some(n))) if n == u64::from(VERSION) => {}
            Some((v, _)) => self.report(
                "$.version",
                K::UnsupportedVersion {
                    found: super::json_text(v),
                },
            ),
        }
        let title = self.text(root, "title", TextField::Title);
        let description = self.text(root, "description", TextField::Description);
        self.start = match root.get("start") {
            None => {
                self.report("$.start", K::Missing(Needed::Start));
                None
            }
            Some(v) => self.time(v, "$.start"),
        };
        let mut seed = None;
        if let Some(v) = root.get("seed") {
            seed = v.as_u64();
            if seed.is_none() {
                self.report("$.seed", K::NotWholeNumber);
            }
        }
        let rules = self.label(root, "$", "rules", &RuleSet::ALL.map(RuleSet::id));
        let window = self.label(
            root,
            "$",
            "cancelWindow",
            &CancelWindow::ALL.map(CancelWindow::id),
        );
        let mut autopilot = None;
        if let Some(a) = root.get("autopilot") {
            autopilot = self.autopilot(a);
        }
        let jobs = self.array(root, "$", "jobs");
        let events = self.array(root, "$", "events");
        // Counts first: a file past a limit is rejected before any per-item work.
        let mut creates = 0;
        for e in events {
            if e.get("kind").and_then(Value::as_str) == Some("CreateJob") {
                creates += 1;
            }
        }
        let over = [
            ("$.jobs", Countable::Jobs, jobs.len() + creates),
            ("$.events", Countable::Events, events.len()),
        ];
        let mut too_big = false;
        // The counts are checked in the loop: an array of `Result`s compiled its own iterator.
        for (path, what, count) in over {
            if let Err(p) = check_count(what, count) {
                self.input(path, &p);
                too_big = true;
            }
        }
        if too_big {
            return None;
        }
        let mut job_entries = Vec::with_capacity(jobs.len());
        for (i, job) in jobs.iter().enumerate() {
            if let Some(entry) = self.job(job, &index("$", "jobs", i), None) {
                job_entries.push(entry);
            }
        }
        // The jobs `CreateJob` events create, by the event's place, for the events' walk.
        let mut created: Vec<Option<JobEntry>> = Vec::with_capacity(events.len());
        for (i, event) in events.iter().enumerate() {
            let mut entry = None;
            if let (Some("CreateJob"), Some(job)) =
                (event.get("kind").and_then(Value::as_str), event.get("job"))
            {
                entry = self.job(
                    job,
                    &dot(&index("$", "events", i), "job"),
                    Some(event.get("at")),
                );
            }
            created.push(entry);
        }
        self.export_drives(events);
        let mut last: Option<Time> = None;
        let mut event_entries = Vec::with_capacity(events.len());
        for (i, event) in events.iter().enumerate() {
            let path = index("$", "events", i);
            let job = created.get_mut(i).and_then(Option::take);
            if let Some(at) = self.event(event, &path, job, &mut event_entries) {
                if let Some(prev) = last.filter(|prev| at < *prev) {
                    self.report_at(&path, "at", K::OutOfOrder { at, prev });
                }
                last = Some(last.map_or(at, |prev| prev.max(at)));
            }
        }
        // One plain loop: a `collect` of borrowed names and a second one copying them were
        // two iterator pipelines in the wasm.
        let mut busy: Vec<(String, usize)> = Vec::new();
        for (name, &i) in self.jobs.iter() {
            let events = self.known.get(i).map_or(0, |j| j.events);
            if events > Countable::EventsForJob.max() {
                busy.push((name.clone(), events));
            }
        }
        crate::sort::sort_by(&mut busy, Ord::cmp);
        for (name, count) in busy {
            self.report("$.events", K::TooManyEventsForJob { job: name, count });
        }
        let mut s = Scenario::new(self.start?);
        s.title = title;
        s.description = description;
        s.seed = seed;
        s.rules = rules.and_then(|i| RuleSet::ALL.get(i).copied());
        s.cancel_window = window.and_then(|i| CancelWindow::ALL.get(i).copied());
        s.autopilot = autopilot;
        s.jobs = job_entries;
        s.events = event_entries;
        s.other = rest(root, SCENARIO_KEYS);
        Some(s)
    }

    /// An optional text of the file's own (`title`, `description`), checked and copied.
    fn text(&mut self, root: &Map, key: &str, field: TextField) -> Option<String> {
        self.opt_string(root, "$", key);
        let t = root.get(key).and_then(Value::as_str)?;
        if let Err(p) = check_text(t, field) {
            self.input_at("$", key, &p);
        }
        Some(t.to_string())
    }

    /// Keeps the first field that could not be read.
    fn not_read(&mut self, key: Unread) {
        self.unread.get_or_insert(key);
    }

    fn input(&mut self, path: &str, p: &InputProblem) {
        self.report(path, K::Input(p.clone()));
    }

    /// `report` at `path.key`: the joined path is built (and freed) here, once, not at each
    /// of the thirty-odd places that report on a field.
    #[inline(never)]
    fn report_at(&mut self, path: &str, key: &str, kind: K) {
        self.report(&dot(path, key), kind);
    }

    /// `input` at `path.key`.
    #[inline(never)]
    fn input_at(&mut self, path: &str, key: &str, p: &InputProblem) {
        self.report_at(path, key, K::Input(p.clone()));
    }

    #[inline(never)]
    fn autopilot(&mut self, value: &Value) -> Option<AutopilotSpec> {
        let Some(a) = value.as_object() else {
            self.report("$.autopilot", K::NotAnObject(Needed::Autopilot));
            return None;
        };
        if a.get("enabled").is_some_and(|v| !v.is_boolean()) {
            self.report("$.autopilot.enabled", K::NotTrueOrFalse);
        }
        let mut numbers = [None; 3];
        for (i, (key, lo, hi, range)) in [
            ("load", 0.0, 1.0, ("0", "1")),
            ("exceptionRate", 0.0, 1.0, ("0", "1")),
            ("throughputMBps", 0.001, 1.0e6, ("0.001", "1000000")),
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(v) = a.get(key) {
                numbers[i] = v.as_f64();
                if !numbers[i].is_some_and(|x| (lo..=hi).contains(&x)) {
                    self.report_at(
                        "$.autopilot",
                        key,
                        K::NumberOutOfRange {
                            lo: range.0,
                            hi: range.1,
                        },
                    );
                }
            }
        }
        let [load, exception_rate, throughput_mbps] = numbers;
        Some(AutopilotSpec {
            enabled: a.get("enabled").and_then(Value::as_bool),
            load,
            throughput_mbps,
            exception_rate,
            other: rest(a, AUTOPILOT_KEYS),
        })
    }

    /// Checks a job object (from `jobs` or a `CreateJob` event) and registers its name and
    /// drives. The field rules are the model's (`spec_problems`); this only maps them to paths.
    /// `event_at` is the event's `at` for a `CreateJob` event, whose nested `createdAt`, if
    /// given, must be that same time. Returns its entry; `None` only when a problem was
    /// reported.
    fn job(
        &mut self,
        value: &Value,
        path: &str,
        event_at: Option<Option<&Value>>,
    ) -> Option<JobEntry> {
        let Some(job) = value.as_object() else {
            self.report(path, K::NotAnObject(Needed::Job));
            return None;
        };
        let name = match job.get("name").and_then(Value::as_str) {
            Some(n) => Some(n),
            None => {
                self.report_at(path, "name", K::Missing(Needed::JobName));
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
                self.report_at(path, "type", K::NotImportOrExport);
                None
            }
        };
        let account = job.get("storageAccount").and_then(Value::as_str);
        if account.is_none() {
            self.report_at(path, "storageAccount", K::Missing(Needed::StorageAccount));
        }
        let created_at = self.created_at(job, path, event_at);
        let drives = self.array(job, path, "drives");
        // Structure first; the model then judges the values.
        let mut entries = Vec::new();
        // Each entry's path in the file, for the model's judgement below.
        let mut paths: Vec<String> = Vec::new();
        for (i, d) in drives.iter().enumerate() {
            // One past the limit is enough to judge; the count reports the rest.
            if i > crate::model::limits::MAX_DRIVES {
                break;
            }
            let dpath = index(path, "drives", i);
            let id = match d.get("id") {
                Some(v) => self.drive_id(v, &dot(&dpath, "id")),
                None => {
                    self.report_at(&dpath, "id", K::Missing(Needed::DriveId));
                    None
                }
            };
            let size = d.get("sizeGiB").and_then(Value::as_f64);
            if size.is_none() {
                self.report_at(&dpath, "sizeGiB", K::Missing(Needed::DriveSize));
            }
            match (id, size) {
                (Some(id), Some(size)) => {
                    entries.push(DriveEntry {
                        id,
                        size_gib: size,
                        other: match d.as_object() {
                            Some(o) => rest(o, DRIVE_KEYS),
                            None => crate::json::Map::new(),
                        },
                    });
                    paths.push(dpath);
                }
                // The id is wrong, but the size can still be judged.
                (None, Some(size)) if !crate::model::spec::drive_size_ok(bytes_of_gib(size)) => {
                    self.report_at(&dpath, "sizeGiB", K::DriveSize)
                }
                _ => {}
            }
        }
        let (Some(name), Some(job_type), Some(account)) = (name, job_type, account) else {
            return None;
        };
        let entry = JobEntry {
            name: name.to_string(),
            job_type,
            storage_account: account.to_string(),
            created_at,
            drives: entries,
            other: rest(job, JOB_KEYS),
        };
        let spec = entry.spec();
        // A list cut short above must still count as too long.
        let count_problem = drives.len() > crate::model::limits::MAX_DRIVES;
        for (field, refusal) in spec_problems(&spec) {
            let (at, key) = match field {
                SpecField::Name => (path, "name"),
                SpecField::StorageAccount => (path, "storageAccount"),
                SpecField::Drives => (path, "drives"),
                SpecField::DriveId(k) => (paths[k].as_str(), "id"),
                SpecField::DriveSize(k) => (paths[k].as_str(), "sizeGiB"),
            };
            // A drive already reported above does not also make the list "empty".
            let partial = paths.len() < drives.len();
            if !((count_problem || partial) && field == SpecField::Drives) {
                self.report_at(at, key, K::Refused(refusal));
            }
        }
        if count_problem {
            self.report_at(
                path,
                "drives",
                K::Refused(crate::model::Refusal::TooManyDrives {
                    count: drives.len(),
                }),
            );
        }
        let mut ids = TextSet::default();
        for (k, d) in spec.drives.iter().enumerate() {
            if let Err(p) = self.owners.claim(&d.id, name) {
                self.input_at(&paths[k], "id", &p);
            }
            ids.insert(d.id.as_str().to_string());
        }
        if self.jobs.contains_key(&spec.name) {
            let kind = K::DuplicateJobName { name: spec.name };
            self.report_at(path, "name", kind);
        } else {
            self.jobs.insert(spec.name, self.known.len());
            self.known.push(KnownJob {
                job_type,
                open_export: job_type == JobType::Export && ids.is_empty(),
                drives: ids,
                events: 1,
            });
        }
        Some(entry)
    }

    /// The job's `createdAt`, checked; `None` when absent or reported.
    fn created_at(
        &mut self,
        job: &Map,
        path: &str,
        event_at: Option<Option<&Value>>,
    ) -> Option<Time> {
        let v = job.get("createdAt")?;
        let cpath = dot(path, "createdAt");
        let at = self.time(v, &cpath)?;
        match event_at {
            None => self.not_before_start(at, &cpath),
            Some(event_at) => {
                let event_at = event_at
                    .and_then(Value::as_str)
                    .and_then(crate::model::rfc3339::parse_rfc3339);
                if event_at.is_some_and(|e| e != at) {
                    self.report(&cpath, K::CreatedAtNotEventTime);
                }
            }
        }
        Some(at)
    }

    /// Export drives come into being at delivery: ids delivered anywhere count as known.
    #[inline(never)]
    fn export_drives(&mut self, events: &[Value]) {
        for e in events {
            if e.get("kind").and_then(Value::as_str) != Some("PackageDelivered") {
                continue;
            }
            let Some(job) = e
                .get("job")
                .and_then(Value::as_str)
                .and_then(|n| self.job_mut(n))
            else {
                continue;
            };
            if job.job_type == JobType::Export {
                let present = e.get("present").and_then(Value::as_array);
                let present = present.map_or(&[][..], |p| &p[..]);
                // Plain loops: the flatten-take-filter pipeline compiled its own `try_fold`.
                for v in present.iter().take(crate::model::limits::MAX_DRIVES) {
                    if let Some(Ok(id)) = v.as_str().map(DriveId::parse) {
                        job.drives.insert(id.as_str().to_string());
                    }
                }
            }
        }
    }

    /// Checks one event and adds its entry to `out`; returns its time when it has a valid
    /// one. `created` is the job a `CreateJob` event creates, as `job` built it.
    #[inline(never)]
    fn event(
        &mut self,
        value: &Value,
        path: &str,
        created: Option<JobEntry>,
        out: &mut Vec<EventEntry>,
    ) -> Option<Time> {
        let Some(e) = value.as_object() else {
            self.report(path, K::NotAnObject(Needed::Event));
            return None;
        };
        let at = match e.get("at") {
            Some(v) => self.time(v, &dot(path, "at")),
            None => {
                self.report_at(path, "at", K::Missing(Needed::EventTime));
                None
            }
        };
        if let Some(at) = at {
            self.not_before_start(at, &dot(path, "at"));
        }
        let kind_text = e.get("kind").and_then(Value::as_str).unwrap_or_default();
        let kind = match kind_text.parse::<ActionKind>() {
            Ok(k) => k,
            Err(_) => {
                let found = crate::text::first_chars(kind_text, 64);
                let kind = if AutoEvent::ALL.iter().any(|a| a.id() == kind_text) {
                    K::AutomaticKind { kind: found }
                } else {
                    K::UnknownKind { found }
                };
                self.report_at(path, "kind", kind);
                return at;
            }
        };
        if kind == ActionKind::CreateJob {
            match (e.get("job"), at, created) {
                // The one required field the validator does not look at in a `CreateJob`.
                (None, _, _) => self.not_read("job"),
                (Some(_), Some(at), Some(spec)) => self.entry(
                    e,
                    EventEntry::blank(at, kind, JobRef::Spec(Box::new(spec))),
                    out,
                ),
                _ => {}
            }
            return at;
        }
        let Some(name) = e.get("job").and_then(Value::as_str) else {
            self.report_at(path, "job", K::Missing(Needed::EventJob));
            return at;
        };
        let Some(job) = self.job_mut(name) else {
            self.report_at(
                path,
                "job",
                K::UnknownJob {
                    name: crate::text::first_chars(name, 64),
                },
            );
            return at;
        };
        job.events += 1;
        let job_type = job.job_type;
        match kind {
            ActionKind::CreateJob | ActionKind::CancelJob | ActionKind::DeleteJob => {}
            ActionKind::UpdateJob => {
                self.opt_string(e, path, "storageAccount");
                if let Some(a) = e.get("storageAccount").and_then(Value::as_str) {
                    if !a.trim().is_empty() {
                        if let Err(p) = check_storage_account(a) {
                            self.input_at(path, "storageAccount", &p);
                        }
                    }
                }
            }
            ActionKind::EnterTracking | ActionKind::DrivesShippedBack => {
                for key in ["carrier", "tracking"] {
                    match e.get(key).and_then(Value::as_str) {
                        None => self.report_at(
                            path,
                            key,
                            K::Missing(if key == "carrier" {
                                Needed::Carrier(kind)
                            } else {
                                Needed::Tracking(kind)
                            }),
                        ),
                        // Blank is the rules' business (refused, and logged as such).
                        Some(t) if t.trim().is_empty() => {}
                        Some(t) => {
                            let checked = if key == "carrier" {
                                check_tracking(t, "x")
                            } else {
                                check_tracking("x", t)
                            };
                            if let Err(p) = checked {
                                self.input_at(path, key, &p);
                            }
                        }
                    }
                }
            }
            ActionKind::PackageDelivered => self.delivery(e, path, name, job_type),
            ActionKind::DriveArrivedLate
            | ActionKind::CopyStarted
            | ActionKind::CopyProgress
            | ActionKind::CopyFinished => {
                let p = dot(path, "drive");
                match e.get("drive") {
                    Some(v) => {
                        if let Some(id) = self.drive_id(v, &p) {
                            self.drive_known(name, &id, &p);
                        }
                    }
                    None => self.report(&p, K::Missing(Needed::EventDrive(kind))),
                }
                if kind == ActionKind::CopyProgress
                    && e.get("bytes").and_then(Value::as_u64).is_none()
                {
                    self.report_at(path, "bytes", K::NotWholeNumber);
                }
                if kind == ActionKind::CopyFinished {
                    let ok = e
                        .get("outcome")
                        .and_then(Value::as_str)
                        .is_some_and(|o| o.parse::<CopyOutcome>().is_ok());
                    if !ok {
                        self.report_at(path, "outcome", K::NotAnOutcome);
                    }
                    let msgs = self.array(e, path, "messages");
                    if msgs.iter().any(|m| !m.is_string()) {
                        self.report_at(path, "messages", K::NotAListOfStrings);
                    } else {
                        let mut texts: Vec<String> = Vec::new();
                        for m in msgs.iter().take(Countable::Messages.max() + 1) {
                            if let Some(t) = m.as_str() {
                                texts.push(t.to_string());
                            }
                        }
                        let count = check_count(Countable::Messages, msgs.len());
                        if let Err(p) = count.and_then(|()| check_messages(&texts)) {
                            self.input_at(path, "messages", &p);
                        }
                    }
                }
            }
        }
        if let Some(at) = at {
            let entry = EventEntry::blank(at, kind, JobRef::Name(name.to_string()));
            self.entry(e, entry, out);
        }
        at
    }

    /// Reads an event's other fields into `entry` and adds it to `out`, or notes the field
    /// that could not be read.
    fn entry(&mut self, e: &Map, mut entry: EventEntry, out: &mut Vec<EventEntry>) {
        match event_fields(e, &mut entry) {
            Ok(()) => out.push(entry),
            Err(key) => self.not_read(key),
        }
    }

    /// A delivery: counts first, then each id; export ids and extra ids become their job's.
    #[inline(never)]
    fn delivery(&mut self, e: &Map, path: &str, name: &str, job_type: JobType) {
        let present = self.array(e, path, "present");
        if e.get("present").is_none() {
            self.report_at(path, "present", K::Missing(Needed::Present));
        }
        let extra = self.array(e, path, "extra");
        let counts = [
            ("present", Countable::PresentDrives, present.len()),
            ("extra", Countable::ExtraDrives, extra.len()),
        ];
        let mut over = false;
        for (key, what, count) in counts {
            if let Err(p) = check_count(what, count) {
                self.input_at(path, key, &p);
                over = true;
            }
        }
        if over {
            return;
        }
        let mut seen = TextSet::default();
        for (key, list) in [("present", present), ("extra", extra)] {
            for (i, v) in list.iter().enumerate() {
                let p = index(path, key, i);
                let Some(id) = self.drive_id(v, &p) else {
                    continue;
                };
                if !seen.insert(id.as_str().to_string()) {
                    self.report(&p, K::ListedTwice { drive: id });
                    continue;
                }
                if key == "present" && job_type == JobType::Import {
                    self.drive_known(name, &id, &p);
                } else if let Err(problem) = self.owners.claim(&id, name) {
                    self.input(&p, &problem);
                }
            }
        }
    }

    fn drive_known(&mut self, job: &str, id: &DriveId, path: &str) {
        let known = self
            .jobs
            .get(job)
            .and_then(|i| self.known.get(i))
            .is_some_and(|j| j.open_export || j.drives.contains(id.as_str()));
        if !known {
            self.report(
                path,
                K::UnknownDrive {
                    drive: id.clone(),
                    job: job.to_string(),
                },
            );
        }
    }

    fn time(&mut self, value: &Value, path: &str) -> Option<Time> {
        let parsed = value
            .as_str()
            .and_then(crate::model::rfc3339::parse_rfc3339);
        match parsed {
            Some(t) => Some(t),
            None => {
                self.report(
                    path,
                    K::BadTime {
                        found: crate::text::first_chars(&super::json_text(value), 64),
                    },
                );
                None
            }
        }
    }

    fn not_before_start(&mut self, at: Time, path: &str) {
        if at > latest_time() {
            self.report(path, K::PastYear9999 { at });
        }
        if let Some(start) = self.start.filter(|s| at < *s) {
            self.report(path, K::BeforeStart { at, start });
        }
    }

    fn drive_id(&mut self, value: &Value, path: &str) -> Option<DriveId> {
        match value.as_str().map(DriveId::parse) {
            Some(Ok(id)) => Some(id),
            Some(Err(e)) => {
                self.report(path, K::BadDriveId(e));
                None
            }
            None => {
                self.report(path, K::NotAString);
                None
            }
        }
    }

    fn array<'a>(&mut self, obj: &'a Map, path: &str, key: &str) -> &'a [Value] {
        match obj.get(key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.report_at(path, key, K::NotAList);
                &[]
            }
        }
    }

    fn opt_string(&mut self, obj: &Map, path: &str, key: &str) {
        if obj.get(key).is_some_and(|v| !v.is_string()) {
            self.report_at(path, key, K::NotAString);
        }
    }

    /// A field that, when given, must be one of a vocabulary's `expected` ids; its place
    /// among them.
    fn label(
        &mut self,
        obj: &Map,
        path: &str,
        key: &str,
        expected: &[&'static str],
    ) -> Option<usize> {
        let v = obj.get(key)?;
        let found = v
            .as_str()
            .and_then(|s| expected.iter().position(|e| *e == s));
        if found.is_none() {
            self.report_at(
                path,
                key,
                K::NotOneOf {
                    found: crate::text::first_chars(&super::json_text(v), 64),
                    expected: expected.to_vec(),
                },
            );
        }
        found
    }
}
