//! Saving a file from the page: the exports, the drive logs and a job's Azure JSON all go
//! through this one function, so there is one way a download can fail (quietly: the page
//! stays as it was).

use leptos::prelude::*;

/// Offers `body` as a file download (a Blob behind a temporary `<a download>`).
pub fn download(name: &str, mime: &str, body: &str) -> Option<()> {
    let parts = web_sys::js_sys::Array::of1(&body.into());
    use crate::ui::dom::{call, prop, put};
    use wasm_bindgen::JsCast;
    let options = web_sys::js_sys::Object::new();
    let _ = put(&options, "type", &mime.into());
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, options.unchecked_ref()).ok()?;
    // `URL`'s own functions, called as its methods.
    let url_class = prop(&window(), "URL");
    let url = call(&url_class, "createObjectURL", &blob).as_string()?;
    // Attributes, not the anchor's typed setters: the page's one attribute path (no import of
    // its own per property).
    let a = document().create_element("a").ok()?;
    crate::ui::dom::set(&a, "href", &url);
    crate::ui::dom::set(&a, "download", name);
    crate::ui::dom::call0(&a, "click");
    crate::ui::dom::after(5000, move || {
        let _ = call(&url_class, "revokeObjectURL", &url.into());
    });
    Some(())
}
