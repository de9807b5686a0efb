//! Everything that happened up to the clock, with the rule behind each step. Clicking an
//! entry's time moves the clock to that moment.
//!
//! While the clock plays at a week a second a busy world logs hundreds of entries a frame, so
//! a line is written once by the plain DOM writer (`line`, `ui::dom`: text nodes, never
//! markup) and keyed by `Simulation::entry_key` (no formatting); the time buttons share one
//! click handler on the list, and the "Why?" highlight is one effect on the list, not one per
//! line.

use crate::ui::derived::Derived;
use crate::ui::slot::Slot;
use chrono::TimeDelta;

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;

use super::dom::{acted, find, Dom, Writer};
use super::state::use_app;
use super::use_lang;
use super::why::use_log_highlight;
use crate::i18n::{
    refusal_text, rule_text, showing_latest, source_label, subject_label, update_summary, Lang,
    Text,
};
use crate::model::{ActionKind, Change, EventLabel, Job, Source};
use crate::sim::engine::EntryKey;
use crate::sim::{LogEntry, Simulation};
use crate::ui::format;

/// The log shows at most this many entries; older ones are counted, not rendered.
const WINDOW: usize = 100;
/// In a world of more than `BIG` jobs hundreds of entries arrive each frame while playing, and
/// a jump replaces every line: the log then shows fewer (still more than its box has room
/// for), the latest few while playing.
const BIG_WINDOW: usize = 40;
const PLAYING_WINDOW: usize = 12;
const BIG: usize = 200;

/// "drive 9CA995BB: Specified → Received" (the states stay as identifiers in every language).
pub fn describe_change(lang: Lang, c: &Change) -> String {
    let subject = subject_label(lang, &c.subject);
    match c.from {
        Some(from) => format!("{subject}: {} → {}", from.id(), c.to.id()),
        None => format!("{subject}: {}", c.to.id()),
    }
}

/// One shown line: its place in the whole log and what identifies its content.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Shown {
    seq: usize,
    key: EntryKey,
    /// A new language writes every line anew.
    lang: Lang,
}

/// Draws the log into `root` (its section) and keeps it up to the clock.
pub fn attach(root: &web_sys::Element) {
    let app = use_app();
    let lang = use_lang();
    let newest_first = Slot::new(true);
    let entries = Derived::new(move || {
        let now = app.now().get();
        let lang = lang.get();
        let newest = newest_first.get();
        let playing = app.playing().get();
        app.sim().with(|s| {
            let n = s.log_until(now).len();
            let window = match (s.job_count() > BIG, playing) {
                (false, _) => WINDOW,
                (true, false) => BIG_WINDOW,
                (true, true) => PLAYING_WINDOW,
            };
            let mut list = Vec::new();
            for seq in n.saturating_sub(window)..n {
                if let Some(key) = s.entry_key(seq) {
                    list.push(Shown { seq, key, lang });
                }
            }
            if newest {
                list.reverse();
            }
            (list, n)
        })
    });
    // The heading, "newest first", the hint, the list and "nothing yet", drawn once; their
    // texts are set when the language changes.
    let Some(mut w) = Dom::appending(root, false) else {
        return;
    };
    frame(&mut w);
    let ol = Slot::new(find(root, "ol"));
    let list = move || ol.get_value();
    // The lines, keyed by what they show: a line that stays is kept (and moved if the order
    // needs it), a new one is written once by `line`.
    // (At most a hundred lines: a list searched, not a hash map, is the smaller code.)
    // Owned by the effect, its only user (a slot of its own type would add its own copy of
    // the slot's code).
    let mut lines = Vec::<(Shown, web_sys::Element)>::new();
    crate::ui::fx::effect(move || {
        let Some(ol) = list() else {
            return;
        };
        entries.with(|(shown, _)| {
            lines.retain(|(k, li)| {
                let stays = shown.contains(k);
                if !stays {
                    crate::ui::dom::remove(li);
                }
                stays
            });
            let mut order = crate::ui::dom::InOrder::new(&ol);
            app.sim().with_untracked(|s| {
                for sh in shown {
                    let li = match lines.iter().find(|l| l.0 == *sh) {
                        Some(l) => l.1.clone(),
                        None => {
                            let Some(li) = new_line(&ol, s, *sh) else {
                                continue;
                            };
                            lines.push((*sh, li.clone()));
                            li
                        }
                    };
                    order.put(&li);
                }
            });
        });
    });
    // A "Why?" link points at an entry: highlighted, and its time focused once.
    let highlight = use_log_highlight();
    crate::ui::fx::effect(move || {
        let seq = entries.with(|(shown, _)| {
            for s in shown {
                if highlight.is(s.seq as u64) {
                    return Some(s.seq as u64);
                }
            }
            None
        });
        let Some(ol) = list() else { return };
        if let Some(old) = crate::ui::dom::find(&ol, ".log-entry.highlighted") {
            crate::ui::dom::set_class(&old, "highlighted", false);
        }
        let Some(seq) = seq else { return };
        let Some(li) = crate::ui::dom::find(&ol, &format!("[data-seq=\"{seq}\"]")) else {
            return;
        };
        crate::ui::dom::set_class(&li, "highlighted", true);
        if highlight.take_focus(seq) {
            if let Some(b) = crate::ui::dom::find(&li, "button") {
                crate::ui::dom::focus(&b);
            }
        }
    });
    let seek_to = move |ev: leptos::ev::MouseEvent| {
        let Some(seq) = crate::ui::dom::target_in(&ev, ".log-time")
            .and_then(|el| crate::ui::dom::closest(&el, "[data-seq]"))
            .and_then(|li| li.get_attribute("data-seq")?.parse::<usize>().ok())
        else {
            return;
        };
        if let Some(at) = app
            .sim()
            .with_untracked(|s| s.full_log().get(seq).map(|e| e.at))
        {
            app.seek(at);
        }
    };
    crate::ui::fx::effect(move || {
        let (Some(ol), lang) = (list(), lang.get()) else {
            return;
        };
        let Some(root) = crate::ui::dom::parent(&ol) else {
            return;
        };
        for (at, key) in [
            ("h2", Text::LogHeading),
            ("label span", Text::NewestFirst),
            ("ol+p", Text::NothingYet),
        ] {
            if let Some(el) = find(&root, at) {
                el.set_text_content(Some(lang.t(key)));
            }
        }
        if let Some(b) = find(&root, "[data-act=newest]") {
            crate::ui::dom::set_checked(&b, newest_first.get());
        }
    });
    crate::ui::fx::effect_with(move |drawn: Option<Option<(bool, String, bool)>>| {
        let root = crate::ui::dom::parent(&list()?)?;
        let (shown, n) = entries.with(|e| (e.0.len(), e.1));
        let now = (n <= shown, showing_latest(lang.get(), shown, n), n != 0);
        if drawn.flatten().as_ref() != Some(&now) {
            if let Some(hint) = find(&root, "label+p") {
                hint.set_text_content(Some(&now.1));
                hidden(&hint, now.0);
            }
            if let Some(none) = find(&root, "ol+p") {
                hidden(&none, now.2);
            }
        }
        Some(now)
    });
    listen(root, "click", false, move |ev| seek_to(ev.unchecked_into()));
    listen(root, "change", false, move |ev| {
        if let Some((el, _)) = acted(&ev) {
            newest_first.set(crate::ui::dom::checked(&el));
        }
    });
}

