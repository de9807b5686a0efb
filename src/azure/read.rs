//! Reads the job resources out of pasted JSON: every field of the 2020-08-01 job and drive
//! shapes is type-checked, `null` counts as absent, unknown fields are kept (in the resource)
//! and ignored. All limits are checked on the whole text before any job is read.

use super::{AzureProblem, AzureProblemKind as A, Expected as E};
use crate::json::{Map, Value};
use crate::model::limits::{
    check_count, check_storage_account, check_text, Countable, TextField, MAX_DESCRIPTION_CHARS,
    MAX_PROBLEMS, MAX_SCENARIO_BYTES,
};
use crate::model::{DriveState, JobState, JobType, TextProblem, Time};
use crate::sim::json_path::{dot, index, item};
use crate::sim::scenario::ProblemKind as K;

/// A delivery or return package.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Package {
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub drive_count: Option<u64>,
    pub ship_date: Option<Time>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AzureDrive {
    pub id: Option<String>,
    /// `None`: absent; `Err`: a state the service does not have.
    pub state: Option<Result<DriveState, String>>,
    pub percent: Option<u8>,
    pub copy_status: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AzureJob {
    /// Where it is in the pasted text (`$`, `$.value[2]`, `$[2]`).
    pub path: String,
    pub resource: Value,
    pub name: String,
    pub job_type: JobType,
    pub state: JobState,
    pub storage_account: String,
    pub created_at: Option<Time>,
    /// `systemData.lastModifiedAt`: when a Canceled job was canceled, or a Creating one last
    /// updated (its 14 days count from there).
    pub modified_at: Option<Time>,
    pub delivery: Option<Package>,
    pub returned: Option<Package>,
    pub percent: Option<u8>,
    /// `None` when the resource has no `driveList`.
    pub drives: Option<Vec<AzureDrive>>,
}

/// The job resources in `text`, or every problem found (each with its path).
pub fn read(text: &str) -> Result<Vec<AzureJob>, Vec<AzureProblem>> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(vec![at(
            "$",
            A::Scenario(K::FileTooLarge { bytes: text.len() }),
        )]);
    }
    let value = crate::json::from_str(text).map_err(|e| {
        vec![AzureProblem {
            path: "$".into(),
            line: Some(e.line()),
            column: Some(e.column()),
            kind: A::Scenario(K::NotJson {
                detail: e.to_string(),
            }),
        }]
    })?;
    let mut r = Reader::default();
    r.texts(&value, "$");
    let jobs = if r.problems.is_empty() {
        r.jobs(&value)
    } else {
        Vec::new()
    };
    if r.problems.is_empty() {
        return Ok(jobs);
    }
    let total = r.problems.len();
    r.problems.truncate(MAX_PROBLEMS);
    let mut paths = Vec::with_capacity(r.problems.len());
    for p in &r.problems {
        paths.push(p.path.as_str());
    }
    let positions = crate::sim::json_path::positions(text, &paths);
    for p in &mut r.problems {
        if let Some((line, column)) = crate::sim::locate::locate(&positions, &p.path) {
            p.line = Some(line);
            p.column = Some(column);
        }
    }
    if total > MAX_PROBLEMS {
        let count = total - MAX_PROBLEMS;
        r.problems
            .push(at("$", A::Scenario(K::MoreProblems { count })));
    }
    Err(r.problems)
}

pub(super) fn at(path: &str, kind: A) -> AzureProblem {
    AzureProblem {
        path: path.to_string(),
        line: None,
        column: None,
        kind,
    }
}

/// Bidirectional formatting characters (as `model::limits` refuses them in names).
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn text_problem(s: &str) -> Option<TextProblem> {
    let max = MAX_DESCRIPTION_CHARS;
    if s.len() > max * 4 || s.chars().take(max + 1).count() > max {
        Some(TextProblem::TooLong { max })
    } else if s.chars().any(char::is_control) {
        Some(TextProblem::ControlCharacter)
    } else if s.chars().any(is_bidi) {
        Some(TextProblem::BidiCharacter)
    } else {
        None
    }
}

