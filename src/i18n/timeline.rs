//! The timeline's words: its controls, the one-line descriptions of deadlines and events, and
//! each lane's summary. State, event and rule identifiers are never translated.

use super::{refused_line, rule_text, Lang};
use crate::model::{JobState, RuleId};

/// The timeline's fixed words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlText {
    /// The figure's accessible name: part of the page contract, like the tables' names.
    Name,
    Zoom,
    WholeSpan,
    Month,
    Week,
    Earlier,
    Later,
    Now,
    Axis,
    BandName,
    PreviousLanes,
    NextLanes,
    Hint,
}

impl TlText {
    pub const ALL: [TlText; 13] = [
        TlText::Name,
        TlText::Zoom,
        TlText::WholeSpan,
        TlText::Month,
        TlText::Week,
        TlText::Earlier,
        TlText::Later,
        TlText::Now,
        TlText::Axis,
        TlText::BandName,
        TlText::PreviousLanes,
        TlText::NextLanes,
        TlText::Hint,
    ];
}

pub fn tl(lang: Lang, key: TlText) -> &'static str {
    use TlText::*;
    match (lang, key) {
        (Lang::En, Name) => "Timeline",
        (Lang::Nl, Name) => "Tijdlijn",
        (Lang::En, Zoom) => "Zoom",
        (Lang::Nl, Zoom) => "Zoomen",
        (Lang::En, WholeSpan) => "Whole span",
        (Lang::Nl, WholeSpan) => "Hele verloop",
        (Lang::En, Month) => "Month",
        (Lang::Nl, Month) => "Maand",
        (Lang::En, Week) => "Week",
        (Lang::Nl, Week) => "Week",
        (Lang::En, Earlier) => "◀ Earlier",
        (Lang::Nl, Earlier) => "◀ Eerder",
        (Lang::En, Later) => "Later ▶",
        (Lang::Nl, Later) => "Later ▶",
        (Lang::En, Now) => "now",
        (Lang::Nl, Now) => "nu",
        (Lang::En, Axis) => "Time axis: click or drag to move the clock",
        (Lang::Nl, Axis) => "Tijdas: klik of sleep om de klok te verzetten",
        (Lang::En, BandName) => "Jobs per state over time",
        (Lang::Nl, BandName) => "Taken per status in de tijd",
        (Lang::En, PreviousLanes) => "Previous jobs",
        (Lang::Nl, PreviousLanes) => "Vorige taken",
        (Lang::En, NextLanes) => "Next jobs",
        (Lang::Nl, NextLanes) => "Volgende taken",
        (Lang::En, Hint) => "Solid: what happened. Dashed: what the rules will do unless someone acts. Click a marker or tick to go there.",
        (Lang::Nl, Hint) => "Vol: wat er gebeurde. Gestreept: wat de regels doen als niemand ingrijpt. Klik op een markering of streepje om erheen te gaan.",
    }
}

/// "day 15" under the axis's dates: day 1 is the scenario's first day.
pub fn day_label(lang: Lang, day: i64) -> String {
    match lang {
        Lang::En => format!("day {day}"),
        Lang::Nl => format!("dag {day}"),
    }
}

/// What a deadline still ahead will do: "deleted on 2026-03-01 unless tracking is entered".
/// `state` is the state the job is in while the deadline runs (for the 90 days).
pub fn deadline_ahead(lang: Lang, rule: RuleId, on: &str, state: JobState) -> String {
    let s = state.id();
    match (lang, rule) {
        (Lang::En, RuleId::CreatingExpiry) => format!("deleted on {on} unless tracking is entered"),
        (Lang::Nl, RuleId::CreatingExpiry) => {
            format!("verwijderd op {on} tenzij tracking wordt ingevoerd")
        }
        (Lang::En, RuleId::ShippingOverdue) => {
            format!("drives NeverReceived on {on} unless the package arrives")
        }
        (Lang::Nl, RuleId::ShippingOverdue) => {
            format!("schijven NeverReceived op {on} tenzij het pakket aankomt")
        }
        (Lang::En, RuleId::ShippingAbandoned) => {
            format!("Closed on {on} unless the package arrives")
        }
        (Lang::Nl, RuleId::ShippingAbandoned) => {
            format!("Closed op {on} tenzij het pakket aankomt")
        }
        (Lang::En, RuleId::RetentionExpiry) => format!("deleted on {on} (90 days after {s})"),
        (Lang::Nl, RuleId::RetentionExpiry) => format!("verwijderd op {on} (90 dagen na {s})"),
        (Lang::En, _) => format!("due on {on}"),
        (Lang::Nl, _) => format!("op {on}"),
    }
}

