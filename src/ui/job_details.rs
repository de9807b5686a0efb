//! The selected job: its facts, the next time rule and its drives.
//!
//! The facts are written by `ui::dom`, drawn again when the job (as it is at the clock), the
//! selection or the language change; on other ticks only the countdown is rewritten. One click
//! handler serves their buttons ("Why?", "Save as Azure JSON").

use wasm_bindgen::JsCast;

use crate::ui::dom::listen;
use web_sys::Element;

use super::dom::{acted, add, find, redraw, Writer};
use super::download::download;
use super::drive_table::drive_table;
use super::format;
use super::job_rows::status_id;
use super::state::use_app;
use super::state_diagrams::{state_diagrams, DrivePick};
use super::use_lang;
use super::why::{question, WhyHost};
use super::why_reason::WhySubject;
use crate::azure::rest_one;
use crate::i18n::azure::{az, AzText};
use crate::i18n::{rule_text, Lang, Text};
use crate::model::{Job, Time, Tracking};
use std::sync::Arc;

/// "Why?" beside a fact: its question is its name (and its "?" comes from CSS).
fn why_button<W: Writer>(w: &mut W, act: &str, question: &str) {
    w.open("button")
        .attr("class", "why-btn")
        .attr("type", "button")
        .attr("aria-expanded", "false")
        .attr("aria-label", question)
        .attr("title", question)
        .attr("data-act", act)
        .close();
}

fn fact<W: Writer>(w: &mut W, lang: Lang, key: Text, value: &str) {
    w.leaf("dt", "", lang.t(key)).leaf("dd", "", value);
}

fn tracking(t: &Option<Arc<Tracking>>) -> String {
    t.as_ref().map_or_else(
        || "—".to_string(),
        |t| format!("{} {}", t.carrier, t.number),
    )
}

/// The heading, a hint when no job is shown, and the facts of `job` as the rules `next` says.
fn draw<W: Writer>(
    w: &mut W,
    lang: Lang,
    selected: Option<&str>,
    job: Option<&Job>,
    next: Option<(crate::model::RuleId, Time)>,
) {
    crate::ui::dom::panel_heading(w, "details-heading", lang.t(Text::DetailsHeading), selected);
    let Some(job) = job else {
        let hint = match selected {
            None => Text::SelectAJob,
            Some(_) => Text::JobNotYetCreated,
        };
        w.leaf("p", "hint", lang.t(hint));
        return;
    };
    let status = status_id(job);
    w.open("dl")
        .attr("class", "facts")
        .leaf("dt", "", lang.t(Text::ColStatus))
        .open("dd")
        .attr("data-testid", "detail-status");
    let mut class = String::from("status job-status status-");
    class.push_str(status);
    w.leaf("span", &class, status);
    for (on, key) in [
        (job.overdue, Text::FlagOverdue),
        (job.customer_contacted, Text::FlagContacted),
    ] {
        if on {
            w.leaf("span", "flag", lang.t(key));
        }
    }
    w.text(" ");
    why_button(
        w,
        "why-status",
        &question(lang, &job.name, &WhySubject::Status, status),
    );
    w.close();
    fact(w, lang, Text::ColType, job.job_type.id());
    fact(w, lang, Text::ColStorageAccount, &job.storage_account);
    fact(
        w,
        lang,
        Text::ColCreated,
        &format::date_time(job.created_at),
    );
    w.leaf("dt", "", lang.t(Text::StateEntered))
        .open("dd")
        .attr("data-testid", "state-since")
        .text(&format::date_time(state_since(job)))
        .close();
    fact(w, lang, Text::Tracking, &tracking(&job.tracking));
    fact(
        w,
        lang,
        Text::ReturnTracking,
        &tracking(&job.return_tracking),
    );
    w.leaf("dt", "", lang.t(Text::NextRule))
        .open("dd")
        .attr("data-testid", "next-rule");
    match next {
        Some((rule, at)) => {
            w.leaf("span", "rule-id", rule.id())
                .text(" ")
                .text(rule_text(lang, rule))
                .text(" · ")
                .text(&format::date_time(at))
                .text(" (")
                .open("span")
                .attr("data-countdown", "")
                .close()
                .text(") ");
            why_button(
                w,
                "why-countdown",
                &question(lang, &job.name, &WhySubject::Countdown, rule.id()),
            );
        }
        None if job.is_deleted() => {
            w.text(lang.t(Text::NoTimeRuleDeleted));
        }
        None => {
            w.text(lang.t(Text::NoTimeRule));
        }
    }
    w.close();
    if let Some(d) = &job.deleted {
        let rule = d.reason.rule();
        w.leaf("dt", "", lang.t(Text::DeletedAt))
            .open("dd")
            .text(&format::date_time(d.at))
            .text(" · ")
            .leaf("span", "rule-id", rule.id())
            .text(" ")
            .text(rule_text(lang, rule))
            .close();
    }
    w.close().open("p").open("button");
    w.attr("type", "button")
        .attr("data-testid", "export-job-json")
        .attr("data-act", "export");
    if job.is_deleted() {
        w.attr("disabled", "");
    }
    w.text(az(lang, AzText::JobJson)).close().close();
}

