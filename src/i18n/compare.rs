//! "Side by side"'s words, in English and Dutch. Rule sets, cancel windows, state and event
//! identifiers stay as the rules panel and the log show them.

use super::{rule_text, Lang};
use crate::model::{Change, RuleSet, Rules, Subject};
use crate::sim::compare::Alt;
use crate::sim::LogEntry;

#[derive(Clone, Copy)]
pub enum CmpText {
    Heading,
    CompareWith,
    Off,
    /// The cue beside a Status that differs, for screen readers (the eye gets "≠").
    Differs,
}

pub fn cmp(lang: Lang, key: CmpText) -> &'static str {
    use CmpText as C;
    match (lang, key) {
        (Lang::En, C::Heading) => "Side by side",
        (Lang::En, C::CompareWith) => "Compare with",
        (Lang::En, C::Off) => "nothing (off)",
        (Lang::En, C::Differs) => "differs",
        (Lang::Nl, C::Heading) => "Naast elkaar",
        (Lang::Nl, C::CompareWith) => "Vergelijk met",
        (Lang::Nl, C::Off) => "niets (uit)",
        (Lang::Nl, C::Differs) => "verschilt",
    }
}

/// "the 2018 rules", "the 2021 rules, cancel window creating", "autopilot seed 8": a choice of
/// the "Compare with" menu.
pub fn alt_label(lang: Lang, alt: Alt) -> String {
    match (lang, alt) {
        (Lang::En, Alt::Set(s)) => format!("the {} rules", s.id()),
        (Lang::En, Alt::Window(w)) => format!("the 2021 rules, cancel window {}", w.id()),
        (Lang::En, Alt::Seed(n)) => format!("autopilot seed {n}"),
        (Lang::Nl, Alt::Set(s)) => format!("de regels van {}", s.id()),
        (Lang::Nl, Alt::Window(w)) => format!("de regels van 2021, annuleringsvenster {}", w.id()),
        (Lang::Nl, Alt::Seed(n)) => format!("autopilot-seed {n}"),
    }
}

/// A pane's name: its rules ("2018 rules", "2021 rules, cancel window creating") or, when
/// seeds are compared, its seed.
pub fn pane_label(lang: Lang, rules: Rules, seed: Option<u64>) -> String {
    match (lang, seed, rules.set) {
        (Lang::En, Some(n), _) => format!("Seed {n}"),
        (Lang::Nl, Some(n), _) => format!("Seed {n}"),
        (Lang::En, None, RuleSet::Y2018) => "2018 rules".into(),
        (Lang::Nl, None, RuleSet::Y2018) => "Regels van 2018".into(),
        (Lang::En, None, RuleSet::Y2021) => {
            format!("2021 rules, cancel window {}", rules.cancel_window.id())
        }
        (Lang::Nl, None, RuleSet::Y2021) => {
            format!(
                "Regels van 2021, annuleringsvenster {}",
                rules.cancel_window.id()
            )
        }
    }
}

/// "1 of 2 jobs differ at this moment", and when only those are listed, says so.
pub fn differ_line(lang: Lang, differ: usize, total: usize, only: bool) -> String {
    let jobs = super::count(lang, total, super::Noun::Job);
    let (line, listed) = match lang {
        Lang::En => (
            format!("{differ} of {jobs} differ at this moment."),
            " Only those are listed.",
        ),
        Lang::Nl => (
            format!("{differ} van {jobs} verschillen op dit moment."),
            " Alleen die staan hieronder.",
        ),
    };
    if only {
        line + listed
    } else {
        line
    }
}

/// What one world did at the first step where the two part: "2026-01-06 09:00 UTC CancelJob:
/// Creating → Canceled (R12)", "… CancelJob refused (R12)", or that nothing happened.
fn side(lang: Lang, e: Option<&LogEntry>) -> String {
    let Some(e) = e else {
        return match lang {
            Lang::En => "nothing happens".into(),
            Lang::Nl => "er gebeurt niets".into(),
        };
    };
    let at = crate::ui::format::date_time(e.at);
    let what = match &e.outcome {
        Err(_) => match lang {
            Lang::En => " refused".to_string(),
            Lang::Nl => " geweigerd".to_string(),
        },
        Ok(changes) => {
            let change = changes.iter().find(|c| c.subject == Subject::Job);
            change
                .or(changes.first())
                .map_or_else(String::new, |c| step(lang, c))
        }
    };
    format!("{at} {}{what} ({})", e.event.id(), e.rule.id())
}

/// ": Creating → Canceled", ": drive G1 Specified → Received".
fn step(lang: Lang, c: &Change) -> String {
    let from = c.from.map_or("—", |f| f.id());
    match c.subject {
        Subject::Job => format!(": {from} → {}", c.to.id()),
        _ => format!(
            ": {} {from} → {}",
            super::subject_label(lang, &c.subject),
            c.to.id()
        ),
    }
}

/// The one line under a differing job: where the two worlds first part, each side named,
/// then the rule (or rules) that decided, in our words; and how many drives differ.
pub fn why_line(
    lang: Lang,
    job: &str,
    sides: [(&str, Option<&LogEntry>); 2],
    drives: usize,
) -> String {
    let [(la, ea), (lb, eb)] = sides;
    let mut line = format!("{job}: {la}: {}; {lb}: {}.", side(lang, ea), side(lang, eb));
    // The rules of the two sides, the second only when it differs (a plain loop rather than
    // a flatten-map-collect pipeline).
    let mut rules = Vec::new();
    for e in [ea, eb].into_iter().flatten() {
        if rules.last() != Some(&e.rule) {
            rules.push(e.rule);
        }
    }
    for r in rules {
        line += &format!(" {}: {}.", r.id(), rule_text(lang, r));
    }
    if drives > 0 {
        line += &match lang {
            Lang::En if drives == 1 => " 1 drive differs.".to_string(),
            Lang::En => format!(" {drives} drives differ."),
            Lang::Nl if drives == 1 => " 1 schijf verschilt.".to_string(),
            Lang::Nl => format!(" {drives} schijven verschillen."),
        };
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::compare::{other, why};
    use crate::sim::{preset, Simulation};

    #[test]
    fn the_why_names_both_sides_and_the_rule_in_both_languages() {
        let Some(Ok(a)) = preset("cancel-2021").map(Simulation::new) else {
            panic!("preset")
        };
        let b = other(&a, Alt::Set(RuleSet::Y2018));
        let Some((x, y)) = why(&a, &b, "cancel-me") else {
            panic!("no divergence")
        };
        let en = why_line(Lang::En, "cancel-me", [("2021", x), ("2018", y)], 0);
        assert_eq!(
            en,
            format!(
                "cancel-me: 2021: 2026-01-06 09:00 UTC CancelJob: Creating → Canceled (R12); \
                 2018: 2026-01-06 09:00 UTC CancelJob refused (R12). R12: {}.",
                rule_text(Lang::En, crate::model::RuleId::Cancel)
            )
        );
        let nl = why_line(Lang::Nl, "cancel-me", [("2021", x), ("2018", None)], 2);
        assert!(nl.contains("er gebeurt niets") && nl.ends_with("2 schijven verschillen."));
        for lang in Lang::ALL {
            for key in [
                CmpText::Heading,
                CmpText::CompareWith,
                CmpText::Off,
                CmpText::Differs,
            ] {
                assert!(!cmp(lang, key).is_empty());
            }
        }
    }
}
