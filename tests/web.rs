//! Browser tests: the app's components mounted in a real headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

/// Mounts the whole app on an empty hash (the default story) in a fresh container.
fn mount_app() -> (web_sys::HtmlElement, ie_lifecycle::app::Mounted) {
    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"))
        .expect("reset hash");
    // Each test starts from the first story: no work saved by the test before (autosave).
    if let Ok(Some(storage)) = web_sys::window().expect("window").local_storage() {
        let _ = storage.remove_item("ie-lifecycle.autosave");
    }
    let el = container();
    let handle = ie_lifecycle::app::mount(&el);
    (el, handle)
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

fn cells(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|e| text(&e))
        .collect()
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = root
        .query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no element {selector}"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn the_app_mounts_its_four_hosts_in_order_and_dropping_it_takes_them_out() {
    let (root, handle) = mount_app();
    leptos::task::tick().await;
    let tags: Vec<String> =
        std::iter::successors(root.first_element_child(), |e| e.next_element_sibling())
            .map(|e| e.tag_name())
            .collect();
    assert_eq!(tags, ["HEADER", "DIV", "DIV", "MAIN"]);
    assert!(root
        .query_selector("#jobs-heading")
        .expect("selector")
        .is_some());
    drop(handle);
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn jobs_table_has_the_portal_columns_and_the_default_job() {
    let (root, _handle) = mount_app();
    leptos::task::tick().await;
    let headers: Vec<String> = cells(&root, "table[aria-label='Jobs'] thead th")
        .into_iter()
        .map(|h| h.trim_end_matches(['▲', '▼', ' ']).to_string())
        .collect();
    assert_eq!(
        headers,
        [
            "Name",
            "Type",
            "Status",
            "Storage account",
            "Created",
            "Percent complete",
            "Expires in"
        ]
    );
    let row = cells(&root, "table[aria-label='Jobs'] tbody tr td");
    assert_eq!(row[0], "lab-a");
    assert!(row[2].starts_with("Creating"), "status cell: {}", row[2]);
    // 14 days to the Creating expiry (R2), counted from creation at the scenario's start;
    // the cell names what will happen.
    assert_eq!(row[6], "deleted in 14\u{a0}d");
}

#[wasm_bindgen_test]
async fn next_event_button_applies_the_next_event() {
    let (root, _handle) = mount_app();
    leptos::task::tick().await;
    click(&root, "[data-testid=next-event]");
    leptos::task::tick().await;
    let clock = cells(&root, "[data-testid=clock]");
    assert_eq!(clock, ["2026-01-06 09:00 UTC"]);
    let row = cells(&root, "table[aria-label='Jobs'] tbody tr td");
    assert!(row[2].starts_with("Shipping"), "status cell: {}", row[2]);
}

#[wasm_bindgen_test]
async fn selecting_a_job_shows_its_drives() {
    let (root, _handle) = mount_app();
    leptos::task::tick().await;
    click(&root, "table[aria-label='Jobs'] tbody button.job-link");
    leptos::task::tick().await;
    let ids = cells(&root, "table[aria-label='Drives'] tbody th");
    assert_eq!(ids, ["A1000001", "A1000002"]);
    let states = cells(&root, "table[aria-label='Drives'] tbody td:nth-of-type(1)");
    assert_eq!(states, ["Specified", "Specified"]);
    let row_class = root
        .query_selector("table[aria-label='Jobs'] tbody tr")
        .ok()
        .flatten()
        .map(|r| r.class_name())
        .unwrap_or_default();
    assert!(row_class.contains("selected"));
    let current = root
        .query_selector("table[aria-label='Jobs'] tbody button.job-link")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("aria-current"));
    assert_eq!(current.as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn status_badges_start_with_the_identifier_and_carry_their_shape_class() {
    let (root, _handle) = mount_app();
    leptos::task::tick().await;
    click(&root, "table[aria-label='Jobs'] tbody button.job-link");
    leptos::task::tick().await;
    let badge = |selector: &str| {
        root.query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no badge {selector}"))
    };
    let job = badge("[data-testid=detail-status] span.status");
    assert_eq!(text(&job), "Creating");
    assert!(job.class_name().contains("job-status status-Creating"));
    let drive = badge("table[aria-label='Drives'] tbody span.status");
    assert_eq!(text(&drive), "Specified");
    assert!(drive.class_name().contains("drive-status status-Specified"));
}

#[wasm_bindgen_test]
async fn panic_banner_is_visible_and_shows_the_message_as_text_not_html() {
    ie_lifecycle::panic_banner::show_banner("bad <b>input</b>");
    let banner = document()
        .get_element_by_id(ie_lifecycle::panic_banner::BANNER_ID)
        .expect("a banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&banner).contains("bad <b>input</b>"));
    assert!(banner.query_selector("b").ok().flatten().is_none());
    banner.remove();
}

#[wasm_bindgen_test]
async fn panic_banner_speaks_the_page_language() {
    let root = document().document_element().expect("<html>");
    let before = root.get_attribute("lang");
    root.set_attribute("lang", "nl").expect("lang set");
    ie_lifecycle::panic_banner::show_banner("x");
    let banner = document()
        .get_element_by_id(ie_lifecycle::panic_banner::BANNER_ID)
        .expect("a banner");
    let shown = text(&banner);
    banner.remove();
    match before {
        Some(lang) => root.set_attribute("lang", &lang).expect("lang restored"),
        None => root.remove_attribute("lang").expect("lang removed"),
    }
    assert!(shown.starts_with("Er ging iets mis"), "{shown}");
    assert!(shown.ends_with("Details: x"), "{shown}");
}
