//! Input and scenario-file problems in the interface language. The model and the validator
//! only say *what* is wrong (a code with its data); the words are here, in English and Dutch.

use super::Lang;
use crate::model::{Countable, InputProblem, TextField, TextProblem};

fn field_name(lang: Lang, field: TextField) -> &'static str {
    match (lang, field) {
        (Lang::En, TextField::JobName) => "the job name",
        (Lang::En, TextField::StorageAccount) => "the storage account",
        (Lang::En, TextField::Carrier) => "the carrier",
        (Lang::En, TextField::Tracking) => "the tracking number",
        (Lang::En, TextField::Message) => "a copy message",
        (Lang::En, TextField::Title) => "the title",
        (Lang::En, TextField::Description) => "the description",
        (Lang::Nl, TextField::JobName) => "de taaknaam",
        (Lang::Nl, TextField::StorageAccount) => "het opslagaccount",
        (Lang::Nl, TextField::Carrier) => "de vervoerder",
        (Lang::Nl, TextField::Tracking) => "het trackingnummer",
        (Lang::Nl, TextField::Message) => "een kopieermelding",
        (Lang::Nl, TextField::Title) => "de titel",
        (Lang::Nl, TextField::Description) => "de beschrijving",
    }
}

fn countable(lang: Lang, what: Countable) -> &'static str {
    match (lang, what) {
        (Lang::En, Countable::Jobs) => "jobs",
        (Lang::En, Countable::Events) => "events",
        (Lang::En, Countable::EventsForJob) => "events for one job",
        (Lang::En, Countable::PresentDrives) => "drives in one package",
        (Lang::En, Countable::ExtraDrives) => "extra drives in one package",
        (Lang::En, Countable::Messages) => "messages on one copy",
        (Lang::Nl, Countable::Jobs) => "taken",
        (Lang::Nl, Countable::Events) => "gebeurtenissen",
        (Lang::Nl, Countable::EventsForJob) => "gebeurtenissen voor één taak",
        (Lang::Nl, Countable::PresentDrives) => "schijven in één pakket",
        (Lang::Nl, Countable::ExtraDrives) => "extra schijven in één pakket",
        (Lang::Nl, Countable::Messages) => "meldingen bij één kopie",
    }
}

