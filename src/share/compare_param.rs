//! The link's `&compare=<alt>` extra: what "Side by side" compares the story with. Like the
//! look, it is no part of the story: written only while the panel is on, and a value this
//! page does not know is no comparison, never a broken link.
//!
//! The ids are the model's own: `rules-2018`, `rules-2021`, `cancel-<cancel window id>`
//! (`cancel-creating`, `cancel-creating-or-shipping`, `cancel-before-packaging`), `seed-<n>`.
//! The "Compare with" menu uses the same ids as its values.

use crate::model::{CancelWindow, RuleSet};
use crate::sim::compare::Alt;

/// The id of `alt` in a link and in the menu.
pub fn alt_id(alt: Alt) -> String {
    match alt {
        Alt::Set(s) => crate::text::concat(&["rules-", s.id()]),
        Alt::Window(w) => crate::text::concat(&["cancel-", w.id()]),
        Alt::Seed(n) => format!("seed-{n}"),
    }
}

/// Reads an id written by `alt_id`; anything else is `None`.
pub fn parse_alt(id: &str) -> Option<Alt> {
    if let Some(set) = id.strip_prefix("rules-") {
        RuleSet::ALL
            .into_iter()
            .find(|s| s.id() == set)
            .map(Alt::Set)
    } else if let Some(w) = id.strip_prefix("cancel-") {
        CancelWindow::ALL
            .into_iter()
            .find(|c| c.id() == w)
            .map(Alt::Window)
    } else {
        // Digits only, by hand: `u64::from_str` would also take a leading '+' (and its code
        // is not otherwise in the wasm).
        let n = id.strip_prefix("seed-").filter(|n| !n.is_empty())?;
        n.bytes()
            .try_fold(0u64, |acc, b| {
                let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
                acc.checked_mul(10)?.checked_add(u64::from(digit))
            })
            .map(Alt::Seed)
    }
}

/// The comparison a link asks for (`None` when it asks for none, or for one unknown here).
pub fn compare_of(hash: &str) -> Option<Alt> {
    if hash.len() > crate::model::limits::MAX_LINK_CHARS {
        return None;
    }
    let body = hash.strip_prefix('#').unwrap_or(hash);
    parse_alt(body.split('&').find_map(|p| p.strip_prefix("compare="))?)
}

/// The tail a link gets for `alt`: empty when off, so other links stay as they were.
pub fn compare_suffix(alt: Option<Alt>) -> String {
    alt.map_or_else(String::new, |a| {
        crate::text::concat(&["&compare=", &alt_id(a)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_comparison_survives_the_link() {
        let mut all: Vec<Alt> = RuleSet::ALL.into_iter().map(Alt::Set).collect();
        all.extend(CancelWindow::ALL.into_iter().map(Alt::Window));
        all.extend([Alt::Seed(0), Alt::Seed(u64::MAX)]);
        for alt in all {
            let link = format!(
                "#preset=cancel-2021&t=2026-01-06T09:00:00Z{}",
                compare_suffix(Some(alt))
            );
            assert_eq!(compare_of(&link), Some(alt), "{link}");
        }
        assert_eq!(compare_suffix(None), "");
        assert_eq!(alt_id(Alt::Set(RuleSet::Y2018)), "rules-2018");
        assert_eq!(
            alt_id(Alt::Window(CancelWindow::CreatingOrShipping)),
            "cancel-creating-or-shipping"
        );
    }

    #[test]
    fn an_unknown_comparison_is_none() {
        for bad in [
            "compare=",
            "compare=rules-2019",
            "compare=cancel-",
            "compare=seed-",
            "compare=seed-+1",
            "compare=seed--1",
            "compare=seed-99999999999999999999999",
            "compare=%00",
            "compare",
        ] {
            assert_eq!(compare_of(&format!("#preset=export&{bad}")), None, "{bad}");
        }
        assert_eq!(compare_of("#preset=export"), None);
    }
}
