//! The buttons of the action panels (customer, datacenter) and the form fields around them,
//! written with the plain DOM writer: a panel is drawn whole when its job or language
//! changes, and otherwise only refreshed in place (`refresh`), so a clock tick writes
//! nothing that did not change.
//!
//! A button stays focusable when the rules forbid its action (`aria-disabled`, not
//! `disabled`) so keyboard users can still reach it and read why; the reason is the same
//! refusal the engine would give. Pressing it anyway shows that refusal beside the button and
//! changes nothing. An accepted action says what it changed beside the button ("Done:
//! Shipping → Received"); only the last accepted button on the page says so.

use crate::ui::slot::Slot;
use web_sys::Element;

use super::dom::{focused_act, refocus, Writer};
use super::state::AppState;
use crate::i18n::{done_line, refusal_text, refused_line, Lang};
use crate::model::{Action, Change, EventLabel};

/// How a panel turns a button's `data-act` into the action for `job`, reading the panel's
/// fields; `None` when the fields do not make an action (an invalid drive id).
pub type ActionOf = fn(&Element, &str, &str) -> Option<Action>;

/// One button, with the places for its reason, its confirmation and its refusal. `act` is
/// both its `data-act` and its `data-testid` (a constant, or a prefix and a drive id).
pub fn draw<W: Writer>(w: &mut W, act: &str, label: &str) {
    let why = format!("why-{act}");
    w.open("span")
        .attr("class", "action")
        .open("button")
        .attr("type", "button")
        .attr("data-testid", act)
        .attr("data-act", act)
        .attr("aria-disabled", "false")
        .attr("aria-describedby", &why)
        .text(label)
        .close()
        .open("span")
        .attr("class", "why")
        .attr("id", &why)
        .close();
    w.open("span")
        .attr("class", "done")
        .attr("role", "status")
        .attr("hidden", "")
        .close()
        .open("span")
        .attr("class", "feedback error-text")
        .attr("role", "alert")
        .attr("hidden", "")
        .close()
        .close();
}

/// A labelled one-line text field; `act` names it for reading, refocusing and tests.
pub fn field<W: Writer>(w: &mut W, label: &str, act: &str, size: i64, value: &str) {
    w.open("label")
        .text(label)
        .text(" ")
        .open("input")
        .attr("type", "text")
        .num("size", size)
        .attr("data-act", act)
        .attr("data-testid", act)
        .attr("value", value)
        .close()
        .close();
}

use super::dom::all;

/// The value of the field, box or select whose `data-act` is `act` (compared as text).
pub fn value(root: &Element, act: &str) -> String {
    super::dom::with_attr(
        root,
        "input[data-act], select[data-act], textarea[data-act]",
        "data-act",
        act,
    )
    .map(|e| super::dom::value(&e))
    .unwrap_or_default()
}

/// Sets `attr` only when it differs: an unchanged page is not written to on a clock tick.
fn set_attr(el: &Element, attr: &str, value: Option<&str>) {
    if el.get_attribute(attr).as_deref() != value {
        match value {
            Some(v) => super::dom::set(el, attr, v),
            None => super::dom::flag(el, attr, false),
        }
    }
}

/// Sets a line beside a button (its confirmation or its refusal), hidden when empty.
fn set_line(line: Option<Element>, text: Option<&str>) {
    if let Some(line) = line {
        if super::dom::text(&line) != text.unwrap_or("") {
            line.set_text_content(text);
        }
        set_attr(&line, "hidden", text.is_none().then_some(""));
    }
}

/// Writes, for every button under `root`, whether the rules allow its action now and why
/// not. Reads the world untracked: the caller's effect says what it depends on.
pub fn refresh(root: &Element, app: &AppState, lang: Lang, job: &str, action_of: ActionOf) {
    for button in all(root, ".action > button") {
        let act = button.get_attribute("data-act").unwrap_or_default();
        let reason = action_of(root, job, &act)
            .and_then(|a| app.check_untracked(&a).err())
            .map(|r| refusal_text(lang, &r));
        let disabled = if reason.is_some() { "true" } else { "false" };
        set_attr(&button, "aria-disabled", Some(disabled));
        // Just accepted ("quiet"): a reason must not pop up over the next control while the
        // pointer or the focus is still here.
        let quiet = super::dom::parent(&button).is_some_and(|p| super::dom::has_class(&p, "quiet"));
        set_attr(&button, "title", reason.as_deref().filter(|_| !quiet));
        if let Some(why) = crate::ui::dom::next(&button) {
            if super::dom::text(&why) != reason.as_deref().unwrap_or("") {
                why.set_text_content(reason.as_deref());
            }
        }
    }
}

/// Hides every confirmation and refusal under `root`: they belonged to another moment.
pub fn clear(root: &Element) {
    for line in all(root, ".action .done, .action .feedback") {
        set_line(Some(line), None);
    }
}

/// What the action just added at the clock changed: its entry in the job's log is the last
/// one of its kind at that instant (an action goes after everything already there). A plain
/// loop (skip the later entries, stop past the instant): the iterator chain compiled its
/// adapters' code of its own.
fn changes_of(app: &AppState, action: &Action) -> Vec<Change> {
    let at = app.now().get_untracked();
    let label = EventLabel::Action(action.kind());
    app.sim().with_untracked(|s| {
        let mut later = true;
        for e in s.job_log(action.job_name()).iter().rev() {
            later = later && e.at > at;
            if later {
                continue;
            }
            if e.at != at {
                break;
            }
            if e.event == label {
                return e.outcome.as_ref().ok().cloned().unwrap_or_default();
            }
        }
        Vec::new()
    })
}

