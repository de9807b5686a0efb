//! Raw DEFLATE through the browser's own `CompressionStream` and `DecompressionStream`
//! ("deflate-raw"): compressed scenario links (`crate::share::packed`) cost the wasm no
//! compressor. Both are asynchronous streams.
//!
//! The streams and the Blob are made through `ui::dom::construct` and their methods called
//! through `ui::dom::call` (no import of their own each).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Uint8Array};

use crate::share::{packed, HashError};
use crate::ui::dom::construct;

const FORMAT: &str = "deflate-raw";

/// Why a stream gave no bytes.
#[derive(Debug, PartialEq)]
enum Fail {
    /// The browser lacks the stream, or the data is not DEFLATE.
    Stream,
    /// More than the cap came out; reading stopped there. The count read so far.
    Over(usize),
}

/// `bytes` compressed; `None` if the browser cannot.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let pair = construct("CompressionStream", &FORMAT.into()).ok()?;
    // A link holds at most MAX_LINK_CHARS of base64: more compressed bytes are no use.
    let cap = crate::model::limits::MAX_LINK_CHARS / 4 * 3;
    through(bytes, &pair, cap).await.ok()
}

/// The scenario text of a `scenario-z=` hash: `None` when the hash has none; the problem,
/// named, when it cannot be read (damaged, not text, or inflating past the file limit).
pub async fn unpack(hash: &str) -> Option<Result<String, HashError>> {
    let compressed = match packed::bytes(hash)? {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e)),
    };
    let Ok(pair) = construct("DecompressionStream", &FORMAT.into()) else {
        return Some(Err(packed::damaged()));
    };
    Some(
        match through(&compressed, &pair, packed::MAX_INFLATED).await {
            Ok(bytes) => packed::text(bytes),
            Err(Fail::Over(n)) => Err(packed::too_large(n)),
            Err(Fail::Stream) => Err(packed::damaged()),
        },
    )
}

/// What `through` gives: boxed, so that its waiting code exists once, not once inlined into
/// each of the two callers' own futures.
type Piped = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Vec<u8>, Fail>>>>;

/// Pipes `bytes` through a transform stream and collects what comes out, stopping (and
/// cancelling the stream) as soon as more than `cap` bytes have come.
///
/// The streams' methods are called through `ui::dom::call` (no import of their own each).
fn through(bytes: &[u8], pair: &JsValue, cap: usize) -> Piped {
    use crate::ui::dom::call;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let Ok(blob) = construct("Blob", &parts) else {
        return Box::pin(async { Err(Fail::Stream) });
    };
    let none = JsValue::UNDEFINED;
    let out = call(&call(&blob, "stream", &none), "pipeThrough", pair);
    Box::pin(read_all(call(&out, "getReader", &none), cap))
}

/// Reads `reader` to its end (`through`).
async fn read_all(reader: JsValue, cap: usize) -> Result<Vec<u8>, Fail> {
    use crate::ui::dom::{call, call0, prop};
    let none = JsValue::UNDEFINED;
    let mut got = Vec::new();
    loop {
        // A reader's `read` gives a promise; `undefined` only when the call failed.
        let read = call(&reader, "read", &none);
        if read.is_undefined() {
            return Err(Fail::Stream);
        }
        let step = JsFuture::from(read.unchecked_into::<web_sys::js_sys::Promise>())
            .await
            .map_err(|_| Fail::Stream)?;
        if prop(&step, "done").as_bool().unwrap_or(true) {
            return Ok(got);
        }
        // A stream of bytes gives `Uint8Array`s (their length read as a property, and no
        // type check: two imports fewer).
        let chunk: Uint8Array = prop(&step, "value").unchecked_into();
        let len = crate::ui::dom::num(&chunk, "length") as usize;
        if got.len() + len > cap {
            call0(&reader, "cancel");
            return Err(Fail::Over(got.len() + len));
        }
        let at = got.len();
        got.resize(at + len, 0);
        chunk.copy_to(&mut got[at..]);
    }
}