/// A sentence-initial capital, for messages that start with a field name. The catalogue's
/// field names start with an ASCII letter; ASCII-only keeps Unicode's case tables (about 24 KB)
/// out of the wasm.
pub(crate) fn capitalised(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// One input problem as a sentence (no rule id; callers add it where it helps).
pub fn input_text(lang: Lang, problem: &InputProblem) -> String {
    match (lang, problem) {
        (_, InputProblem::Text { field, problem }) => {
            let f = field_name(lang, *field);
            let rest = match (lang, problem) {
                (Lang::En, TextProblem::Empty) => "is empty".to_string(),
                (Lang::En, TextProblem::TooLong { max }) => {
                    format!("is longer than {max} characters")
                }
                (Lang::En, TextProblem::ControlCharacter) => {
                    "contains a control character (tab, line break, ...)".to_string()
                }
                (Lang::En, TextProblem::BidiCharacter) => {
                    "contains a right-to-left override or isolate character, which would make it read differently".to_string()
                }
                (Lang::En, TextProblem::NotAStorageAccountName) => {
                    "must be 3 to 24 lowercase letters and digits".to_string()
                }
                (Lang::Nl, TextProblem::Empty) => "is leeg".to_string(),
                (Lang::Nl, TextProblem::TooLong { max }) => {
                    format!("is langer dan {max} tekens")
                }
                (Lang::Nl, TextProblem::ControlCharacter) => {
                    "bevat een stuurteken (tab, regeleinde, ...)".to_string()
                }
                (Lang::Nl, TextProblem::BidiCharacter) => {
                    "bevat een teken dat de leesrichting omkeert, waardoor het anders leest dan het is".to_string()
                }
                (Lang::Nl, TextProblem::NotAStorageAccountName) => {
                    "moet uit 3 tot 24 kleine letters en cijfers bestaan".to_string()
                }
            };
            format!("{} {rest}", capitalised(f))
        }
        (Lang::En, InputProblem::DriveSize { drive }) => {
            format!("drive {drive} needs a size above 0 and at most 1 PiB (1,048,576 GiB)")
        }
        (Lang::Nl, InputProblem::DriveSize { drive }) => format!(
            "schijf {drive} heeft een grootte boven 0 en hoogstens 1 PiB (1.048.576 GiB) nodig"
        ),
        (Lang::En, InputProblem::DriveInUse { drive, owner }) => {
            format!("drive {drive} already belongs to job \"{owner}\"; a drive id names one physical drive")
        }
        (Lang::Nl, InputProblem::DriveInUse { drive, owner }) => {
            format!(
                "schijf {drive} hoort al bij taak \"{owner}\"; een schijf-id is één fysieke schijf"
            )
        }
        (Lang::En, InputProblem::TooMany { what, count }) => format!(
            "{count} {}; at most {} are allowed",
            countable(lang, *what),
            what.max()
        ),
        (Lang::Nl, InputProblem::TooMany { what, count }) => format!(
            "{count} {}; hoogstens {} toegestaan",
            countable(lang, *what),
            what.max()
        ),
        (Lang::En, InputProblem::TimeOutOfRange { at }) => format!(
            "{} is before the scenario's start or after the year 9999",
            crate::model::rfc3339::write_rfc3339(*at, true, false)
        ),
        (Lang::Nl, InputProblem::TimeOutOfRange { at }) => format!(
            "{} ligt vóór het begin van het scenario of na het jaar 9999",
            crate::model::rfc3339::write_rfc3339(*at, true, false)
        ),
    }
}

/// The address bar could not take the view's link.
pub fn link_not_stored(lang: Lang, chars: usize, refused: bool) -> String {
    let max = crate::model::limits::MAX_LINK_CHARS;
    match (lang, refused) {
        (Lang::En, false) => format!(
            "This view's link would be at least {chars} characters, more than the {max} a link may hold, so the address bar no longer follows it. Keep the scenario with \"Show the current scenario\" and share the file instead."
        ),
        (Lang::En, true) => format!(
            "The browser did not store this view's link ({chars} characters), so the address bar no longer follows it. Keep the scenario with \"Show the current scenario\" and share the file instead."
        ),
        (Lang::Nl, false) => format!(
            "De link van deze weergave zou minstens {chars} tekens lang zijn, meer dan de {max} die een link mag hebben; de adresbalk volgt de weergave dus niet meer. Bewaar het scenario met \"Huidig scenario tonen\" en deel het bestand."
        ),
        (Lang::Nl, true) => format!(
            "De browser heeft de link van deze weergave ({chars} tekens) niet bewaard; de adresbalk volgt de weergave dus niet meer. Bewaar het scenario met \"Huidig scenario tonen\" en deel het bestand."
        ),
    }
}

/// The browser's storage refused the work to come back to.
pub fn not_saved(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "The browser's storage is full: this view will not come back on your next visit."
        }
        Lang::Nl => {
            "De opslag van de browser is vol: deze weergave komt bij uw volgende bezoek niet terug."
        }
    }
}

/// Why a text is not a drive id.
pub fn drive_id_text(lang: Lang, e: &crate::model::DriveIdError) -> String {
    use crate::model::DriveIdError as E;
    match (lang, e) {
        (Lang::En, E::WrongLength { len, .. }) => {
            format!("A drive ID has exactly 8 letters or digits, like 9CA995BB; this has {len}.")
        }
        (Lang::En, E::NotAlphanumeric { .. }) => {
            "A drive ID may contain only letters A-Z and digits 0-9, like 9CA995BB.".to_string()
        }
        (Lang::Nl, E::WrongLength { len, .. }) => format!(
            "Een schijf-ID heeft precies 8 letters of cijfers, zoals 9CA995BB; dit heeft er {len}."
        ),
        (Lang::Nl, E::NotAlphanumeric { .. }) => {
            "Een schijf-ID bevat alleen letters A-Z en cijfers 0-9, zoals 9CA995BB.".to_string()
        }
    }
}

