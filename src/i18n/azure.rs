//! The words for importing Azure JSON: problems (the input is refused) and warnings (a job is
//! imported, but something did not fit), in English and Dutch. `crate::azure` only says what.

use super::problems::{capitalised, problem_text};
use super::Lang;
use crate::azure::{AzureProblem, AzureProblemKind as A, Expected, Warning, WarningKind as W};
use crate::model::TextProblem;

fn expected(lang: Lang, e: Expected) -> &'static str {
    match (lang, e) {
        (Lang::En, Expected::Object) => "an object {…}",
        (Lang::En, Expected::List) => "a list […]",
        (Lang::En, Expected::Text) => "a text",
        (Lang::En, Expected::TrueOrFalse) => "true or false",
        (Lang::En, Expected::WholeNumber) => "a whole number",
        (Lang::En, Expected::Percent) => "a whole number from 0 to 100",
        (Lang::Nl, Expected::Object) => "een object {…}",
        (Lang::Nl, Expected::List) => "een lijst […]",
        (Lang::Nl, Expected::Text) => "een tekst",
        (Lang::Nl, Expected::TrueOrFalse) => "true of false",
        (Lang::Nl, Expected::WholeNumber) => "een geheel getal",
        (Lang::Nl, Expected::Percent) => "een geheel getal van 0 tot 100",
    }
}

/// What is wrong with the pasted JSON, in `lang`.
pub fn azure_problem_text(lang: Lang, kind: &A) -> String {
    let en = lang == Lang::En;
    match kind {
        A::Scenario(k) => problem_text(lang, k),
        A::NotJobs => if en {
            "this is not Azure Import/Export JSON: paste the output of `az import-export show` (one job), `az import-export list` ({\"value\": […]} or […]) or a REST GET response"
        } else {
            "dit is geen Azure Import/Export-JSON: plak de uitvoer van `az import-export show` (één taak), `az import-export list` ({\"value\": […]} of […]) of een REST GET-antwoord"
        }
        .into(),
        A::Missing { field } => if en {
            format!("the required field \"{field}\" is missing")
        } else {
            format!("het verplichte veld \"{field}\" ontbreekt")
        },
        A::WrongType(e) => if en {
            format!("should be {}", expected(lang, *e))
        } else {
            format!("moet {} zijn", expected(lang, *e))
        },
        A::Text(p) => match (lang, p) {
            (Lang::En, TextProblem::TooLong { max }) => format!("this text is longer than {max} characters"),
            (Lang::Nl, TextProblem::TooLong { max }) => format!("deze tekst is langer dan {max} tekens"),
            (Lang::En, TextProblem::ControlCharacter) => "this text contains a control character (tab, line break, …)".into(),
            (Lang::Nl, TextProblem::ControlCharacter) => "deze tekst bevat een stuurteken (tab, regeleinde, …)".into(),
            (Lang::En, _) => "this text contains a right-to-left override or isolate character, which would make it read differently".into(),
            (Lang::Nl, _) => "deze tekst bevat een teken dat de leesrichting omkeert, waardoor hij anders leest dan hij is".into(),
        },
        A::Markup => if en {
            "a job name cannot contain < > & \" ' or `: Azure allows none of them, and they would be markup"
        } else {
            "een taaknaam kan geen < > & \" ' of ` bevatten: Azure staat ze niet toe, en het zou opmaak worden"
        }
        .into(),
    }
}

/// One problem as a line: where, then what.
pub fn azure_problem_line(lang: Lang, p: &AzureProblem) -> String {
    let text = azure_problem_text(lang, &p.kind);
    match (lang, p.line, p.column) {
        (Lang::En, Some(l), Some(c)) => format!("{} (line {l}, column {c}): {text}", p.path),
        (Lang::Nl, Some(l), Some(c)) => format!("{} (regel {l}, kolom {c}): {text}", p.path),
        _ => format!("{}: {text}", p.path),
    }
}

