//! The keyboard shortcuts, for a teacher at a projector: one `keydown` listener on the window.
//!
//! Which key does what is a pure function (`command`), tested natively; whether it may run
//! where the focus is, another (`allowed`). Keys never act while someone types in a field,
//! nor with Ctrl, Alt or Meta held (those belong to the browser and the system), nor while
//! the shortcut sheet is open, nor when a control already handled the key. `q` starts or
//! stops the quiz (by its own button, so the quiz keeps one way in).

use chrono::TimeDelta;
use web_sys::Element;

use super::shortcut_sheet::{open_sheet, sheet_open};
use super::state::AppState;
use super::view_prefs::ViewPrefs;

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    PlayPause,
    PrevEvent,
    NextEvent,
    DayBack,
    DayForward,
    Faster,
    Slower,
    Projector,
    Quiz,
    Sheet,
}

/// The command of a key (`KeyboardEvent.key`). Shift matters only with the arrows: for `?`
/// and `+` it is how the character is typed on many layouts.
pub fn command(key: &str, shift: bool) -> Option<Command> {
    Some(match key {
        " " => Command::PlayPause,
        "ArrowLeft" if shift => Command::DayBack,
        "ArrowRight" if shift => Command::DayForward,
        "ArrowLeft" => Command::PrevEvent,
        "ArrowRight" => Command::NextEvent,
        "+" | "=" => Command::Faster,
        "-" | "_" => Command::Slower,
        "p" | "P" => Command::Projector,
        "q" | "Q" => Command::Quiz,
        "?" => Command::Sheet,
        _ => return None,
    })
}

/// Where the keyboard focus is, as far as shortcuts care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A field: every key is text (or moves a slider, or picks an option).
    Typing,
    /// A button, link or focusable mark: Space is its own key (it presses or picks it).
    Control,
    Other,
}

/// Whether `cmd` may run with the focus on `focus`.
pub fn allowed(cmd: Command, focus: Focus) -> bool {
    match focus {
        Focus::Typing => false,
        Focus::Control => cmd != Command::PlayPause,
        Focus::Other => true,
    }
}

/// `target`: the event's target element (`ui::dom::target`: the typed `target` getter
/// would be an import of its own).
fn focus_of(target: Option<Element>) -> Focus {
    let Some(el) = target else {
        return Focus::Other;
    };
    let within = |selector: &str| crate::ui::dom::closest(&el, selector).is_some();
    if within("input, select, textarea, [contenteditable]:not([contenteditable=false])") {
        Focus::Typing
    } else if within("button, a[href], summary, [tabindex], [role=button]") {
        Focus::Control
    } else {
        Focus::Other
    }
}

/// Listens for the shortcuts while the app lives.
pub fn use_keyboard(app: AppState, view: ViewPrefs, lang: crate::ui::lang_signal::LangSignal) {
    crate::ui::dom::listen_window("keydown", move |ev| {
        let held = [
            "defaultPrevented",
            "ctrlKey",
            "altKey",
            "metaKey",
            "isComposing",
        ];
        if crate::ui::dom::any_true(&ev, &held) || sheet_open() {
            return;
        }
        let Some(cmd) = command(
            &crate::ui::dom::text_of(&ev, "key"),
            crate::ui::dom::any_true(&ev, &["shiftKey"]),
        ) else {
            return;
        };
        if allowed(cmd, focus_of(crate::ui::dom::target(&ev))) {
            crate::ui::dom::call0(&ev, "preventDefault");
            run(app, view, lang, cmd);
        }
    });
}

fn run(app: AppState, view: ViewPrefs, lang: crate::ui::lang_signal::LangSignal, cmd: Command) {
    let now = app.now().get_untracked();
    let sim = app.sim();
    let day = TimeDelta::days(1);
    let go = |t: Option<crate::model::Time>| match t {
        Some(t) => app.seek(t),
        None => app.pause(),
    };
    match cmd {
        Command::PlayPause => app.toggle_play(),
        Command::PrevEvent => go(sim.with_untracked(|s| s.prev_due(now))),
        Command::NextEvent => go(sim.with_untracked(|s| s.next_due(now))),
        // Never before the scenario's start, where nothing exists yet.
        Command::DayBack => go(now
            .checked_sub_signed(day)
            .map(|t| t.max(sim.with_untracked(|s| s.start())))),
        Command::DayForward => go(now.checked_add_signed(day)),
        Command::Faster => app.set_speed(app.speed().get_untracked().faster()),
        Command::Slower => app.set_speed(app.speed().get_untracked().slower()),
        Command::Projector => view.toggle_projector(),
        Command::Quiz => {
            let body = crate::ui::dom::body();
            if let Some(b) =
                body.and_then(|b| crate::ui::dom::find(&b, "[data-testid=quiz-toggle]"))
            {
                crate::ui::dom::call0(&b, "click");
            }
        }
        Command::Sheet => open_sheet(lang.get_untracked()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_has_its_command() {
        assert_eq!(command(" ", false), Some(Command::PlayPause));
        assert_eq!(command("ArrowLeft", false), Some(Command::PrevEvent));
        assert_eq!(command("ArrowRight", false), Some(Command::NextEvent));
        assert_eq!(command("ArrowLeft", true), Some(Command::DayBack));
        assert_eq!(command("ArrowRight", true), Some(Command::DayForward));
        assert_eq!(command("+", true), Some(Command::Faster));
        assert_eq!(command("-", false), Some(Command::Slower));
        assert_eq!(command("p", false), Some(Command::Projector));
        assert_eq!(command("?", true), Some(Command::Sheet));
        assert_eq!(command("q", false), Some(Command::Quiz));
        for free in ["Enter", "Escape", "Tab", "a", "ArrowUp"] {
            assert_eq!(command(free, false), None, "{free}");
        }
    }

    #[test]
    fn nothing_fires_while_typing_and_space_stays_a_controls_key() {
        assert!(!allowed(Command::Projector, Focus::Typing));
        assert!(!allowed(Command::NextEvent, Focus::Typing));
        assert!(!allowed(Command::PlayPause, Focus::Control));
        assert!(allowed(Command::NextEvent, Focus::Control));
        assert!(allowed(Command::PlayPause, Focus::Other));
    }
}
