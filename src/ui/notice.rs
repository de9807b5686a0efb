//! A message at the top of the page: a link that could not be opened (with the link itself,
//! editable, to fix and try again), or a story that replaced an edited one (with Undo), or a
//! link the address bar could not take.

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{acted, find, focused_act, refocus, Dom, Writer};
use super::state::use_app;
use super::url_sync::open_link;
use super::use_lang;
use crate::i18n::problems::{link_not_stored, not_saved};
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
    /// The browser's storage refused the work to come back to (it is full).
    NotSaved,
}

/// The close button every notice ends with.
fn dismiss<W: Writer>(w: &mut W, lang: Lang) {
    w.open("button")
        .attr("type", "button")
        .attr("class", "dismiss")
        .attr("aria-label", lang.t(Text::Dismiss))
        .attr("data-act", "dismiss")
        .text("×")
        .close();
}

/// The notice in `lang`. A bad link's box holds `typed` (the link itself, or what the user
/// had typed into it before the language changed).
pub fn draw<W: Writer>(w: &mut W, notice: &Notice, typed: &str, lang: Lang) {
    let (class, role) = match notice {
        Notice::Loaded(_) => ("notice", "status"),
        _ => ("notice error", "alert"),
    };
    w.open("div")
        .attr("class", class)
        .attr("role", role)
        .attr("data-testid", "notice");
    match notice {
        Notice::BadLink {
            problem, fallback, ..
        } => {
            let after = if *fallback {
                Text::DefaultShown
            } else {
                Text::CurrentKept
            };
            let what = format!(
                "{}: {}. {}",
                lang.t(Text::LinkNotOpened),
                link_problem(lang, problem),
                lang.t(after)
            );
            w.open("p")
                .text(&what)
                .close()
                .open("label")
                .attr("class", "bad-link")
                .text(lang.t(Text::TheLink))
                .open("textarea")
                .attr("rows", "2")
                .attr("data-testid", "bad-link")
                .text(typed)
                .close()
                .close()
                .open("button")
                .attr("type", "button")
                .attr("data-testid", "try-link")
                .attr("data-act", "try")
                .text(lang.t(Text::TryAgain))
                .close()
                .text(" ");
        }
        Notice::LinkNotStored { chars, refused } => {
            w.open("span")
                .text(&link_not_stored(lang, *chars, *refused))
                .close();
        }
        Notice::NotSaved => {
            w.open("span").text(not_saved(lang)).close();
        }
        Notice::Loaded(story) => {
            w.open("span")
                .text(&loaded(lang, &story.title(lang)))
                .close()
                .text(" ")
                .open("button")
                .attr("type", "button")
                .attr("data-testid", "undo")
                .attr("data-act", "undo")
                .text(lang.t(Text::Undo))
                .close();
        }
    }
    dismiss(w, lang);
    w.close();
}

/// What tells one bad-link notice from another: its link and whether the default story was
/// shown. The problem is what reading that link gave, so it adds nothing, and comparing
/// whole notices pulled the derived equality of every problem into the wasm.
fn bad_link_key(notice: Option<&Notice>) -> Option<(String, bool)> {
    match notice? {
        Notice::BadLink { link, fallback, .. } => Some((link.clone(), *fallback)),
        _ => None,
    }
}

/// What is in the bad link's box now (`None` without one).
fn box_text(host: &Element) -> Option<String> {
    let area = find(host, "textarea")?;
    Some(super::dom::value(&area))
}

/// Drawn by `ui::dom` when the notice or the language changes (a `view!` per kind of notice
/// cost the bundle more than all it shows); one handler on the host for its buttons.
/// Keeps the notice drawn into `host` (the page's `div.notice-host`).
pub fn attach(host: Element) {
    let app = use_app();
    let lang = use_lang();
    let el = host.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Option<(String, bool)>>| {
        let lang = lang.get();
        // Drawn from a borrow: a copy of the notice would keep every problem's `Clone` in
        // the wasm. Drawing sets no state, so nothing writes the notice meanwhile.
        app.notice().with(|notice| {
            let link = bad_link_key(notice.as_ref());
            // Only the language changed: what was typed into the box stays.
            let kept = box_text(&host).filter(|_| drawn.flatten() == link);
            let focused = focused_act(&host);
            let mut w = Dom::replacing(&host, false)?;
            if let Some(n) = notice {
                let typed = match (kept, n) {
                    (Some(kept), _) => kept,
                    (None, Notice::BadLink { link, .. }) => link.clone(),
                    _ => String::new(),
                };
                draw(&mut w, n, &typed, lang);
            }
            refocus(&host, focused);
            link
        })
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((el, act)) = acted(&ev) else {
            return;
        };
        match act.as_str() {
            "dismiss" => app.set_notice(None),
            "undo" => app.undo(),
            "try" => {
                let text = crate::ui::dom::closest(&el, "[data-testid=notice]")
                    .and_then(|n| box_text(&n))
                    .unwrap_or_default();
                open_link(app, &text);
            }
            _ => {}
        }
    };
    listen(&el, "click", false, move |ev| on_click(ev.unchecked_into()));
}
