//! The four functions `server_fn`'s browser client names, and nothing else.
//!
//! Why: `leptos` always builds `server_fn` with its `browser` feature, which depends on
//! `wasm-streams`. Its `#[wasm_bindgen]` classes (`IntoUnderlyingSource`, `…Sink`,
//! `…ByteSource`) are exports of the wasm, so no optimiser can drop them or the futures code
//! behind them: about 4.8 KB gzip of the 200 KB budget, for streaming the responses of server
//! functions. This app is client-side only and defines no server function, so nothing ever
//! calls these; if something did, it traps (the page's error banner shows) instead of quietly
//! doing nothing. To go back to the real crate, delete the `[patch.crates-io]` entry.

use futures_util::stream::Stream;
use wasm_bindgen::JsValue;

pub struct ReadableStream(());

impl ReadableStream {
    pub fn from_raw(_raw: web_sys::ReadableStream) -> Self {
        never()
    }

    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        never()
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        never()
    }

    pub fn into_stream(self) -> futures_util::stream::Empty<Result<JsValue, JsValue>> {
        never()
    }
}

fn never() -> ! {
    unreachable!("wasm-streams stand-in: this app calls no server function")
}
