//! Where a JSON path points in the text a person wrote: line and column (from 1) of each
//! value, so every validation problem can say "line 12, column 18", not just "$.events[3].at".
//! The JSON reader reports where each value starts (`json::trace`); a parsed value keeps no
//! positions, as most files have no problems to point at.

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

    fn wants(&self, path: &str) -> bool {
        self.all || self.index.contains_key(path)
    }

    /// Of a key given twice the last place is kept, as the value read is the last one.
    fn record(&mut self, path: &str, pos: (usize, usize)) {
        let i = self.at.len();
        match self.index.get_mut(path) {
            Some(slot) => *slot = i,
            None => {
                self.index.insert(path.to_string(), i);
            }
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

fn scan(text: &str, mut out: Positions) -> Positions {
    // Values come in text order: lines and columns are counted on from the last one found.
    let (mut from, mut line, mut column) = (0, 1, 1);
    let _ = crate::json::trace(text, &mut |path, at| {
        if !out.wants(path) {
            return;
        }
        for c in text.get(from..at).unwrap_or_default().chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        from = at;
        out.record(path, (line, column));
    });
    out
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
        // The reader stops at its nesting limit, so a hostile file keeps few entries.
        assert!(pos.len() <= 128);
        let _ = value_positions("{\"a\": ");
        let _ = value_positions("\"unterminated");
    }
}