/// Draws the selected job's facts into `section`, then (hidden while no job is shown) its
/// drives and state diagrams, and keeps them up to date.
pub fn attach(section: &Element) {
    let Some(root) = add(section, "div", &[]) else {
        return;
    };
    let Some(more) = add(section, "div", &[("hidden", "")]) else {
        return;
    };
    let (Some(drives), Some(diagrams)) = (
        add(&more, "div", &[]),
        add(
            &more,
            "section",
            &[
                ("class", "diagrams"),
                ("aria-labelledby", "diagrams-heading"),
            ],
        ),
    ) else {
        return;
    };
    let app = use_app();
    let lang = use_lang();
    let job = app.selected_job();
    let selected = app.selected();
    let drive = DrivePick::new(job);
    let why = WhyHost::create();
    type Drawn = (Lang, Option<String>, Option<Job>, Option<Time>);
    drive_table(&drives, job, drive);
    state_diagrams(&diagrams, job, drive);
    let on_click = move |ev: web_sys::MouseEvent| {
        let (Some((el, act)), Some(name)) = (acted(&ev), selected.get_untracked()) else {
            return;
        };
        match act.as_str() {
            "why-status" => why.toggle(el, name, WhySubject::Status),
            "why-countdown" => why.toggle(el, name, WhySubject::Countdown),
            "export" => {
                let now = app.now().get_untracked();
                if let Some(json) = app.sim().with_untracked(|s| rest_one(s, &name, now)) {
                    let file = format!("{name}.json");
                    let _ = download(&file, "application/json", &crate::sim::json_text(&json));
                }
            }
            _ => {}
        }
    };
    listen(&root, "click", false, move |ev| {
        on_click(ev.unchecked_into())
    });
    crate::ui::fx::effect_with(move |drawn: Option<Option<Drawn>>| {
        let (lang, name) = (lang.get(), selected.get());
        let shown = job.get();
        let rules = app.sim().with(|s| s.rules());
        let next = shown.as_ref().and_then(|j| j.next_time_rule(&rules));
        let at = next.map(|n| n.1);
        if drawn.flatten().as_ref() != Some(&(lang, name.clone(), shown.clone(), at)) {
            redraw(&root, &mut |w| {
                draw(w, lang, name.as_deref(), shown.as_ref(), next)
            });
            crate::ui::dom::flag(&more, "hidden", shown.is_none());
        }
        if let (Some(at), Some(cell)) = (at, find(&root, "[data-countdown]")) {
            let left = format::countdown(lang, at - app.now().get());
            if super::dom::text(&cell) != left {
                cell.set_text_content(Some(&left));
            }
        }
        Some((lang, name, shown, at))
    });
}

/// When the job entered what its Status cell shows: for a deleted job that is the deletion
/// (its Status reads "Deleted"), not the state it was in before.
pub fn state_since(job: &Job) -> Time {
    job.deleted.as_ref().map_or(job.state_entered_at, |d| d.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{preset, Simulation};
    use chrono::TimeDelta;

    #[test]
    fn a_deleted_job_is_in_its_state_since_its_deletion() {
        let Some(scenario) = preset("abandoned") else {
            panic!("preset exists")
        };
        let sim = Simulation::new(scenario).expect("the test scenario loads");
        let day_20 = sim.start() + TimeDelta::days(20);
        let jobs = sim.jobs_at(day_20);
        let Some(gone) = jobs.iter().find(|j| &*j.name == "forgotten") else {
            panic!("the abandoned job")
        };
        let Some(deletion) = gone.deleted.as_ref() else {
            panic!("deleted by day 20")
        };
        assert_eq!(state_since(gone), deletion.at);
        assert_ne!(state_since(gone), gone.state_entered_at);
        let Some(alive) = sim.jobs_at(sim.start()).into_iter().next() else {
            panic!("a job")
        };
        assert_eq!(state_since(&alive), alive.state_entered_at);
    }
}
