//! "Why?": a small button beside a status, a drive state or a countdown that opens a card
//! with the rule that put it there, the event that did it (a link that moves the clock
//! there and highlights the entry in the log) and what can happen next, and when.
//!
//! The button has no text of its own (its name is its `aria-label`, its "?" comes from CSS)
//! and the card is rendered at the end of the page, so a cell's text stays exactly the state
//! identifier the page's contract promises.

use crate::ui::slot::Slot;
use leptos::prelude::*;

use super::dom::{acted, find, focused_act, listen, refocus, Dom, Writer};
use super::format;
use super::state::use_app;
use super::use_lang;
use super::why_reason::{explain, Why, WhySubject};
use crate::i18n::{dg, fires_at, rule_text, source_label, why_countdown, why_state, DgText, Lang};
use crate::model::Time;

/// The log entry a "Why?" link pointed at: highlighted in the log, and focused once.
#[derive(Clone, Copy)]
pub struct LogHighlight {
    /// The entry's moment and its place in the log: the cause a card shows, in a slot of the
    /// cause's own type (a slot of another type would add its own copy of the slot's code,
    /// `ui::slot`).
    entry: Slot<Option<(Time, u64)>>,
    focus_pending: Slot<bool>,
}

impl LogHighlight {
    /// Nothing highlighted; made once per app, under its owner.
    pub(super) fn create() -> Self {
        LogHighlight {
            entry: Slot::new(None),
            focus_pending: Slot::new(false),
        }
    }

    /// Highlights `entry` (its moment and its place).
    pub fn show(&self, entry: (Time, u64)) {
        self.focus_pending.set_value(true);
        self.entry.set(Some(entry));
    }

    /// Whether entry `seq` is the highlighted one (tracked).
    pub fn is(&self, seq: u64) -> bool {
        self.entry.get().map(|e| e.1) == Some(seq)
    }

    /// True once for the highlighted entry, so it takes the focus only when first shown.
    pub fn take_focus(&self, seq: u64) -> bool {
        let mine =
            self.entry.get_untracked().map(|e| e.1) == Some(seq) && self.focus_pending.get_value();
        if mine {
            self.focus_pending.set_value(false);
        }
        mine
    }
}

/// The page's one `LogHighlight`, made with the app (`state::provide`) so the log and every
/// "Why?" card (in the tables, the details or a portal) share it.
pub fn use_log_highlight() -> LogHighlight {
    super::state::shared().highlight
}

/// The question a button asks, from what its cell shows (`shown`: the state identifier, or
/// for a countdown the rule id).
pub(super) fn question(lang: Lang, job: &str, subject: &WhySubject, shown: &str) -> String {
    match subject {
        WhySubject::Status => why_state(lang, None, job, shown),
        WhySubject::Drive(id) => why_state(lang, Some(&id.to_string()), job, shown),
        WhySubject::Countdown => why_countdown(lang, job, shown),
    }
}

/// The card's facts: the rule, the cause (a button to its moment) and what comes next.
/// `now` moves only the countdown of what comes next.
fn draw_body<W: Writer>(w: &mut W, why: &Why, lang: Lang, now: Time) {
    let t = |key| dg(lang, key);
    w.open("dl").attr("class", "why-facts");
    w.open("dt").text(t(DgText::Rule)).close().open("dd");
    if let Some(r) = why.rule {
        w.leaf("span", "rule-id", r.id())
            .text(" ")
            .text(rule_text(lang, r));
    }
    w.close();
    let cause_label = if why.countdown {
        DgText::ClockFrom
    } else {
        DgText::Cause
    };
    w.open("dt").text(t(cause_label)).close().open("dd");
    match &why.cause {
        Some(e) => {
            let mut text = String::from(e.event.id());
            if let Some(d) = &e.drive {
                text.push_str(" · ");
                text.push_str(&d.to_string());
            }
            text.push_str(" · ");
            text.push_str(&format::date_time(e.at));
            text.push_str(" · ");
            text.push_str(source_label(lang, e.source));
            w.open("button")
                .attr("class", "link why-event")
                .attr("type", "button")
                .attr("title", t(DgText::GoToEvent))
                .attr("data-act", "cause")
                .text(&text)
                .close();
        }
        None => {
            w.text(t(DgText::NoCause));
        }
    }
    w.close();
    w.open("dt")
        .text(t(DgText::Next))
        .close()
        .open("dd")
        .attr("data-testid", "why-next");
    if let Some((rule, at)) = why.due {
        let line = fires_at(
            lang,
            rule,
            &format::date_time(at),
            &format::countdown(lang, at - now),
        );
        w.open("p").text(&line).close();
    }
    // "Trigger → To (R1); …" pushed to by a plain loop (a map collected and joined compiled
    // its own iterator code).
    let mut then = String::new();
    for e in &why.then {
        if !then.is_empty() {
            then.push_str("; ");
        }
        for part in [e.trigger.id(), " → ", e.to.id(), " (", e.rule.id(), ")"] {
            then.push_str(part);
        }
    }
    if why.due.is_none() && then.is_empty() {
        let end = if why.deleted {
            DgText::End
        } else {
            DgText::Final
        };
        w.open("p").text(t(end)).close();
    }
    if !then.is_empty() {
        let lead = if why.due.is_some() {
            DgText::OrAction
        } else {
            DgText::Waits
        };
        w.open("p").text(t(lead)).text(": ").text(&then).close();
    }
    w.close().close();
}

