//! The page's URL hash contract: `#preset=<name>&t=<RFC 3339>` or
//! `#scenario=<base64url of the scenario JSON, no padding>&t=<RFC 3339>`, or
//! `#azure=<base64url of pasted Azure JSON, no padding>&t=<RFC 3339>` (read as the "Import from
//! Azure" panel reads it, with the jobs at their Azure states at `t`). A link opens that
//! scenario paused at that moment. Parsing never panics; every problem is named.
//!
//! Two shorter forms (issue 11), written by `form`: `#preset=<name>&add=<events>` (a preset
//! with events added, `added`) and `#scenario-z=<compressed scenario>` (`packed`).
//!
//! Optional extras name how the page looks, not what it shows: `&view=projector` and
//! `&lang=nl` (`ViewParams`). They are written only when they differ from the default, so the
//! forms above stay exactly as they were, and `parse` ignores them like any unknown key.

use super::base64url;
use crate::i18n::Lang;
use crate::model::limits::MAX_LINK_CHARS;
use crate::model::Time;
use crate::sim::{preset_named, Problem, Scenario};
use crate::text::concat;
use std::sync::Arc;

/// Which scenario a hash names.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioRef {
    Preset(String),
    Inline(Box<Scenario>),
}

/// A parsed hash: the scenario and, if given, the moment to show.
#[derive(Clone, Debug, PartialEq)]
pub struct HashRequest {
    pub scenario: ScenarioRef,
    pub at: Option<Time>,
    /// What did not fit the rules in an `#azure=` link's jobs (imported anyway, like a paste).
    pub warnings: Vec<crate::azure::Warning>,
}

/// What was wrong with a hash, in words a person can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum HashError {
    UnknownPreset(String),
    BadBase64(String),
    NotUtf8,
    /// Shared, not owned: the interface clones the error it shows, and cloning every problem
    /// compiled a deep clone of each problem kind into the wasm.
    BadScenario(Arc<[Problem]>),
    /// The Azure JSON of an `#azure=` link is refused.
    BadAzure(Arc<[crate::azure::AzureProblem]>),
    BadTime(String),
    NoScenario,
    /// Longer than `MAX_LINK_CHARS`: refused before any decoding.
    TooLong {
        len: usize,
    },
    /// A `scenario-z=` link read without inflating it first (`parse_with` needs its text).
    Packed,
}

impl std::fmt::Display for HashError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownPreset(name) => {
                write!(f, "the link names a preset \"{name}\" that does not exist")
            }
            Self::BadBase64(why) => write!(f, "the scenario in the link is damaged: {why}"),
            Self::NotUtf8 => write!(f, "the scenario in the link is not UTF-8 text"),
            Self::BadScenario(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                write!(
                    f,
                    "the scenario in the link is not valid: {}",
                    lines.join("; ")
                )
            }
            Self::BadAzure(problems) => {
                let lines: Vec<String> = problems
                    .iter()
                    .map(|p| crate::i18n::azure::azure_problem_line(crate::i18n::Lang::En, p))
                    .collect();
                write!(f, "the Azure JSON in the link is not valid: {}", lines.join("; "))
            }
            Self::BadTime(t) => write!(f, "the time \"{t}\" in the link is not an RFC 3339 time"),
            Self::NoScenario => write!(f, "the link has neither preset= nor scenario="),
            Self::Packed => write!(f, "the compressed scenario in the link was not unpacked"),
            Self::TooLong { len } => write!(
                f,
                "the link is {len} characters long; links of at most {MAX_LINK_CHARS} characters are read"
            ),
        }
    }
}

/// Parses a hash (with or without the leading `#`). An empty hash is `Ok(None)`.
pub fn parse(hash: &str) -> Result<Option<HashRequest>, HashError> {
    parse_with(hash, None)
}

