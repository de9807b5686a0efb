//! Writes DOM nodes through a few non-generic calls, for views that are drawn whole from data
//! and have no reactive parts inside (a timeline lane, an event-log line).
//!
//! Why not Leptos' `view!` there: each view compiles to its own generic code and builds a tree
//! of reactive nodes per line; these parts change only as a whole, so one plain writer is both
//! smaller and faster. Why not a markup string and `innerHTML`: text from files (job names,
//! messages) must never reach the DOM as HTML, even escaped, so every text here becomes a text
//! node and every attribute value goes through `setAttribute`.

use wasm_bindgen::convert::{FromWasmAbi, IntoWasmAbi};
use wasm_bindgen::prelude::JsValue;
use web_sys::{Document, Element};

// The form controls' `value` and `checked`, read and written on any element as plain
// properties: web-sys has them per element type (input, select, text area), each its own
// import and JS glue function, and a type check before each use.

/// What a field, select or text area holds.
pub fn value(el: &Element) -> String {
    text_of(el, "value")
}

pub fn set_value(el: &Element, value: &str) {
    put(el, "value", &value.into());
}

/// Whether a check box is ticked (false for any other control).
pub fn checked(el: &Element) -> bool {
    prop(el, "checked").as_bool() == Some(true)
}

pub fn set_checked(el: &Element, on: bool) {
    put(el, "checked", &on.into());
}

/// Sets an attribute, ignoring the error only a bad name raises (names are constants of
/// ours): one place that handles the call's result instead of one at each use.
#[inline(never)]
pub fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Sets or removes a boolean attribute (`hidden`, `disabled`), through the same two calls as
/// every other attribute write. `false` also removes an attribute that holds a value.
#[inline(never)]
pub fn flag(el: &Element, name: &str, on: bool) {
    if on {
        set(el, name, "");
    } else {
        let _ = call(el, "removeAttribute", &name.into());
    }
}

/// Whether `el` has the attribute `name`, through `getAttribute`: `hasAttribute` would be an
/// import of its own.
pub fn has(el: &Element, name: &str) -> bool {
    el.get_attribute(name).is_some()
}

