//! Mutations of a valid input, for fuzzing: cut, duplicated, overwritten or spliced bytes
//! (JSON tokens and hostile characters among them), read back as UTF-8.

/// A mutation of `seed`: cut, duplicated, overwritten or spliced bytes, kept to UTF-8.
pub fn mutate(seed: &str, ops: &[(u8, u16, u16, u8)]) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    const TOKENS: [&[u8]; 10] = [
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b"\"",
        b"null",
        b"-1e999",
        b"\"\\u202E\"",
    ];
    for &(op, a, b, c) in ops {
        if bytes.is_empty() {
            break;
        }
        let n = bytes.len();
        let i = usize::from(a) % n;
        let j = (i + usize::from(b) % 64).min(n);
        match op % 5 {
            0 => {
                bytes.drain(i..j);
            }
            1 => {
                let copy = bytes[i..j].to_vec();
                bytes.splice(i..i, copy);
            }
            2 => bytes[i] = c,
            3 => {
                let t = TOKENS[usize::from(c) % TOKENS.len()];
                bytes.splice(i..i, t.iter().copied());
            }
            _ => bytes.truncate(i),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