fn shown(lang: Lang, s: Option<&'static str>) -> &'static str {
    s.unwrap_or(if lang == Lang::En {
        "deleted"
    } else {
        "verwijderd"
    })
}

/// One warning as a line, starting with the job's name.
pub fn azure_warning_line(lang: Lang, w: &Warning) -> String {
    let en = lang == Lang::En;
    let what = match &w.kind {
        W::TooManyDrives { count } => if en {
            format!("{count} drives; a job holds at most 10, the first 10 are imported")
        } else {
            format!("{count} schijven; een taak heeft er hoogstens 10, de eerste 10 zijn geïmporteerd")
        },
        W::UnknownDriveState { drive, found } => if en {
            format!("drive {drive} has the state \"{found}\", which the service does not have; it follows its job")
        } else {
            format!("schijf {drive} heeft de status \"{found}\", die de dienst niet kent; hij volgt zijn taak")
        },
        W::DriveIdReplaced { drive, used } => if en {
            format!("drive id \"{drive}\" is not 8 letters and digits, or is used twice; it is shown as {used}")
        } else {
            format!("schijf-ID \"{drive}\" is geen 8 letters en cijfers, of komt twee keer voor; hij staat er als {used}")
        },
        W::NoDriveList { count } => if en {
            format!("no driveList; {count} stand-in drive(s) are shown")
        } else {
            format!("geen driveList; er staan {count} vervangende schijf/schijven")
        },
        W::Renamed { used } => if en {
            format!("a second job with this name is shown as {used}")
        } else {
            format!("een tweede taak met deze naam staat er als {used}")
        },
        W::DatesIgnored => if en {
            "under the rules its dates (created, shipped) would have moved it on by now (expired or closed), so it is placed at the chosen time"
        } else {
            "volgens de regels was de taak met deze datums (aangemaakt, verzonden) nu al verder (verlopen of gesloten), dus hij staat op het gekozen tijdstip"
        }
        .into(),
        W::NoTracking => if en {
            "no carrier and tracking number in its package; \"unknown\" is shown"
        } else {
            "geen vervoerder en trackingnummer in het pakket; er staat \"unknown\""
        }
        .into(),
        W::JobStateDiffers { azure, shown: s } => if en {
            format!("Azure says {azure}, the rules give {}", shown(lang, s.map(|s| s.id())))
        } else {
            format!("Azure zegt {azure}, de regels geven {}", shown(lang, s.map(|s| s.id())))
        },
        W::DriveStateDiffers { drive, azure, shown: s } => if en {
            format!("drive {drive}: Azure says {azure}, which cannot go with the job's state; shown as {}", shown(lang, s.map(|s| s.id())))
        } else {
            format!("schijf {drive}: Azure zegt {azure}, wat niet bij de status van de taak past; staat er als {}", shown(lang, s.map(|s| s.id())))
        },
    };
    format!("{}: {}", w.job, capitalised(&what))
}

/// The "Import from Azure" panel's fixed texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AzText {
    Heading,
    Paste,
    Since,
    Now,
    Import,
    Rejected,
    Imported,
    BadSince,
    Export,
    ScenarioJson,
    JobsCsv,
    DrivesCsv,
    RestJson,
    MyHeading,
    MyHint,
    MyType,
    MyState,
    MySince,
    MyTracking,
    MyDrives,
    MyDrive,
    MyAddDrive,
    MyRemoveDrive,
    MyShow,
    JobJson,
}

impl AzText {
    pub const ALL: [AzText; 25] = [
        AzText::Heading,
        AzText::Paste,
        AzText::Since,
        AzText::Now,
        AzText::Import,
        AzText::Rejected,
        AzText::Imported,
        AzText::BadSince,
        AzText::Export,
        AzText::ScenarioJson,
        AzText::JobsCsv,
        AzText::DrivesCsv,
        AzText::RestJson,
        AzText::MyHeading,
        AzText::MyHint,
        AzText::MyType,
        AzText::MyState,
        AzText::MySince,
        AzText::MyTracking,
        AzText::MyDrives,
        AzText::MyDrive,
        AzText::MyAddDrive,
        AzText::MyRemoveDrive,
        AzText::MyShow,
        AzText::JobJson,
    ];
}

