//! A decimal `significand × 10^exponent` as the `f64` serde_json makes of it (its default,
//! without `float_roundtrip`): the significand rounded to `f64`, then one multiplication or
//! division by the correctly rounded power of ten. Files are read to the same values as before.
//!
//! Why the powers are computed: serde_json keeps all 309 of them in a table (2.5 KB of wasm
//! data); a number past 10^22 is rare in a file, so it is worked out exactly when met, from
//! 5^n in a small big integer (10^n = 5^n × 2^n).

/// `None` when the value is too large for an `f64` ("number out of range").
pub(super) fn from_parts(positive: bool, significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        let n = exponent.unsigned_abs();
        if n <= 308 {
            let pow = pow10(n);
            if exponent >= 0 {
                f *= pow;
                if f.is_infinite() {
                    return None;
                }
            } else {
                f /= pow;
            }
            break;
        }
        if f == 0.0 {
            break;
        }
        if exponent >= 0 {
            return None;
        }
        f /= pow10(308);
        exponent += 308;
    }
    Some(if positive { f } else { -f })
}

/// 10^n rounded to nearest (ties to even), as the literal `1e{n}` is; `n` at most 308.
pub(super) fn pow10(n: u32) -> f64 {
    if n <= 22 {
        // Exact: 10^22 = 5^22 × 2^22 and 5^22 fits in the 53-bit significand.
        let mut f = 1.0;
        for _ in 0..n {
            f *= 10.0;
        }
        return f;
    }
    // 5^n in 32-bit limbs, least significant first; 5^308 < 2^716 needs 23.
    let mut limbs = [0u32; 23];
    limbs[0] = 1;
    let mut used = 1;
    for _ in 0..n {
        let mut carry = 0u64;
        for limb in limbs.iter_mut().take(used) {
            let x = u64::from(*limb) * 5 + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 && used < limbs.len() {
            limbs[used] = carry as u32;
            used += 1;
        }
    }
    // The top 64 bits (all of them when fewer), and whether any bit below them is set.
    let lead = limbs[used - 1].leading_zeros();
    let bits = used as u32 * 32 - lead;
    let mut m: u64 = 0;
    let mut sticky = false;
    let mut taken = 0u32;
    for (i, &limb) in limbs[..used].iter().enumerate().rev() {
        let width = if i == used - 1 { 32 - lead } else { 32 };
        for b in (0..width).rev() {
            let bit = u64::from(limb >> b & 1);
            if taken < 64 {
                m = m << 1 | bit;
                taken += 1;
            } else if bit == 1 {
                sticky = true;
            }
        }
    }
    // 5^23 already has 54 bits, so at least one bit is rounded away.
    let shift = taken - 53;
    let rest = m & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let mut mant = m >> shift;
    if rest > half || (rest == half && (sticky || mant & 1 == 1)) {
        mant += 1;
    }
    let exp = (bits - 53) as i32 + n as i32;
    // mant ≤ 2^53 and 2^exp is a normal power of two, so the product is exact.
    mant as f64 * f64::from_bits(((exp + 1023) as u64) << 52)
}