/// The heading, "newest first", the hint, the list and "nothing yet" (texts set in place).
fn frame(w: &mut Dom) {
    w.open("h2")
        .attr("id", "log-heading")
        .close()
        .open("label")
        .open("input")
        .attr("type", "checkbox")
        .attr("data-act", "newest")
        .close()
        .text(" ")
        .open("span")
        .close()
        .close()
        .leaf("p", "hint", "")
        .open("ol")
        .attr("class", "log-list")
        .attr("data-testid", "event-log")
        .close()
        .leaf("p", "hint", "");
}

/// Shows `el` or hides it.
fn hidden(el: &web_sys::Element, hide: bool) {
    crate::ui::dom::flag(el, "hidden", hide);
}

/// An entry's line inside its `<li>`: time (a button), source, event, job and drive, what
/// changed or why it was refused, and the rule.
/// Fills a list item with its log line when Leptos builds the item.
/// A new list item for entry `shown.seq`, its line written.
fn new_line(ol: &web_sys::Element, sim: &Simulation, shown: Shown) -> Option<web_sys::Element> {
    let e = sim.full_log().get(shown.seq)?;
    let li = crate::ui::dom::doc_of(ol)?.create_element("li").ok()?;
    let mut class = String::from("log-entry");
    if e.source == Source::Automatic {
        class.push_str(" automatic");
    }
    if e.is_refused() {
        class.push_str(" refused");
    }
    crate::ui::dom::set(&li, "class", &class);
    crate::ui::dom::set(&li, "data-source", e.source.id());
    crate::ui::dom::set(&li, "data-seq", &shown.seq.to_string());
    line(&li, sim, e, shown.lang);
    Some(li)
}

/// Writes one log line into its list item (text as text nodes, never as markup).
fn line(el: &web_sys::Element, sim: &Simulation, entry: &LogEntry, lang: Lang) {
    let what = match &entry.outcome {
        Ok(changes) => match update_around(sim, entry) {
            Some((before, after)) => update_summary(lang, before.as_ref(), &after),
            None => {
                let mut all = String::new();
                for c in changes {
                    if !all.is_empty() {
                        all.push_str("; ");
                    }
                    all.push_str(&describe_change(lang, c));
                }
                all
            }
        },
        Err(refusal) => refusal_text(lang, refusal),
    };
    let Some(mut m) = Dom::replacing(el, false) else {
        return;
    };
    m.open("button")
        .attr("class", "log-time link")
        .text(&format::date_time(entry.at))
        .close()
        .leaf("span", "source", source_label(lang, entry.source))
        .leaf("span", "event-name", entry.event.id())
        .open("span")
        .attr("class", "target")
        .text(&entry.job);
    if let Some(d) = &entry.drive {
        m.text(" / ").text(&d.to_string());
    }
    m.close().open("span").attr("class", "what");
    if entry.is_refused() {
        m.open("strong")
            .attr("class", "refused-label")
            .text(lang.t(Text::Refused))
            .text(": ")
            .close();
    }
    m.text(&what)
        .close()
        .open("span")
        .attr("class", "rule")
        .leaf("span", "rule-id", entry.rule.id())
        .text(" ")
        .text(rule_text(lang, entry.rule))
        .close();
}

/// For an accepted UpdateJob: the job just before and at the update, so the line can say
/// what changed (an update moves no state, so its entry carries no "from → to").
fn update_around(sim: &Simulation, entry: &LogEntry) -> Option<(Option<Job>, Job)> {
    if entry.event != EventLabel::Action(ActionKind::UpdateJob) || entry.is_refused() {
        return None;
    }
    let before = sim.job_at(&entry.job, entry.at - TimeDelta::nanoseconds(1));
    Some((before.cloned(), sim.job_at(&entry.job, entry.at)?.clone()))
}
