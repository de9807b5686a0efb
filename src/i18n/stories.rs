//! The built-in stories' titles and summaries in the interface language. The English ones
//! are the presets' own (`crate::sim::presets`); the Dutch ones are written here, keyed by
//! the preset's slug, so the domain core stays free of interface languages.

use super::Lang;
use crate::sim::preset_named;

/// (slug, title, summary) in Dutch.
const NL: [(&str, &str, &str); 10] = [
    (
        "happy-import",
        "Geslaagde import",
        "Eén importtaak gaat helemaal tot Completed en wordt 90 dagen later verwijderd.",
    ),
    (
        "export",
        "Export",
        "Een exporttaak: haar schijven verschijnen pas als het pakket aankomt.",
    ),
    (
        "abandoned",
        "Verlaten in Creating",
        "Er wordt nooit tracking ingevoerd: de taak wordt na 14 dagen verwijderd; een update zet de klok opnieuw.",
    ),
    (
        "never-arrives",
        "Pakket komt nooit aan",
        "14 dagen na de tracking worden de schijven NeverReceived; 30 dagen later is de taak Closed.",
    ),
    (
        "late-and-extra-drive",
        "Late schijf en extra schijf",
        "Eén schijf mist het pakket en komt later; een vreemde schijf reist mee en wordt teruggestuurd.",
    ),
    (
        "copy-errors",
        "Kopieerfouten en waarschuwingen",
        "Fouten eindigen een taak als Closed; alleen waarschuwingen eindigen haar nog als Completed.",
    ),
    (
        "cancel-2021",
        "Annuleren (regels van 2021)",
        "Onder de regels van 2021 kan een taak worden geannuleerd zolang ze Creating is, niet meer als ze verzonden is.",
    ),
    (
        "busy-datacenter",
        "Druk datacenter",
        "50 taken door een druk datacenter, uitgevoerd door de automatische piloot.",
    ),
    (
        "blank",
        "Leeg",
        "Geen taken en de automatische piloot uit: maak een taak met “Nieuwe taak” en loop haar stappen zelf door.",
    ),
    (
        "stress-10000",
        "Stresstest: 10.000 taken",
        "10.000 taken en zo'n 40.000 schijven over 120 dagen, uitgevoerd door de automatische piloot: de pagina blijft vloeiend.",
    ),
];

fn nl(slug: &str) -> Option<(&'static str, &'static str)> {
    NL.iter()
        .find(|(s, _, _)| *s == slug)
        .map(|(_, title, summary)| (*title, *summary))
}

/// A built-in story's title, or `None` for a slug that names no story.
pub fn story_title(lang: Lang, slug: &str) -> Option<&'static str> {
    match lang {
        Lang::En => preset_named(slug).map(|p| p.title),
        Lang::Nl => nl(slug).map(|(title, _)| title),
    }
}

/// A built-in story's one-line summary, or `None` for a slug that names no story.
pub fn story_summary(lang: Lang, slug: &str) -> Option<&'static str> {
    match lang {
        Lang::En => preset_named(slug).map(|p| p.summary),
        Lang::Nl => nl(slug).map(|(_, summary)| summary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets;

    #[test]
    fn every_built_in_story_has_a_title_and_summary_in_each_language() {
        for p in presets() {
            for lang in Lang::ALL {
                assert!(story_title(lang, p.name).is_some(), "{} {lang:?}", p.name);
                assert!(story_summary(lang, p.name).is_some(), "{} {lang:?}", p.name);
            }
            assert_ne!(
                story_summary(Lang::Nl, p.name),
                Some(p.summary),
                "{}",
                p.name
            );
        }
        assert_eq!(NL.len(), presets().len(), "a Dutch entry names no story");
    }
}
