//! Makes a panic visible: without this, a wasm panic leaves a frozen or blank page and the
//! message only in the console, which nobody in a classroom has open.

/// Id of the banner element, so tests (and the CSS) can find it.
pub const BANNER_ID: &str = "panic-banner";
const BANNER: &str = "#panic-banner";

/// Installs a panic hook that logs the message and shows it in a banner at the top of the page,
/// and the same banner for a panic that aborts at once (the release build: `listen_for_traps`).
pub fn install() {
    listen_for_traps();
    std::panic::set_hook(Box::new(|info| {
        // The payload's text only: formatting the whole `PanicHookInfo` (its location) kept
        // that formatting code in the bundle for a line nobody in a classroom reads.
        let message = info.payload_as_str().unwrap_or("(no message)");
        web_sys_log(message);
        show_banner(message);
    }));
}

/// The release build aborts on a panic (scripts/wasm-env.sh): the wasm traps, the hook never
/// runs, and the trap is thrown as a `WebAssembly.RuntimeError` to whatever JavaScript called in.
/// From an event handler, a timer or a frame it reaches the window as an `error` event; from a
/// promise as `unhandledrejection`. Other scripts' errors (an extension's) are not the
/// simulator stopping, so only a wasm trap shows the banner.
fn listen_for_traps() {
    #[cfg(target_arch = "wasm32")]
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        crate::ui::dom::listen_window(event, move |ev| {
            use crate::ui::dom::{prop, text_of};
            let thrown = prop(&ev, field);
            if is_trap(&thrown) {
                show_banner(&text_of(&thrown, "message"));
            }
        });
    }
}

/// Whether `thrown` is a `WebAssembly.RuntimeError` (what a trap throws): its class is that
/// one, compared through `Reflect.get` and `Object.is`, which the app imports anyway (an
/// `instanceof` check would be an import of its own). A trap's error is always made by that
/// class itself, never by a subclass.
#[cfg(target_arch = "wasm32")]
fn is_trap(thrown: &wasm_bindgen::JsValue) -> bool {
    use crate::ui::dom::prop;
    let class = prop(
        &prop(&leptos::prelude::window(), "WebAssembly"),
        "RuntimeError",
    );
    !class.is_undefined() && web_sys::js_sys::Object::is(&prop(thrown, "constructor"), &class)
}

fn web_sys_log(message: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        #[wasm_bindgen::prelude::wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_namespace = console, js_name = error)]
            fn console_error(s: &str);
        }
        console_error(message);
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}

/// Builds the banner with text nodes only: the panic message may quote user input, so it must
/// never be parsed as HTML.
pub fn show_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = crate::ui::dom::body_of(&document) else {
        return;
    };
    let banner = match crate::ui::dom::find(&body, BANNER) {
        Some(existing) => existing,
        None => match document.create_element("div") {
            Ok(el) => el,
            Err(_) => return,
        },
    };
    let _ = banner.set_attribute("id", BANNER_ID);
    let _ = banner.set_attribute("role", "alert");
    // The page's language, as the app last set it on <html>: a panic may come before or
    // without any Leptos context to ask.
    let dutch = crate::ui::dom::parent(&body)
        .and_then(|root| root.get_attribute("lang"))
        .is_some_and(|lang| lang.starts_with("nl"));
    let text = if dutch {
        "Er ging iets mis in de simulator en hij is gestopt. Laad de pagina opnieuw om verder te \
         gaan. Details: "
    } else {
        "Something went wrong inside the simulator and it stopped. Reload the page to start \
         again. Details: "
    };
    banner.set_text_content(Some(&format!("{text}{message}")));
    // First in the body (`null`, an empty body, appends).
    let first = crate::ui::dom::prop(&body, "firstChild");
    let _ = body.insert_before(&banner, Some(wasm_bindgen::JsCast::unchecked_ref(&first)));
}
