//! Entry point of the wasm app: only installs the panic banner and mounts.

fn main() {
    ie_lifecycle::panic_banner::install();
    leptos::mount::mount_to_body(ie_lifecycle::app::App);
}
