//! A map from texts (job names, drive ids, JSON paths) to numbers (places in a list): the one
//! index type of the core. Written out here rather than taken from `std::collections::HashMap`:
//! the standard map brings SipHash, `RandomState` and a copy of its table code per key type,
//! while every index of the app only needs this one shape. Lookups stay O(1) on average
//! (open addressing over a table kept at most half full), so 10,000 jobs cost no more than
//! with the standard map.

/// Texts and their numbers, in insertion order (a removal moves the last one into the gap),
/// and an open-addressing table of places in that list.
#[derive(Clone, Debug, Default)]
pub struct TextMap {
    entries: Vec<(String, usize)>,
    /// Each slot holds an entry's place plus one; 0 is an empty slot. The length is 0 or a
    /// power of two at least twice the number of entries.
    slots: Vec<u32>,
}

/// FNV-1a over the bytes, spread over the table by Fibonacci hashing (the multiplier is 2^32
/// divided by the golden ratio), so that names differing only in their last digits still land
/// far apart.
fn home(key: &str, mask: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    // The top bits of the product are the well-mixed ones; `rotate_left` brings them down.
    h.wrapping_mul(0x9e37_79b9).rotate_left(16) as usize & mask
}

impl TextMap {
    /// The slot holding `key` (`Ok`), or the empty slot where it would go (`Err`). Only on a
    /// table with at least one empty slot.
    fn find(&self, key: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut s = home(key, mask);
        loop {
            match self.slots[s] {
                0 => return Err(s),
                e if self.entries[e as usize - 1].0 == key => return Ok(s),
                _ => s = (s + 1) & mask,
            }
        }
    }

    fn slot_of(&self, key: &str) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        self.find(key).ok()
    }

    pub fn get(&self, key: &str) -> Option<usize> {
        let s = self.slot_of(key)?;
        Some(self.entries[self.slots[s] as usize - 1].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut usize> {
        let s = self.slot_of(key)?;
        Some(&mut self.entries[self.slots[s] as usize - 1].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.slot_of(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every text and its number, in insertion order (as changed by removals).
    pub fn iter(&self) -> impl Iterator<Item = (&String, &usize)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.slots.clear();
    }

    /// Sets `key`'s number; the number it had before, if any.
    pub fn insert(&mut self, key: String, value: usize) -> Option<usize> {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.find(&key) {
            Ok(s) => Some(std::mem::replace(
                &mut self.entries[self.slots[s] as usize - 1].1,
                value,
            )),
            Err(s) => {
                self.entries.push((key, value));
                self.slots[s] = self.entries.len() as u32;
                None
            }
        }
    }

    /// A table twice as large (at least 8 slots), with every entry placed again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(8);
        self.slots = vec![0; size];
        for (i, (key, _)) in self.entries.iter().enumerate() {
            if let Err(s) = self.find(key) {
                self.slots[s] = i as u32 + 1;
            }
        }
    }

    /// Takes `key` out; the number it had, if any.
    pub fn remove(&mut self, key: &str) -> Option<usize> {
        let mut gap = self.slot_of(key)?;
        let place = self.slots[gap] as usize - 1;
        // Backward-shift deletion: each later entry of the probe run that may move into the
        // gap does, so every entry stays reachable from its home slot without tombstones.
        let mask = self.slots.len() - 1;
        self.slots[gap] = 0;
        let mut s = (gap + 1) & mask;
        while self.slots[s] != 0 {
            let want = home(&self.entries[self.slots[s] as usize - 1].0, mask);
            if (s.wrapping_sub(want) & mask) >= (s.wrapping_sub(gap) & mask) {
                self.slots[gap] = self.slots[s];
                self.slots[s] = 0;
                gap = s;
            }
            s = (s + 1) & mask;
        }
        let (_, value) = self.entries.swap_remove(place);
        // The entry that was last now sits at `place`: its slot (found by the old place, as
        // the key comparison would read past the list's end) follows it.
        let last = self.entries.len() as u32 + 1;
        if let Some((moved, _)) = self.entries.get(place) {
            let mut s = home(moved, mask);
            while self.slots[s] != last {
                s = (s + 1) & mask;
            }
            self.slots[s] = place as u32 + 1;
        }
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::TextMap;

    // Native only: proptest is not built for wasm.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any run of inserts, removals and lookups reads as the standard map reads.
        #[test]
        fn behaves_as_the_standard_map(
            ops in proptest::collection::vec((0u8..4, 0u16..40, proptest::prelude::any::<usize>()), 0..400)
        ) {
            let mut mine = TextMap::default();
            let mut std_map = std::collections::HashMap::<String, usize>::new();
            for (op, k, v) in ops {
                let key = format!("job-{k}");
                match op {
                    0 | 1 => proptest::prop_assert_eq!(mine.insert(key.clone(), v), std_map.insert(key, v)),
                    2 => proptest::prop_assert_eq!(mine.remove(&key), std_map.remove(&key)),
                    _ => {
                        if let Some(m) = mine.get_mut(&key) {
                            *m = v;
                        }
                        if let Some(m) = std_map.get_mut(&key) {
                            *m = v;
                        }
                    }
                }
                proptest::prop_assert_eq!(mine.len(), std_map.len());
                for j in 0..40u16 {
                    let key = format!("job-{j}");
                    proptest::prop_assert_eq!(mine.get(&key), std_map.get(&key).copied());
                    proptest::prop_assert_eq!(mine.contains_key(&key), std_map.contains_key(&key));
                }
            }
        }
    }

    #[test]
    fn ten_thousand_names_and_back() {
        let mut map = TextMap::default();
        for i in 0..10_000 {
            assert_eq!(map.insert(format!("job-{i:05}"), i), None);
        }
        assert_eq!(map.len(), 10_000);
        for i in (0..10_000).step_by(3) {
            assert_eq!(map.remove(&format!("job-{i:05}")), Some(i));
        }
        for i in 0..10_000 {
            let want = (i % 3 != 0).then_some(i);
            assert_eq!(map.get(&format!("job-{i:05}")), want);
        }
        map.clear();
        assert!(map.is_empty() && map.get("job-00001").is_none());
    }
}
