//! Base64url without padding (RFC 4648 §5), for scenario JSON in the URL hash. Twenty lines
//! here are cheaper than a crate, and the decoder reports where the text goes wrong.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

/// Why a base64url text could not be decoded, with the character position (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    BadCharacter { position: usize, found: char },
    BadLength { length: usize },
}

impl DecodeError {
    /// The words for it, written without `write!`: the formatter's `char` path is in the wasm
    /// for this one message otherwise.
    pub fn text(&self) -> String {
        match self {
            Self::BadCharacter { position, found } => {
                let mut out = format!("character {position} ('");
                out.push(*found);
                out.push_str("') is not base64url");
                out
            }
            Self::BadLength { length } => {
                format!("a base64url text cannot be {length} characters long (cut off?)")
            }
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    // Tolerate padding a hand-made link may carry.
    let text = text.trim_end_matches('=');
    let mut values = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            _ => {
                return Err(DecodeError::BadCharacter {
                    position: i + 1,
                    found: c,
                })
            }
        };
        values.push(v);
    }
    if values.len() % 4 == 1 {
        return Err(DecodeError::BadLength {
            length: values.len(),
        });
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let mut n = 0u32;
        for (i, v) in chunk.iter().enumerate() {
            n |= v << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_byte() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in 0..data.len() {
            let text = encode(&data[..len]);
            assert!(!text.contains('='));
            assert_eq!(decode(&text).as_deref(), Ok(&data[..len]));
        }
    }

    #[test]
    fn matches_the_rfc_examples_without_padding() {
        assert_eq!(encode(b"foob"), "Zm9vYg");
        assert_eq!(encode(b"fooba"), "Zm9vYmE");
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn says_where_a_bad_character_is() {
        assert_eq!(
            decode("Zm9v*g"),
            Err(DecodeError::BadCharacter {
                position: 5,
                found: '*'
            })
        );
        assert_eq!(decode("Zm9vY"), Err(DecodeError::BadLength { length: 5 }));
    }

    #[test]
    fn says_it_in_words() {
        let bad = DecodeError::BadCharacter {
            position: 12,
            found: 'é',
        };
        assert_eq!(bad.text(), "character 12 ('é') is not base64url");
        assert_eq!(bad.to_string(), bad.text());
        assert_eq!(
            DecodeError::BadLength { length: 5 }.text(),
            "a base64url text cannot be 5 characters long (cut off?)"
        );
    }
}
