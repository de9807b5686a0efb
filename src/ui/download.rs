//! Saving a file from the page: the exports, the drive logs and a job's Azure JSON all go
//! through this one function, so there is one way a download can fail (quietly: the page
//! stays as it was).

use leptos::prelude::*;

/// Offers `body` as a file download (a Blob behind a temporary `<a download>`).
pub fn download(name: &str, mime: &str, body: &str) -> Option<()> {
    let parts = web_sys::js_sys::Array::of1(&body.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    // Attributes, not the anchor's typed setters: the page's one attribute path (no import of
    // its own per property).
    let a = document().create_element("a").ok()?;
    crate::ui::dom::set(&a, "href", &url);
    crate::ui::dom::set(&a, "download", name);
    crate::ui::dom::call0(&a, "click");
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Some(())
}
