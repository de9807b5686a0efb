//! Choose a built-in story, or paste a scenario file. A file with problems is rejected whole,
//! every problem listed with its place, and the loaded scenario stays as it was.
//!
//! Drawn by `ui::dom` once per language (the focus, the pasted text, the chosen story and an
//! open fold survive it); the title, the chosen story's summary and the problems are written
//! in place, and one handler on the panel serves its controls by `data-act`. The fields hold
//! their own state (the chosen story, the pasted text), so no signal mirrors them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ui::dom::listen;
use web_sys::{Element, Event};

use super::autosave;
use super::dom::{acted, find, focused_act, refocus, Dom, Writer};
use super::state::{use_app, AppState, DEFAULT_PRESET};
use super::use_lang;
use crate::i18n::autosave::autosave_word;
use crate::i18n::problems::problem_line;
use crate::i18n::{story_summary, story_title, Lang, Text};
use crate::share::ScenarioRef;
use crate::sim::{presets, Problem, Scenario};

/// The panel's content in `lang`; title, summary and problems are written by the effect.
pub fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("h2")
        .attr("id", "scenario-heading")
        .text(lang.t(Text::ScenarioHeading))
        .text(": ")
        .leaf("span", "title", "")
        .close();
    w.open("form")
        .open("label")
        .text(lang.t(Text::BuiltInStories))
        .text(" ")
        .open("select")
        .attr("data-testid", "preset")
        .attr("data-act", "preset");
    for p in presets() {
        w.open("option")
            .attr("value", p.name)
            .text(story_title(lang, p.name).unwrap_or(p.title))
            .close();
    }
    w.close()
        .close()
        .text(" ")
        .open("button")
        .attr("type", "submit")
        .attr("data-testid", "load-preset")
        .text(lang.t(Text::Load))
        .close()
        .text(" ")
        .open("button")
        .attr("type", "button")
        .attr("data-testid", "reset")
        .attr("data-act", "reset")
        .text(autosave_word(lang, true))
        .close()
        .leaf("p", "hint", "")
        .close();
    w.open("details")
        .open("summary")
        .text(lang.t(Text::PasteScenario))
        .close()
        .open("label")
        .leaf("span", "visually-hidden", lang.t(Text::ScenarioJson))
        .open("textarea")
        .attr("rows", "8")
        .attr("cols", "60")
        .attr("data-testid", "scenario-json")
        .close()
        .close()
        .open("button")
        .attr("type", "button")
        .attr("data-testid", "load-json")
        .attr("data-act", "load-json")
        .text(lang.t(Text::LoadJson))
        .close()
        .open("button")
        .attr("type", "button")
        .attr("data-act", "show-json")
        .text(lang.t(Text::ShowCurrentJson))
        .close()
        .open("div")
        .attr("role", "alert")
        .attr("data-testid", "scenario-problems")
        .attr("hidden", "")
        .leaf("p", "error-text", lang.t(Text::ScenarioRejected))
        .open("ul")
        .close()
        .close()
        .close();
}

/// The loaded built-in story's slug ("" for a file).
fn current(app: AppState) -> String {
    match app.source().get() {
        ScenarioRef::Preset(name) => name,
        ScenarioRef::Inline(_) => String::new(),
    }
}

fn select(root: &Element) -> Option<Element> {
    find(root, "select")
}

fn pasted(root: &Element) -> Option<Element> {
    find(root, "textarea")
}

/// The summary of the story chosen in the select.
fn show_summary(root: &Element, lang: Lang) {
    let (Some(select), Some(hint)) = (select(root), find(root, ".hint")) else {
        return;
    };
    hint.set_text_content(story_summary(lang, &super::dom::value(&select)));
}

/// Lists `problems` (none: the list is hidden).
fn show_problems(root: &Element, lang: Lang, problems: &[Problem]) {
    let Some(list) = find(root, "[data-testid=scenario-problems]") else {
        return;
    };
    super::dom::flag(&list, "hidden", problems.is_empty());
    let Some(mut w) = find(&list, "ul").and_then(|ul| Dom::replacing(&ul, false)) else {
        return;
    };
    for p in problems {
        w.open("li").text(&problem_line(lang, p)).close();
    }
}

