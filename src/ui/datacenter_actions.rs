//! What the datacenter does to the selected job, by hand: deliver the package, process late
//! drives, copy, ship back. The autopilot does the same on its own when switched on.

use crate::ui::slot::Slot;

use web_sys::Element;

use super::action_button::{self as button, Kept};
use super::dom::{add, find, panel_heading, Dom, Writer};
use super::state::use_app;
use super::use_lang;
use crate::i18n::problems::drive_id_text;
use crate::i18n::{outcome_label, Lang, Text};
use crate::model::{Action, CopyOutcome, DriveId, DriveIdError, DriveState, Job, Time};

/// The drives a package could hold: those not yet received, and an export job's announced ones.
/// The lists of this panel are filled by plain loops: an iterator chain compiled its adapters'
/// code for each chain.
fn deliverable(job: &Job) -> Vec<DriveId> {
    let mut ids = Vec::new();
    for d in &job.drives {
        if matches!(d.state, DriveState::Specified | DriveState::NeverReceived) {
            ids.push(d.id.clone());
        }
    }
    for planned in &job.planned_drives {
        if job.drive(&planned.id).is_none() && !ids.contains(&planned.id) {
            ids.push(planned.id.clone());
        }
    }
    ids
}

/// The job's drives' ids.
fn ids_of(job: &Job) -> Vec<DriveId> {
    let mut ids = Vec::new();
    for d in &job.drives {
        ids.push(d.id.clone());
    }
    ids
}

/// Parses the "extra drives" field: ids separated by spaces, commas or semicolons. The
/// error keeps the text that is not an id, to quote it beside the field.
pub fn parse_extra(text: &str) -> Result<Vec<DriveId>, (String, DriveIdError)> {
    let mut ids = Vec::new();
    for s in text.split([',', ' ', ';']) {
        if !s.is_empty() {
            ids.push(DriveId::parse(s).map_err(|e| (s.to_string(), e))?);
        }
    }
    Ok(ids)
}

/// The drives in the package: the checked boxes, one per drive it could hold (`deliverable`),
/// all checked at first.
fn present(root: &Element) -> Vec<DriveId> {
    let mut ids = Vec::new();
    for b in super::dom::all(root, "input[data-drive]") {
        if super::dom::checked(&b) {
            if let Some(id) = b
                .get_attribute("data-drive")
                .and_then(|d| DriveId::parse(&d).ok())
            {
                ids.push(id);
            }
        }
    }
    ids
}

/// The action a button of this panel names, from the panel's fields and the selected job.
fn action_of(root: &Element, name: &str, act: &str) -> Option<Action> {
    let job = name.to_string();
    let drive = |prefix: &str| DriveId::parse(act.strip_prefix(prefix)?).ok();
    Some(match act {
        "package-delivered" => Action::PackageDelivered {
            job,
            present: present(root),
            extra: parse_extra(&button::value(root, "extra-drives")).ok()?,
        },
        "ship-back" => Action::DrivesShippedBack {
            job,
            carrier: button::value(root, "ship-carrier"),
            tracking: button::value(root, "ship-number"),
        },
        _ if act.starts_with("late-") => Action::DriveArrivedLate {
            job,
            drive: drive("late-")?,
        },
        _ if act.starts_with("start-") => Action::CopyStarted {
            job,
            drive: drive("start-")?,
        },
        _ if act.starts_with("finish-") => {
            let chosen = button::value(root, "outcome");
            Action::CopyFinished {
                job,
                drive: drive("finish-")?,
                outcome: CopyOutcome::ALL
                    .into_iter()
                    .find(|o| o.id() == chosen)
                    .unwrap_or(CopyOutcome::Clean),
                messages: Vec::new(),
            }
        }
        _ => return None,
    })
}

/// What the panel is drawn from: the language, the job's name, the drives a package could
/// hold and the job's drives. A change of any of them redraws it.
type Drawn = (Lang, Option<String>, Vec<DriveId>, Vec<DriveId>);

fn drawn_of(lang: Lang, job: Option<&Job>) -> Drawn {
    match job {
        None => (lang, None, Vec::new(), Vec::new()),
        Some(j) => (
            lang,
            Some(String::from(&*j.name)),
            deliverable(j),
            ids_of(j),
        ),
    }
}

fn legend<W: Writer>(w: &mut W, lang: Lang, text: Text) {
    w.open("fieldset").open("legend").text(lang.t(text)).close();
}