const JOB_TEXTS: &[&str] = &["id", "name", "type", "location"];
const JOB_OBJECTS: &[&str] = &["properties", "identity", "systemData", "tags"];
const PROP_TEXTS: &[&str] = &[
    "storageAccountId",
    "jobType",
    "diagnosticsPath",
    "logLevel",
    "state",
    "incompleteBlobListUri",
    "provisioningState",
];
const PROP_BOOLS: &[&str] = &["backupDriveManifest", "cancelRequested"];
const PROP_OBJECTS: &[&str] = &[
    "returnAddress",
    "returnShipping",
    "shippingInformation",
    "deliveryPackage",
    "returnPackage",
    "export",
    "encryptionKey",
];
const ADDRESS_TEXTS: &[&str] = &[
    "recipientName",
    "streetAddress1",
    "streetAddress2",
    "city",
    "stateOrProvince",
    "postalCode",
    "countryOrRegion",
    "phone",
    "email",
    "additionalInformation",
];
const DRIVE_TEXTS: &[&str] = &[
    "driveId",
    "bitLockerKey",
    "manifestFile",
    "manifestHash",
    "driveHeaderHash",
    "state",
    "copyStatus",
    "verboseLogUri",
    "errorLogUri",
    "manifestUri",
];

#[derive(Default)]
struct Reader {
    problems: Vec<AzureProblem>,
}

/// A field that is present and not `null`.
fn get<'a>(obj: &'a Map, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

impl Reader {
    fn report(&mut self, path: &str, kind: A) {
        self.problems.push(at(path, kind));
    }

    /// `report` at `path.key`: the joined path is built (and freed) here, once, not at each
    /// place that reports on a field.
    #[inline(never)]
    fn report_at(&mut self, path: &str, key: &str, kind: A) {
        self.report(&dot(path, key), kind);
    }