pub fn az(lang: Lang, key: AzText) -> &'static str {
    use AzText as T;
    match (lang, key) {
        (Lang::En, T::Heading) => "Import from Azure",
        (Lang::En, T::Paste) => {
            "Paste the output of az import-export show or list, or a REST GET response"
        }
        (Lang::En, T::Since) => "The jobs are in these states at (UTC, empty: now)",
        (Lang::En, T::Now) => "Now",
        (Lang::En, T::Import) => "Import",
        (Lang::En, T::Rejected) => "Not imported; nothing changed:",
        (Lang::En, T::Imported) => "Imported. What did not fit the rules:",
        (Lang::En, T::BadSince) => "The time should read YYYY-MM-DD HH:MM (UTC).",
        (Lang::En, T::Export) => "Save as file:",
        (Lang::En, T::ScenarioJson) => "Scenario (JSON)",
        (Lang::En, T::JobsCsv) => "Jobs (CSV)",
        (Lang::En, T::DrivesCsv) => "Drives (CSV)",
        (Lang::En, T::RestJson) => "Jobs as Azure REST JSON",
        (Lang::Nl, T::Heading) => "Importeren uit Azure",
        (Lang::Nl, T::Paste) => {
            "Plak de uitvoer van az import-export show of list, of een REST GET-antwoord"
        }
        (Lang::Nl, T::Since) => "De taken hebben deze statussen op (UTC, leeg: nu)",
        (Lang::Nl, T::Now) => "Nu",
        (Lang::Nl, T::Import) => "Importeren",
        (Lang::Nl, T::Rejected) => "Niet geïmporteerd; er is niets veranderd:",
        (Lang::Nl, T::Imported) => "Geïmporteerd. Wat niet bij de regels past:",
        (Lang::Nl, T::BadSince) => "De tijd moet er uitzien als JJJJ-MM-DD UU:MM (UTC).",
        (Lang::Nl, T::Export) => "Opslaan als bestand:",
        (Lang::Nl, T::ScenarioJson) => "Scenario (JSON)",
        (Lang::Nl, T::JobsCsv) => "Taken (CSV)",
        (Lang::Nl, T::DrivesCsv) => "Schijven (CSV)",
        (Lang::Nl, T::RestJson) => "Taken als Azure REST-JSON",
        (Lang::En, T::MyHeading) => "Model my job",
        (Lang::En, T::MyHint) => "No JSON at hand? Say where your job is; a blank story with only this job (autopilot off) shows what the rules will do next.",
        (Lang::En, T::MyType) => "Type",
        (Lang::En, T::MyState) => "Current state",
        (Lang::En, T::MySince) => "In this state since (UTC, empty: now)",
        (Lang::En, T::MyTracking) => "Tracking number entered on (UTC, optional)",
        (Lang::En, T::MyDrives) => "Drives",
        (Lang::En, T::MyDrive) => "Drive",
        (Lang::En, T::MyAddDrive) => "Add a drive",
        (Lang::En, T::MyRemoveDrive) => "Remove the last drive",
        (Lang::En, T::MyShow) => "Show what happens next",
        (Lang::Nl, T::MyHeading) => "Mijn taak nabootsen",
        (Lang::Nl, T::MyHint) => "Geen JSON bij de hand? Zeg waar uw taak staat; een leeg verhaal met alleen deze taak (automatische piloot uit) toont wat de regels hierna doen.",
        (Lang::Nl, T::MyType) => "Type",
        (Lang::Nl, T::MyState) => "Huidige status",
        (Lang::Nl, T::MySince) => "In deze status sinds (UTC, leeg: nu)",
        (Lang::Nl, T::MyTracking) => "Trackingnummer ingevoerd op (UTC, optioneel)",
        (Lang::Nl, T::MyDrives) => "Schijven",
        (Lang::Nl, T::MyDrive) => "Schijf",
        (Lang::Nl, T::MyAddDrive) => "Schijf toevoegen",
        (Lang::Nl, T::MyRemoveDrive) => "Laatste schijf verwijderen",
        (Lang::Nl, T::MyShow) => "Toon wat er hierna gebeurt",
        (Lang::En, T::JobJson) => "Save as Azure JSON (as az import-export show prints it)",
        (Lang::Nl, T::JobJson) => "Opslaan als Azure-JSON (zoals az import-export show het toont)",
    }
}

