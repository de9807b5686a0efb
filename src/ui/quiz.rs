//! Quiz mode: the clock plays and stops one second before the next step that changes a
//! job's status (or only a drive's state), and asks what it will be; the choices are the model's states, the
//! answer the engine's, revealed with the rule that decides it, then the clock goes to the
//! step so the tables show it. A score for a student working alone; number keys choose and
//! Enter asks the next question (never while typing in a field, nor when it presses another
//! control).

use crate::ui::slot::Slot;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::ui::dom::listen;

use super::dom::{acted, find, Dom, Writer};
use super::format;
use super::state::{use_app, AppState};
use super::use_lang;
use crate::i18n::quiz::{question_line, qz, score_line, verdict, QuizText as Q};
use crate::i18n::{rule_text, Lang};
use crate::sim::quiz::{next_question, Question, ASK_BEFORE};

#[derive(Clone, PartialEq)]
enum Mode {
    Off,
    /// Playing towards the question's moment.
    Waiting(Question),
    Asking(Question),
    /// The question and the chosen status.
    Answered(Question, &'static str),
    Over,
}

/// Whether a key press is someone else's: typed in a field, pressed with a modifier, inside a
/// dialog (the shortcut sheet keeps the focus while open), or an Enter that presses a control
/// outside the quiz.
fn not_ours(ev: &web_sys::KeyboardEvent, enter: bool) -> bool {
    super::dom::any_true(ev, &["ctrlKey", "altKey", "metaKey"])
        || super::dom::target(ev).is_some_and(|e| {
            let within = |s: &str| crate::ui::dom::closest(&e, s).is_some();
            within("input, textarea, select, dialog, [contenteditable]")
                || (enter
                    && !within(".quiz")
                    && within("button, a[href], summary, [tabindex], [role=button]"))
        })
}

/// What the quiz shows in `mode`.
fn draw<W: Writer>(w: &mut W, mode: &Mode, lang: Lang) {
    match mode {
        Mode::Off | Mode::Waiting(_) => {}
        Mode::Over => {
            w.open("p").text(qz(lang, Q::Over)).close();
        }
        Mode::Asking(q) => {
            let drive = q.drive.as_ref().map(|d| d.as_str());
            let line = question_line(
                lang,
                &q.job,
                drive,
                q.event.id(),
                &format::date_time(q.at),
                q.before,
            );
            w.open("p")
                .attr("class", "quiz-question")
                .attr("data-testid", "quiz-question")
                .text(&line)
                .close();
            w.open("div")
                .attr("class", "quiz-choices")
                .attr("role", "group")
                .attr("aria-label", &line);
            for (i, c) in q.choices.iter().enumerate() {
                w.open("button")
                    .attr("type", "button")
                    .attr("class", "quiz-choice")
                    .num("data-act", i as i64)
                    .open("kbd");
                w.text(&(i + 1).to_string())
                    .close()
                    .text(" ")
                    .text(c)
                    .close();
            }
            w.close().leaf("p", "hint", qz(lang, Q::Keys));
        }
        Mode::Answered(q, chosen) => {
            let right = *chosen == q.answer;
            w.open("p")
                .attr(
                    "class",
                    if right {
                        "quiz-verdict right"
                    } else {
                        "quiz-verdict wrong"
                    },
                )
                .attr("data-testid", "quiz-verdict")
                .text(if right { "✓ " } else { "✗ " })
                .text(&verdict(lang, q.answer, chosen))
                .close();
            w.open("p")
                .leaf("span", "rule-id", q.rule.id())
                .text(" ")
                .text(rule_text(lang, q.rule))
                .close();
            w.open("button")
                .attr("type", "button")
                .attr("data-testid", "quiz-next")
                .attr("data-act", "next")
                .text(qz(lang, Q::Next))
                .close();
        }
    }
}

/// The quiz's mode and score (right, asked). Not slots of their own types (each would add its
/// own copy of the slot's code, `ui::slot`): they sit in a cell, and `changed`, a
/// counter of a type the app already has, wakes the views.
#[derive(Clone)]
struct Quiz {
    state: Rc<RefCell<(Mode, (u32, u32))>>,
    changed: Slot<usize>,
}

impl Quiz {
    /// What `f` says of the mode (untracked).
    fn mode<R>(&self, f: impl FnOnce(&Mode) -> R) -> R {
        f(&self.state.borrow().0)
    }
    fn score(&self) -> (u32, u32) {
        self.state.borrow().1
    }
    /// Changes mode and score with `f`, and wakes whoever tracks the quiz.
    fn update(&self, f: impl FnOnce(&mut (Mode, (u32, u32)))) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            f(&mut s);
        }
        self.changed
            .set(self.changed.get_untracked().wrapping_add(1));
    }
    fn set(&self, mode: Mode) {
        self.update(|s| s.0 = mode);
    }
    fn track(&self) {
        self.changed.track();
    }
}

