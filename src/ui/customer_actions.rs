//! What the customer can do to the selected job: enter tracking, update, cancel, delete.

use crate::ui::slot::Slot;

use web_sys::Element;

use super::action_button::{self as button, Kept};
use super::dom::{panel_heading, Dom, Writer};
use super::state::use_app;
use super::use_lang;
use crate::i18n::{Lang, Text};
use crate::model::{Action, Time};

/// The action a button of this panel names, from the panel's fields.
fn action_of(root: &Element, job: &str, act: &str) -> Option<Action> {
    let job = job.to_string();
    Some(match act {
        "enter-tracking" => Action::EnterTracking {
            job,
            carrier: button::value(root, "carrier"),
            tracking: button::value(root, "tracking-number"),
        },
        "update-job" => {
            let acc = button::value(root, "account");
            Action::UpdateJob {
                job,
                storage_account: (!acc.trim().is_empty()).then(|| acc.trim().to_string()),
            }
        }
        "cancel-job" => Action::CancelJob { job },
        "delete-job" => Action::DeleteJob { job },
        _ => return None,
    })
}

fn draw<W: Writer>(w: &mut W, lang: Lang, job: Option<&str>) {
    panel_heading(w, "customer-heading", lang.t(Text::CustomerHeading), job);
    if job.is_none() {
        w.leaf("p", "hint", lang.t(Text::SelectAJob));
        return;
    }
    w.open("fieldset")
        .open("legend")
        .text(lang.t(Text::EnterTracking))
        .close();
    button::field(w, lang.t(Text::Carrier), "carrier", 8, "DHL");
    button::field(w, lang.t(Text::TrackingNumber), "tracking-number", 12, "");
    button::draw(w, "enter-tracking", lang.t(Text::EnterTracking));
    w.close()
        .open("fieldset")
        .open("legend")
        .text(lang.t(Text::UpdateJob))
        .close();
    button::field(w, lang.t(Text::NewStorageAccount), "account", 14, "");
    button::draw(w, "update-job", lang.t(Text::UpdateJob));
    w.close().open("div").attr("class", "button-row");
    button::draw(w, "cancel-job", lang.t(Text::CancelJob));
    button::draw(w, "delete-job", lang.t(Text::DeleteJob));
    w.close();
}

/// Draws the panel into `root` (its section) and keeps it up to date.
pub fn attach(root: Element) {
    let app = use_app();
    let lang = use_lang();
    // Bumped by typing: the buttons' reasons depend on the fields.
    let edits = Slot::new(0usize);
    button::listen_panel(&root, edits, action_of);
    crate::ui::fx::effect_with(move |drawn: Option<Option<(Lang, Option<String>, Time)>>| {
        let (lang, job, now) = (lang.get(), app.selected().get(), app.now().get());
        let drawn = drawn.flatten();
        match &drawn {
            Some(d) if d.0 == lang && d.1 == job => {
                if d.2 != now {
                    button::clear(&root);
                }
            }
            _ => {
                let kept = Kept::take(&root);
                draw(&mut Dom::replacing(&root, false)?, lang, job.as_deref());
                kept.restore(&root, drawn.is_some_and(|d| d.1 == job));
            }
        }
        app.sim().track();
        edits.track();
        if let Some(job) = &job {
            button::refresh(&root, &app, lang, job, action_of);
        }
        Some((lang, job, now))
    });
}