/// `parse`, with the inflated scenario text of a `scenario-z=` hash (the browser inflates it
/// asynchronously, before; `crate::ui::compress`).
pub fn parse_with(hash: &str, unpacked: Option<&str>) -> Result<Option<HashRequest>, HashError> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.len() > MAX_LINK_CHARS {
        return Err(HashError::TooLong { len: hash.len() });
    }
    if hash.trim().is_empty() {
        return Ok(None);
    }
    let mut scenario = None;
    let mut at = None;
    let mut azure = None;
    let mut add = None;
    for pair in hash.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "preset" => {
                let name = percent_decode(value);
                // By name: building the preset to see that it exists generated all 10,000 jobs
                // of `stress-10000` once more at every load of its link.
                if preset_named(&name).is_none() {
                    return Err(HashError::UnknownPreset(name));
                }
                scenario = Some(ScenarioRef::Preset(name));
            }
            "scenario" | "scenario-z" => {
                let text = match key {
                    "scenario" => decoded(value)?,
                    _ => unpacked.ok_or(HashError::Packed)?.to_string(),
                };
                let parsed = Scenario::parse(&text)
                    .map_err(|errors| HashError::BadScenario(errors.problems.into()))?;
                scenario = Some(ScenarioRef::Inline(Box::new(parsed)));
            }
            // Read beside `preset=` only, once the preset is known.
            "add" => add = Some(value),
            "azure" => azure = Some(decoded(value)?),
            "t" => {
                let text = percent_decode(value);
                at = Some(
                    crate::model::rfc3339::parse_rfc3339(&text).ok_or(HashError::BadTime(text))?,
                );
            }
            // Unknown keys are ignored so that later versions can add some.
            _ => {}
        }
    }
    if let (Some(value), Some(ScenarioRef::Preset(name))) = (add, &scenario) {
        let merged = super::added::read(name, value)?;
        scenario = Some(ScenarioRef::Inline(Box::new(merged)));
    }
    // Azure JSON needs the instant its jobs are at their states: the link's `t`.
    let mut warnings = Vec::new();
    if let Some(text) = azure {
        let since = at.ok_or_else(|| HashError::BadTime(String::new()))?;
        let imported =
            crate::azure::import(&text, since).map_err(|p| HashError::BadAzure(p.into()))?;
        scenario = Some(ScenarioRef::Inline(Box::new(imported.scenario)));
        warnings = imported.warnings;
    }
    match scenario {
        Some(scenario) => Ok(Some(HashRequest {
            scenario,
            at,
            warnings,
        })),
        None => Err(HashError::NoScenario),
    }
}

/// The UTF-8 text a link's base64url value holds.
pub(super) fn decoded(value: &str) -> Result<String, HashError> {
    let bytes = base64url::decode(value).map_err(|e| HashError::BadBase64(e.text()))?;
    String::from_utf8(bytes).map_err(|_| HashError::NotUtf8)
}

/// The hash for a view: a preset by name when the scenario is an unchanged preset (short
/// links), else the whole scenario. The time keeps its fraction of a second, if any, so a
/// link reopens exactly the moment shown (and the actions done at it, while playing).
pub fn format(scenario: &ScenarioRef, at: Time) -> String {
    with_time(&encode(scenario), at)
}

fn encode(scenario: &ScenarioRef) -> String {
    match scenario {
        ScenarioRef::Preset(name) => concat(&["preset=", name]),
        ScenarioRef::Inline(s) => concat(&[
            "scenario=",
            &base64url::encode(s.to_json_compact().as_bytes()),
        ]),
    }
}

/// The scenario's half of the hash (`preset=…` or `scenario=…`). Kept apart from the time so
/// the page encodes a large scenario once per change of it, not once per move of the clock.
///
/// `Err(n)`: the link would be at least `n` characters, more than a link may hold; found from
/// the counts of jobs and events before writing anything, so a 10,000-job world is never
/// serialized and encoded only to be refused.
pub fn scenario_part(scenario: &ScenarioRef) -> Result<String, usize> {
    if let ScenarioRef::Inline(s) = scenario {
        // The shortest a job or an event can be written (`{"name":"a","type":"Import",
        // "storageAccount":"abc"}`, `{"at":"2026-01-05T09:00:00Z","kind":"CreateJob",
        // "job":"a"}`), in base64 (4 characters per 3 bytes).
        let least = (s.jobs.len() * 50 + s.events.len() * 55) / 3 * 4;
        if least > MAX_LINK_CHARS {
            return Err(least);
        }
    }
    Ok(encode(scenario))
}

/// The whole hash from its scenario half and the time.
pub fn with_time(scenario_part: &str, at: Time) -> String {
    let t = crate::model::rfc3339::write_rfc3339(at, true, true);
    concat(&[scenario_part, "&t=", &t])
}

/// How a link asks the page to look: the optional `view=` and `lang=` extras.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewParams {
    /// `view=projector`: large type, high contrast, fewer columns.
    pub projector: bool,
    /// `lang=<tag>`; `None` when absent or not a language the page speaks.
    pub lang: Option<Lang>,
}

