//! `a * b / d` exactly without 128-bit arithmetic: wasm has no 128-bit division, and one
//! `u128` or `i128` division pulls a ~1 KB software routine (`__udivti3`) into the bundle.

/// `(a * b / d, a * b % d)` for `a <= d` and `d > 0`, so the quotient is at most `b`.
/// Shift-and-add over the bits of `b`; each step keeps the remainder below `d`, so nothing
/// overflows whatever `d` is.
pub fn mul_div(a: u64, b: u64, d: u64) -> (u64, u64) {
    debug_assert!(a <= d && d > 0);
    let (mut q, mut r) = (0u64, 0u64);
    for i in (0..u64::BITS - b.leading_zeros()).rev() {
        q <<= 1;
        if r >= d - r {
            r -= d - r;
            q += 1;
        } else {
            r += r;
        }
        if b >> i & 1 == 1 {
            if r >= d - a {
                r -= d - a;
                q += 1;
            } else {
                r += a;
            }
        }
    }
    (q, r)
}

#[cfg(test)]
mod tests {
    use super::mul_div;

    fn wide(a: u64, b: u64, d: u64) -> (u64, u64) {
        let n = u128::from(a) * u128::from(b);
        let (q, r) = (n / u128::from(d), n % u128::from(d));
        (q as u64, r as u64)
    }

    #[test]
    fn edges() {
        for (a, b, d) in [
            (0, 0, 1),
            (1, 0, 1),
            (0, u64::MAX, u64::MAX),
            (u64::MAX, u64::MAX, u64::MAX),
            (u64::MAX - 1, u64::MAX, u64::MAX),
            (1, u64::MAX, u64::MAX),
            (1 << 63, 100, u64::MAX),
            (7, 100, 9),
            (3, 3, 3),
        ] {
            assert_eq!(mul_div(a, b, d), wide(a, b, d), "{a} {b} {d}");
        }
    }

    // Native only: proptest is not built for wasm.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_128_bit_arithmetic(d in 1u64.., b: u64, a_frac: u64) {
            let a = if d == u64::MAX { a_frac } else { a_frac % (d + 1) };
            proptest::prop_assert_eq!(mul_div(a, b, d), wide(a, b, d));
        }

        #[test]
        fn agrees_on_small_numbers(d in 1u64..5000, b in 0u64..5000, a_frac: u64) {
            let a = a_frac % (d + 1);
            proptest::prop_assert_eq!(mul_div(a, b, d), wide(a, b, d));
        }
    }
}