/// English, for logs and tests.
impl std::fmt::Display for crate::model::DriveIdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&drive_id_text(Lang::En, self))
    }
}

/// English, for logs and tests.
impl std::fmt::Display for crate::model::UnknownLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\"{}\" is not a valid {}; expected one of: {}",
            self.value,
            self.kind,
            crate::text::join(&self.expected, ", ")
        )
    }
}

/// A size field that holds no number.
pub fn not_a_number_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Size is a number of GiB above 0.",
        Lang::Nl => "De grootte is een aantal GiB boven 0.",
    }
}

fn needed(lang: Lang, n: crate::sim::scenario::Needed) -> String {
    use crate::sim::scenario::Needed as N;
    match (lang, n) {
        (Lang::En, N::Scenario) => "a scenario is a JSON object { \"version\": 1, ... }".into(),
        (Lang::En, N::Version) => "write \"version\": 1".into(),
        (Lang::En, N::Start) => {
            "the scenario needs a start time like \"2026-01-05T09:00:00Z\"".into()
        }
        (Lang::En, N::Autopilot) => {
            "the autopilot is an object like {\"enabled\": true, \"load\": 0.5}".into()
        }
        (Lang::En, N::Job) => {
            "a job is an object with name, type, storageAccount and drives".into()
        }
        (Lang::En, N::JobName) => "every job needs a non-empty name".into(),
        (Lang::En, N::StorageAccount) => "name the storage account as a string".into(),
        (Lang::En, N::DriveId) => "a drive needs an 8-character id like 9CA995BB".into(),
        (Lang::En, N::DriveSize) => {
            "give the drive's size in GiB (a number above 0), like 500".into()
        }
        (Lang::En, N::Event) => "an event is an object with at, kind and job".into(),
        (Lang::En, N::EventTime) => "every event needs a time".into(),
        (Lang::En, N::EventJob) => "name the job this event is about".into(),
        (Lang::En, N::EventDrive(k)) => format!("{k} needs a drive id"),
        (Lang::En, N::Carrier(k)) => format!("{k} needs a carrier string"),
        (Lang::En, N::Tracking(k)) => format!("{k} needs a tracking string"),
        (Lang::En, N::Present) => "list the drive ids in the package (may be [])".into(),
        (Lang::Nl, N::Scenario) => "een scenario is een JSON-object { \"version\": 1, ... }".into(),
        (Lang::Nl, N::Version) => "schrijf \"version\": 1".into(),
        (Lang::Nl, N::Start) => {
            "het scenario heeft een begintijd nodig, zoals \"2026-01-05T09:00:00Z\"".into()
        }
        (Lang::Nl, N::Autopilot) => {
            "de autopiloot is een object zoals {\"enabled\": true, \"load\": 0.5}".into()
        }
        (Lang::Nl, N::Job) => {
            "een taak is een object met name, type, storageAccount en drives".into()
        }
        (Lang::Nl, N::JobName) => "elke taak heeft een niet-lege naam nodig".into(),
        (Lang::Nl, N::StorageAccount) => "geef het opslagaccount als tekst".into(),
        (Lang::Nl, N::DriveId) => {
            "een schijf heeft een ID van 8 tekens nodig, zoals 9CA995BB".into()
        }
        (Lang::Nl, N::DriveSize) => {
            "geef de grootte van de schijf in GiB (een getal boven 0), zoals 500".into()
        }
        (Lang::Nl, N::Event) => "een gebeurtenis is een object met at, kind en job".into(),
        (Lang::Nl, N::EventTime) => "elke gebeurtenis heeft een tijd nodig".into(),
        (Lang::Nl, N::EventJob) => "noem de taak waar deze gebeurtenis over gaat".into(),
        (Lang::Nl, N::EventDrive(k)) => format!("{k} heeft een schijf-ID nodig"),
        (Lang::Nl, N::Carrier(k)) => format!("{k} heeft een vervoerder (tekst) nodig"),
        (Lang::Nl, N::Tracking(k)) => format!("{k} heeft een trackingnummer (tekst) nodig"),
        (Lang::Nl, N::Present) => "noem de schijf-ID's in het pakket (mag [] zijn)".into(),
    }
}