fn is_view_key(pair: &str) -> bool {
    pair.starts_with("view=")
        || pair.starts_with("lang=")
        || pair.starts_with("job=")
        || pair.starts_with("deleted=")
        || pair.starts_with("compare=")
}

/// Whether a link asks the jobs table to list deleted jobs (`deleted=1`).
pub fn shows_deleted(hash: &str) -> bool {
    hash.len() <= MAX_LINK_CHARS
        && hash
            .strip_prefix('#')
            .unwrap_or(hash)
            .split('&')
            .any(|p| p == "deleted=1")
}

/// The job a link selects: `job=<base64url of the name, no padding>` (names may hold spaces
/// and any letter). A name that is not a valid job name is no selection: a view never makes a
/// link fail.
pub fn selected_job(hash: &str) -> Option<String> {
    if hash.len() > MAX_LINK_CHARS {
        return None;
    }
    let value = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|p| p.strip_prefix("job="))?;
    let name = String::from_utf8(base64url::decode(value).ok()?).ok()?;
    crate::model::limits::check_text(&name, crate::model::limits::TextField::JobName)
        .ok()
        .map(|_| name)
}

/// The tail a link gets for the selected job (empty for none) and "show deleted" (empty when
/// off).
pub fn job_suffix(job: Option<&str>, deleted: bool) -> String {
    let mut out = job.map_or_else(String::new, |name| {
        concat(&["&job=", &base64url::encode(name.as_bytes())])
    });
    if deleted {
        out.push_str("&deleted=1");
    }
    out
}

/// The extras of a hash (with or without `#`). Anything unknown or malformed is the default:
/// a view never makes a link fail.
pub fn view_params(hash: &str) -> ViewParams {
    let mut view = ViewParams::default();
    if hash.len() > MAX_LINK_CHARS {
        return view;
    }
    for pair in hash.strip_prefix('#').unwrap_or(hash).split('&') {
        match pair.split_once('=') {
            Some(("view", v)) => view.projector = v == "projector",
            Some(("lang", v)) => view.lang = Lang::ALL.into_iter().find(|l| l.tag() == v),
            _ => {}
        }
    }
    view
}

/// The tail a link gets for `view` (`&view=projector&lang=nl`): empty for the default view,
/// so links of the default view are the same as before the extras existed.
pub fn view_suffix(view: ViewParams) -> String {
    let mut out = String::new();
    if view.projector {
        out.push_str("&view=projector");
    }
    if let Some(lang) = view.lang.filter(|l| *l != Lang::default()) {
        out.push_str("&lang=");
        out.push_str(lang.tag());
    }
    out
}

/// The hash without its view extras (keeping `#` if it had one): what to compare to know
/// whether a new address names another scenario or moment, or only another look.
pub fn without_view(hash: &str) -> String {
    let (mark, body) = match hash.strip_prefix('#') {
        Some(body) => ("#", body),
        None => ("", hash),
    };
    let mut out = mark.to_string();
    let mut sep = "";
    for p in body.split('&').filter(|p| !is_view_key(p)) {
        out.push_str(sep);
        out.push_str(p);
        sep = "&";
    }
    out
}

/// Browsers may percent-encode `:` and `+` in a pasted hash; times and preset names need them back.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(v) = hex_byte(bytes[i + 1], bytes[i + 2]) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    lossy(&out)
}

/// The two characters after a `%` as a byte, read as `u8::from_str_radix(.., 16)` reads them
/// (so `+f` is 15), without the generic integer parser in the wasm.
fn hex_byte(a: u8, b: u8) -> Option<u8> {
    let digit = |d: u8| char::from(d).to_digit(16);
    let low = digit(b)?;
    let high = if a == b'+' { 0 } else { digit(a)? };
    u8::try_from(high * 16 + low).ok()
}

