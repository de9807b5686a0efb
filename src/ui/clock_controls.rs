//! Play/pause, speed, step to the next or previous event, jumps and "go to".

use chrono::TimeDelta;
use leptos::prelude::*;

use super::format;
use super::state::{use_app, Speed};
use super::use_lang;
use crate::i18n::Text;

#[component]
pub fn ClockControls() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let jump = move |d: TimeDelta| {
        app.playing.set(false);
        app.now.update(|n| *n += d);
    };
    let step_next = move |_| {
        app.playing.set(false);
        let next = app
            .sim
            .with_untracked(|s| s.next_due(app.now.get_untracked()));
        if let Some(at) = next {
            app.now.set(at);
        }
    };
    let step_prev = move |_| {
        app.playing.set(false);
        let prev = app
            .sim
            .with_untracked(|s| s.prev_due(app.now.get_untracked()));
        if let Some(at) = prev {
            app.now.set(at);
        }
    };
    let has_next = move || app.sim.with(|s| s.next_due(app.now.get()).is_some());
    let has_prev = move || app.sim.with(|s| s.prev_due(app.now.get()).is_some());
    let go_to = RwSignal::new(String::new());
    view! {
        <div class="clock-controls" role="group" aria-label=move || t(Text::ClockControls)>
            <button
                class="primary play"
                data-testid="play"
                aria-pressed=move || app.playing.get().to_string()
                on:click=move |_| app.playing.update(|p| *p = !*p)
            >
                {move || if app.playing.get() { t(Text::Pause) } else { t(Text::Play) }}
            </button>
            <label>
                {move || t(Text::Speed)} " "
                <select
                    data-testid="speed"
                    prop:value=move || app.speed.get().id()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = Speed::ALL.into_iter().find(|s| s.id() == v) {
                            app.speed.set(s);
                        }
                    }
                >
                    {Speed::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.id()>{move || speed_label(lang.get(), s)}</option> })
                        .collect_view()}
                </select>
            </label>
            <button on:click=step_prev disabled=move || !has_prev()>{move || t(Text::PrevEvent)}</button>
            <button data-testid="next-event" on:click=step_next disabled=move || !has_next()>
                {move || t(Text::NextEvent)}
            </button>
            <button on:click=move |_| jump(TimeDelta::days(1))>{move || t(Text::PlusDay)}</button>
            <button on:click=move |_| jump(TimeDelta::days(14))>{move || t(Text::PlusTwoWeeks)}</button>
            <button on:click=move |_| jump(TimeDelta::days(90))>{move || t(Text::PlusNinetyDays)}</button>
            <form
                class="go-to"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if let Some(at) = format::parse_datetime_local(&go_to.get_untracked()) {
                        app.playing.set(false);
                        app.now.set(at);
                    }
                }
            >
                <label>
                    {move || t(Text::GoTo)} " "
                    <input
                        type="datetime-local"
                        data-testid="go-to"
                        prop:value=move || format::datetime_local(app.now.get())
                        on:input=move |ev| go_to.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit">{move || t(Text::Go)}</button>
            </form>
        </div>
    }
}

fn speed_label(lang: crate::i18n::Lang, s: Speed) -> &'static str {
    lang.t(match s {
        Speed::Hour => Text::SpeedHour,
        Speed::SixHours => Text::SpeedSixHours,
        Speed::Day => Text::SpeedDay,
        Speed::Week => Text::SpeedWeek,
    })
}
