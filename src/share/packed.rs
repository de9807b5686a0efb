//! The compressed scenario link: `#scenario-z=<base64url, no padding, of the scenario JSON
//! compressed as raw DEFLATE (RFC 1951)>&t=…`. Written instead of `#scenario=` when that would
//! pass `LONG` characters; `#scenario=` links stay valid and are still written when short.
//!
//! The (de)compression itself is the browser's `CompressionStream("deflate-raw")`, which costs
//! the wasm no bytes, and is asynchronous, so it lives in `crate::ui::compress`; this module
//! is the pure half: the key, the threshold, the limits and the words for what went wrong.

use super::{base64url, HashError};
use crate::model::limits::{MAX_LINK_CHARS, MAX_SCENARIO_BYTES};
use crate::sim::scenario::ProblemKind;
use crate::sim::Problem;

/// The link's key.
pub const KEY: &str = "scenario-z";
/// Past this many characters of base64, a scenario is written compressed: shorter links are
/// left readable to anyone who decodes base64 (and cost no wait to write).
pub const LONG: usize = 2_000;
/// The most bytes a compressed scenario may inflate to: a scenario file's limit, so a small
/// link that inflates to gigabytes (a "zip bomb") is refused as soon as it passes it.
pub const MAX_INFLATED: usize = MAX_SCENARIO_BYTES;

/// The `scenario-z=<…>` pair of a hash, if it has one.
pub fn part_in(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find(|p| p.strip_prefix(KEY).is_some_and(|v| v.starts_with('=')))
}

/// Whether a hash carries a compressed scenario (and must be inflated before `parse_with`).
pub fn is_packed(hash: &str) -> bool {
    part_in(hash).is_some()
}

/// The compressed bytes of a `scenario-z=` hash (with or without `#`); `None` when the hash
/// has no such key. Checked before any work: the length of the hash, then the base64.
pub fn bytes(hash: &str) -> Option<Result<Vec<u8>, HashError>> {
    let value = part_in(hash)?.get(KEY.len() + 1..)?;
    if hash.len() > MAX_LINK_CHARS {
        return Some(Err(HashError::TooLong { len: hash.len() }));
    }
    Some(base64url::decode(value).map_err(|e| HashError::BadBase64(e.text())))
}

/// The compressed data does not inflate (cut off, or not DEFLATE at all).
pub fn damaged() -> HashError {
    HashError::BadBase64("the compressed scenario does not decompress".into())
}

/// The scenario inflates past `MAX_INFLATED` (reading stopped at `bytes`): refused as a file
/// that large is.
pub fn too_large(bytes: usize) -> HashError {
    HashError::BadScenario(
        vec![Problem {
            path: "$".into(),
            line: None,
            column: None,
            kind: ProblemKind::FileTooLarge { bytes },
        }]
        .into(),
    )
}

/// The inflated bytes as the scenario's text.
pub fn text(bytes: Vec<u8>) -> Result<String, HashError> {
    String::from_utf8(bytes).map_err(|_| HashError::NotUtf8)
}

/// The link's scenario half from the compressed bytes.
pub fn part(compressed: &[u8]) -> String {
    crate::text::concat(&[KEY, "=", &base64url::encode(compressed)])
}