/// Runs the story picker in `node` (the page's `section.scenarios`).
pub fn attach(node: Element) {
    let app = use_app();
    let lang = use_lang();
    let (el, root) = (node.clone(), node);
    // The last pasted file's problems, listed again in another language. Not a signal: the
    // handler writes the list itself (a slot of this type would add its own copy of the slot's
    // code, `ui::slot`).
    let problems: Rc<RefCell<Vec<Problem>>> = Rc::default();
    let listed = Rc::clone(&problems);
    // (language drawn, story shown in the select)
    crate::ui::fx::effect_with(move |drawn: Option<Option<(Lang, String)>>| {
        let (lang, story) = (lang.get(), current(app));
        let drawn = drawn.flatten();
        if drawn.as_ref().map(|d| d.0) != Some(lang) {
            let focused = focused_act(&root);
            let chosen = select(&root).map(|s| super::dom::value(&s));
            let text = pasted(&root).map(|t| super::dom::value(&t));
            let open = find(&root, "details").is_some_and(|d| crate::ui::dom::has(&d, "open"));
            draw(&mut Dom::replacing(&root, false)?, lang);
            if let (Some(s), Some(v)) = (select(&root), chosen) {
                super::dom::set_value(&s, &v);
            }
            if let (Some(t), Some(v)) = (pasted(&root), text) {
                super::dom::set_value(&t, &v);
            }
            if let (Some(d), true) = (find(&root, "details"), open) {
                crate::ui::dom::set(&d, "open", "");
            }
            refocus(&root, focused);
        }
        // A newly loaded story is the one chosen.
        if drawn.as_ref().map(|d| &d.1) != Some(&story) {
            if let Some(s) = select(&root) {
                super::dom::set_value(&s, &story);
            }
        }
        show_summary(&root, lang);
        // A built-in story is named in the interface language; a file by its own title.
        let title = match story_title(lang, &story) {
            Some(t) if !app.edited().get() => t.to_string(),
            _ => app
                .sim()
                .with(|s| s.title().unwrap_or_default().to_string()),
        };
        if let Some(span) = find(&root, ".title") {
            span.set_text_content(Some(&title));
        }
        if let Ok(ps) = listed.try_borrow() {
            show_problems(&root, lang, &ps);
        }
        Some((lang, story))
    });
    // The panel, which the handler is on.
    let panel = el.clone();
    let on = move |ev: Event| {
        let root = panel.clone();
        if crate::ui::dom::text_of(&ev, "type") == "submit" {
            crate::ui::dom::call0(&ev, "preventDefault");
            if let Some(name) = select(&root)
                .map(|s| super::dom::value(&s))
                .filter(|n| !n.is_empty())
            {
                app.load(ScenarioRef::Preset(name), None);
            }
            return;
        }
        let Some((_, act)) = acted(&ev) else {
            return;
        };
        match (crate::ui::dom::text_of(&ev, "type").as_str(), act.as_str()) {
            ("change", "preset") => show_summary(&root, lang.get_untracked()),
            // Back to the first story in the plain view (no projector mode, no comparison),
            // and the saved work forgotten (`autosave`). The language and theme stay: they are
            // the reader's, not the lesson's.
            ("click", "reset") => {
                autosave::forget();
                super::view_prefs::use_view().set_projector(false);
                app.set_compare(None);
                app.load(ScenarioRef::Preset(DEFAULT_PRESET.into()), None);
            }
            ("click", "show-json") => {
                if let Some(t) = pasted(&root) {
                    super::dom::set_value(
                        &t,
                        &app.sim().with_untracked(|s| s.scenario().to_json()),
                    );
                }
            }
            ("click", "load-json") => {
                let text = pasted(&root)
                    .map(|t| super::dom::value(&t))
                    .unwrap_or_default();
                match Scenario::parse(&text) {
                    Ok(s) => {
                        show_problems(&root, lang.get_untracked(), &[]);
                        problems.replace(Vec::new());
                        app.load(ScenarioRef::Inline(Box::new(s)), None);
                    }
                    Err(e) => {
                        show_problems(&root, lang.get_untracked(), &e.problems);
                        problems.replace(e.problems);
                    }
                }
            }
            _ => {}
        }
    };
    listen(&el, "click", false, on.clone());
    listen(&el, "change", false, on.clone());
    listen(&el, "submit", false, on);
}