/// One "Why?" card for a table whose rows are drawn by `ui::dom`: the rows' buttons carry no
/// handler of their own; the table's one click handler calls `toggle` with the button, and the
/// card opens at the end of the page and gives the focus back to that button when it closes.
///
/// The card is drawn by `ui::dom` into a place of its own at the end of the page, made once
/// with the host (no portal, no component per opening): its frame when it opens or the language
/// changes, its body (the rule, the cause and what comes next) on every change of the clock or
/// the world while it is open. One click and one keydown listener serve Close, the cause's
/// button and Escape.
#[derive(Clone, Copy)]
pub struct WhyHost {
    why: Slot<Option<(String, WhySubject, String)>>,
    open: Slot<bool>,
    opener: Slot<Option<web_sys::Element>>,
    /// How many cards were opened: a new one takes the focus.
    opened: Slot<usize>,
    /// The cause shown, for its button: its moment and its place in the log.
    cause: Slot<Option<(Time, u64)>>,
}

impl WhyHost {
    /// Made once per table, inside its component (the effects live as long as the table).
    pub fn create() -> Self {
        let host = WhyHost {
            why: Slot::new(None),
            open: Slot::new(false),
            opener: Slot::new(None),
            opened: Slot::new(0),
            cause: Slot::new(None),
        };
        let doc = document();
        let Some(place) = doc.create_element("div").ok() else {
            return host;
        };
        if let Some(body) = crate::ui::dom::body_of(&doc) {
            let _ = body.append_child(&place);
        }
        // The place goes with the table (tests mount and unmount the app many times). The
        // element is not `Send`; the page has one thread, so Leptos' own wrapper carries it.
        let gone = leptos::__reexports::send_wrapper::SendWrapper::new(place.clone());
        on_cleanup(move || crate::ui::dom::remove(&gone));
        let (app, lang, highlight) = (use_app(), use_lang(), use_log_highlight());
        listen(&place, "click", false, move |ev| {
            match acted(&ev).map(|(_, act)| act).as_deref() {
                Some("close") => host.close(),
                Some("cause") => {
                    if let Some((at, seq)) = host.cause.get_value() {
                        highlight.show((at, seq));
                        app.seek(at);
                        host.open.set(false);
                    }
                }
                _ => {}
            }
        });
        listen(&place, "keydown", false, move |ev| {
            if crate::ui::dom::text_of(&ev, "key") == "Escape" {
                host.close();
            }
        });
        crate::ui::fx::effect_with(move |drawn: Option<Option<(Lang, usize)>>| {
            // Read in place (not cloned) while the card is drawn.
            host.why.with(|shown| {
                let (true, Some((job, subject, title))) = (host.open.get(), shown) else {
                    host.mark(false);
                    place.set_text_content(None);
                    return None;
                };
                let key = (lang.get(), host.opened.get_value());
                let drawn = drawn.flatten();
                if drawn != Some(key) {
                    let focused = focused_act(&place);
                    Dom::replacing(&place, false)?
                        .open("section")
                        .attr("class", "why-card")
                        .attr("role", "dialog")
                        .attr("aria-label", title)
                        .attr("tabindex", "-1")
                        .open("h3")
                        .text(title)
                        .close()
                        .open("div")
                        .close()
                        .open("button")
                        .attr("type", "button")
                        .attr("data-act", "close")
                        .text(dg(key.0, DgText::Close))
                        .close();
                    match drawn.map(|d| d.1) == Some(key.1) {
                        true => refocus(&place, focused),
                        false => {
                            if let Some(card) = find(&place, "section") {
                                crate::ui::dom::focus(&card);
                            }
                        }
                    }
                }
                let div = find(&place, ".why-card div")?;
                let now = app.now().get();
                let focused = crate::ui::dom::active(&div)
                    .is_some_and(|a| crate::ui::dom::contains(&div, &a));
                // Drawn while the world is read: the answer borrows its cause from the log.
                app.sim().with(|s| {
                    let why = explain(s, job, subject, now);
                    host.cause
                        .set_value(why.as_ref().and_then(|w| w.cause.map(|e| (e.at, e.seq))));
                    if let Some(mut w) = Dom::replacing(&div, false) {
                        if let Some(why) = &why {
                            draw_body(&mut w, why, key.0, now);
                        }
                    }
                });
                if focused {
                    if let Some(b) = find(&div, "button") {
                        crate::ui::dom::focus(&b);
                    }
                }
                Some(key)
            })
        });
        host
    }

    fn mark(&self, expanded: bool) {
        self.opener.with_value(|o| {
            if let Some(b) = o {
                crate::ui::dom::set(b, "aria-expanded", if expanded { "true" } else { "false" });
            }
        });
    }

    /// Closes the card, and the focus returns to the button that opened it.
    fn close(&self) {
        self.open.set(false);
        self.opener.with_value(|o| {
            if let Some(b) = o {
                crate::ui::dom::focus(b);
            }
        });
    }

    /// Opens the card for `button` (its `aria-label` is the question), or closes it when it is
    /// the button that opened it.
    pub fn toggle(&self, button: web_sys::Element, job: String, subject: WhySubject) {
        use_app().pause();
        let again = self.opener.with_value(|o| {
            o.as_ref()
                .is_some_and(|o| web_sys::js_sys::Object::is(o, &button))
        });
        if again && self.open.get_untracked() {
            self.open.set(false);
            return;
        }
        self.mark(false);
        let title = button.get_attribute("aria-label").unwrap_or_default();
        self.opener.set_value(Some(button));
        self.mark(true);
        self.opened.update_value(|n| *n = n.wrapping_add(1));
        self.why.set(Some((job, subject, title)));
        self.open.set(true);
    }
}
