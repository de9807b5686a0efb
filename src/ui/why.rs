//! "Why?": a small button beside a status, a drive state or a countdown that opens a card
//! with the rule that put it there, the event that did it (a link that moves the clock
//! there and highlights the entry in the log) and what can happen next, and when.
//!
//! The button has no text of its own (its name is its `aria-label`, its "?" comes from CSS)
//! and the card is rendered at the end of the page, so a cell's text stays exactly the state
//! identifier the page's contract promises.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::portal::Portal;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format;
use super::state::use_app;
use super::use_lang;
use super::why_reason::{explain, Why, WhySubject};
use crate::i18n::{dg, fires_at, rule_text, source_label, why_countdown, why_state, DgText, Lang};
use crate::sim::LogEntry;

/// The log entry a "Why?" link pointed at: highlighted in the log, and focused once.
#[derive(Clone, Copy)]
pub struct LogHighlight {
    seq: RwSignal<Option<u64>>,
    focus_pending: StoredValue<bool>,
}

impl LogHighlight {
    pub fn show(&self, seq: u64) {
        self.focus_pending.set_value(true);
        self.seq.set(Some(seq));
    }

    /// Whether entry `seq` is the highlighted one (tracked).
    pub fn is(&self, seq: u64) -> bool {
        self.seq.get() == Some(seq)
    }

    /// True once for the highlighted entry, so it takes the focus only when first shown.
    pub fn take_focus(&self, seq: u64) -> bool {
        let mine = self.seq.get_untracked() == Some(seq) && self.focus_pending.get_value();
        if mine {
            self.focus_pending.set_value(false);
        }
        mine
    }
}

