//! Makes a panic visible: without this, a wasm panic leaves a frozen or blank page and the
//! message only in the console, which nobody in a classroom has open.

/// Id of the banner element, so tests (and the CSS) can find it.
pub const BANNER_ID: &str = "panic-banner";
const BANNER: &str = "#panic-banner";

/// Installs a panic hook that logs the message and shows it in a banner at the top of the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        // The payload's text only: formatting the whole `PanicHookInfo` (its location) kept
        // that formatting code in the bundle for a line nobody in a classroom reads.
        let message = info.payload_as_str().unwrap_or("(no message)");
        web_sys_log(message);
        show_banner(message);
    }));
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
    let Some(body) = document.body() else {
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
    let dutch = document
        .document_element()
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
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}
