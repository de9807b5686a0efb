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

/// A sentence-initial capital, for messages that start with a field name.
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
            at.to_rfc3339()
        ),
        (Lang::Nl, InputProblem::TimeOutOfRange { at }) => format!(
            "{} ligt vóór het begin van het scenario of na het jaar 9999",
            at.to_rfc3339()
        ),
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

/// A size field that holds no number.
pub fn not_a_number_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Size is a number of GiB above 0.",
        Lang::Nl => "De grootte is een aantal GiB boven 0.",
    }
}
