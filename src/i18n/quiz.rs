//! The quiz's words, in English and Dutch.

use super::Lang;

#[derive(Clone, Copy)]
pub enum QuizText {
    Heading,
    Start,
    Stop,
    Next,
    Keys,
    Over,
}

pub fn qz(lang: Lang, key: QuizText) -> &'static str {
    use QuizText as Q;
    match (lang, key) {
        (Lang::En, Q::Heading) => "Quiz",
        (Lang::En, Q::Start) => "Quiz me",
        (Lang::En, Q::Stop) => "Stop the quiz",
        (Lang::En, Q::Next) => "Next question",
        (Lang::En, Q::Keys) => "Number keys choose; Enter asks the next question.",
        (Lang::En, Q::Over) => "No more steps in this story: the quiz is over.",
        (Lang::Nl, Q::Heading) => "Quiz",
        (Lang::Nl, Q::Start) => "Overhoor mij",
        (Lang::Nl, Q::Stop) => "Stop de quiz",
        (Lang::Nl, Q::Next) => "Volgende vraag",
        (Lang::Nl, Q::Keys) => "Cijfertoetsen kiezen; Enter stelt de volgende vraag.",
        (Lang::Nl, Q::Over) => "Geen stappen meer in dit verhaal: de quiz is voorbij.",
    }
}

/// "What will the status of lab-a be after EnterTracking on 2026-01-06 09:00 UTC? Now: Creating.",
/// or for a step that moves only a drive, "What will the state of drive A1000001 of lab-a be …".
pub fn question_line(
    lang: Lang,
    job: &str,
    drive: Option<&str>,
    event: &str,
    at: &str,
    before: &str,
) -> String {
    match (lang, drive) {
        (Lang::En, None) => {
            format!("What will the status of {job} be after {event} on {at}? Now: {before}.")
        }
        (Lang::En, Some(d)) => format!(
            "What will the state of drive {d} of {job} be after {event} on {at}? Now: {before}."
        ),
        (Lang::Nl, None) => {
            format!("Wat wordt de status van {job} na {event} op {at}? Nu: {before}.")
        }
        (Lang::Nl, Some(d)) => format!(
            "Wat wordt de status van schijf {d} van {job} na {event} op {at}? Nu: {before}."
        ),
    }
}

/// The verdict: right, or what it became instead of the choice.
pub fn verdict(lang: Lang, answer: &str, chosen: &str) -> String {
    match (lang, answer == chosen) {
        (Lang::En, true) => format!("Right: it becomes {answer}."),
        (Lang::En, false) => format!("Not quite: it becomes {answer}, not {chosen}."),
        (Lang::Nl, true) => format!("Goed: het wordt {answer}."),
        (Lang::Nl, false) => format!("Niet helemaal: het wordt {answer}, niet {chosen}."),
    }
}

/// "2 of 3 right".
pub fn score_line(lang: Lang, right: u32, asked: u32) -> String {
    match lang {
        Lang::En => format!("{right} of {asked} right"),
        Lang::Nl => format!("{right} van {asked} goed"),
    }
}