/// Whether `el`'s `class` attribute lists `class`: read from the attribute, as the class list's
/// own calls (`classList`, `contains`, `add`, `remove`) were four imports for three uses.
/// The app's class names are ASCII, so `split_whitespace` splits them as HTML's ASCII
/// whitespace does; it is the splitter the Azure date reader needs anyway (one copy of the
/// code, not two).
pub fn has_class(el: &Element, class: &str) -> bool {
    el.get_attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Adds `class` to `el`'s `class` attribute (`on`) or takes it out; nothing is written when it
/// is already so.
#[inline(never)]
pub fn set_class(el: &Element, class: &str, on: bool) {
    let now = el.get_attribute("class").unwrap_or_default();
    let mut out = String::new();
    let mut had = false;
    for c in now.split_whitespace() {
        if c == class {
            had = true;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(c);
    }
    if had == on {
        return;
    }
    if on {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(class);
    }
    set(el, "class", &out);
}

/// Whether any of the properties `names` of `obj` (an event's `ctrlKey`, `altKey`...) is
/// true.
#[inline(never)]
pub fn any_true(obj: &JsValue, names: &[&str]) -> bool {
    names
        .iter()
        .any(|name| prop(obj, name).as_bool() == Some(true))
}

// Properties and methods that are read or called in only a place or two (an event's `key`,
// an element's `scrollTop`, `click()`) go through `Reflect.get` and `Function.call`, which the
// app imports anyway: each typed web-sys getter or method is an import and JS glue function of
// its own (about 60 bytes gzip each). The names are constants of ours.

/// `obj[name]` (`undefined` when `obj` is not an object).
#[inline(never)]
pub fn prop(obj: &JsValue, name: &str) -> JsValue {
    web_sys::js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets `obj[name]` (a form control's `value`, an options object's `type`); false when the
/// setter threw (a full `localStorage`).
#[inline(never)]
pub fn put(obj: &JsValue, name: &str, value: &JsValue) -> bool {
    web_sys::js_sys::Reflect::set(obj, &JsValue::from_str(name), value).unwrap_or(false)
}

/// A number property (0 when there is none).
pub fn num(obj: &JsValue, name: &str) -> f64 {
    prop(obj, name).as_f64().unwrap_or_default()
}

/// A text property (empty when there is none).
pub fn text_of(obj: &JsValue, name: &str) -> String {
    prop(obj, name).as_string().unwrap_or_default()
}

/// An element or none, as one number (wasm-bindgen's handle of the element, 0 for none): what
/// the out-of-line lookups below hand back. An `Option<Element>` is two numbers and came back
/// through memory, with a stack frame at each of the ~150 calls; the handle is turned back
/// into the `Option` at the call, which is free.
type Handle = <Option<Element> as IntoWasmAbi>::Abi;

/// `value` as an element, or none if it is not one, as a `Handle`.
fn handle_of(value: JsValue) -> Handle {
    wasm_bindgen::JsCast::dyn_into::<Element>(value)
        .ok()
        .into_abi()
}

/// The element or none a `Handle` stands for.
#[inline(always)]
fn from_handle(handle: Handle) -> Option<Element> {
    // SAFETY: every `Handle` comes from `handle_of`, and each is taken back once, here, at
    // the call that received it.
    unsafe { Option::<Element>::from_abi(handle) }
}

/// An element property (`relatedTarget`, `nextElementSibling`), `None` when it holds none.
#[inline(always)]
pub fn element_of(obj: &JsValue, name: &str) -> Option<Element> {
    from_handle(element_handle(obj, name))
}

#[inline(never)]
fn element_handle(obj: &JsValue, name: &str) -> Handle {
    handle_of(prop(obj, name))
}

/// A node property (`firstChild`), `None` when it holds none.
pub fn node_of(obj: &JsValue, name: &str) -> Option<web_sys::Node> {
    let v = prop(obj, name);
    (!v.is_null() && !v.is_undefined()).then(|| wasm_bindgen::JsCast::unchecked_into(v))
}

/// Calls method `name` of `obj` with `arg` (`undefined` for a method that takes none) and
/// gives what it returned; a missing method or a throw gives `undefined`, and is otherwise
/// ignored, as the callers ignored web-sys' errors.
#[inline(never)]
pub fn call(obj: &JsValue, name: &str, arg: &JsValue) -> JsValue {
    let f: web_sys::js_sys::Function = wasm_bindgen::JsCast::unchecked_into(prop(obj, name));
    f.call1(obj, arg).unwrap_or(JsValue::UNDEFINED)
}

/// Calls method `name` of `obj` with three arguments (`history.pushState`,
/// `addEventListener`): one import for every method of several arguments called in a place
/// or two, instead of an import and JS glue function each. `Err` when it threw (or is
/// missing).
#[inline(never)]
pub fn call3(
    obj: &JsValue,
    name: &str,
    a: &JsValue,
    b: &JsValue,
    c: &JsValue,
) -> Result<JsValue, JsValue> {
    let f: web_sys::js_sys::Function = wasm_bindgen::JsCast::unchecked_into(prop(obj, name));
    f.call3(obj, a, b, c)
}

/// `new window[class](arg)` (a compression stream, a Blob, a file reader), through
/// `Reflect.construct`: one import for the classes made in a place or two, instead of a
/// constructor import and JS glue function each. `Err` when the browser lacks the class or its
/// constructor threw.
#[inline(never)]
pub fn construct(class: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let target: web_sys::js_sys::Function =
        wasm_bindgen::JsCast::unchecked_into(prop(&leptos::prelude::window(), class));
    web_sys::js_sys::Reflect::construct(&target, &web_sys::js_sys::Array::of1(arg))
}

/// Calls method `name` of `obj` with no argument (`click`, `preventDefault`).
pub fn call0(obj: &JsValue, name: &str) {
    let _ = call(obj, name, &JsValue::UNDEFINED);
}

/// Puts a parent's children in a given order, one at a time, moving only those out of place:
/// the jobs table's rows, the log's lines and the timeline's lanes keep their nodes across
/// redraws, and a node that is already where it belongs is not moved (a move costs the
/// browser a relayout and a screen reader its place). One copy for the three lists.
pub struct InOrder {
    parent: Element,
    /// The child the next one should be: `null` past the last.
    next: JsValue,
}

impl InOrder {
    pub fn new(parent: &Element) -> Self {
        InOrder {
            parent: parent.clone(),
            next: prop(parent, "firstChild"),
        }
    }

    /// Puts `el` next: it stays if it is there already, else it moves before the cursor (or
    /// to the end).
    #[inline(never)]
    pub fn put(&mut self, el: &Element) {
        use wasm_bindgen::JsCast;
        if web_sys::js_sys::Object::is(&self.next, el) {
            self.next = prop(el, "nextSibling");
        } else {
            // `null` (past the last child) appends: the node reaches the call as it is.
            let _ = self
                .parent
                .insert_before(el, Some(self.next.unchecked_ref::<web_sys::Node>()));
        }
    }
}

/// `el`'s parent element.
pub fn parent(el: &Element) -> Option<Element> {
    element_of(el, "parentElement")
}

/// The element after `el` among its parent's.
pub fn next(el: &Element) -> Option<Element> {
    element_of(el, "nextElementSibling")
}

/// The element before `el` among its parent's.
pub fn previous(el: &Element) -> Option<Element> {
    element_of(el, "previousElementSibling")
}

/// `el`'s text (its descendants' text, joined).
pub fn text(el: &Element) -> String {
    text_of(el, "textContent")
}

/// The document `el` is in.
pub fn doc_of(el: &Element) -> Option<Document> {
    node_of(el, "ownerDocument").map(wasm_bindgen::JsCast::unchecked_into)
}

/// The element that has the keyboard focus in `el`'s document.
pub fn active(el: &Element) -> Option<Element> {
    let doc = doc_of(el)?;
    element_of(&doc, "activeElement")
}

/// Whether `node` is `el` or inside it.
pub fn contains(el: &Element, node: &JsValue) -> bool {
    call(el, "contains", node).as_bool() == Some(true)
}

/// Takes `el` out of the page.
pub fn remove(el: &Element) {
    call0(el, "remove");
}

/// Moves the keyboard focus to `el` (an HTML or an SVG element).
pub fn focus(el: &Element) {
    call0(el, "focus");
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A writer of elements under one parent. Each `open` must be matched by a `close`.
pub struct Dom {
    doc: Document,
    /// The open elements, innermost last, each with whether it is in the SVG namespace (an
    /// `svg` element and everything inside it are); `None` where an element could not be
    /// made (the writes meant for it are dropped rather than landing on its parent).
    stack: Vec<(Option<Element>, bool)>,
}

/// What the drawing code writes to: the page (`Dom`), or in native tests an outline string.
/// Tags are always constants of ours; attribute values and text are data and stay data.
pub trait Writer {
    /// Opens a child element of the innermost open one; each `open` is matched by a `close`.
    fn open(&mut self, tag: &'static str) -> &mut Self;
    /// Closes the innermost open element.
    fn close(&mut self) -> &mut Self;
    /// Sets an attribute of the innermost open element (before any child or text of it).
    fn attr(&mut self, name: &str, value: &str) -> &mut Self;
    /// Appends text.
    fn text(&mut self, text: &str) -> &mut Self;
    /// A whole-number attribute (coordinates are whole pixels: no float formatting).
    fn num(&mut self, name: &str, value: i64) -> &mut Self {
        self.attr(name, &value.to_string())
    }
    /// An element holding only text: `<tag class=…>text</tag>`.
    fn leaf(&mut self, tag: &'static str, class: &str, text: &str) -> &mut Self {
        self.open(tag).attr("class", class).text(text).close()
    }
}

/// A panel's heading, `<h2 id=…>Title: name</h2>`, naming the job it is about when there is
/// one (the actions and the job details say which job they act on).
pub fn panel_heading<W: Writer>(w: &mut W, id: &str, title: &str, name: Option<&str>) {
    w.open("h2").attr("id", id).text(title);
    if let Some(name) = name {
        w.text(": ").text(name);
    }
    w.close();
}

impl Dom {
    /// A writer that replaces whatever `parent` held. `svg`: elements in the SVG namespace.
    pub fn replacing(parent: &Element, svg: bool) -> Option<Self> {
        parent.set_text_content(None);
        Self::appending(parent, svg)
    }

    /// A writer that adds after whatever `parent` holds.
    pub fn appending(parent: &Element, svg: bool) -> Option<Self> {
        Some(Dom {
            doc: doc_of(parent)?,
            stack: vec![(Some(parent.clone()), svg)],
        })
    }

    fn top(&self) -> Option<&Element> {
        self.stack.last().and_then(|(e, _)| e.as_ref())
    }
}

impl Writer for Dom {
    fn open(&mut self, tag: &'static str) -> &mut Self {
        let svg = tag == "svg" || self.stack.last().is_some_and(|(_, svg)| *svg);
        let made = if svg {
            self.doc.create_element_ns(Some(SVG_NS), tag)
        } else {
            self.doc.create_element(tag)
        };
        let el = match (made, self.top()) {
            (Ok(el), Some(top)) => top.append_child(&el).ok().map(|_| el),
            _ => None,
        };
        self.stack.push((el, svg));
        self
    }

    /// Never closes the parent it writes into.
    fn close(&mut self) -> &mut Self {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
        self
    }

    fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        if let Some(top) = self.top() {
            let _ = top.set_attribute(name, value);
        }
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        if let Some(top) = self.top() {
            let node = self.doc.create_text_node(text);
            let _ = top.append_child(&node);
        }
        self
    }
}

/// Appends a `tag` element with `attrs` to `parent`: a host element a view then draws into
/// (tags and attributes are constants of ours).
#[inline(always)]
pub fn add(parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    from_handle(added(parent, tag, attrs))
}

/// `add`'s work, out of line, its element handed back as a `Handle`.
#[inline(never)]
fn added(parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Handle {
    child(parent, tag, attrs).into_abi()
}

/// The new `tag` child with `attrs` appended to `parent`.
fn child(parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    let el = doc_of(parent)?.create_element(tag).ok()?;
    for (name, value) in attrs {
        let _ = el.set_attribute(name, value);
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

/// Every element under `root` that `selector` (a constant of ours) finds, in document order:
/// the one walk over a node list, instead of an iterator chain compiled at each use.
#[inline(never)]
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    use wasm_bindgen::JsCast;
    let list = call(root, "querySelectorAll", &selector.into());
    // A node list is indexed like an array: read through the array's `list[i]` import.
    let items: &web_sys::js_sys::Array = list.unchecked_ref();
    let mut found = Vec::new();
    for i in 0..num(&list, "length") as u32 {
        if let Ok(el) = items.get(i).dyn_into::<Element>() {
            found.push(el);
        }
    }
    found
}

/// The page's element with the id `id` (a constant of ours), looked up in the body with the
/// selector call every view uses: `getElementById` would be an import of its own.
pub fn by_id(id: &str) -> Option<Element> {
    find(&body()?, &(String::from("#") + id))
}

/// The page's body.
pub fn body() -> Option<Element> {
    body_of(&leptos::prelude::document())
}

/// A document's body.
pub fn body_of(doc: &Document) -> Option<Element> {
    element_of(doc, "body")
}

/// The page's root element (`<html>`), as the body's parent: `documentElement` would be an
/// import of its own.
pub fn page_root() -> Option<Element> {
    parent(&body()?)
}

/// The first element under `root` that `selector` (a constant of ours) finds.
#[inline(always)]
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    from_handle(method_handle(root, "querySelector", selector))
}

/// `el.method(selector)` (a selector method) as a `Handle`.
#[inline(never)]
fn method_handle(el: &Element, method: &str, selector: &str) -> Handle {
    handle_of(call(el, method, &selector.into()))
}

/// The element an event came from (`None` for the window or a text node).
pub fn target(ev: &web_sys::Event) -> Option<Element> {
    element_of(ev, "target")
}

/// The element nearest an event's target (itself included) that `selector` finds: what a
/// delegated handler acts on.
#[inline(always)]
pub fn target_in(ev: &web_sys::Event, selector: &str) -> Option<Element> {
    from_handle(target_handle(ev, selector))
}

/// `target_in`'s element as a `Handle`.
#[inline(never)]
fn target_handle(ev: &web_sys::Event, selector: &str) -> Handle {
    match target(ev) {
        Some(el) => method_handle(&el, "closest", selector),
        None => None::<Element>.into_abi(),
    }
}

/// The element nearest `el` (itself included) that `selector` (a constant of ours) finds.
#[inline(always)]
pub fn closest(el: &Element, selector: &str) -> Option<Element> {
    from_handle(method_handle(el, "closest", selector))
}

/// For one delegated handler per view: the element nearest an event's target that carries
/// `data-act`, and that action.
pub fn acted(ev: &web_sys::Event) -> Option<(Element, String)> {
    let el = target_in(ev, "[data-act]")?;
    let act = el.get_attribute("data-act")?;
    Some((el, act))
}

/// The `data-act` of the focused element if it is under `root`: what to focus again after
/// `root` is redrawn (`refocus`), so a keyboard user stays where they were.
pub fn focused_act(root: &Element) -> Option<String> {
    let active = active(root)?;
    if !contains(root, &active) {
        return None;
    }
    active.get_attribute("data-act")
}

/// Replaces what `root` holds with what `draw` writes, keeping the keyboard focus on the
/// control with the same `data-act` (views redraw whole when their language or data changes,
/// and a keyboard user must not be thrown back to the top of the page). Not generic, so each
/// view pays only for its own drawing.
pub fn redraw(root: &Element, draw: &mut dyn FnMut(&mut Dom)) {
    let focused = focused_act(root);
    if let Some(mut w) = Dom::replacing(root, false) {
        draw(&mut w);
    }
    refocus(root, focused);
}

/// Focuses the element under `root` whose `data-act` is `act` (compared as text, never put
/// into a selector).
pub fn refocus(root: &Element, act: Option<String>) {
    let Some(act) = act else {
        return;
    };
    if let Some(el) = with_attr(root, "[data-act]", "data-act", &act) {
        focus(&el);
    }
}

/// The first element under `root` that `selector` (a constant of ours) finds whose attribute
/// `name` is `value` (compared as text, never put into a selector).
#[inline(never)]
pub fn with_attr(root: &Element, selector: &str, name: &str, value: &str) -> Option<Element> {
    all(root, selector)
        .into_iter()
        .find(|el| el.get_attribute(name).as_deref() == Some(value))
}

/// Listens for `event` on `el` for as long as the page lives (the views are never unmounted),
/// through one non-generic path: a `view!` handler compiled its own event glue per closure.
/// `capture`: in the capture phase (for events that do not bubble, such as `scroll`). Any
/// event target will do (a file reader's `load` too: one closure type for all listeners).
pub fn listen(
    el: &web_sys::EventTarget,
    event: &str,
    capture: bool,
    f: impl FnMut(web_sys::Event) + 'static,
) {
    listen_boxed(el, event, capture, false, Box::new(f));
}

/// Listens for `event` on the window until the app's owner is cleaned up: the browser tests
/// mount and drop an app per test, and a dropped app's keys and scrolls must not reach it.
/// The same path as `listen` (Leptos' `window_event_listener` compiled its glue per closure).
pub fn listen_window(event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    listen_boxed(&leptos::prelude::window(), event, false, true, Box::new(f));
}

#[inline(never)]
fn listen_boxed(
    target: &web_sys::EventTarget,
    event: &str,
    capture: bool,
    until_cleanup: bool,
    mut f: Box<dyn FnMut(web_sys::Event)>,
) {
    use leptos::__reexports::send_wrapper::SendWrapper;
    // A handler runs under the owner current when it was attached (the app's), as a `view!`
    // handler did, so that it finds the app's contexts (`use_app`, `use_lang`).
    let owner = leptos::prelude::Owner::current();
    let run: Box<dyn FnMut(web_sys::Event)> = Box::new(move |ev| match &owner {
        Some(owner) => owner.with(|| f(ev)),
        None => f(ev),
    });
    let callback = wasm_bindgen::closure::Closure::wrap(run).into_js_value();
    let (event, capture) = (JsValue::from_str(event), JsValue::from_bool(capture));
    let _ = call3(target, "addEventListener", &event, &callback, &capture);
    if until_cleanup {
        // Only ever touched on this thread (wasm has one); the wrapper makes it `Send`.
        let gone = SendWrapper::new((target.clone(), event, callback, capture));
        leptos::prelude::on_cleanup(move || {
            let (target, event, callback, capture) = &*gone;
            let _ = call3(target, "removeEventListener", event, callback, capture);
        });
    }
}

/// `window[name](callback, ms)`, for `setTimeout`, `setInterval` and `requestAnimationFrame`
/// (which ignores `ms`): through `call3` and the listeners' closure type, so the timers need no
/// import, JS glue function or closure type of their own. The callback is handed a value it
/// ignores (`undefined`, or a frame's time). What the call returned (a timer's id).
#[inline(never)]
pub fn timer(name: &str, ms: u32, f: Box<dyn FnMut(web_sys::Event)>) -> JsValue {
    let callback = wasm_bindgen::closure::Closure::wrap(f).into_js_value();
    let window = leptos::prelude::window();
    call3(&window, name, &callback, &ms.into(), &JsValue::UNDEFINED).unwrap_or(JsValue::UNDEFINED)
}

/// Runs `f` once, after `ms` milliseconds (`setTimeout`), as Leptos' `set_timeout` did.
pub fn after(ms: u32, f: impl FnOnce() + 'static) {
    once("setTimeout", ms, f);
}

/// Runs `f` once, before the next frame is drawn, as Leptos' `request_animation_frame` did.
pub fn next_frame(f: impl FnOnce() + 'static) {
    once("requestAnimationFrame", 0, f);
}

fn once(name: &str, ms: u32, f: impl FnOnce() + 'static) {
    let mut f = Some(f);
    timer(
        name,
        ms,
        Box::new(move |_| {
            if let Some(f) = f.take() {
                f();
            }
        }),
    );
}

/// A `setInterval` that is cleared when dropped (what `gloo_timers`' `Interval` did), through
/// `timer` and `call`: no imports, glue or closure type of its own. The ticker's frames and the
/// address's wait for a resting clock (`url_sync`).
pub struct Interval(JsValue);

impl Interval {
    pub fn new(ms: u32, mut f: impl FnMut() + 'static) -> Self {
        Interval(timer("setInterval", ms, Box::new(move |_| f())))
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        call(&leptos::prelude::window(), "clearInterval", &self.0);
    }
}

/// The same drawing as markup-like text, for native tests of what a drawing holds. Values and
/// text are escaped so a test can tell them from structure.
#[cfg(test)]
#[derive(Default)]
pub struct Outline {
    pub out: String,
    open: Vec<&'static str>,
    in_tag: bool,
}

#[cfg(test)]
impl Outline {
    fn end_tag(&mut self) {
        if self.in_tag {
            self.out.push('>');
            self.in_tag = false;
        }
    }
    fn escaped(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                c => self.out.push(c),
            }
        }
    }
}

#[cfg(test)]
impl Writer for Outline {
    fn open(&mut self, tag: &'static str) -> &mut Self {
        self.end_tag();
        self.out.push('<');
        self.out.push_str(tag);
        self.open.push(tag);
        self.in_tag = true;
        self
    }
    fn close(&mut self) -> &mut Self {
        self.end_tag();
        if let Some(tag) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(tag);
            self.out.push('>');
        }
        self
    }
    fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.escaped(value);
        self.out.push('"');
        self
    }
    fn text(&mut self, text: &str) -> &mut Self {
        self.end_tag();
        self.escaped(text);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outline_keeps_data_as_data() {
        let mut o = Outline::default();
        o.open("g")
            .attr("data-job", "a\"<b>")
            .open("text")
            .text("<script>")
            .close()
            .close();
        assert_eq!(
            o.out,
            "<g data-job=\"a&quot;&lt;b&gt;\"><text>&lt;script&gt;</text></g>"
        );
    }
}
