//! The reader: serde_json's grammar and its checks in its order, so that the same text is
//! refused with the same words at the same line and column (people fix files by them).

use super::number::{Number, N};
use super::{float, Map, Value};
use std::fmt;

/// Why a text is not JSON, in serde_json's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Code {
    fn words(self) -> &'static str {
        match self {
            Code::EofWhileParsingList => "EOF while parsing a list",
            Code::EofWhileParsingObject => "EOF while parsing an object",
            Code::EofWhileParsingString => "EOF while parsing a string",
            Code::EofWhileParsingValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedSomeIdent => "expected ident",
            Code::ExpectedSomeValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::NumberOutOfRange => "number out of range",
            Code::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Code::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }
}

/// Where and why reading stopped. Line from 1; column in bytes, counted as serde_json counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: Code,
    line: usize,
    column: usize,
}

impl Error {
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn column(&self) -> usize {
        self.column
    }
}

/// serde_json's message: "expected value at line 1 column 1".
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.code.words(),
            self.line,
            self.column
        )
    }
}

/// The value of the JSON text `text`, or why it is not one.
pub fn from_str(text: &str) -> Result<Value> {
    read(text, None)
}

/// Reads `text` as `from_str` does, telling `seen` the JSON path (`$`, `$.jobs[0].name`) and
/// byte offset of each value where it starts, in text order: how problems found in the
/// value are pointed at their line and column (`sim::locate`), without a second scanner.
pub fn trace(text: &str, seen: &mut dyn FnMut(&str, usize)) -> Result<Value> {
    read(text, Some(seen))
}

fn read<'a>(text: &'a str, trace: Option<Seen<'a>>) -> Result<Value> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
        depth: 128,
        path: String::from("$"),
        trace,
    };
    let value = p.value()?;
    match p.space() {
        Some(_) => Err(p.peek_err(Code::TrailingCharacters)),
        None => Ok(value),
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Told each value's path and byte offset (`trace`).
type Seen<'a> = &'a mut dyn FnMut(&str, usize);

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// Nesting left before "recursion limit exceeded"; serde_json allows 127 levels.
    depth: u8,
    /// The path of the value being read, kept only when tracing.
    path: String,
    trace: Option<Seen<'a>>,
}

