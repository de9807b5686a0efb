//! Counted nouns and the sentences that carry a number or a name: "1 job", "2 jobs",
//! "1 taak", "2 taken". Word order and plural forms differ per language, so these are
//! functions rather than a label glued to a number.

use super::Lang;

/// The things the interface counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    Job,
    Event,
}

/// Both English and Dutch use the singular for exactly one and the plural otherwise
/// (including zero: "0 jobs", "0 taken").
fn forms(lang: Lang, noun: Noun) -> (&'static str, &'static str) {
    match (lang, noun) {
        (Lang::En, Noun::Job) => ("job", "jobs"),
        (Lang::En, Noun::Event) => ("event", "events"),
        (Lang::Nl, Noun::Job) => ("taak", "taken"),
        (Lang::Nl, Noun::Event) => ("gebeurtenis", "gebeurtenissen"),
    }
}

/// "1 job", "3 jobs", "1 taak", "3 taken".
pub fn count(lang: Lang, n: usize, noun: Noun) -> String {
    let (one, many) = forms(lang, noun);
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The log's note when it shows only the newest entries.
pub fn showing_latest(lang: Lang, shown: usize, total: usize) -> String {
    let total = count(lang, total, Noun::Event);
    match lang {
        Lang::En => format!("Showing the latest {shown} of {total}"),
        Lang::Nl => format!("De laatste {shown} van {total}"),
    }
}

/// The notice after a load replaced an edited world (an Undo button follows it).
pub fn loaded(lang: Lang, story: &str) -> String {
    match lang {
        Lang::En => format!("Loaded “{story}”; your changes to the previous story were set aside."),
        Lang::Nl => {
            format!("“{story}” geladen; je wijzigingen aan het vorige verhaal zijn opzijgezet.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(Lang::En, 1, Noun::Job), "1 job");
        assert_eq!(count(Lang::En, 0, Noun::Job), "0 jobs");
        assert_eq!(count(Lang::En, 2, Noun::Job), "2 jobs");
        assert_eq!(count(Lang::Nl, 1, Noun::Job), "1 taak");
        assert_eq!(count(Lang::Nl, 2, Noun::Job), "2 taken");
        assert_eq!(count(Lang::Nl, 1, Noun::Event), "1 gebeurtenis");
        assert_eq!(count(Lang::Nl, 5, Noun::Event), "5 gebeurtenissen");
    }

    #[test]
    fn the_log_note_counts_its_events() {
        assert_eq!(
            showing_latest(Lang::En, 100, 250),
            "Showing the latest 100 of 250 events"
        );
        assert_eq!(
            showing_latest(Lang::Nl, 100, 250),
            "De laatste 100 van 250 gebeurtenissen"
        );
    }
}