fn time(t: &crate::model::Time) -> String {
    crate::model::rfc3339::write_rfc3339(*t, true, true)
}

/// What is wrong with a scenario file, in `lang`.
pub fn problem_text(lang: Lang, kind: &crate::sim::scenario::ProblemKind) -> String {
    use crate::sim::scenario::ProblemKind as K;
    let en = lang == Lang::En;
    let t = |e: &str, n: &str, args: &[&str]| super::fill(if en { e } else { n }, args);
    match kind {
        K::FileTooLarge { bytes } => t("the file is {0} bytes; a scenario may be at most 8388608 bytes (8 MiB)", "het bestand is {0} bytes; een scenario mag hoogstens 8388608 bytes (8 MiB) zijn", &[&bytes.to_string()]),
        K::NotJson { detail } => t("not valid JSON: {0}", "geen geldige JSON: {0}", &[detail]),
        K::MoreProblems { count } => t("and {0} more problems", "en nog {0} problemen", &[&count.to_string()]),
        K::NotAnObject(n) => needed(lang, *n),
        K::Missing(n) => t("missing; {0}", "ontbreekt; {0}", &[&needed(lang, *n)]),
        K::UnsupportedVersion { found } => t("unsupported version {0}; this simulator reads version 1", "versie {0} wordt niet ondersteund; deze simulator leest versie 1", &[found]),
        K::NotWholeNumber => t("must be a whole number, 0 or more", "moet een geheel getal zijn, 0 of meer", &[]),
        K::NotOneOf { found, expected } => t("{0} is not one of: {1}", "{0} is niet een van: {1}", &[found, &crate::text::join(expected, ", ")]),
        K::NotTrueOrFalse => t("must be true or false", "moet true of false zijn", &[]),
        K::NumberOutOfRange { lo, hi } => t("must be a number from {0} to {1}", "moet een getal van {0} tot {1} zijn", &[lo, hi]),
        K::NotImportOrExport => t("must be \"Import\" or \"Export\"", "moet \"Import\" of \"Export\" zijn", &[]),
        K::DriveSize => t("a drive needs a size above 0 and at most 1 PiB (1,048,576 GiB)", "een schijf heeft een grootte boven 0 en hoogstens 1 PiB (1.048.576 GiB) nodig", &[]),
        K::DuplicateJobName { name } => t("duplicate job name \"{0}\"", "de taaknaam \"{0}\" komt twee keer voor", &[name]),
        K::CreatedAtNotEventTime => t("a CreateJob event creates the job at its own \"at\"; remove createdAt or make it the same time", "een CreateJob-gebeurtenis maakt de taak op haar eigen \"at\"; haal createdAt weg of maak het dezelfde tijd", &[]),
        K::AutomaticKind { kind } => t("{0} is automatic: the engine fires it at its due time; remove it", "{0} gaat automatisch: de simulator laat het op zijn tijd gebeuren; haal het weg", &[kind]),
        K::UnknownKind { found } => t("\"{0}\" is not a valid event kind; expected one of: {1}", "\"{0}\" is geen geldige soort gebeurtenis; verwacht een van: {1}", &[found, &kinds()]),
        K::UnknownJob { name } => t("unknown job \"{0}\"", "onbekende taak \"{0}\"", &[name]),
        K::NotAnOutcome => t("must be \"clean\", \"warnings\" or \"errors\"", "moet \"clean\", \"warnings\" of \"errors\" zijn", &[]),
        K::NotAListOfStrings => t("must be a list of strings", "moet een lijst van teksten zijn", &[]),
        K::NotAList => t("must be a list [ ... ]", "moet een lijst [ ... ] zijn", &[]),
        K::NotAString => t("must be a string", "moet een tekst zijn", &[]),
        K::ListedTwice { drive } => t("drive {0} is listed twice in this package", "schijf {0} staat twee keer in dit pakket", &[drive.as_str()]),
        K::UnknownDrive { drive, job } => t("unknown drive {0} in job \"{1}\"", "onbekende schijf {0} in taak \"{1}\"", &[drive.as_str(), job]),
        K::BadTime { found } => t("bad time {0}; write an RFC 3339 time like \"2026-01-05T09:00:00Z\"", "ongeldige tijd {0}; schrijf een RFC 3339-tijd zoals \"2026-01-05T09:00:00Z\"", &[found]),
        K::OutOfOrder { at, prev } => t("events are out of time order: {0} is before the previous event at {1}", "gebeurtenissen staan niet op volgorde: {0} ligt vóór de vorige gebeurtenis op {1}", &[&time(at), &time(prev)]),
        K::PastYear9999 { at } => t("{0} is past the year 9999", "{0} ligt na het jaar 9999", &[&time(at)]),
        K::BeforeStart { at, start } => t("{0} is before the scenario's start {1}", "{0} ligt vóór het begin van het scenario, {1}", &[&time(at), &time(start)]),
        K::BadDriveId(e) => drive_id_text(lang, e),
        K::TooManyEventsForJob { job, count } => t("job \"{0}\" has {1} events; a job may have at most 1000 (its story would be cut short)", "taak \"{0}\" heeft {1} gebeurtenissen; een taak mag er hoogstens 1000 hebben (haar verhaal zou worden afgekapt)", &[job, &count.to_string()]),
        K::Input(p) => input_text(lang, p),
        K::Refused(crate::model::Refusal::Input { problem, .. }) => input_text(lang, problem),
        K::Refused(r) => {
            let mut text = super::refusal_text(lang, r);
            // The rule's summary is for the log; a file problem needs only the reason. A byte
            // scan, not `split`: the core needs no substring searcher for this one cut.
            if let Some(i) = text.as_bytes().windows(3).position(|w| w == b" (R") {
                text.truncate(i);
            }
            text
        }
    }
}

