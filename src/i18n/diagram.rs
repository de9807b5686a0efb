//! The state diagrams' and the "Why?" answers' words. State, event and rule identifiers are
//! never translated; the diagrams' accessible names are part of the page contract.

use super::Lang;
use crate::model::RuleId;

/// The diagrams' and the "Why?" card's fixed words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DgText {
    Heading,
    /// Accessible name of the job machine's drawing (page contract: "Job states").
    JobStates,
    /// Accessible name of the drive machine's drawing (page contract: "Drive states").
    DriveStates,
    Hint,
    Now,
    CurrentState,
    RulesOf,
    NoDrive,
    Why,
    Rule,
    Cause,
    ClockFrom,
    Next,
    Close,
    NoCause,
    Waits,
    OrAction,
    End,
    Final,
    GoToEvent,
    ShownDrive,
}

impl DgText {
    pub const ALL: [DgText; 21] = [
        DgText::Heading,
        DgText::JobStates,
        DgText::DriveStates,
        DgText::Hint,
        DgText::Now,
        DgText::CurrentState,
        DgText::RulesOf,
        DgText::NoDrive,
        DgText::Why,
        DgText::Rule,
        DgText::Cause,
        DgText::ClockFrom,
        DgText::Next,
        DgText::Close,
        DgText::NoCause,
        DgText::Waits,
        DgText::OrAction,
        DgText::End,
        DgText::Final,
        DgText::GoToEvent,
        DgText::ShownDrive,
    ];
}

pub fn dg(lang: Lang, key: DgText) -> &'static str {
    match lang {
        Lang::En => en(key),
        Lang::Nl => nl(key),
    }
}

fn en(key: DgText) -> &'static str {
    match key {
        DgText::Heading => "State diagrams",
        DgText::JobStates => "Job states",
        DgText::DriveStates => "Drive states",
        DgText::Hint => "Solid arrows are actions, dashed arrows time rules. The current state has a double border and reads “now”. Choose a state or an arrow to list its rules.",
        DgText::Now => "now",
        DgText::CurrentState => "current state",
        DgText::RulesOf => "Rules of",
        DgText::NoDrive => "This job has no drives yet.",
        DgText::Why => "Why?",
        DgText::Rule => "Rule",
        DgText::Cause => "Because of",
        DgText::ClockFrom => "Its clock started with",
        DgText::Next => "What next",
        DgText::Close => "Close",
        DgText::NoCause => "No event in the log set this yet.",
        DgText::Waits => "No time rule: only an action moves it on",
        DgText::OrAction => "Or sooner, by an action",
        DgText::End => "Nothing: the job is deleted.",
        DgText::Final => "Nothing changes it any more.",
        DgText::GoToEvent => "Go to this moment and show the event in the log",
        DgText::ShownDrive => "Drive shown",
    }
}

fn nl(key: DgText) -> &'static str {
    match key {
        DgText::Heading => "Toestandsdiagrammen",
        DgText::JobStates => "Taaktoestanden",
        DgText::DriveStates => "Schijftoestanden",
        DgText::Hint => "Doorgetrokken pijlen zijn handelingen, gestreepte pijlen tijdregels. De huidige toestand heeft een dubbele rand en zegt „nu”. Kies een toestand of een pijl om de regels te zien.",
        DgText::Now => "nu",
        DgText::CurrentState => "huidige toestand",
        DgText::RulesOf => "Regels van",
        DgText::NoDrive => "Deze taak heeft nog geen schijven.",
        DgText::Why => "Waarom?",
        DgText::Rule => "Regel",
        DgText::Cause => "Door",
        DgText::ClockFrom => "De klok begon met",
        DgText::Next => "Wat nu",
        DgText::Close => "Sluiten",
        DgText::NoCause => "Nog geen gebeurtenis in het logboek zette dit.",
        DgText::Waits => "Geen tijdregel: alleen een handeling brengt het verder",
        DgText::OrAction => "Of eerder, door een handeling",
        DgText::End => "Niets: de taak is verwijderd.",
        DgText::Final => "Niets verandert dit nog.",
        DgText::GoToEvent => "Ga naar dit moment en toon de gebeurtenis in het logboek",
        DgText::ShownDrive => "Getoonde schijf",
    }
}

/// What a "Why?" button asks: "Why is lab-a Deleted?", "Why is drive A1 Received?".
pub fn why_state(lang: Lang, drive: Option<&str>, job: &str, state: &str) -> String {
    match (lang, drive) {
        (Lang::En, None) => format!("Why is {job} {state}?"),
        (Lang::En, Some(d)) => format!("Why is drive {d} {state}?"),
        (Lang::Nl, None) => format!("Waarom is {job} {state}?"),
        (Lang::Nl, Some(d)) => format!("Waarom is schijf {d} {state}?"),
    }
}

/// What the countdown's "Why?" asks: "Why does lab-a count down to R10?".
pub fn why_countdown(lang: Lang, job: &str, rule: &str) -> String {
    match lang {
        Lang::En => format!("Why does {job} count down to {rule}?"),
        Lang::Nl => format!("Waarom telt {job} af naar {rule}?"),
    }
}

/// When a time rule fires: "R10 on 2026-04-16 09:00 UTC, in 89d 23h 0m".
pub fn fires_at(lang: Lang, rule: RuleId, at: &str, left: &str) -> String {
    match lang {
        Lang::En => format!("{rule} on {at}, in {left}"),
        Lang::Nl => format!("{rule} op {at}, over {left}"),
    }
}

/// A time rule's wait in a rule line: "after 14 days".
pub fn after_days(lang: Lang, days: i64) -> String {
    match lang {
        Lang::En => format!("after {days} days"),
        Lang::Nl => format!("na {days} dagen"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_diagram_text_is_in_both_languages() {
        for key in DgText::ALL {
            let (en, nl) = (dg(Lang::En, key), dg(Lang::Nl, key));
            assert!(!en.trim().is_empty() && !nl.trim().is_empty(), "{key:?}");
            assert_ne!(en, nl, "{key:?} is not translated");
        }
        assert_eq!(dg(Lang::En, DgText::JobStates), "Job states");
        assert_eq!(dg(Lang::En, DgText::DriveStates), "Drive states");
    }

    #[test]
    fn questions_keep_identifiers() {
        assert_eq!(
            why_state(Lang::Nl, Some("A1000001"), "lab-a", "Received"),
            "Waarom is schijf A1000001 Received?"
        );
        assert_eq!(
            why_countdown(Lang::En, "lab-a", "R10"),
            "Why does lab-a count down to R10?"
        );
    }
}