    /// Every text and key in the document: bounded, no control or bidi characters.
    fn texts(&mut self, value: &Value, path: &str) {
        if self.problems.len() > MAX_PROBLEMS {
            return;
        }
        match value {
            Value::String(s) => {
                if let Some(p) = text_problem(s) {
                    self.report(path, A::Text(p));
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.texts(v, &item(path, i));
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    match text_problem(k) {
                        Some(p) => self.report(path, A::Text(p)),
                        None => self.texts(v, &dot(path, k)),
                    }
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    fn jobs(&mut self, value: &Value) -> Vec<AzureJob> {
        let (items, base): (&[Value], &str) = match value {
            Value::Array(items) => (items, "$"),
            Value::Object(map) => match get(map, "value") {
                Some(Value::Array(items)) => (items, "$.value"),
                Some(_) => {
                    self.report("$.value", A::WrongType(E::List));
                    return Vec::new();
                }
                None if map.contains_key("properties") || map.contains_key("name") => {
                    return self.job(value, "$").into_iter().collect();
                }
                None => {
                    self.report("$", A::NotJobs);
                    return Vec::new();
                }
            },
            _ => {
                self.report("$", A::NotJobs);
                return Vec::new();
            }
        };
        if let Err(p) = check_count(Countable::Jobs, items.len()) {
            self.report(base, A::Scenario(K::Input(p)));
            return Vec::new();
        }
        // A plain loop rather than a filter-map pipeline with its own `next` in the wasm.
        let mut jobs = Vec::new();
        for (i, v) in items.iter().enumerate() {
            if let Some(job) = self.job(v, &item(base, i)) {
                jobs.push(job);
            }
        }
        jobs
    }

    fn typed(&mut self, obj: &Map, path: &str, keys: &[&str], want: E) {
        for key in keys {
            if let Some(v) = get(obj, key) {
                let ok = match want {
                    E::Object => v.is_object(),
                    E::List => v.is_array(),
                    E::Text => v.is_string(),
                    E::TrueOrFalse => v.is_boolean(),
                    E::WholeNumber => v.is_u64(),
                    E::Percent => v.as_u64().is_some_and(|n| n <= 100),
                };
                if !ok {
                    self.report_at(path, key, A::WrongType(want));
                }
            }
        }
    }

    fn object<'a>(&self, obj: &'a Map, key: &str) -> Option<&'a Map> {
        get(obj, key).and_then(Value::as_object)
    }

    fn required<'a>(&mut self, obj: &'a Map, path: &str, key: &'static str) -> Option<&'a str> {
        match get(obj, key) {
            None => {
                self.report_at(path, key, A::Missing { field: key });
                None
            }
            Some(v) => v.as_str(),
        }
    }

    fn time(&mut self, obj: &Map, path: &str, key: &str) -> Option<Time> {
        let s = get(obj, key)?.as_str()?;
        let t = super::date::parse(s);
        if t.is_none() {
            let found = crate::text::first_chars(s, 64);
            self.report_at(path, key, A::Scenario(K::BadTime { found }));
        }
        t
    }

    fn job(&mut self, value: &Value, path: &str) -> Option<AzureJob> {
        let Some(job) = value.as_object() else {
            self.report(path, A::WrongType(E::Object));
            return None;
        };
        let before = self.problems.len();
        self.typed(job, path, JOB_TEXTS, E::Text);
        self.typed(job, path, JOB_OBJECTS, E::Object);
        let name = self.required(job, path, "name");
        if let Some(n) = name {
            let npath = dot(path, "name");
            if let Err(p) = check_text(n, TextField::JobName) {
                self.report(&npath, A::Scenario(K::Input(p)));
            } else if n.contains(['<', '>', '&', '"', '\'', '`']) {
                self.report(&npath, A::Markup);
            }
        }
        let (created_at, modified_at) = match self.object(job, "systemData") {
            Some(sys) => {
                let spath = dot(path, "systemData");
                self.typed(
                    sys,
                    &spath,
                    &[
                        "createdBy",
                        "createdByType",
                        "createdAt",
                        "lastModifiedBy",
                        "lastModifiedByType",
                        "lastModifiedAt",
                    ],
                    E::Text,
                );
                let modified = self.time(sys, &spath, "lastModifiedAt");
                (self.time(sys, &spath, "createdAt"), modified)
            }
            None => (None, None),
        };
        self.texts_in(job, path, "identity", &["type", "principalId", "tenantId"]);
        let ppath = dot(path, "properties");
        let Some(props) = get(job, "properties") else {
            self.report(
                &ppath,
                A::Missing {
                    field: "properties",
                },
            );
            return None;
        };
        let props = props.as_object()?;
        self.typed(props, &ppath, PROP_TEXTS, E::Text);
        self.typed(props, &ppath, PROP_BOOLS, E::TrueOrFalse);
        self.typed(props, &ppath, PROP_OBJECTS, E::Object);
        self.typed(props, &ppath, &["percentComplete"], E::Percent);
        self.typed(props, &ppath, &["driveList"], E::List);
        self.texts_in(props, &ppath, "returnAddress", ADDRESS_TEXTS);
        self.texts_in(props, &ppath, "shippingInformation", ADDRESS_TEXTS);
        let shipping = &["carrierName", "carrierAccountNumber"];
        self.texts_in(props, &ppath, "returnShipping", shipping);
        let key = &["kekType", "kekUrl", "kekVaultResourceID"];
        self.texts_in(props, &ppath, "encryptionKey", key);
        self.export(props, &ppath);
        let account = self.storage_account(props, &ppath);
        let job_type = self.required(props, &ppath, "jobType").and_then(|t| {
            let found = JobType::ALL
                .into_iter()
                .find(|j| j.id().eq_ignore_ascii_case(t.trim()));
            if found.is_none() {
                self.not_one_of(&ppath, "jobType", t, &JobType::ALL.map(JobType::id));
            }
            found
        });
        let state = match get(props, "state").and_then(Value::as_str) {
            None => Some(JobState::Creating),
            Some(s) => {
                let s = s.trim();
                let found = JobState::ALL
                    .into_iter()
                    .find(|j| j.id().eq_ignore_ascii_case(s))
                    .or_else(|| {
                        s.eq_ignore_ascii_case("Cancelled")
                            .then_some(JobState::Canceled)
                    });
                if found.is_none() {
                    self.not_one_of(&ppath, "state", s, &JobState::ALL.map(JobState::id));
                }
                found
            }
        };
        let delivery = self.package(props, &ppath, "deliveryPackage");
        let returned = self.package(props, &ppath, "returnPackage");
        let percent = get(props, "percentComplete")
            .and_then(Value::as_u64)
            .and_then(|n| u8::try_from(n).ok());
        let drives = get(props, "driveList")
            .and_then(Value::as_array)
            .map(|list| self.drives(list, &dot(&ppath, "driveList")));
        if self.problems.len() > before {
            return None;
        }
        Some(AzureJob {
            path: path.to_string(),
            resource: value.clone(),
            name: name?.to_string(),
            job_type: job_type?,
            state: state?,
            storage_account: account?,
            created_at,
            modified_at,
            delivery,
            returned,
            percent,
            drives,
        })
    }

    fn not_one_of(&mut self, path: &str, key: &str, found: &str, expected: &[&'static str]) {
        let found = crate::text::first_chars(found, 64);
        let expected = expected.to_vec();
        self.report_at(path, key, A::Scenario(K::NotOneOf { found, expected }));
    }

    /// The texts `keys` of the object at `key`, when there is one (`typed` on `path.key`).
    #[inline(never)]
    fn texts_in(&mut self, obj: &Map, path: &str, key: &str, keys: &[&str]) {
        if let Some(o) = self.object(obj, key) {
            self.typed(o, &dot(path, key), keys, E::Text);
        }
    }

    /// The account name is the last segment of `storageAccountId`.
    fn storage_account(&mut self, props: &Map, ppath: &str) -> Option<String> {
        let id = self.required(props, ppath, "storageAccountId")?;
        let id = id.trim_end_matches('/');
        // By bytes: `rsplit`'s reverse splitter is a sizeable generic for this one use.
        let name = match id.bytes().rposition(|b| b == b'/') {
            Some(i) => id.get(i + 1..).unwrap_or_default(),
            None => id,
        };
        match check_storage_account(name) {
            Ok(()) => Some(name.to_string()),
            Err(p) => {
                self.report_at(ppath, "storageAccountId", A::Scenario(K::Input(p)));
                None
            }
        }
    }

    fn export(&mut self, props: &Map, ppath: &str) {
        let Some(export) = self.object(props, "export") else {
            return;
        };
        let epath = dot(ppath, "export");
        self.typed(export, &epath, &["blobListBlobPath"], E::Text);
        self.typed(export, &epath, &["blobList"], E::Object);
        if let Some(list) = self.object(export, "blobList") {
            let lpath = dot(&epath, "blobList");
            for key in ["blobPath", "blobPathPrefix"] {
                match get(list, key) {
                    None => {}
                    Some(Value::Array(items)) => {
                        for (i, v) in items.iter().enumerate() {
                            if !v.is_string() {
                                self.report(&index(&lpath, key, i), A::WrongType(E::Text));
                            }
                        }
                    }
                    Some(_) => self.report_at(&lpath, key, A::WrongType(E::List)),
                }
            }
        }
    }

    fn package(&mut self, props: &Map, ppath: &str, key: &str) -> Option<Package> {
        let p = self.object(props, key)?;
        let path = dot(ppath, key);
        self.typed(
            p,
            &path,
            &["carrierName", "trackingNumber", "shipDate"],
            E::Text,
        );
        self.typed(p, &path, &["driveCount"], E::WholeNumber);
        // Checked as the model checks an action's tracking, so its replay never refuses one.
        let mut text = |k: &str, field| {
            let s = get(p, k)?.as_str()?.trim();
            if s.is_empty() {
                return None;
            }
            if let Err(e) = check_text(s, field) {
                self.report_at(&path, k, A::Scenario(K::Input(e)));
            }
            Some(s.to_string())
        };
        Some(Package {
            carrier: text("carrierName", TextField::Carrier),
            tracking: text("trackingNumber", TextField::Tracking),
            drive_count: get(p, "driveCount").and_then(Value::as_u64),
            ship_date: self.time(p, &path, "shipDate"),
        })
    }

    fn drives(&mut self, list: &[Value], path: &str) -> Vec<AzureDrive> {
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let dpath = item(path, i);
            let Some(d) = v.as_object() else {
                self.report(&dpath, A::WrongType(E::Object));
                continue;
            };
            self.typed(d, &dpath, DRIVE_TEXTS, E::Text);
            self.typed(d, &dpath, &["percentComplete"], E::Percent);
            self.typed(d, &dpath, &["bytesSucceeded"], E::WholeNumber);
            let text = |k: &str| get(d, k).and_then(Value::as_str).map(str::to_string);
            let state = text("state").map(|s| {
                DriveState::ALL
                    .into_iter()
                    .find(|x| x.id().eq_ignore_ascii_case(s.trim()))
                    .ok_or(s)
            });
            out.push(AzureDrive {
                id: text("driveId"),
                state,
                percent: get(d, "percentComplete")
                    .and_then(Value::as_u64)
                    .and_then(|n| u8::try_from(n).ok())
                    .filter(|n| *n <= 100),
                copy_status: text("copyStatus"),
            });
        }
        out
    }
}
