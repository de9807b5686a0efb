//! Refusals in the interface language. English is the core's own wording (its `Display`);
//! Dutch is written here, so the core stays free of interface concerns.

use super::{rule_text, Lang};
use crate::model::{DriveState, Refusal};

/// The refusal in `lang`, ending with its rule id and that rule in one line.
pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    match lang {
        Lang::En => refusal.to_string(),
        Lang::Nl => {
            let rule = refusal.rule();
            format!("{} ({}: {})", nl(refusal), rule.id(), rule_text(lang, rule))
        }
    }
}

/// "Refused: …": how a refused action is reported beside its control.
pub fn refused_line(lang: Lang, refusal: &Refusal) -> String {
    format!(
        "{}: {}",
        lang.t(super::Text::Refused),
        refusal_text(lang, refusal)
    )
}

fn either(states: &[DriveState]) -> String {
    states
        .iter()
        .map(|s| s.id())
        .collect::<Vec<_>>()
        .join(" of ")
}

fn nl(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NotAllowedInState { action, state, .. } => {
            format!("{action} kan niet zolang de taak {state} is")
        }
        Refusal::UnknownJob { job } => format!("er is op dit moment geen taak met de naam \"{job}\""),
        Refusal::DuplicateJob { job } => format!("er bestaat al een taak \"{job}\"; kies een andere naam"),
        Refusal::UnknownDrive { job, drive } => format!("schijf {drive} hoort niet bij taak \"{job}\""),
        Refusal::DuplicateDrive { drive, .. } => {
            format!("schijf {drive} staat er twee keer in of hoort al bij deze taak")
        }
        Refusal::DriveNotInState { drive, state, expected, .. } => {
            format!("schijf {drive} is {state}; hiervoor moet ze {} zijn", either(expected))
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
        Refusal::EmptyName => "de taak heeft een naam nodig".into(),
        Refusal::MissingTracking { action } => format!("{action} heeft een vervoerder en een trackingnummer nodig"),
        Refusal::TimeBackwards { at, last } => {
            format!("de gebeurtenis op {at} ligt vóór de laatste wijziging van de taak op {last}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionKind, JobState, RuleId};

    #[test]
    fn dutch_refusals_name_their_rule() {
        let r = Refusal::NotAllowedInState {
            action: ActionKind::DrivesShippedBack,
            state: JobState::Creating,
            rule: RuleId::ShippedBack,
        };
        let text = refusal_text(Lang::Nl, &r);
        assert!(
            text.starts_with("DrivesShippedBack kan niet zolang de taak Creating is (R9: "),
            "{text}"
        );
        assert_eq!(refusal_text(Lang::En, &r), r.to_string());
    }
}
