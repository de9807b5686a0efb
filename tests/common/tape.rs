//! Random choices read from a tape that proptest generates and shrinks: a failing case
//! shrinks to fewer steps and smaller choices (0 is always the simplest), and the tape it
//! prints replays the failure exactly.

pub struct Tape<'a> {
    values: &'a [u32],
    at: usize,
}

impl<'a> Tape<'a> {
    pub fn new(values: &'a [u32]) -> Self {
        Self { values, at: 0 }
    }

    /// The next raw value; past the end of the tape, 0.
    pub fn next(&mut self) -> u32 {
        let v = self.values.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        v
    }

    pub fn done(&self) -> bool {
        self.at >= self.values.len()
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + u64::from(self.next()) % (hi - lo + 1)
    }

    /// True with probability `percent` / 100 (0 shrinks to false).
    pub fn chance(&mut self, percent: u32) -> bool {
        self.next() % 100 >= 100 - percent.min(100)
    }

    pub fn pick<'b, T>(&mut self, items: &'b [T]) -> Option<&'b T> {
        if items.is_empty() {
            return None;
        }
        let i = self.range(0, items.len() as u64 - 1);
        items.get(usize::try_from(i).unwrap_or(0))
    }
}
