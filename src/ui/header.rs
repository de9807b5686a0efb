//! The page header: the app's name, the language switch, the link to Microsoft's article,
//! and the classroom's tools: projector mode, the theme, copying the link and the shortcut
//! sheet.
//!
//! Drawn by `ui::dom` when the language changes (the focus stays on the same control), its
//! few values (the language, the theme, projector's `aria-pressed`) written in place, and one
//! handler on the header serves every control by its `data-act`: a `view!` of these static
//! lines cost the bundle more than everything they do.

use crate::ui::dom::listen;
use web_sys::{Element, Event};

use super::copy_link::{copy_link, draw_copy_link};
use super::dom::{acted, find, redraw, Writer};
use super::shortcut_sheet::{close_sheet, draw_dialog, open_sheet};
use super::state::use_app;
use super::use_lang;
use super::view_prefs::{draw_theme_options, root_class, use_view, Theme};
use crate::i18n::{Lang, Text};

/// The public article the rules come from; the app explains them in its own words.
pub const ARTICLE_URL: &str =
    "https://learn.microsoft.com/azure/import-export/storage-import-export-view-drive-status";

/// The header's content in `lang`.
pub fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("div")
        .attr("class", "brand")
        .open("span")
        .attr("class", "brand-mark")
        .attr("aria-hidden", "true")
        .close()
        .open("div")
        .open("h1")
        .text(lang.t(Text::AppName))
        .close()
        .leaf("p", "tagline", lang.t(Text::AppTagline))
        .close()
        .close();
    w.open("div")
        .attr("class", "header-tools")
        .open("a")
        .attr("href", ARTICLE_URL)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .text(lang.t(Text::ArticleLink))
        .close()
        .open("label")
        .text(lang.t(Text::LanguageLabel))
        .text(" ")
        .open("select")
        .attr("data-act", "lang");
    for (tag, name) in [("en", "English"), ("nl", "Nederlands")] {
        w.open("option").attr("value", tag).text(name).close();
    }
    w.close().close().close();
    // Each theme option says "Theme: …", so the select needs no label beside it and the
    // header stays one line on a 1366 px screen.
    w.open("div")
        .attr("class", "class-tools")
        .open("select")
        .attr("data-testid", "theme")
        .attr("data-act", "theme")
        .attr("aria-label", lang.t(Text::Theme));
    draw_theme_options(w, lang);
    w.close()
        .open("button")
        .attr("type", "button")
        .attr("data-testid", "projector")
        .attr("data-act", "projector")
        .text(lang.t(Text::Projector))
        .close();
    draw_copy_link(w, lang);
    w.open("button")
        .attr("type", "button")
        .attr("data-testid", "shortcuts")
        .attr("data-act", "keys")
        .attr("aria-haspopup", "dialog")
        .attr("aria-keyshortcuts", "?")
        .attr("aria-label", lang.t(Text::Shortcuts))
        .attr("title", lang.t(Text::Shortcuts))
        .text("?")
        .close();
    draw_dialog(w);
    w.close();
}

fn set_select(root: &Element, selector: &str, value: &str) {
    if let Some(select) = find(root, selector) {
        super::dom::set_value(&select, value);
    }
}

/// The header's one effect also keeps `<html>`'s classes in step with the look (each effect
/// costs the bundle its own code).
/// Draws the header into `header` (the page's `header.app-header`) and keeps it current.
pub fn attach(header: Element) {
    let (app, lang, view) = (use_app(), use_lang(), use_view());
    let el = header.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let (projector, theme, lang) = (view.projector().get(), view.theme(), lang.get());
        if let Some(root) = crate::ui::dom::page_root() {
            crate::ui::dom::set(&root, "class", &root_class(projector, theme));
        }
        if drawn.flatten() != Some(lang) {
            redraw(&header, &mut |w| draw(w, lang));
        }
        set_select(&header, "[data-act=lang]", lang.tag());
        set_select(&header, "[data-act=theme]", theme.id());
        if let Some(button) = find(&header, "[data-act=projector]") {
            let pressed = if projector { "true" } else { "false" };
            crate::ui::dom::set(&button, "aria-pressed", pressed);
        }
        Some(lang)
    });
    let on = move |ev: Event| {
        let Some((el, act)) = acted(&ev) else {
            return;
        };
        let value = || super::dom::value(&el);
        match (crate::ui::dom::text_of(&ev, "type").as_str(), act.as_str()) {
            ("change", "lang") => {
                let v = value();
                lang.set(
                    Lang::ALL
                        .into_iter()
                        .find(|l| l.tag() == v)
                        .unwrap_or_default(),
                );
            }
            ("change", "theme") => view.set_theme(Theme::from_id(&value()).unwrap_or_default()),
            ("click", "projector") => view.toggle_projector(),
            ("click", "copy") => copy_link(app, view, lang.get_untracked()),
            ("click", "keys") => open_sheet(lang.get_untracked()),
            ("click", "close-sheet") => close_sheet(),
            _ => {}
        }
    };
    listen(&el, "click", false, on);
    listen(&el, "change", false, on);
}