impl Parser<'_> {
    /// An error about a byte already read: at the read position.
    #[cold]
    fn err(&self, code: Code) -> Error {
        self.err_at(code, self.i)
    }

    /// An error about the byte looked at but not read: one past the read position.
    #[cold]
    fn peek_err(&self, code: Code) -> Error {
        self.err_at(code, self.s.len().min(self.i + 1))
    }

    fn err_at(&self, code: Code, at: usize) -> Error {
        let before = self.s.get(..at).unwrap_or(self.s);
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Error {
            code,
            line: 1 + before[..start].iter().filter(|&&b| b == b'\n').count(),
            column: at - start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// Skips JSON's four whitespace bytes; the next byte, not read.
    fn space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value> {
        let Some(b) = self.space() else {
            return Err(self.peek_err(Code::EofWhileParsingValue));
        };
        if let Some(seen) = &mut self.trace {
            seen(&self.path, self.i);
        }
        match b {
            b'n' => self.ident(b"ull", Value::Null),
            b't' => self.ident(b"rue", Value::Bool(true)),
            b'f' => self.ident(b"alse", Value::Bool(false)),
            b'-' => {
                self.i += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_err(Code::RecursionLimitExceeded));
                }
                self.i += 1;
                let value = if b == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth += 1;
                value
            }
            _ => Err(self.peek_err(Code::ExpectedSomeValue)),
        }
    }

    fn ident(&mut self, rest: &[u8], value: Value) -> Result<Value> {
        self.i += 1;
        for &want in rest {
            match self.next() {
                None => return Err(self.err(Code::EofWhileParsingValue)),
                Some(b) if b != want => return Err(self.err(Code::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn array(&mut self) -> Result<Value> {
        let mut items = Vec::new();
        loop {
            match self.space() {
                None => return Err(self.peek_err(Code::EofWhileParsingList)),
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.i += 1;
                    match self.space() {
                        Some(b']') => return Err(self.peek_err(Code::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.peek_err(Code::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.peek_err(Code::ExpectedListCommaOrEnd)),
            }
            let len = self.path.len();
            if self.trace.is_some() {
                self.path.push('[');
                self.path.push_str(&items.len().to_string());
                self.path.push(']');
            }
            items.push(self.value()?);
            self.path.truncate(len);
        }
    }

    fn object(&mut self) -> Result<Value> {
        let mut members = Vec::new();
        loop {
            match self.space() {
                None => return Err(self.peek_err(Code::EofWhileParsingObject)),
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Map::from_members(members)));
                }
                Some(b'"') if members.is_empty() => {}
                Some(_) if members.is_empty() => return Err(self.peek_err(Code::KeyMustBeAString)),
                Some(b',') => {
                    self.i += 1;
                    match self.space() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_err(Code::TrailingComma)),
                        Some(_) => return Err(self.peek_err(Code::KeyMustBeAString)),
                        None => return Err(self.peek_err(Code::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.peek_err(Code::ExpectedObjectCommaOrEnd)),
            }
            self.i += 1;
            let key = self.string()?;
            match self.space() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_err(Code::ExpectedColon)),
                None => return Err(self.peek_err(Code::EofWhileParsingObject)),
            }
            let len = self.path.len();
            if self.trace.is_some() {
                self.path.push('.');
                self.path.push_str(&key);
            }
            let value = self.value()?;
            self.path.truncate(len);
            members.push((key, value));
        }
    }

    /// The rest of a string whose opening quote is read.
    fn string(&mut self) -> Result<String> {
        let mut out = String::new();
        loop {
            // The plain run up to a quote, backslash or control byte: copied whole (those
            // bytes are ASCII, so the run ends on a character boundary).
            let rest = self.s.get(self.i..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            out.push_str(self.text.get(self.i..self.i + run).unwrap_or_default());
            self.i += run;
            match self.next() {
                None => return Err(self.err(Code::EofWhileParsingString)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.err(Code::ControlCharacterWhileParsingString)),
            }
        }
    }

    /// One escape, its backslash read.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next() {
            None => return Err(self.err(Code::EofWhileParsingString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(out),
            Some(_) => return Err(self.err(Code::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    /// A `\u` escape, `\u` read: a character, or a UTF-16 surrogate pair as two escapes.
    fn unicode(&mut self, out: &mut String) -> Result<()> {
        let n = self.hex()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.err(Code::LoneLeadingSurrogateInHexEscape));
        }
        let code = if (0xD800..=0xDBFF).contains(&n) {
            for want in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.err(Code::EofWhileParsingString)),
                    Some(b) => {
                        self.i += 1;
                        if b != want {
                            return Err(self.err(Code::UnexpectedEndOfHexEscape));
                        }
                    }
                }
            }
            let low = self.hex()?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(self.err(Code::LoneLeadingSurrogateInHexEscape));
            }
            0x1_0000 + ((n - 0xD800) << 10 | (low - 0xDC00))
        } else {
            n
        };
        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    /// Four hex digits.
    fn hex(&mut self) -> Result<u32> {
        let Some(digits) = self.s.get(self.i..self.i + 4) else {
            self.i = self.s.len();
            return Err(self.err(Code::EofWhileParsingString));
        };
        self.i += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = (d as char).to_digit(16) else {
                return Err(self.err(Code::InvalidEscape));
            };
            n = n << 4 | v;
        }
        Ok(n)
    }

    /// A number, its `-` (when `positive` is false) read; serde_json's steps, so that the
    /// same texts are refused at the same places and the same floats come out.
    fn number(&mut self, positive: bool) -> Result<Value> {
        let significand = match self.next() {
            None => return Err(self.err(Code::EofWhileParsingValue)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_err(Code::InvalidNumber));
                }
                0
            }
            Some(c @ b'1'..=b'9') => {
                let mut significand = u64::from(c - b'0');
                while let Some(c @ b'0'..=b'9') = self.peek() {
                    let digit = u64::from(c - b'0');
                    let Some(next) = significand
                        .checked_mul(10)
                        .and_then(|s| s.checked_add(digit))
                    else {
                        let x = self.long_integer(positive, significand)?;
                        return Ok(Value::Number(Number(N::Float(x))));
                    };
                    self.i += 1;
                    significand = next;
                }
                significand
            }
            Some(_) => return Err(self.err(Code::InvalidNumber)),
        };
        let n = match self.peek() {
            Some(b'.') => N::Float(self.decimal(positive, significand, 0)?),
            Some(b'e' | b'E') => N::Float(self.exponent(positive, significand, 0)?),
            _ if positive => N::Pos(significand),
            _ => {
                let neg = (significand as i64).wrapping_neg();
                if neg >= 0 {
                    N::Float(-(significand as f64))
                } else {
                    N::Neg(neg)
                }
            }
        };
        Ok(Value::Number(Number(n)))
    }

    /// Digits past `u64`: each only scales the number by ten.
    #[cold]
    fn long_integer(&mut self, positive: bool, significand: u64) -> Result<f64> {
        let mut exponent = 0i32;
        loop {
            match self.peek() {
                Some(b'0'..=b'9') => {
                    self.i += 1;
                    exponent = exponent.saturating_add(1);
                }
                Some(b'.') => return self.decimal(positive, significand, exponent),
                Some(b'e' | b'E') => return self.exponent(positive, significand, exponent),
                _ => return self.parts(positive, significand, exponent),
            }
        }
    }

    /// The fraction, at its `.`.
    fn decimal(&mut self, positive: bool, mut significand: u64, before: i32) -> Result<f64> {
        self.i += 1;
        let mut after = 0i32;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            let digit = u64::from(c - b'0');
            let Some(next) = significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(digit))
            else {
                // Further digits are below the precision kept; skip them.
                while let Some(b'0'..=b'9') = self.peek() {
                    self.i += 1;
                }
                return self.end_decimal(positive, significand, before.saturating_add(after));
            };
            self.i += 1;
            significand = next;
            after -= 1;
        }
        if after == 0 {
            return Err(match self.peek() {
                Some(_) => self.peek_err(Code::InvalidNumber),
                None => self.peek_err(Code::EofWhileParsingValue),
            });
        }
        self.end_decimal(positive, significand, before.saturating_add(after))
    }

    fn end_decimal(&mut self, positive: bool, significand: u64, exponent: i32) -> Result<f64> {
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => self.parts(positive, significand, exponent),
        }
    }

    /// The exponent, at its `e`.
    fn exponent(&mut self, positive: bool, significand: u64, starting: i32) -> Result<f64> {
        self.i += 1;
        let positive_exp = match self.peek() {
            Some(b'+') => {
                self.i += 1;
                true
            }
            Some(b'-') => {
                self.i += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            None => return Err(self.err(Code::EofWhileParsingValue)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.err(Code::InvalidNumber)),
        };
        while let Some(c @ b'0'..=b'9') = self.peek() {
            self.i += 1;
            let digit = i32::from(c - b'0');
            let Some(next) = exp.checked_mul(10).and_then(|e| e.checked_add(digit)) else {
                // An exponent past i32: out of range, or zero.
                if significand != 0 && positive_exp {
                    return Err(self.err(Code::NumberOutOfRange));
                }
                while let Some(b'0'..=b'9') = self.peek() {
                    self.i += 1;
                }
                return Ok(if positive { 0.0 } else { -0.0 });
            };
            exp = next;
        }
        let exponent = if positive_exp {
            starting.saturating_add(exp)
        } else {
            starting.saturating_sub(exp)
        };
        self.parts(positive, significand, exponent)
    }

    fn parts(&self, positive: bool, significand: u64, exponent: i32) -> Result<f64> {
        float::from_parts(positive, significand, exponent)
            .ok_or_else(|| self.err(Code::NumberOutOfRange))
    }
}
