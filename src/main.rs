//! Entry point of the wasm app: installs the panic banner, reads the start link (inflating a
//! compressed scenario link first, which the browser does asynchronously: `link_start`),
//! mounts, and removes the static "Loading the simulator…" line of index.html.

fn main() {
    ie_lifecycle::panic_banner::install();
    wasm_bindgen_futures::spawn_local(async {
        ie_lifecycle::ui::link_start::prepare().await;
        if let Some(body) = ie_lifecycle::ui::dom::body() {
            ie_lifecycle::app::mount(&body).forget();
        }
        if let Some(line) = ie_lifecycle::ui::dom::by_id("loading") {
            ie_lifecycle::ui::dom::remove(&line);
        }
    });
}