fn draw<W: Writer>(w: &mut W, d: &Drawn) {
    let (lang, job, candidates, drives) = d;
    let lang = *lang;
    panel_heading(
        w,
        "dc-heading",
        lang.t(Text::DatacenterHeading),
        job.as_deref(),
    );
    if job.is_none() {
        w.leaf("p", "hint", lang.t(Text::SelectAJob));
        return;
    }
    legend(w, lang, Text::PackageDelivered);
    w.open("div").attr("class", "checks");
    for id in candidates {
        w.open("label")
            .open("input")
            .attr("type", "checkbox")
            .attr("checked", "")
            .attr("data-act", &format!("has-{id}"))
            .attr("data-drive", id.as_str())
            .close()
            .text(" ")
            .text(id.as_str())
            .close();
    }
    w.close();
    button::field(w, lang.t(Text::ExtraDriveIds), "extra-drives", 12, "");
    w.open("span")
        .attr("class", "error-text")
        .attr("role", "alert")
        .attr("data-error", "extra")
        .attr("hidden", "")
        .close();
    button::draw(w, "package-delivered", lang.t(Text::PackageDelivered));
    w.close();
    legend(w, lang, Text::DriveOperations);
    w.open("label")
        .text(lang.t(Text::CopyOutcome))
        .text(" ")
        .open("select")
        .attr("data-testid", "outcome")
        .attr("data-act", "outcome");
    for o in CopyOutcome::ALL {
        w.open("option")
            .attr("value", o.id())
            .text(outcome_label(lang, o))
            .close();
    }
    w.close().close().open("ul").attr("class", "drive-ops");
    for id in drives {
        w.open("li").leaf("span", "drive-id", id.as_str());
        button::draw(w, &format!("late-{id}"), lang.t(Text::ArrivedLate));
        button::draw(w, &format!("start-{id}"), lang.t(Text::StartCopy));
        button::draw(w, &format!("finish-{id}"), lang.t(Text::FinishCopy));
        w.close();
    }
    w.close().close();
    legend(w, lang, Text::ShipBack);
    button::field(w, lang.t(Text::Carrier), "ship-carrier", 8, "DHL");
    button::field(w, lang.t(Text::TrackingNumber), "ship-number", 10, "RET-1");
    button::draw(w, "ship-back", lang.t(Text::ShipBack));
    w.close();
}

/// The "extra drives" field says what in it is not a drive id.
fn show_extra_error(root: &Element, lang: Lang) {
    let (Some(field), Some(line)) = (
        find(root, "[data-act=extra-drives]"),
        find(root, "[data-error=extra]"),
    ) else {
        return;
    };
    let error = parse_extra(&button::value(root, "extra-drives"))
        .err()
        .map(|(text, e)| format!("“{text}”: {}", drive_id_text(lang, &e)));
    crate::ui::dom::set(
        &field,
        "aria-invalid",
        if error.is_some() { "true" } else { "false" },
    );
    line.set_text_content(error.as_deref());
    crate::ui::dom::flag(&line, "hidden", error.is_none());
}

/// Draws the panel into `section`: the actions in a `div`, the autopilot's settings below.
pub fn attach(section: &Element) {
    let (Some(root), Some(settings)) = (
        add(section, "div", &[]),
        add(section, "details", &[("class", "autopilot")]),
    ) else {
        return;
    };
    let app = use_app();
    let lang = use_lang();
    let job = app.selected_job();
    // Bumped by typing and ticking: the buttons' reasons depend on the fields.
    let edits = Slot::new(0usize);
    button::listen_panel(&root, edits, action_of);
    crate::ui::fx::effect_with(move |last: Option<Option<(Drawn, Time)>>| {
        let now = app.now().get();
        let d = job.with(|j| drawn_of(lang.get(), j.as_ref()));
        let last = last.flatten();
        match &last {
            Some((l, t)) if *l == d => {
                if *t != now {
                    button::clear(&root);
                }
            }
            _ => {
                let kept = Kept::take(&root);
                draw(&mut Dom::replacing(&root, false)?, &d);
                kept.restore(&root, last.is_some_and(|(l, _)| l.1 == d.1));
            }
        }
        app.sim().track();
        edits.track();
        if let Some(name) = &d.1 {
            show_extra_error(&root, d.0);
            button::refresh(&root, &app, d.0, name, action_of);
        }
        Some((d, now))
    });
    super::autopilot_settings::attach(settings);
}
