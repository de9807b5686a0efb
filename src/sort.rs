//! One stable sort for the whole app (and a radix order for one long list, below).
//!
//! Why not `slice::sort_by` at each call: the standard sort is generic over the element and the
//! comparison, so every call site with its own types compiles its own copy (about 3 KB of wasm
//! each, a dozen sites). Here the standard sort runs once, on `u32` positions with a `dyn`
//! comparison; only a small permutation step is generic. Stable, O(n log n), like the standard
//! one, so results are the same. The positions are sorted by a plain merge sort rather than the
//! standard one: the standard stable sort's adaptive machinery (runs, quicksort, small-sort
//! networks) was about 5 KB of wasm, this is a few hundred bytes; skipping the merge of two
//! runs already in order keeps sorted input (the usual case: events in time order) linear.
//!
//! One exception, `radix_order`: the global log's ~167,000 entries at 10,000 jobs, ordered by
//! number keys (their times) in a few passes instead of millions of comparisons.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    if n < 2 {
        return;
    }
    let target = {
        let items = &*items;
        targets(n, &mut |a, b| cmp(&items[a as usize], &items[b as usize]))
    };
    permute(target, &mut |i, j| items.swap(i, j));
}

/// Follows each cycle of the permutation with swaps. Out of line with a `dyn` swap, so each
/// element type compiles only the swap itself, not this loop.
#[inline(never)]
fn permute(mut target: Vec<u32>, swap: &mut dyn FnMut(usize, usize)) {
    for i in 0..target.len() {
        while target[i] as usize != i {
            let j = target[i] as usize;
            swap(i, j);
            target.swap(i, j);
        }
    }
}

/// For `n` items compared by position, `target[i]`: where the item now at `i` goes. Kept out
/// of `sort_by` so each element type compiles only the swaps.
#[inline(never)]
fn targets(n: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    // `order[k]` is the current position of the item that belongs at `k`.
    let mut order: Vec<u32> = (0..n as u32).collect();
    sort_positions(&mut order, cmp);
    let mut target = vec![0u32; n];
    for (k, &from) in order.iter().enumerate() {
        target[from as usize] = k as u32;
    }
    target
}

/// The stable order of `keys` (`order[k]`: the index of the key that goes at `k`), by a
/// radix sort of 16-bit digits: a few passes over the list instead of a comparison per pair
/// and level. For the global log (about 167,000 entries at 10,000 jobs) the merge sort above
/// called its comparison about 2.9 million times, a sixth of loading the world in the browser.
/// Digits every key shares are skipped. Stable from `order` (the identity, or the order of a
/// less significant key), so a key wider than 64 bits sorts by its parts, last part first.
#[inline(never)]
pub fn radix_order(keys: &[u64], mut order: Vec<u32>) -> Vec<u32> {
    let n = keys.len();
    let mut next = vec![0u32; n];
    let mut count = vec![0u32; 1 << 16];
    for shift in [0, 16, 32, 48] {
        let digit = |i: u32| (keys[i as usize] >> shift) as usize & 0xFFFF;
        count.fill(0);
        for &i in &order {
            count[digit(i)] += 1;
        }
        if count.iter().any(|&c| c as usize == n) {
            continue;
        }
        let mut sum = 0;
        for c in count.iter_mut() {
            (*c, sum) = (sum, sum + *c);
        }
        for &i in &order {
            let d = digit(i);
            next[count[d] as usize] = i;
            count[d] += 1;
        }
        std::mem::swap(&mut order, &mut next);
    }
    order
}

/// Sorts `items` stably by the key `key` gives.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Bottom-up merge sort of the positions: runs of `width` merged pairwise, widths doubling.
#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = order.len();
    let mut buf = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while n - lo > width {
            let mid = lo + width;
            let hi = n.min(mid + width);
            // Two runs already in order stay as they are.
            if cmp(order[mid - 1], order[mid]) == Ordering::Greater {
                merge(&order[lo..mid], &order[mid..hi], &mut buf[lo..hi], cmp);
                order[lo..hi].copy_from_slice(&buf[lo..hi]);
            }
            lo = hi;
        }
        width *= 2;
    }
}

/// Merges two sorted runs into `out`; on a tie the left run's item comes first (stable).
fn merge(left: &[u32], right: &[u32], out: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_right = match (left.get(i), right.get(j)) {
            (Some(&l), Some(&r)) => cmp(r, l) == Ordering::Less,
            (None, _) => true,
            (Some(_), None) => false,
        };
        if take_right {
            *slot = right.get(j).copied().unwrap_or_default();
            j += 1;
        } else {
            *slot = left.get(i).copied().unwrap_or_default();
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut rng = crate::sim::rng::SplitMix64::new(7);
        for len in 0..200 {
            let items: Vec<(u64, usize)> = (0..len).map(|i| (rng.next_u64() % 7, i)).collect();
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "length {len}");
        }
    }

    #[test]
    fn radix_order_is_the_stable_sort() {
        let mut rng = crate::sim::rng::SplitMix64::new(11);
        for len in 0..300 {
            // Few distinct digits in some lanes (ties), every lane in use in others.
            let mask = [0xF, 0xFFFF_0000_FFFF, u64::MAX][len % 3];
            let keys: Vec<u64> = (0..len).map(|_| rng.next_u64() & mask).collect();
            let mut std: Vec<u32> = (0..len as u32).collect();
            std.sort_by_key(|&i| keys[i as usize]);
            assert_eq!(
                radix_order(&keys, (0..len as u32).collect()),
                std,
                "length {len}"
            );
        }
    }

    #[test]
    fn reverse_comparison_and_strings() {
        let mut words = vec!["pear", "apple", "fig", "apple", "kiwi"];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "kiwi", "fig", "apple", "apple"]);
    }
}