/// A deadline that fired: "R2 fired on 2026-01-19 09:00 UTC: <the rule>".
pub fn deadline_fired(lang: Lang, rule: RuleId, on: &str) -> String {
    match lang {
        Lang::En => format!("{} fired on {on}: {}", rule.id(), rule_text(lang, rule)),
        Lang::Nl => format!("{} ging af op {on}: {}", rule.id(), rule_text(lang, rule)),
    }
}

/// A deadline someone beat: "R2 would have fired on …; no longer applies".
pub fn deadline_defused(lang: Lang, rule: RuleId, on: &str) -> String {
    match lang {
        Lang::En => format!("{} would have fired on {on}; no longer applies", rule.id()),
        Lang::Nl => format!("{} zou afgaan op {on}; geldt niet meer", rule.id()),
    }
}

/// An event tick: "2026-01-06 09:00 UTC EnterTracking (R3: …)", or the refusal.
pub fn event_line(
    lang: Lang,
    at: &str,
    event: &str,
    rule: RuleId,
    refusal: Option<&crate::model::Refusal>,
) -> String {
    match refusal {
        Some(r) => format!("{at} {event}: {}", refused_line(lang, r)),
        None => format!("{at} {event} ({}: {})", rule.id(), rule_text(lang, rule)),
    }
}

/// A lane's text alternative: "lab-a: Creating from …, Shipping from …. Next: …".
pub fn lane_summary(
    lang: Lang,
    job: &str,
    states: &[(JobState, String)],
    next: Option<String>,
) -> String {
    let from = match lang {
        Lang::En => "from",
        Lang::Nl => "vanaf",
    };
    // One text written in place: no list of parts collected and joined.
    let mut out = String::from(job);
    out.push_str(": ");
    for (i, (s, at)) in states.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(s.id());
        out.push(' ');
        out.push_str(from);
        out.push(' ');
        out.push_str(at);
    }
    if let Some(n) = next {
        out.push_str(match lang {
            Lang::En => ". Next: ",
            Lang::Nl => ". Hierna: ",
        });
        out.push_str(&n);
    }
    out
}

/// "Jobs 101–200 of 1,000" above the lanes shown under the band.
pub fn lanes_range(lang: Lang, first: usize, last: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Lanes of jobs {first}–{last} of {total}"),
        Lang::Nl => format!("Banen van taken {first}–{last} van {total}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_timeline_word_exists_in_both_languages() {
        for key in TlText::ALL {
            assert!(!tl(Lang::En, key).trim().is_empty());
            assert!(!tl(Lang::Nl, key).trim().is_empty());
        }
        assert_eq!(tl(Lang::En, TlText::Name), "Timeline", "the page contract");
    }

    #[test]
    fn deadlines_say_what_happens_unless_someone_acts() {
        let on = "2026-03-01";
        assert_eq!(
            deadline_ahead(Lang::En, RuleId::CreatingExpiry, on, JobState::Creating),
            "deleted on 2026-03-01 unless tracking is entered"
        );
        assert_eq!(
            deadline_ahead(Lang::En, RuleId::RetentionExpiry, on, JobState::Completed),
            "deleted on 2026-03-01 (90 days after Completed)"
        );
        assert!(
            deadline_ahead(Lang::Nl, RuleId::ShippingOverdue, on, JobState::Shipping)
                .contains("NeverReceived")
        );
    }
}