/// The page's one `LogHighlight`, kept on the root owner so the log and every "Why?" card
/// (in the tables, the details or a portal) share it without a provider in `App`.
pub fn use_log_highlight() -> LogHighlight {
    if let Some(h) = use_context::<LogHighlight>() {
        return h;
    }
    let mut root = Owner::current();
    while let Some(parent) = root.as_ref().and_then(Owner::parent) {
        root = Some(parent);
    }
    let make = || {
        let h = LogHighlight {
            seq: RwSignal::new(None),
            focus_pending: StoredValue::new(false),
        };
        provide_context(h);
        h
    };
    match root {
        Some(owner) => owner.with(make),
        None => make(),
    }
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

/// The card of one "Why?" question. `back` runs after it closes (the focus returns to the
/// button that opened it).
#[component]
pub(super) fn WhyCard(
    job: String,
    subject: WhySubject,
    title: Signal<String>,
    open: RwSignal<bool>,
    back: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let card = NodeRef::<html::Section>::new();
    let why = Memo::new(move |_| {
        let now = app.now().get();
        app.sim().with(|s| explain(s, &job, &subject, now))
    });
    let close = move || {
        open.set(false);
        back.run(());
    };
    Effect::new(move |_| {
        if let Some(c) = card.get() {
            let _ = c.focus();
        }
    });
    view! {
        <section class="why-card" role="dialog" aria-label=title tabindex="-1" node_ref=card
            on:keydown=move |ev: KeyboardEvent| {
                if ev.key() == "Escape" {
                    close();
                }
            }>
            <h3>{title}</h3>
            {move || why.get().map(|w| view! { <WhyBody why=w open /> })}
            <button type="button" on:click=move |_| close()>{move || dg(lang.get(), DgText::Close)}</button>
        </section>
    }
}

#[component]
fn WhyBody(why: Why, open: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    let t = move |key| dg(lang.get(), key);
    let now = use_app().now();
    let cause_label = if why.countdown {
        DgText::ClockFrom
    } else {
        DgText::Cause
    };
    let then = why
        .then
        .iter()
        .map(|e| format!("{} → {} ({})", e.trigger.id(), e.to.id(), e.rule.id()))
        .collect::<Vec<_>>()
        .join("; ");
    let has_then = !then.is_empty();
    let end = (why.due.is_none() && !has_then).then_some(if why.deleted {
        DgText::End
    } else {
        DgText::Final
    });
    view! {
        <dl class="why-facts">
            <dt>{move || t(DgText::Rule)}</dt>
            <dd>
                {why.rule.map(|r| view! { <span class="rule-id">{r.id()}</span> " " {move || rule_text(lang.get(), r)} })}
            </dd>
            <dt>{move || t(cause_label)}</dt>
            <dd>
                {match why.cause {
                    Some(e) => view! { <CauseLink entry=e open /> }.into_any(),
                    None => view! { {move || t(DgText::NoCause)} }.into_any(),
                }}
            </dd>
            <dt>{move || t(DgText::Next)}</dt>
            <dd data-testid="why-next">
                {why.due.map(|(rule, at)| view! { <p>{move || fires_at(lang.get(), rule, &format::date_time(at), &format::countdown(lang.get(), at - now.get()))}</p> })}
                {end.map(|key| view! { <p>{move || t(key)}</p> })}
                {has_then.then(|| {
                    let lead = if why.due.is_some() { DgText::OrAction } else { DgText::Waits };
                    view! { <p>{move || t(lead)} ": " {then}</p> }
                })}
            </dd>
        </dl>
    }
}

/// The event, as a link: the clock goes to its moment and the log highlights and focuses it.
#[component]
fn CauseLink(entry: LogEntry, open: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let highlight = use_log_highlight();
    let (at, seq, source) = (entry.at, entry.seq, entry.source);
    let target = entry
        .drive
        .as_ref()
        .map(|d| format!(" · {d}"))
        .unwrap_or_default();
    view! {
        <button class="link why-event" type="button" title=move || dg(lang.get(), DgText::GoToEvent)
            on:click=move |_| {
                highlight.show(seq);
                app.seek(at);
                open.set(false);
            }>
            {entry.event.id()} {target} " · " {format::date_time(at)} " · " {move || source_label(lang.get(), source)}
        </button>
    }
}

/// One "Why?" card for a table whose rows are drawn by `ui::dom`: the rows' buttons carry no
/// handler of their own; the table's one click handler calls `toggle` with the button, and the
/// card opens at the end of the page and gives the focus back to that button when it closes.
#[derive(Clone, Copy)]
pub struct WhyHost {
    why: RwSignal<Option<(String, WhySubject, String)>>,
    open: RwSignal<bool>,
    opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl WhyHost {
    /// Made once per table, inside its component (the effect lives as long as the table).
    pub fn create() -> Self {
        let host = WhyHost {
            why: RwSignal::new(None),
            open: RwSignal::new(false),
            opener: StoredValue::new_local(None),
        };
        Effect::new(move |_| {
            if !host.open.get() {
                host.mark(false);
            }
        });
        host
    }

    fn mark(&self, expanded: bool) {
        self.opener.with_value(|o| {
            o.as_ref()
                .map(|b| b.set_attribute("aria-expanded", if expanded { "true" } else { "false" }))
        });
    }

    /// Opens the card for `button` (its `aria-label` is the question), or closes it when it is
    /// the button that opened it.
    pub fn toggle(&self, button: web_sys::Element, job: String, subject: WhySubject) {
        use_app().pause();
        let again = self
            .opener
            .with_value(|o| o.as_ref().is_some_and(|o| o.is_same_node(Some(&button))));
        if again && self.open.get_untracked() {
            self.open.set(false);
            return;
        }
        self.mark(false);
        let title = button.get_attribute("aria-label").unwrap_or_default();
        self.opener.set_value(Some(button));
        self.mark(true);
        self.why.set(Some((job, subject, title)));
        self.open.set(true);
    }

    /// The card, while open.
    pub fn view(self) -> impl IntoView {
        let Self { why, open, opener } = self;
        let back = Callback::new(move |()| {
            opener.with_value(|o| {
                if let Some(b) = o.as_ref().and_then(|b| b.dyn_ref::<web_sys::HtmlElement>()) {
                    let _ = b.focus();
                }
            });
        });
        move || {
            open.get().then(|| {
                why.get().map(|(job, subject, title)| {
                    let title = Signal::stored(title);
                    view! {
                        <Portal>
                            <WhyCard job=job.clone() subject=subject.clone() title open back />
                        </Portal>
                    }
                })
            })
        }
    }
}
