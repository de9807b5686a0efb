//! The page header: the app's name, the language switch and the link to Microsoft's article.

use leptos::prelude::*;

use crate::ui::tr;

use super::use_lang;
use crate::i18n::{Lang, Text};

/// The public article the rules come from; the app explains them in its own words.
pub const ARTICLE_URL: &str =
    "https://learn.microsoft.com/azure/import-export/storage-import-export-view-drive-status";

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <div>
                    <h1>{tr(Text::AppName)}</h1>
                    <p class="tagline">{tr(Text::AppTagline)}</p>
                </div>
            </div>
            <div class="header-tools">
                <a href=ARTICLE_URL target="_blank" rel="noopener noreferrer">
                    {tr(Text::ArticleLink)}
                </a>
                <label>
                    {tr(Text::LanguageLabel)} " "
                    <select
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let chosen = Lang::ALL.into_iter().find(|l| l.tag() == v);
                            lang.set(chosen.unwrap_or_default());
                        }
                        prop:value=move || lang.get().tag()
                    >
                        <option value="en">"English"</option>
                        <option value="nl">"Nederlands"</option>
                    </select>
                </label>
            </div>
        </header>
    }
}
