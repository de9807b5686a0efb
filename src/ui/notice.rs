//! A message at the top of the page: a link that could not be opened (with the link itself,
//! editable, to fix and try again), or a story that replaced an edited one (with Undo).

use leptos::prelude::*;

use crate::ui::tr;

use super::state::use_app;
use super::url_sync::open_link;
use super::use_lang;
use crate::i18n::problems::link_not_stored;
use crate::i18n::{link_problem, loaded, story_title, Lang, Text};
use crate::share::HashError;

/// Which story a notice names: a built-in one by its slug (its title is translated when
/// shown), or a file by its own title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Story {
    Preset(String),
    File(String),
}

impl Story {
    pub fn title(&self, lang: Lang) -> String {
        match self {
            Story::Preset(name) => story_title(lang, name).unwrap_or(name).to_string(),
            Story::File(title) => title.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A link that could not be opened. `link` is the address's hash as it was, `problem`
    /// what is wrong with it; `fallback` says whether the default story is shown instead
    /// (on opening the page) or the current view stayed (a link pasted later).
    BadLink {
        link: String,
        problem: HashError,
        fallback: bool,
    },
    /// A load replaced an edited world; the notice offers Undo.
    Loaded(Story),
    /// The address bar could not take this view's link (`chars` long; `refused`: the browser
    /// said no, else it is past the limit), so it no longer follows the view.
    LinkNotStored { chars: usize, refused: bool },
}

#[component]
pub fn NoticeBar() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let dismiss = move || {
        view! {
            <button type="button" class="dismiss" aria-label=tr(Text::Dismiss) on:click=move |_| app.set_notice(None)>
                "×"
            </button>
        }
    };
    move || {
        app.notice().get().map(|n| match n {
            Notice::BadLink { link, problem, fallback } => view! {
                <div class="notice error" role="alert" data-testid="notice">
                    <BadLink link problem fallback />
                    {dismiss()}
                </div>
            }
            .into_any(),
            Notice::LinkNotStored { chars, refused } => view! {
                <div class="notice error" role="alert" data-testid="notice">
                    <span>{move || link_not_stored(lang.get(), chars, refused)}</span>
                    {dismiss()}
                </div>
            }
            .into_any(),
            Notice::Loaded(story) => view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>{move || loaded(lang.get(), &story.title(lang.get()))}</span>
                    " "
                    <button type="button" data-testid="undo" on:click=move |_| app.undo()>{tr(Text::Undo)}</button>
                    {dismiss()}
                </div>
            }
            .into_any(),
        })
    }
}

/// The problem in words, and the link in a box the user can correct and try again.
#[component]
fn BadLink(link: String, problem: HashError, fallback: bool) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let text = RwSignal::new(link);
    let what = move || {
        let after = if fallback {
            Text::DefaultShown
        } else {
            Text::CurrentKept
        };
        let problem = link_problem(lang.get(), &problem);
        format!("{}: {problem}. {}", t(Text::LinkNotOpened), t(after))
    };
    view! {
        <p>{what}</p>
        <label class="bad-link">
            {tr(Text::TheLink)}
            <textarea rows="2" data-testid="bad-link" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
        </label>
        <button type="button" data-testid="try-link" on:click=move |_| open_link(app, &text.get_untracked())>
            {tr(Text::TryAgain)}
        </button>
        " "
    }
}
