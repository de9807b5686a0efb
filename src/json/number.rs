//! A JSON number as serde_json keeps it: a whole number stays exact (`u64` when 0 or more,
//! `i64` below 0), any other number is a finite `f64`.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number(pub(super) N);

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum N {
    Pos(u64),
    /// Always below 0.
    Neg(i64),
    /// Always finite.
    Float(f64),
}

impl Number {
    /// `None` for infinities and NaN, which JSON cannot write.
    pub fn from_f64(x: f64) -> Option<Number> {
        x.is_finite().then_some(Number(N::Float(x)))
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::Pos(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::Pos(n) => i64::try_from(n).ok(),
            N::Neg(n) => Some(n),
            N::Float(_) => None,
        }
    }

    pub fn as_f64(&self) -> f64 {
        match self.0 {
            N::Pos(n) => n as f64,
            N::Neg(n) => n as f64,
            N::Float(x) => x,
        }
    }

    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }

    /// The number as serde_json writes it: integers plainly, floats in their shortest form
    /// that reads back the same (`1.0`, `1e300`, `-0.0`), by the same crate serde_json uses.
    pub fn write(&self, out: &mut String) {
        match self.0 {
            N::Pos(n) => out.push_str(&n.to_string()),
            N::Neg(n) => out.push_str(&n.to_string()),
            N::Float(x) => out.push_str(zmij::Buffer::new().format_finite(x)),
        }
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number(N::Pos(n))
    }
}

impl From<u8> for Number {
    fn from(n: u8) -> Self {
        Number(N::Pos(n.into()))
    }
}

impl From<u32> for Number {
    fn from(n: u32) -> Self {
        Number(N::Pos(n.into()))
    }
}

impl From<usize> for Number {
    fn from(n: usize) -> Self {
        Number(N::Pos(n as u64))
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Self {
        Number(if n < 0 { N::Neg(n) } else { N::Pos(n as u64) })
    }
}
