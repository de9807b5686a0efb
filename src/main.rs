//! Entry point of the wasm app: only installs the panic banner, mounts, and removes the static
//! "Loading the simulator…" line of index.html.

fn main() {
    ie_lifecycle::panic_banner::install();
    leptos::mount::mount_to_body(ie_lifecycle::app::App);
    if let Some(line) = leptos::prelude::document().get_element_by_id("loading") {
        line.remove();
    }
}
