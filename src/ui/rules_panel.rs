//! Which rules the simulation follows, switchable, with every rule in one line and the
//! choices the simulator makes where Microsoft's articles say nothing.
//!
//! Drawn by `ui::dom` once per language (the focus and an open fold survive it); the two
//! selects are set in place when the rules change, and one handler serves both.

use crate::ui::dom::listen;
use web_sys::Element;

use super::dom::{acted, find, focused_act, refocus, Dom, Writer};
use super::header::ARTICLE_URL;
use super::state::use_app;
use super::use_lang;
use crate::i18n::{rule_text, Lang, Text};
use crate::model::{CancelWindow, RuleId, RuleSet, Rules};

fn window_label(w: CancelWindow) -> Text {
    match w {
        CancelWindow::CreatingOnly => Text::CancelCreating,
        CancelWindow::CreatingOrShipping => Text::CancelCreatingOrShipping,
        CancelWindow::BeforePackaging => Text::CancelBeforePackaging,
    }
}

/// A labelled select whose options are `(value, text)`.
fn select<W: Writer>(w: &mut W, label: &str, act: &str, options: &[(&str, &str)]) {
    w.open("label")
        .text(label)
        .text(" ")
        .open("select")
        .attr("data-testid", act)
        .attr("data-act", act);
    for (value, text) in options {
        w.open("option").attr("value", value).text(text).close();
    }
    w.close().close();
}

/// The panel's content in `lang`; which rules are chosen is set by the effect.
pub fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("h2")
        .attr("id", "rules-heading")
        .text(lang.t(Text::RulesHeading))
        .close();
    select(
        w,
        lang.t(Text::RuleSetLabel),
        "rule-set",
        &[
            ("2018", lang.t(Text::RuleSet2018)),
            ("2021", lang.t(Text::RuleSet2021)),
        ],
    );
    let windows = CancelWindow::ALL.map(|c| (c.id(), lang.t(window_label(c))));
    select(
        w,
        lang.t(Text::CancelWindowLabel),
        "cancel-window",
        &windows,
    );
    w.leaf("p", "hint", lang.t(Text::CancelWindowNote))
        .open("details")
        .open("summary")
        .text(lang.t(Text::AllRules))
        .close()
        .open("dl")
        .attr("class", "rule-list");
    for r in RuleId::ALL {
        w.leaf("dt", "rule-id", r.id())
            .open("dd")
            .text(rule_text(lang, r))
            .close();
    }
    w.close()
        .open("h3")
        .text(lang.t(Text::OpenQuestions))
        .close()
        .open("ul");
    for choice in [
        Text::ChoiceNeverReceived,
        Text::ChoiceWarnings,
        Text::ChoicePercent,
        Text::ChoiceUpdate,
    ] {
        w.open("li").text(lang.t(choice)).close();
    }
    w.close()
        .open("p")
        .open("a")
        .attr("href", ARTICLE_URL)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .text(lang.t(Text::ArticleLink))
        .close()
        .close()
        .close();
}

fn set_select(root: &Element, act: &str, value: &str, disabled: bool) {
    if let Some(el) = find(root, &format!("[data-act={act}]")) {
        super::dom::flag(&el, "disabled", disabled);
        super::dom::set_value(&el, value);
    }
}

/// Runs the rules panel in `root` (the page's `section.rules`).
pub fn attach(root: Element) {
    let app = use_app();
    let lang = use_lang();
    let el = root.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let lang = lang.get();
        if drawn.flatten() != Some(lang) {
            let focused = focused_act(&root);
            let open = find(&root, "details").is_some_and(|d| crate::ui::dom::has(&d, "open"));
            draw(&mut Dom::replacing(&root, false)?, lang);
            if let (Some(d), true) = (find(&root, "details"), open) {
                crate::ui::dom::set(&d, "open", "");
            }
            refocus(&root, focused);
        }
        let rules = app.sim().with(|s| s.rules());
        set_select(&root, "rule-set", rules.set.id(), false);
        set_select(
            &root,
            "cancel-window",
            rules.cancel_window.id(),
            !rules.can_cancel(),
        );
        Some(lang)
    });
    let on_change = move |ev: web_sys::Event| {
        let Some((el, act)) = acted(&ev) else {
            return;
        };
        let v = super::dom::value(&el);
        let rules = app.sim().with_untracked(|s| s.rules());
        let chosen = match act.as_str() {
            "rule-set" => RuleSet::ALL
                .into_iter()
                .find(|s| s.id() == v)
                .map(|set| Rules { set, ..rules }),
            _ => CancelWindow::ALL
                .into_iter()
                .find(|w| w.id() == v)
                .map(|cancel_window| Rules {
                    cancel_window,
                    ..rules
                }),
        };
        if let Some(r) = chosen {
            app.set_rules(r);
        }
    };
    listen(&el, "change", false, on_change);
}
