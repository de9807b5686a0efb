//! Drive identifiers, validated once at the edge so the core never sees a malformed one.

use super::text_map::TextMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Eight ASCII letters or digits, stored uppercase (the service prints them like `9CA995BB`),
/// so `9ca995bb` and `9CA995BB` name the same physical drive.
///
/// Kept inline, not as a `String`: a job is copied at every change it goes through (the
/// replay's snapshots), and four heap copies of its drives' ids per copy were a good part of
/// loading 10,000 jobs. Byte order is the text's order, so sorting is unchanged.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DriveId([u8; DriveId::LEN]);

/// Why a text is not a drive id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DriveIdError {
    WrongLength { value: String, len: usize },
    NotAlphanumeric { value: String },
}

impl std::error::Error for DriveIdError {}

impl DriveId {
    pub const LEN: usize = 8;

    pub fn parse(text: &str) -> Result<Self, DriveIdError> {
        let len = text.chars().count();
        if len != Self::LEN {
            return Err(DriveIdError::WrongLength {
                value: text.to_string(),
                len,
            });
        }
        if !text.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(DriveIdError::NotAlphanumeric {
                value: text.to_string(),
            });
        }
        let mut id = [0; Self::LEN];
        for (b, c) in id.iter_mut().zip(text.bytes()) {
            *b = c.to_ascii_uppercase();
        }
        Ok(Self(id))
    }

    /// Infallible on purpose: generated ids (autopilot, presets) are hex of a number.
    pub fn from_number(n: u32) -> Self {
        let mut id = [0; Self::LEN];
        for (k, b) in id.iter_mut().enumerate() {
            *b = b"0123456789ABCDEF"[(n >> (28 - 4 * k) & 0xF) as usize];
        }
        Self(id)
    }

    /// Always ASCII (checked by `parse`, made so by `from_number`); "" cannot happen.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for DriveId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for DriveId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DriveId").field(&self.as_str()).finish()
    }
}

impl std::str::FromStr for DriveId {
    type Err = DriveIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for DriveId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DriveId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A set of texts (drive ids, job names), kept as the core's one index type (`TextMap`), so
/// the wasm holds one copy of the hash table code.
#[derive(Clone, Debug, Default)]
pub struct TextSet(TextMap);

impl TextSet {
    /// Adds `text`; false if it was there already.
    pub fn insert(&mut self, text: String) -> bool {
        self.0.insert(text, 0).is_none()
    }

    pub fn contains(&self, text: &str) -> bool {
        self.0.contains_key(text)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_eight_alphanumerics_and_uppercases() {
        assert_eq!(
            DriveId::parse("9ca995bb").map(|d| d.to_string()),
            Ok("9CA995BB".into())
        );
    }

    #[test]
    fn rejects_wrong_length_and_symbols() {
        assert!(matches!(
            DriveId::parse("9CA995B"),
            Err(DriveIdError::WrongLength { len: 7, .. })
        ));
        assert!(matches!(
            DriveId::parse("9CA995B-"),
            Err(DriveIdError::NotAlphanumeric { .. })
        ));
        assert!(DriveId::parse("9CA995BÉ").is_err());
    }

    #[test]
    fn generated_ids_are_valid() {
        let id = DriveId::from_number(0xdead_beef);
        assert_eq!(id.as_str(), "DEADBEEF");
        assert_eq!(DriveId::parse(id.as_str()), Ok(id));
        assert_eq!(DriveId::from_number(0x0000_00a1).as_str(), "000000A1");
    }
}
