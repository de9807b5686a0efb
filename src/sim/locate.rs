//! Where a JSON path points in the text a person wrote: line and column (from 1) of each
//! value, so every validation problem can say "line 12, column 18", not just "$.events[3].at".
//! A tiny scanner, because serde_json keeps no positions once a value is parsed.

use crate::model::TextMap;

/// Line and column of values, by JSON path: each path's place in `at`, in the core's one
/// index type.
pub struct Positions {
    index: TextMap,
    at: Vec<(usize, usize)>,
    /// Every path, not only the wanted ones (the entries of `index` before the scan).
    all: bool,
}

/// Not found (yet): a wanted path's place before the scan reaches it.
const NOWHERE: usize = usize::MAX;

impl Positions {
    fn get(&self, path: &str) -> Option<(usize, usize)> {
        let i = self.index.get(path)?;
        self.at.get(i).copied()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.index.len()
    }

    fn record(&mut self, path: &str, pos: (usize, usize)) {
        let i = self.at.len();
        if self.all {
            self.index.insert(path.to_string(), i);
        } else if let Some(slot) = self.index.get_mut(path) {
            *slot = i;
        } else {
            return;
        }
        self.at.push(pos);
    }
}

/// Positions of every value in `text`, keyed by JSON path (`$`, `$.jobs[0].name`, ...).
/// Text that is not valid JSON gives whatever was found before the error.
#[cfg(test)]
pub fn value_positions(text: &str) -> Positions {
    scan(
        text,
        Positions {
            index: TextMap::default(),
            at: Vec::new(),
            all: true,
        },
    )
}

/// Positions of only the given paths and their ancestors (what `locate` may look up): a
/// large file with a few problems keeps a few entries, not one per value.
pub fn positions_of<'a>(text: &str, paths: impl Iterator<Item = &'a str>) -> Positions {
    let mut wanted = TextMap::default();
    for path in paths {
        let mut p = path;
        wanted.insert(p.to_string(), NOWHERE);
        while let Some(cut) = p.rfind(['.', '[']) {
            p = &p[..cut];
            wanted.insert(p.to_string(), NOWHERE);
        }
    }
    scan(
        text,
        Positions {
            index: wanted,
            at: Vec::new(),
            all: false,
        },
    )
}

fn scan(text: &str, out: Positions) -> Positions {
    let mut s = Scanner {
        chars: text.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
        out,
    };
    s.value("$".to_string(), 0);
    s.out
}

/// The position for `path`, or for its nearest ancestor that has one (a missing field is
/// reported where its object starts).
pub fn locate(positions: &Positions, path: &str) -> Option<(usize, usize)> {
    let mut p = path;
    loop {
        if let Some(pos) = positions.get(p) {
            return Some(pos);
        }
        let cut = p.rfind(['.', '['])?;
        p = &p[..cut];
    }
}

/// Deep enough for any scenario; stops a hostile file from exhausting the stack.
const MAX_DEPTH: usize = 64;

struct Scanner {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    out: Positions,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.bump();
        }
    }

    fn value(&mut self, path: String, depth: usize) -> Option<()> {
        self.skip_ws();
        self.out.record(&path, (self.line, self.col));
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            '{' => self.object(&path, depth),
            '[' => self.array(&path, depth),
            '"' => self.string().map(|_| ()),
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
                Some(())
            }
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> Option<()> {
        self.bump();
        loop {
            self.skip_ws();
            match self.peek()? {
                '}' => {
                    self.bump();
                    return Some(());
                }
                ',' => {
                    self.bump();
                }
                '"' => {
                    let key = self.string()?;
                    self.skip_ws();
                    if self.bump()? != ':' {
                        return None;
                    }
                    self.value(format!("{path}.{key}"), depth + 1)?;
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, path: &str, depth: usize) -> Option<()> {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_ws();
            match self.peek()? {
                ']' => {
                    self.bump();
                    return Some(());
                }
                ',' => {
                    self.bump();
                }
                _ => {
                    self.value(format!("{path}[{index}]"), depth + 1)?;
                    index += 1;
                }
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        self.bump();
        let mut out = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(out),
                '\\' => {
                    let escaped = self.bump()?;
                    out.push(escaped);
                }
                c => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_falls_back_to_the_parent() {
        let text = "{\n  \"events\": [\n    {\"at\": \"bad\"},\n    {\"at\": 3}\n  ]\n}";
        let pos = value_positions(text);
        assert_eq!(pos.get("$"), Some((1, 1)));
        assert_eq!(pos.get("$.events[0].at"), Some((3, 12)));
        assert_eq!(pos.get("$.events[1].at"), Some((4, 12)));
        assert_eq!(locate(&pos, "$.events[1].kind"), Some((4, 5)));
        assert_eq!(locate(&pos, "$.nothing.here"), Some((1, 1)));
    }

    #[test]
    fn survives_broken_and_deep_text() {
        let deep = "[".repeat(10_000);
        let pos = value_positions(&deep);
        assert!(pos.len() <= MAX_DEPTH + 2);
        let _ = value_positions("{\"a\": ");
        let _ = value_positions("\"unterminated");
    }
}
