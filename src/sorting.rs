//! One stable sort for the whole app.
//!
//! The standard library's sorts are fast but large: every call site with its own element type or comparison
//! gets its own copy of driftsort or ipnsort, a few kilobytes each, and the app had more than twenty (about
//! 85 KB of the WebAssembly module). The lists sorted here are small (at most a few thousand entries, sorted
//! once), so every call goes through one non-generic merge sort of indices; only the short glue that compares
//! two elements and moves them into place is generic.
//!
//! The sort is stable: elements that compare equal keep their order. Pure: no browser, no data.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items = &*items;
        sorted_indices(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, order);
}

/// Sorts `items` by the key `key` returns, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by a key computed once per element (for keys that allocate, such as folded names).
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_indices(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// The indices `0..len` in sorted order: a bottom-up merge sort, stable, `O(n log n)` comparisons. Not generic,
/// so there is one copy of it in the program.
fn sorted_indices(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut into: Vec<usize> = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut into[start..end] {
                // Take from the left run unless the right one is strictly smaller: that keeps equal
                // elements in their original order.
                let take_left = right >= end
                    || (left < middle && compare(from[left], from[right]) != Ordering::Greater);
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut into);
        width *= 2;
    }
    from
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following the cycles of the
/// permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        // Each cycle is walked once, from its smallest index; visited entries are marked with `usize::MAX`.
        while order[current] != usize::MAX {
            let next = order[current];
            order[current] = usize::MAX;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no random crate.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_for_many_lengths() {
        for len in 0..70 {
            for seed in 0..4 {
                let mut ours = numbers(seed, len, 10);
                let mut theirs = ours.clone();
                sort(&mut ours);
                theirs.sort();
                assert_eq!(ours, theirs, "len {len}, seed {seed}");
            }
        }
        let mut big = numbers(7, 5000, 1000);
        let mut expected = big.clone();
        sort(&mut big);
        expected.sort();
        assert_eq!(big, expected);
    }

    #[test]
    fn is_stable() {
        // Pairs of (key, original position): after sorting by key, positions within a key stay increasing.
        let keys = numbers(3, 500, 7);
        let mut pairs: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        sort_by_key(&mut pairs, |&(key, _)| key);
        for window in pairs.windows(2) {
            assert!(window[0].0 <= window[1].0);
            if window[0].0 == window[1].0 {
                assert!(window[0].1 < window[1].1, "equal keys swapped: {window:?}");
            }
        }
        let mut cached: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        sort_by_cached_key(&mut cached, |&(key, _)| key.to_string());
        let mut expected: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        expected.sort_by_key(|&(key, _)| key.to_string());
        assert_eq!(cached, expected);
    }

    #[test]
    fn sort_by_uses_the_comparison_given() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "date"];
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        assert_eq!(words, ["apple", "date", "kiwi", "pear", "fig"]);
    }

    #[test]
    fn moves_values_that_are_not_copy() {
        let mut names: Vec<String> = ["c", "a", "b", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut names);
        assert_eq!(names, ["a", "a", "b", "c"]);
    }
}