/// `String::from_utf8_lossy`, by `from_utf8`'s own error spans (the same maximal invalid
/// parts, each one U+FFFD), without a second UTF-8 decoder in the wasm.
fn lossy(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{fffd}');
                match e.error_len() {
                    Some(n) => bytes = &rest[n..],
                    None => return out,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::preset;

    /// What `percent_decode` was before it read hex and repaired UTF-8 by hand.
    fn percent_decode_by_std(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                if let Ok(v) = u8::from_str_radix(hex, 16) {
                    out.push(v);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn percent_decoding_matches_the_standard_library() {
        let pieces = [
            "%",
            "%2",
            "%20",
            "%+f",
            "%+",
            "%-1",
            "%ff",
            "%FE",
            "%C3",
            "%A9",
            "%E2%82",
            "%AC",
            "%F0%9F%98",
            "%80",
            "%ED%A0%80",
            "%G1",
            "%1G",
            "é",
            "a",
            "+",
            "%%",
            "%é",
            "%0é",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 6) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            assert_eq!(
                percent_decode(&text),
                percent_decode_by_std(&text),
                "{text}"
            );
        }
    }

    fn t(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| d.to_utc())
            .unwrap_or_default()
    }

    #[test]
    fn preset_hash_round_trips() {
        let at = t("2026-01-07T10:30:00Z");
        let text = format(&ScenarioRef::Preset("happy-import".into()), at);
        assert_eq!(text, "preset=happy-import&t=2026-01-07T10:30:00Z");
        let parsed = parse(&format!("#{text}"));
        assert_eq!(
            parsed,
            Ok(Some(HashRequest {
                scenario: ScenarioRef::Preset("happy-import".into()),
                at: Some(at),
                warnings: vec![],
            }))
        );
    }

    #[test]
    fn a_world_too_big_for_a_link_is_refused_before_it_is_written() {
        let Some(big) = preset("stress-10000") else {
            panic!("preset exists")
        };
        let written = base64url::encode(big.to_json_compact().as_bytes()).len();
        match scenario_part(&ScenarioRef::Inline(Box::new(big))) {
            Err(least) => assert!(least > MAX_LINK_CHARS && least <= written),
            Ok(_) => panic!("a 10,000-job scenario does not fit a link"),
        }
        let Some(small) = preset("happy-import") else {
            panic!("preset exists")
        };
        assert!(scenario_part(&ScenarioRef::Inline(Box::new(small))).is_ok());
    }

    #[test]
    fn inline_scenario_hash_round_trips() {
        let Some(scenario) = preset("never-arrives") else {
            panic!("preset exists")
        };
        let at = t("2026-02-01T00:00:00Z");
        let text = format(&ScenarioRef::Inline(Box::new(scenario.clone())), at);
        let encoded = text
            .trim_start_matches("scenario=")
            .split('&')
            .next()
            .unwrap_or_default();
        assert!(
            !encoded.is_empty() && !encoded.contains('='),
            "no padding: {encoded}"
        );
        match parse(&text) {
            Ok(Some(HashRequest {
                scenario: ScenarioRef::Inline(s),
                at: Some(a),
                ..
            })) => {
                assert_eq!(*s, scenario);
                assert_eq!(a, at);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_fraction_of_a_second_survives_the_link() {
        let at = t("2026-01-07T10:30:00.123456789Z");
        let text = format(&ScenarioRef::Preset("export".into()), at);
        assert_eq!(text, "preset=export&t=2026-01-07T10:30:00.123456789Z");
        assert!(matches!(parse(&text), Ok(Some(HashRequest { at: Some(a), .. })) if a == at));
    }

    #[test]
    fn a_link_past_the_limit_is_refused_before_decoding() {
        let long = format!("scenario={}", "A".repeat(MAX_LINK_CHARS));
        assert_eq!(
            parse(&long),
            Err(HashError::TooLong {
                len: MAX_LINK_CHARS + 9
            })
        );
    }

    #[test]
    fn an_azure_link_opens_the_jobs_at_their_states() {
        let json = include_str!("../azure/samples/list-jobs-in-resource-group.json");
        let link = format!(
            "#azure={}&t=2026-03-01T10:00:00Z",
            base64url::encode(json.as_bytes())
        );
        match parse(&link) {
            Ok(Some(HashRequest {
                scenario: ScenarioRef::Inline(s),
                at: Some(at),
                ..
            })) => {
                assert_eq!(at, t("2026-03-01T10:00:00Z"));
                let sim = crate::sim::Simulation::new(*s).unwrap_or_else(|e| panic!("{e}"));
                let state = sim.job_at("test-by1-ssd-2", at).map(|j| j.state);
                assert_eq!(state, Some(crate::model::JobState::Received));
            }
            other => panic!("unexpected {other:?}"),
        }
        // What does not fit the rules comes with the request, as a paste shows it.
        let odd = br#"{"name": "w1", "properties": {"storageAccountId": "/x/storageAccounts/store1", "jobType": "Import", "state": "Creating", "driveList": [{"driveId": "DRIVE1", "state": "Completed"}]}}"#;
        match parse(&format!(
            "azure={}&t=2026-03-01T10:00:00Z",
            base64url::encode(odd)
        )) {
            Ok(Some(HashRequest { warnings, .. })) => {
                assert!(!warnings.is_empty());
                assert!(warnings.iter().all(|w| w.job == "w1"), "{warnings:?}");
            }
            other => panic!("unexpected {other:?}"),
        }
        let bad = base64url::encode(b"{\"name\": \"<i>\"}");
        assert!(matches!(
            parse(&format!("azure={bad}&t=2026-03-01T10:00:00Z")),
            Err(HashError::BadAzure(_))
        ));
        let ok = base64url::encode(json.as_bytes());
        assert!(matches!(
            parse(&format!("azure={ok}")),
            Err(HashError::BadTime(_))
        ));
    }

    #[test]
    fn view_extras_round_trip_and_leave_the_old_forms_alone() {
        let at = t("2026-01-07T10:30:00Z");
        let base = format(&ScenarioRef::Preset("happy-import".into()), at);
        assert_eq!(view_suffix(ViewParams::default()), "");
        let english = ViewParams {
            projector: false,
            lang: Some(Lang::En),
        };
        assert_eq!(
            view_suffix(english),
            "",
            "the default language is not written"
        );
        let view = ViewParams {
            projector: true,
            lang: Some(Lang::Nl),
        };
        let link = format!("#{base}{}", view_suffix(view));
        assert_eq!(
            link,
            "#preset=happy-import&t=2026-01-07T10:30:00Z&view=projector&lang=nl"
        );
        assert_eq!(view_params(&link), view);
        assert_eq!(without_view(&link), format!("#{base}"));
        // The scenario and the moment read exactly as without the extras.
        assert_eq!(parse(&link), parse(&base));
        assert_eq!(view_params(&base), ViewParams::default());
        // The selected job rides along as base64url (any name), and is no part of the story.
        let with_job = format!("{link}{}", job_suffix(Some("Kasteel Ärø"), true));
        assert!(shows_deleted(&with_job) && !shows_deleted(&link));
        assert_eq!(selected_job(&with_job).as_deref(), Some("Kasteel Ärø"));
        assert_eq!(without_view(&with_job), format!("#{base}"));
        assert_eq!(parse(&with_job), parse(&base));
        assert_eq!(selected_job(&link), None);
        assert_eq!(job_suffix(None, false), "");
        let bad = format!("#{base}&job={}", base64url::encode(b"a\tb"));
        assert_eq!(selected_job(&bad), None, "not a job name");
        assert_eq!(selected_job(&format!("#{base}&job=%%%")), None);
        // Order does not matter; unknown values are the default; other keys stay tolerated.
        let odd = "lang=nl&preset=export&view=projector&zoom=2";
        assert_eq!(view_params(odd), view);
        assert_eq!(without_view(odd), "preset=export&zoom=2");
        assert!(matches!(parse(odd), Ok(Some(_))));
        assert_eq!(
            view_params("#preset=export&view=huge&lang=fr"),
            ViewParams::default()
        );
        // Only the look: the default story, in that look.
        assert_eq!(parse(&without_view("#lang=nl&view=projector")), Ok(None));
    }

    #[test]
    fn percent_encoded_time_is_accepted() {
        let parsed = parse("preset=export&t=2026-01-07T10%3A30%3A00Z");
        assert!(matches!(parsed, Ok(Some(HashRequest { at: Some(_), .. }))));
    }

    #[test]
    fn bad_hashes_say_what_is_wrong() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(
            parse("#preset=nope"),
            Err(HashError::UnknownPreset("nope".into()))
        );
        assert!(matches!(
            parse("#scenario=***"),
            Err(HashError::BadBase64(_))
        ));
        assert!(matches!(
            parse("#preset=export&t=yesterday"),
            Err(HashError::BadTime(_))
        ));
        assert_eq!(parse("#t=2026-01-01T00:00:00Z"), Err(HashError::NoScenario));
        // Percent signs before multi-byte characters are just text, never a panic.
        assert!(matches!(
            parse("#preset=%é%&t=%ü"),
            Err(HashError::UnknownPreset(_))
        ));
        let not_json = base64url::encode(b"{\"version\": 1,");
        match parse(&format!("scenario={not_json}")) {
            Err(HashError::BadScenario(problems)) => assert!(!problems.is_empty()),
            other => panic!("unexpected {other:?}"),
        }
    }
}