/// What comes next for a modelled job, in one sentence. Times arrive written (`on`, `from`,
/// `to`); a typical figure is never called a rule.
pub fn my_job_next(
    lang: Lang,
    next: &crate::azure::Next,
    job: &str,
    state: crate::model::JobState,
    on: &str,
    to: &str,
) -> String {
    use crate::azure::Next as N;
    match (lang, next) {
        (_, N::Rule(rule, _)) => {
            let what = super::deadline_ahead(lang, *rule, on, state);
            format!("{job} ({}): {what} ({})", state.id(), rule.id())
        }
        (Lang::En, N::TypicalCopy { .. }) => format!("{job} ({}): no time rule applies in this state. Typically (not a rule, there is no SLA) the copy ends 7 to 10 days after the drives arrive: between {on} and {to}.", state.id()),
        (Lang::Nl, N::TypicalCopy { .. }) => format!("{job} ({}): in deze status geldt geen tijdregel. Meestal (geen regel, er is geen SLA) is het kopiëren 7 tot 10 dagen na aankomst van de schijven klaar: tussen {on} en {to}.", state.id()),
        (Lang::En, N::Waits) => format!("{job} ({}): no time rule applies in this state and the articles give no typical time for it; the job waits for the datacenter.", state.id()),
        (Lang::Nl, N::Waits) => format!("{job} ({}): in deze status geldt geen tijdregel en de artikelen noemen er geen gebruikelijke duur voor; de taak wacht op het datacenter.", state.id()),
        (Lang::En, N::End) => format!("{job} no longer exists at that moment: it was deleted."),
        (Lang::Nl, N::End) => format!("{job} bestaat op dat moment niet meer: de taak is verwijderd."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Time;

    #[test]
    fn problems_read_with_their_place_in_both_languages() {
        let text = "{\"name\": \"<b>\", \"properties\": {\"storageAccountId\": \"/x/storageAccounts/store1\", \"jobType\": \"Import\"}}";
        let Err(p) = crate::azure::import(text, Time::UNIX_EPOCH) else {
            panic!("should be refused")
        };
        assert!(azure_problem_line(Lang::En, &p[0])
            .starts_with("$.name (line 1, column 10): a job name cannot contain"));
        assert!(azure_problem_line(Lang::Nl, &p[0])
            .starts_with("$.name (regel 1, kolom 10): een taaknaam"));
    }

    #[test]
    fn every_panel_text_differs_by_language_where_it_should() {
        for key in AzText::ALL {
            assert!(!az(Lang::En, key).is_empty() && !az(Lang::Nl, key).is_empty());
        }
        assert_ne!(az(Lang::En, AzText::Heading), az(Lang::Nl, AzText::Heading));
    }

    #[test]
    fn every_warning_has_words_in_both_languages() {
        use crate::model::{DriveId, DriveState, JobState};
        let kinds = [
            W::TooManyDrives { count: 12 },
            W::UnknownDriveState {
                drive: "A".into(),
                found: "x".into(),
            },
            W::DriveIdReplaced {
                drive: "A".into(),
                used: DriveId::from_number(1),
            },
            W::NoDriveList { count: 1 },
            W::Renamed { used: "a-2".into() },
            W::DatesIgnored,
            W::NoTracking,
            W::JobStateDiffers {
                azure: JobState::Received,
                shown: None,
            },
            W::DriveStateDiffers {
                drive: "A".into(),
                azure: DriveState::Received,
                shown: Some(DriveState::Specified),
            },
        ];
        for kind in kinds {
            let w = Warning {
                job: "j".into(),
                kind,
            };
            for lang in Lang::ALL {
                let line = azure_warning_line(lang, &w);
                assert!(line.len() > 10 && line.starts_with("j: "), "{line}");
            }
        }
    }
}
