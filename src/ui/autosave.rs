//! The lesson survives a closed tab: the link of the current moment (scenario, clock and
//! look, exactly what the address bar holds) is kept in `localStorage` whenever the address
//! is written, and a plain visit (an address naming no story) comes back to it. Saved data
//! that cannot be used (damaged, another app's, another version's, a story that no longer
//! opens) is never used and never silently dropped: it is set aside under its own key,
//! reported in one line, and offered as a download. "Reset" forgets it.

use crate::json::{Map, Value};

use super::storage;
use crate::share::{hash, HashError};

const KEY: &str = "ie-lifecycle.autosave";
/// Where unusable saved data goes, so the next save does not overwrite it; when that is taken,
/// the same key with `.2` … `.10` (`set_aside`).
const SET_ASIDE: &str = "ie-lifecycle.autosave.set-aside";
const APP: &str = "ie-lifecycle";
const VERSION: u64 = 1;

/// Why saved data was not used.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    NotJson,
    /// Not this app's envelope.
    Foreign,
    /// Another version of the envelope.
    Version(u64),
    /// The saved link does not open.
    Link(HashError),
}

/// The envelope kept for `link`.
pub fn envelope(link: &str) -> String {
    let mut envelope = Map::new();
    envelope.insert("app".into(), Value::from(APP));
    envelope.insert("version".into(), Value::from(VERSION));
    envelope.insert("link".into(), Value::from(link));
    crate::sim::json_text(&Value::Object(envelope))
}

/// The link saved in `text`, or why it cannot be used.
pub fn read_saved(text: &str) -> Result<String, SaveProblem> {
    let v = crate::json::from_str(text).map_err(|_| SaveProblem::NotJson)?;
    if v.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(SaveProblem::Foreign);
    }
    match v.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        other => return Err(SaveProblem::Version(other.unwrap_or(0))),
    }
    let link = v
        .get("link")
        .and_then(Value::as_str)
        .ok_or(SaveProblem::Foreign)?;
    match hash::parse(&hash::without_view(link)) {
        Ok(Some(_)) => Ok(link.to_string()),
        Ok(None) => Err(SaveProblem::Link(HashError::NoScenario)),
        // Inflated (by the browser, asynchronously) and judged when the page opens it.
        Err(HashError::Packed) => Ok(link.to_string()),
        Err(e) => Err(SaveProblem::Link(e)),
    }
}

/// Whether an address's hash names a story (not only a look such as `#lang=nl`).
fn names_a_story(location: &str) -> bool {
    !hash::without_view(location)
        .trim_start_matches('#')
        .is_empty()
}

/// The saved `link` with the look the address asks for after its own: `lang=` and `view=` go
/// by their last mention, so `#lang=nl` opens the saved work in Dutch, still in projector mode
/// if it was.
fn with_look(link: String, location: &str) -> String {
    match location.trim_start_matches('#') {
        "" => link,
        asked => link + "&" + asked,
    }
}

/// What the page opens with: the address when it names a story, else the saved link (with the
/// look the address asks for); and, when saved data could not be used, that data and why (it
/// has been set aside).
pub fn start_hash(location: &str) -> (String, Option<(String, SaveProblem)>) {
    if names_a_story(location) {
        return (location.to_string(), None);
    }
    let Some(raw) = storage::read(KEY) else {
        return (location.to_string(), None);
    };
    match read_saved(&raw) {
        Ok(link) => (with_look(link, location), None),
        Err(problem) => {
            set_aside(&raw);
            (location.to_string(), Some((raw, problem)))
        }
    }
}

/// Saved work whose link turned out not to open once inflated (a `scenario-z=` link is only
/// judged then): set aside like any other unusable save, and reported the same way.
pub fn set_aside_saved(problem: HashError) -> Option<(String, SaveProblem)> {
    let raw = storage::read(KEY)?;
    set_aside(&raw);
    Some((raw, SaveProblem::Link(problem)))
}

/// Moves unusable saved data out of the next save's way, never over data set aside before:
/// each was reported and offered as a download once, but may not have been taken. The first
/// free key of `SET_ASIDE`, `SET_ASIDE.2` … `SET_ASIDE.10` (with all ten taken, the last is
/// written over). The saved work is forgotten only once it is set aside: a full storage keeps
/// it where it was.
fn set_aside(raw: &str) {
    let mut key = String::from(SET_ASIDE);
    let mut n = 1;
    while n < 10 && storage::read(&key).is_some_and(|old| old != raw) {
        n += 1;
        key = format!("{SET_ASIDE}.{n}");
    }
    if storage::write(&key, Some(raw)) {
        storage::write(KEY, None);
    }
}

/// Keeps `link` (a hash of this page) as the work to come back to; false when the browser's
/// storage refused it. Then the older save goes (it would bring back a moment that is not the
/// last) and the new one is tried once more in the room it leaves.
pub fn keep(link: &str) -> bool {
    let text = envelope(link);
    storage::write(KEY, Some(&text))
        || (storage::write(KEY, None) && storage::write(KEY, Some(&text)))
}

/// Forgets the saved work ("Reset").
pub fn forget() {
    storage::write(KEY, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_link_comes_back_as_it_was_kept() {
        let link = "#preset=abandoned&t=2026-01-10T09:00:00Z&view=projector&lang=nl";
        assert_eq!(read_saved(&envelope(link)), Ok(link.to_string()));
    }

    #[test]
    fn a_look_in_the_address_goes_over_the_saved_work() {
        let saved = "#preset=abandoned&t=2026-01-10T09:00:00Z&view=projector&lang=nl";
        assert_eq!(with_look(saved.into(), ""), saved);
        assert_eq!(with_look(saved.into(), "#"), saved);
        let both = with_look(saved.into(), "#lang=en");
        assert_eq!(
            hash::parse(&both),
            hash::parse(saved),
            "the same story and moment"
        );
        let look = hash::view_params(&both);
        assert_eq!(
            (look.lang, look.projector),
            (Some(crate::i18n::Lang::En), true)
        );
        let look = hash::view_params(&with_look("#preset=blank".into(), "#view=projector"));
        assert!(look.projector);
    }

    #[test]
    fn unusable_saves_say_why() {
        assert_eq!(read_saved("{not json"), Err(SaveProblem::NotJson));
        assert_eq!(read_saved("[1, 2]"), Err(SaveProblem::Foreign));
        assert_eq!(
            read_saved(r##"{"app": "other", "version": 1, "link": "#preset=blank"}"##),
            Err(SaveProblem::Foreign)
        );
        assert_eq!(
            read_saved(r##"{"app": "ie-lifecycle", "version": 7, "link": "#preset=blank"}"##),
            Err(SaveProblem::Version(7))
        );
        assert_eq!(
            read_saved(r##"{"app": "ie-lifecycle", "version": 1, "link": "#preset=nope"}"##),
            Err(SaveProblem::Link(HashError::UnknownPreset("nope".into())))
        );
        assert_eq!(
            read_saved(r##"{"app": "ie-lifecycle", "version": 1, "link": "#lang=nl"}"##),
            Err(SaveProblem::Link(HashError::NoScenario))
        );
    }

    #[test]
    fn only_an_address_naming_a_story_wins_over_the_save() {
        assert!(names_a_story("#preset=blank"));
        assert!(names_a_story("#scenario=e30&t=2026-01-01T00:00:00Z"));
        assert!(!names_a_story(""));
        assert!(!names_a_story("#"));
        assert!(!names_a_story("#lang=nl&view=projector"));
    }
}
