//! Play/pause, speed, step to the next or previous event, and jumps. Every move of the clock
//! goes through `AppState::seek`, which pauses.

use chrono::TimeDelta;
use leptos::prelude::*;

use crate::ui::tr;

use super::go_to::GoTo;
use super::state::{use_app, Speed};
use super::use_lang;
use crate::i18n::{Lang, Text};

#[component]
pub fn ClockControls() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let (sim, now) = (app.sim(), app.now());
    let jump = move |d: TimeDelta| app.seek(now.get_untracked() + d);
    let step_next = move |_| match sim.with_untracked(|s| s.next_due(now.get_untracked())) {
        Some(at) => app.seek(at),
        None => app.pause(),
    };
    let step_prev = move |_| match sim.with_untracked(|s| s.prev_due(now.get_untracked())) {
        Some(at) => app.seek(at),
        None => app.pause(),
    };
    let has_next = move || sim.with(|s| s.next_due(now.get()).is_some());
    let has_prev = move || sim.with(|s| s.prev_due(now.get()).is_some());
    view! {
        <div class="clock-controls" role="group" aria-label=tr(Text::ClockControls)>
            <button
                class="primary play"
                data-testid="play"
                aria-pressed=move || app.playing().get().to_string()
                on:click=move |_| app.toggle_play()
            >
                {move || if app.playing().get() { t(Text::Pause) } else { t(Text::Play) }}
            </button>
            <label class="speed">
                {tr(Text::Speed)} " "
                <select
                    data-testid="speed"
                    prop:value=move || app.speed().get().id()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = Speed::ALL.into_iter().find(|s| s.id() == v) {
                            app.set_speed(s);
                        }
                    }
                >
                    {Speed::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.id()>{move || speed_label(lang.get(), s)}</option> })
                        .collect_view()}
                </select>
            </label>
            <button class="extra" on:click=step_prev disabled=move || !has_prev()>{tr(Text::PrevEvent)}</button>
            <button data-testid="next-event" on:click=step_next disabled=move || !has_next()>
                {tr(Text::NextEvent)}
            </button>
            // "extra": hidden while the bar is compact.
            <span class="jumps extra">
                <button on:click=move |_| jump(TimeDelta::days(1))>{tr(Text::PlusDay)}</button>
                <button on:click=move |_| jump(TimeDelta::days(14))>{tr(Text::PlusTwoWeeks)}</button>
                <button on:click=move |_| jump(TimeDelta::days(90))>{tr(Text::PlusNinetyDays)}</button>
            </span>
            <GoTo />
        </div>
    }
}

fn speed_label(lang: Lang, s: Speed) -> &'static str {
    lang.t(match s {
        Speed::Hour => Text::SpeedHour,
        Speed::SixHours => Text::SpeedSixHours,
        Speed::Day => Text::SpeedDay,
        Speed::Week => Text::SpeedWeek,
    })
}
