//! The words for saved work that could not be restored.

use super::{link_problem, Lang};
use crate::ui::autosave::SaveProblem;

/// One line: what happened, why, and that nothing was lost.
pub fn autosave_problem(lang: Lang, p: &SaveProblem) -> String {
    let why = match (lang, p) {
        (Lang::En, SaveProblem::NotJson) => "it is damaged".to_string(),
        (Lang::Nl, SaveProblem::NotJson) => "het is beschadigd".to_string(),
        (Lang::En, SaveProblem::Foreign) => "it was not written by this app".to_string(),
        (Lang::Nl, SaveProblem::Foreign) => "het is niet door deze app geschreven".to_string(),
        (Lang::En, SaveProblem::Version(v)) => {
            format!("it comes from another version of this app (format {v})")
        }
        (Lang::Nl, SaveProblem::Version(v)) => {
            format!("het komt van een andere versie van deze app (formaat {v})")
        }
        (_, SaveProblem::Link(e)) => link_problem(lang, e),
    };
    match lang {
        Lang::En => format!("The work saved on your last visit could not be restored: {why}. It was set aside, not deleted."),
        Lang::Nl => format!("Het werk van uw vorige bezoek kon niet worden teruggezet: {why}. Het is apart gezet, niet verwijderd."),
    }
}

/// "Download it" and "Reset".
pub fn autosave_word(lang: Lang, reset: bool) -> &'static str {
    match (lang, reset) {
        (Lang::En, false) => "Download the saved work",
        (Lang::Nl, false) => "Opgeslagen werk downloaden",
        (Lang::En, true) => "Reset",
        (Lang::Nl, true) => "Opnieuw beginnen",
    }
}
