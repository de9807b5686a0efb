//! Which form the scenario half of a link takes, shortest first: `preset=<name>` for an
//! unchanged preset, `preset=<name>&add=…` for a preset with events added (`added`),
//! `scenario=…` for any other scenario while short, and `scenario-z=…` (compressed, `packed`)
//! past `packed::LONG` characters. Every form reads back to the same world.

use super::{added, base64url, packed, ScenarioRef};
use crate::model::limits::{MAX_LINK_CHARS, MAX_SCENARIO_BYTES};

/// A link's scenario half, or the JSON still to compress into one.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Written as is.
    Ready(String),
    /// Compressed by the page (asynchronously), then written as `packed::part`.
    Pack(String),
}

/// The scenario half for `scenario`. `Err(n)`: no link can hold it (its file would pass the
/// file limit, or its link `MAX_LINK_CHARS`: `n` is a lower bound of that link's length).
pub fn part(scenario: &ScenarioRef) -> Result<Part, usize> {
    let s = match scenario {
        ScenarioRef::Preset(name) => {
            return Ok(Part::Ready(crate::text::concat(&["preset=", name])))
        }
        ScenarioRef::Inline(s) => s,
    };
    if let Some(short) = added::short_form(s) {
        return Ok(Part::Ready(short));
    }
    let json = s.to_json_compact();
    let plain = json.len().div_ceil(3) * 4;
    if json.len() > MAX_SCENARIO_BYTES {
        return Err(plain.max(MAX_LINK_CHARS + 1));
    }
    if plain <= packed::LONG {
        return Ok(Part::Ready(crate::text::concat(&[
            "scenario=",
            &base64url::encode(json.as_bytes()),
        ])));
    }
    Ok(Part::Pack(json))
}