/// Performs the action of `button` (a button under `root` with `data-act`): shows what it
/// changed, or the refusal, beside it.
pub fn press(
    root: &Element,
    button: &Element,
    app: &AppState,
    lang: Lang,
    job: &str,
    action_of: ActionOf,
) {
    let act = button.get_attribute("data-act").unwrap_or_default();
    let (Some(action), Some(span)) = (action_of(root, job, &act), crate::ui::dom::parent(button))
    else {
        return;
    };
    let line = |class: &str| {
        all(&span, class)
            .into_iter()
            .find(|l| crate::ui::dom::parent(l).as_ref() == Some(&span))
    };
    match app.perform(action.clone()) {
        Ok(()) => {
            if let Some(page) =
                crate::ui::dom::doc_of(root).and_then(|d| crate::ui::dom::body_of(&d))
            {
                clear(&page);
            }
            let done = done_line(lang, &changes_of(app, &action));
            set_line(line(".done"), Some(&done));
            super::dom::set_class(&span, "quiet", true);
            set_attr(button, "title", None);
        }
        Err(refusal) => {
            set_line(line(".done"), None);
            set_line(line(".feedback"), Some(&refused_line(lang, &refusal)));
        }
    }
}

/// The pointer or the focus left a button that was "quiet" after its action: from now on
/// it explains itself again. `true` if something changed (the caller refreshes).
pub fn leave(ev: &web_sys::Event) -> bool {
    let Some(span) = super::dom::target_in(ev, ".action.quiet") else {
        return false;
    };
    if crate::ui::dom::text_of(ev, "type") == "mouseout" {
        let to = crate::ui::dom::element_of(ev, "relatedTarget");
        if to.is_some_and(|to| super::dom::contains(&span, &to)) {
            return false;
        }
    }
    super::dom::set_class(&span, "quiet", false);
    true
}

/// What a redraw must not lose: what was typed or chosen, which box was unchecked, the
/// lines beside the buttons (for the same job) and the focus.
pub struct Kept {
    fields: Vec<(String, String, bool)>,
    lines: Vec<(String, Option<String>, Option<String>)>,
    focused: Option<String>,
}

impl Kept {
    pub fn take(root: &Element) -> Self {
        let mut fields = Vec::new();
        for e in all(
            root,
            "input[data-act], select[data-act], textarea[data-act]",
        ) {
            let act = e.get_attribute("data-act").unwrap_or_default();
            let (v, checked) = (super::dom::value(&e), super::dom::checked(&e));
            fields.push((act, v, checked));
        }
        let text = |e: Option<Element>| {
            e.filter(|e| !super::dom::has(e, "hidden"))
                .map(|e| super::dom::text(&e))
        };
        let mut lines = Vec::new();
        for b in all(root, ".action > button") {
            let done = super::dom::parent(&b).and_then(|s| super::dom::find(&s, ".done"));
            let said = super::dom::parent(&b).and_then(|s| super::dom::find(&s, ".feedback"));
            let act = b.get_attribute("data-act").unwrap_or_default();
            lines.push((act, text(done), text(said)));
        }
        Kept {
            fields,
            lines,
            focused: focused_act(root),
        }
    }

    /// Puts back what was kept into the redrawn `root`; `lines` only for the same job.
    pub fn restore(self, root: &Element, lines: bool) {
        for e in all(
            root,
            "input[data-act], select[data-act], textarea[data-act]",
        ) {
            let act = e.get_attribute("data-act").unwrap_or_default();
            let Some((_, v, checked)) = self.fields.iter().find(|f| f.0 == act) else {
                continue;
            };
            match e.get_attribute("type").as_deref() {
                Some("checkbox") => super::dom::set_checked(&e, *checked),
                _ => super::dom::set_value(&e, v),
            }
        }
        if lines {
            for b in all(root, ".action > button") {
                let act = b.get_attribute("data-act").unwrap_or_default();
                let (Some((_, done, said)), Some(span)) = (
                    self.lines.iter().find(|l| l.0 == act),
                    crate::ui::dom::parent(&b),
                ) else {
                    continue;
                };
                set_line(super::dom::find(&span, ".done"), done.as_deref());
                set_line(super::dom::find(&span, ".feedback"), said.as_deref());
            }
        }
        refocus(root, self.focused);
    }
}

/// The listeners of an action panel rooted at `node`: a button press performs its action
/// (`press`), typing or choosing bumps `edits` (the reasons depend on the fields), and leaving a
/// quiet button lets it explain itself again. Shared by the customer and datacenter panels.
pub fn listen_panel(root: &Element, edits: Slot<usize>, action_of: ActionOf) {
    use super::dom::listen;
    let app = super::state::use_app();
    let lang = super::use_lang();
    let bump = move || edits.set(edits.get_untracked().wrapping_add(1));
    let panel = root.clone();
    let on_click = move |ev: web_sys::Event| {
        let (Some((el, _)), Some(job)) = (super::dom::acted(&ev), app.selected().get_untracked())
        else {
            return;
        };
        // The nearest `data-act` is a button, not a field (no field is inside a button).
        if crate::ui::dom::closest(&el, "button").is_some() {
            press(&panel, &el, &app, lang.get_untracked(), &job, action_of);
        }
    };
    let on_leave = move |ev: web_sys::Event| {
        if leave(&ev) {
            bump();
        }
    };
    listen(root, "click", false, on_click);
    listen(root, "input", false, move |_| bump());
    listen(root, "change", false, move |_| bump());
    listen(root, "mouseout", false, on_leave);
    listen(root, "focusout", false, on_leave);
}
