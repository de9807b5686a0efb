//! Everything that happened up to the clock, with the rule behind each step. Clicking an
//! entry moves the clock to that moment.

use chrono::TimeDelta;
use leptos::prelude::*;

use super::format;
use super::state::{use_app, AppState};
use super::use_lang;
use super::why::use_log_highlight;
use crate::i18n::{
    refusal_text, rule_text, showing_latest, source_label, subject_label, update_summary, Lang,
    Text,
};
use crate::model::{ActionKind, Change, EventLabel, Job, Source};
use crate::sim::LogEntry;

/// The log shows at most this many entries; older ones are counted, not rendered.
const WINDOW: usize = 100;

/// "drive 9CA995BB: Specified → Received" (the states stay as identifiers in every language).
pub fn describe_change(lang: Lang, c: &Change) -> String {
    let subject = subject_label(lang, &c.subject);
    match c.from {
        Some(from) => format!("{subject}: {} → {}", from.id(), c.to.id()),
        None => format!("{subject}: {}", c.to.id()),
    }
}

/// An entry's whole content: `seq` shifts when an event is inserted before it, and the same
/// event can be judged anew (switching the rule set), so only the content identifies a row.
fn entry_key(e: &LogEntry) -> String {
    format!("{e:?}")
}

#[component]
pub fn EventLog() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let newest_first = RwSignal::new(true);
    let entries = Memo::new(move |_| {
        let now = app.now().get();
        app.sim().with(|s| {
            let log = s.log_until(now);
            let shown: Vec<LogEntry> = if newest_first.get() {
                log.iter().rev().take(WINDOW).cloned().collect()
            } else {
                log.iter()
                    .skip(log.len().saturating_sub(WINDOW))
                    .cloned()
                    .collect()
            };
            (shown, log.len())
        })
    });
    view! {
        <section class="panel log" aria-labelledby="log-heading">
            <h2 id="log-heading">{move || t(Text::LogHeading)}</h2>
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || newest_first.get()
                    on:change=move |ev| newest_first.set(event_target_checked(&ev))
                />
                " " {move || t(Text::NewestFirst)}
            </label>
            <p class="hint" hidden=move || entries.with(|e| e.1 <= WINDOW)>
                {move || showing_latest(lang.get(), WINDOW, entries.with(|e| e.1))}
            </p>
            <ol class="log-list" class:playing=move || app.playing().get() data-testid="event-log">
                <For each=move || entries.get().0 key=entry_key let:entry>
                    <LogItem entry />
                </For>
            </ol>
            <Show when=move || entries.with(|e| e.1 == 0)>
                <p class="hint">{move || t(Text::NothingYet)}</p>
            </Show>
        </section>
    }
}

#[component]
fn LogItem(entry: LogEntry) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let at = entry.at;
    let rule = entry.rule;
    let automatic = entry.source == Source::Automatic;
    let outcome = entry.outcome.clone();
    let update = update_around(app, &entry);
    let what = move || {
        let lang = lang.get();
        match &outcome {
            Ok(_) if update.is_some() => update
                .as_ref()
                .map(|(before, after)| update_summary(lang, before.as_ref(), after))
                .unwrap_or_default(),
            Ok(changes) => changes
                .iter()
                .map(|c| describe_change(lang, c))
                .collect::<Vec<_>>()
                .join("; "),
            Err(refusal) => refusal_text(lang, refusal),
        }
    };
    let source = entry.source;
    let refused = entry.outcome.is_err();
    // A "Why?" link points here: highlighted, and focused once.
    let (seq, highlight) = (entry.seq, use_log_highlight());
    let time_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = time_button
            .get()
            .filter(|_| highlight.is(seq) && highlight.take_focus(seq))
        {
            let _ = b.focus();
        }
    });
    let target = match &entry.drive {
        Some(d) => format!("{} / {d}", entry.job),
        None => entry.job.clone(),
    };
    view! {
        <li class="log-entry" class:automatic=automatic class:refused=refused data-source=entry.source.id()
            data-seq=seq class:highlighted=move || highlight.is(seq)>
            <button class="log-time link" node_ref=time_button on:click=move |_| app.seek(at)>{format::date_time(at)}</button>
            <span class="source">{move || source_label(lang.get(), source)}</span>
            <span class="event-name">{entry.event.id()}</span>
            <span class="target">{target}</span>
            <span class="what">
                {refused.then(|| view! { <strong class="refused-label">{move || lang.get().t(Text::Refused)} ": "</strong> })}
                {what}
            </span>
            <span class="rule">
                <span class="rule-id">{rule.id()}</span> " " {move || rule_text(lang.get(), rule)}
            </span>
        </li>
    }
}

/// For an accepted UpdateJob: the job just before and at the update, so the line can say
/// what changed (an update moves no state, so its entry carries no "from → to").
fn update_around(app: AppState, entry: &LogEntry) -> Option<(Option<Job>, Job)> {
    if entry.event != EventLabel::Action(ActionKind::UpdateJob) || entry.is_refused() {
        return None;
    }
    app.sim().with_untracked(|s| {
        let before = s.job_at(&entry.job, entry.at - TimeDelta::nanoseconds(1));
        Some((before.cloned(), s.job_at(&entry.job, entry.at)?.clone()))
    })
}
