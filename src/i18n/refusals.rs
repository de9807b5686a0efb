//! Refusals in the interface language. An action is named as its button names it ("Ship
//! drives back"), not by its event name (`DrivesShippedBack`): the learner pressed a button
//! and should recognise it. Written here, so the core stays free of interface concerns and
//! of prose; `Display` (English) is implemented here too, for logs and tests.

use super::{rule_text, Lang, Text};
use crate::model::{ActionKind, DriveState, Refusal};

/// The words of the button that performs `kind` (an action without a button gets a label
/// in the same style).
pub fn action_label(lang: Lang, kind: ActionKind) -> &'static str {
    lang.t(match kind {
        ActionKind::CreateJob => Text::CreateJob,
        ActionKind::UpdateJob => Text::UpdateJob,
        ActionKind::EnterTracking => Text::EnterTracking,
        ActionKind::CancelJob => Text::CancelJob,
        ActionKind::DeleteJob => Text::DeleteJob,
        ActionKind::PackageDelivered => Text::PackageDelivered,
        ActionKind::DriveArrivedLate => Text::ArrivedLate,
        ActionKind::CopyStarted => Text::StartCopy,
        ActionKind::CopyProgress => Text::CopyProgress,
        ActionKind::CopyFinished => Text::FinishCopy,
        ActionKind::DrivesShippedBack => Text::ShipBack,
    })
}

/// The refusal in `lang`, ending with its rule id and that rule in one line.
pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let rule = refusal.rule();
    let what = match lang {
        Lang::En => en(refusal),
        Lang::Nl => nl(refusal),
    };
    format!("{what} ({}: {})", rule.id(), rule_text(lang, rule))
}

/// "Refused: …": how a refused action is reported beside its control.
pub fn refused_line(lang: Lang, refusal: &Refusal) -> String {
    format!("{}: {}", lang.t(Text::Refused), refusal_text(lang, refusal))
}

fn either(states: &[DriveState], or: &str) -> String {
    let mut out = String::new();
    for (i, s) in states.iter().enumerate() {
        if i > 0 {
            out.push_str(or);
        }
        out.push_str(s.id());
    }
    out
}

/// English: the core's wording, with actions named as their buttons.
fn en(refusal: &Refusal) -> String {
    let lang = Lang::En;
    match refusal {
        Refusal::NotAllowedInState { action, state, .. } => format!(
            "“{}” is not allowed while the job is {state}",
            action_label(lang, *action)
        ),
        Refusal::MissingTracking { action } => format!(
            "“{}” needs both a carrier and a tracking number",
            action_label(lang, *action)
        ),
        Refusal::DriveNotInState {
            drive,
            state,
            expected,
            ..
        } => format!(
            "drive {drive} is {state}; this needs it to be {}",
            either(expected, " or ")
        ),
        Refusal::Input { problem, .. } => super::problems::input_text(lang, problem),
        Refusal::UnknownJob { job } => format!("there is no job named \"{job}\" at this time"),
        Refusal::DuplicateJob { job } => {
            format!("a job named \"{job}\" already exists; choose another name")
        }
        Refusal::UnknownDrive { job, drive } => {
            format!("drive {drive} is not one of job \"{job}\"'s drives")
        }
        Refusal::DuplicateDrive { drive, .. } => {
            format!("drive {drive} is listed twice or already belongs to this job")
        }
        Refusal::JobDeleted { job, .. } => format!("job \"{job}\" has been deleted"),
        Refusal::CancelNotInRuleSet => {
            "the 2018 rules have no cancel; switch to the 2021 rules to cancel a job".into()
        }
        Refusal::BytesOutOfRange {
            drive,
            bytes,
            copied,
            size,
        } => format!(
            "drive {drive}: {bytes} bytes copied is outside {copied}..={size} (progress cannot pass the size or go back)"
        ),
        Refusal::TooManyDrives { count } => {
            format!("a job holds at most 10 drives; this one has {count}")
        }
        Refusal::NoDrives => "an import job needs at least one drive".into(),
        Refusal::TimeBackwards { at, last } => format!(
            "the event at {} is earlier than the job's last change at {}",
            crate::model::rfc3339::write_rfc3339(*at, true, false),
            crate::model::rfc3339::write_rfc3339(*last, true, false)
        ),
    }
}

/// English, for logs, tests and errors outside the interface.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&refusal_text(Lang::En, self))
    }
}

fn nl(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NotAllowedInState { action, state, .. } => {
            format!("“{}” kan niet zolang de taak {state} is", action_label(Lang::Nl, *action))
        }
        Refusal::UnknownJob { job } => format!("er is op dit moment geen taak met de naam \"{job}\""),
        Refusal::DuplicateJob { job } => format!("er bestaat al een taak \"{job}\"; kies een andere naam"),
        Refusal::UnknownDrive { job, drive } => format!("schijf {drive} hoort niet bij taak \"{job}\""),
        Refusal::DuplicateDrive { drive, .. } => {
            format!("schijf {drive} staat er twee keer in of hoort al bij deze taak")
        }
        Refusal::DriveNotInState { drive, state, expected, .. } => {
            format!("schijf {drive} is {state}; hiervoor moet ze {} zijn", either(expected, " of "))
        }
        Refusal::JobDeleted { job, .. } => format!("taak \"{job}\" is verwijderd"),
        Refusal::CancelNotInRuleSet => {
            "de regels van 2018 kennen geen annuleren; kies de regels van 2021 om een taak te annuleren".into()
        }
        Refusal::BytesOutOfRange { drive, bytes, copied, size } => format!(
            "schijf {drive}: {bytes} gekopieerde bytes ligt buiten {copied}..={size} (voortgang kan niet voorbij de grootte of terug)"
        ),
        Refusal::TooManyDrives { count } => format!("een taak heeft hoogstens 10 schijven; deze heeft er {count}"),
        Refusal::NoDrives => "een importtaak heeft minstens één schijf nodig".into(),
        Refusal::Input { problem, .. } => super::problems::input_text(Lang::Nl, problem),
        Refusal::MissingTracking { action } => format!(
            "“{}” heeft een vervoerder en een trackingnummer nodig",
            action_label(Lang::Nl, *action)
        ),
        Refusal::TimeBackwards { at, last } => {
            let (at, last) = (crate::model::rfc3339::write_utc(*at), crate::model::rfc3339::write_utc(*last));
            format!("de gebeurtenis op {at} ligt vóór de laatste wijziging van de taak op {last}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionKind, JobState, RuleId};

    #[test]
    fn refusals_name_the_action_as_its_button_does_and_their_rule() {
        let r = Refusal::NotAllowedInState {
            action: ActionKind::DrivesShippedBack,
            state: JobState::Creating,
            rule: RuleId::ShippedBack,
        };
        let nl = refusal_text(Lang::Nl, &r);
        assert!(
            nl.starts_with("“Schijven terugsturen” kan niet zolang de taak Creating is (R9: "),
            "{nl}"
        );
        let en = refusal_text(Lang::En, &r);
        assert!(
            en.starts_with("“Ship drives back” is not allowed while the job is Creating (R9: "),
            "{en}"
        );
        assert!(!en.contains("DrivesShippedBack") && !nl.contains("DrivesShippedBack"));
    }

    #[test]
    fn reasons_without_an_action_keep_the_core_wording_once() {
        let r = Refusal::NoDrives;
        let en = refusal_text(Lang::En, &r);
        assert_eq!(en.matches("(R1:").count(), 1, "{en}");
        assert!(
            en.starts_with("an import job needs at least one drive (R1: "),
            "{en}"
        );
    }
}