/// The next question: the clock plays towards it (or the quiz is over).
fn next(app: AppState, quiz: &Quiz) {
    let now = app.now().get_untracked();
    let after = quiz.mode(|m| match m {
        Mode::Answered(q, _) => Some(q.seq),
        _ => None,
    });
    match app.sim().with_untracked(|s| next_question(s, now, after)) {
        None => quiz.set(Mode::Over),
        Some(q) => {
            quiz.set(Mode::Waiting(q));
            app.play();
        }
    }
}

/// Answers the question being asked with choice `i`.
fn choose(app: AppState, quiz: &Quiz, i: usize) {
    let Some((q, chosen)) = quiz.mode(|m| match m {
        Mode::Asking(q) => q.choices.get(i).map(|&c| (q.clone(), c)),
        _ => None,
    }) else {
        return;
    };
    let at = q.at;
    quiz.update(|(mode, (right, asked))| {
        *asked += 1;
        *right += u32::from(chosen == q.answer);
        *mode = Mode::Answered(q, chosen);
    });
    app.seek(at);
}

/// Runs the quiz in `root` (the page's `section.quiz`).
pub fn attach(root: web_sys::Element) {
    let app = use_app();
    let lang = use_lang();
    let quiz = Quiz {
        state: Rc::new(RefCell::new((Mode::Off, (0, 0)))),
        changed: Slot::new(0),
    };
    // The stop: once the clock reaches the question's moment, it goes back to one second
    // before the step and waits for an answer.
    let q1 = quiz.clone();
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        q1.track();
        let due = q1.mode(|m| match m {
            Mode::Waiting(q) if now >= q.at - ASK_BEFORE => Some(q.clone()),
            _ => None,
        });
        if let Some(q) = due {
            app.pause();
            app.seek(q.at - ASK_BEFORE);
            q1.set(Mode::Asking(q));
        }
    });
    // Another story ends the quiz.
    let q2 = quiz.clone();
    crate::ui::fx::effect_with(move |first: Option<()>| {
        app.source().track();
        if first.is_some() {
            q2.update(|s| *s = (Mode::Off, (0, 0)));
        }
    });
    let q3 = quiz.clone();
    crate::ui::dom::listen_window("keydown", move |ev| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        let key = crate::ui::dom::text_of(&ev, "key");
        if not_ours(&ev, key == "Enter") || q3.mode(|m| matches!(m, Mode::Off)) {
            return;
        }
        if let Some(d) = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d)) {
            if q3.mode(|m| matches!(m, Mode::Asking(_))) {
                crate::ui::dom::call0(&ev, "preventDefault");
                choose(app, &q3, d - 1);
            }
        } else if key == "Enter" && q3.mode(|m| matches!(m, Mode::Answered(..))) {
            crate::ui::dom::call0(&ev, "preventDefault");
            next(app, &q3);
        }
    });
    // Written by `ui::dom`: the heading, the toggle, the score and the live region once per
    // language; the toggle's words, the score and the question or verdict as they change.
    let el = root.clone();
    let q4 = quiz.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let (drawn, lang) = (drawn.flatten(), lang.get());
        q4.track();
        let root = &root;
        if drawn != Some(lang) {
            if let Some(mut w) = Dom::replacing(root, false) {
                w.open("h2")
                    .attr("id", "quiz-heading")
                    .attr("class", "visually-hidden")
                    .text(qz(lang, Q::Heading))
                    .close();
                w.open("button")
                    .attr("type", "button")
                    .attr("data-testid", "quiz-toggle")
                    .attr("data-act", "toggle")
                    .close()
                    .text(" ");
                w.open("span")
                    .attr("class", "quiz-score")
                    .attr("data-testid", "quiz-score")
                    .close();
                w.open("div")
                    .attr("role", "status")
                    .attr("aria-live", "polite")
                    .attr("class", "quiz-body")
                    .close();
            }
        }
        let off = q4.mode(|m| matches!(m, Mode::Off));
        if let Some(b) = find(root, "[data-testid=quiz-toggle]") {
            crate::ui::dom::set(&b, "aria-pressed", if off { "false" } else { "true" });
            b.set_text_content(Some(qz(lang, if off { Q::Start } else { Q::Stop })));
        }
        if let Some(span) = find(root, ".quiz-score") {
            let (right, asked) = q4.score();
            super::dom::flag(&span, "hidden", asked == 0);
            span.set_text_content(Some(&score_line(lang, right, asked)));
        }
        if let Some(mut w) = find(root, ".quiz-body").and_then(|d| Dom::replacing(&d, false)) {
            q4.mode(|m| draw(&mut w, m, lang));
        }
        Some(lang)
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some((_, act)) = acted(&ev) else {
            return;
        };
        match act.as_str() {
            "toggle" => {
                if quiz.mode(|m| matches!(m, Mode::Off)) {
                    quiz.update(|s| s.1 = (0, 0));
                    next(app, &quiz);
                } else {
                    quiz.set(Mode::Off);
                }
            }
            "next" => next(app, &quiz),
            i => {
                if let Ok(i) = i.parse() {
                    choose(app, &quiz, i);
                }
            }
        }
    };
    listen(&el, "click", false, move |ev| click(ev.unchecked_into()));
}
