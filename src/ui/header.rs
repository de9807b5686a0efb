//! The page header: the app's name, the language switch, the link to Microsoft's article,
//! and the classroom's tools: projector mode, the theme, copying the link and the shortcut
//! sheet.

use leptos::prelude::*;

use crate::ui::tr;

use super::copy_link::copy_link;
use super::shortcut_sheet::{open_sheet, shortcut_sheet};
use super::use_lang;
use super::view_prefs::{use_view, Theme, THEME_SELECT};
use crate::i18n::{Lang, Text};

/// The public article the rules come from; the app explains them in its own words.
pub const ARTICLE_URL: &str =
    "https://learn.microsoft.com/azure/import-export/storage-import-export-view-drive-status";

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let view = use_view();
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
            <div class="class-tools">
                // Each option says "Theme: …", so the select needs no label beside it and the
                // header stays one line on a 1366 px screen.
                <select id=THEME_SELECT data-testid="theme" aria-label=tr(Text::Theme) on:change=move |ev| {
                    view.set_theme(Theme::from_id(&event_target_value(&ev)).unwrap_or_default())
                }></select>
                <button type="button" data-testid="projector"
                    aria-pressed=move || view.projector().get().to_string()
                    on:click=move |_| view.toggle_projector()>
                    {tr(Text::Projector)}
                </button>
                {copy_link()}
                <button type="button" data-testid="shortcuts" aria-haspopup="dialog"
                    aria-keyshortcuts="?" aria-label=tr(Text::Shortcuts) title=tr(Text::Shortcuts)
                    on:click=move |_| open_sheet(lang.get_untracked())>
                    "?"
                </button>
                {shortcut_sheet()}
            </div>
        </header>
    }
}