fn kinds() -> String {
    crate::text::join(&crate::model::ActionKind::ALL.map(|k| k.id()), ", ")
}

/// One problem as a line: where, then what, in `lang`.
pub fn problem_line(lang: Lang, p: &crate::sim::Problem) -> String {
    let text = problem_text(lang, &p.kind);
    match (lang, p.line, p.column) {
        (Lang::En, Some(l), Some(c)) => format!("{} (line {l}, column {c}): {text}", p.path),
        (Lang::Nl, Some(l), Some(c)) => format!("{} (regel {l}, kolom {c}): {text}", p.path),
        _ => format!("{}: {text}", p.path),
    }
}

/// English, for logs, tests and messages outside the interface.
impl std::fmt::Display for crate::sim::Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&problem_line(Lang::En, self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Scenario;

    #[test]
    fn file_problems_read_in_dutch_with_their_place() {
        let text = "{\"version\": 2, \"start\": \"2026-01-05T09:00:00Z\",\n \"jobs\": [{\"name\": \"a\", \"type\": \"Import\", \"storageAccount\": \"store1\", \"drives\": [{\"id\": \"A0000001\", \"sizeGiB\": 0}]}]}";
        let Err(errors) = Scenario::parse(text) else {
            panic!("the file should be rejected")
        };
        let lines: Vec<String> = errors
            .problems
            .iter()
            .map(|p| problem_line(Lang::Nl, p))
            .collect();
        assert_eq!(
            lines[0],
            "$.version (regel 1, kolom 13): versie 2 wordt niet ondersteund; deze simulator leest versie 1"
        );
        assert!(
            lines[1].starts_with("$.jobs[0].drives[0].sizeGiB (regel 2, kolom ")
                && lines[1].ends_with("schijf A0000001 heeft een grootte boven 0 en hoogstens 1 PiB (1.048.576 GiB) nodig"),
            "{}",
            lines[1]
        );
        assert!(errors.problems[0]
            .to_string()
            .ends_with("unsupported version 2; this simulator reads version 1"));
    }
}
