//! "Model my job": type, current state, since when, tracking date and drive states in a short
//! form; the answer is one sentence (the next time rule and its date, or the typical copy
//! time where no rule applies) and the job itself, loaded on a blank story at that moment so
//! the timeline draws the same projection. The model decides everything (`azure::my_job`).
//!
//! The form is written by `ui::dom` and its buttons share one click handler (by
//! `data-testid`): a form of plain fields needs no reactive node per element.

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::azure_panel::{problem_lines, warning_lines};
use super::dom::{find, Dom, Writer};
use super::format::{date_time, go_to_text, parse_go_to};
use super::state::use_app;
use super::use_lang;
use crate::azure::{model_my_job, my_job_next, MyJob, Next, MY_JOB};
use crate::i18n::azure::{az, my_job_next as next_line, AzText as T};
use crate::i18n::Lang;
use crate::model::limits::MAX_DRIVES;
use crate::model::{DriveState, JobState, JobType};
use crate::share::ScenarioRef;
use crate::sim::Simulation;

fn select<W: Writer>(w: &mut W, testid: &str, ids: &[&'static str]) {
    w.open("select").attr("data-testid", testid);
    for id in ids {
        w.open("option").attr("value", id).text(id).close();
    }
    w.close();
}

fn labelled_input<W: Writer>(w: &mut W, label: &str, testid: &str) {
    w.open("label").text(label).text(" ").open("input");
    w.attr("type", "text")
        .attr("data-testid", testid)
        .attr("placeholder", "YYYY-MM-DD HH:MM")
        .close()
        .close();
}

fn drive_select<W: Writer>(w: &mut W, lang: Lang, n: usize) {
    let states = DriveState::ALL.map(DriveState::id);
    w.open("label")
        .text(az(lang, T::MyDrive))
        .text(&format!(" {n} "));
    w.open("select").attr("data-drive", "");
    for id in states {
        w.open("option").attr("value", id).text(id).close();
    }
    // The space after the select inside its label: removing a drive removes one element.
    w.close().text(" ").close();
}

fn button<W: Writer>(w: &mut W, testid: &str, text: &str) {
    w.open("button")
        .attr("type", "button")
        .attr("data-testid", testid)
        .text(text)
        .close();
}

/// The whole form, with `drives` drive selects.
fn draw_form<W: Writer>(w: &mut W, lang: Lang, drives: usize) {
    let word = |k| az(lang, k);
    w.open("h3")
        .attr("id", "my-job-heading")
        .text(word(T::MyHeading))
        .close();
    w.leaf("p", "hint", word(T::MyHint));
    w.open("label").text(word(T::MyType)).text(" ");
    select(w, "my-type", &JobType::ALL.map(JobType::id));
    w.close()
        .text(" ")
        .open("label")
        .text(word(T::MyState))
        .text(" ");
    select(w, "my-state", &JobState::ALL.map(JobState::id));
    w.close().open("p");
    labelled_input(w, word(T::MySince), "my-since");
    w.text(" ");
    button(w, "my-now", word(T::Now));
    w.close().open("p");
    labelled_input(w, word(T::MyTracking), "my-tracking");
    w.close()
        .open("fieldset")
        .leaf("legend", "", word(T::MyDrives));
    w.open("div").attr("class", "my-drives");
    for n in 1..=drives {
        drive_select(w, lang, n);
    }
    w.close();
    button(w, "my-add", word(T::MyAddDrive));
    w.text(" ");
    button(w, "my-remove", word(T::MyRemoveDrive));
    w.close();
    button(w, "my-show", word(T::MyShow));
    w.open("div")
        .attr("data-testid", "my-result")
        .attr("role", "status")
        .attr("hidden", "")
        .close();
}

use super::dom::{all, set_value, value as value_of};

/// Every field's and select's value, in document order.
fn values(root: &Element) -> Vec<String> {
    let mut values = Vec::new();
    for el in all(root, "input, select") {
        values.push(value_of(&el));
    }
    values
}

fn restore(root: &Element, values: &[String]) {
    for (e, v) in all(root, "input, select").iter().zip(values) {
        set_value(e, v);
    }
}

fn drive_count(root: &Element) -> usize {
    all(root, "select[data-drive]").len()
}

/// Add and remove are disabled at the ends (0 and the model's limit of drives per job).
fn mark_ends(root: &Element) {
    let n = drive_count(root);
    for (testid, off) in [("my-add", n >= MAX_DRIVES), ("my-remove", n == 0)] {
        if let Some(b) = find(root, &format!("[data-testid={testid}]")) {
            super::dom::flag(&b, "disabled", off);
        }
    }
}

/// Shows the answer's lines (or why the form was refused).
fn show_result(root: &Element, lines: &[String], refused: bool) {
    let Some(div) = find(root, "[data-testid=my-result]") else {
        return;
    };
    super::dom::flag(&div, "hidden", false);
    if let Some(mut w) = Dom::replacing(&div, false) {
        w.open("ul");
        if refused {
            w.attr("class", "error-text");
        }
        for line in lines {
            w.open("li").text(line).close();
        }
        w.close();
    }
}

/// Reads the form, models the job, loads it and says what comes next.
fn model(root: &Element, lang: Lang) {
    let field = |testid: &str| {
        find(root, &format!("[data-testid={testid}]"))
            .map(|e| value_of(&e))
            .unwrap_or_default()
    };
    let time = |testid: &str| match field(testid).trim() {
        "" => Ok(None),
        s => parse_go_to(s).map(Some).ok_or(()),
    };
    let (Ok(since), Ok(tracking)) = (time("my-since"), time("my-tracking")) else {
        show_result(root, &[az(lang, T::BadSince).into()], true);
        return;
    };
    let state = field("my-state").parse().unwrap_or(JobState::Creating);
    let mut drives = Vec::new();
    for e in all(root, "select[data-drive]") {
        drives.push(value_of(&e).parse().unwrap_or(DriveState::Specified));
    }
    let job = MyJob {
        job_type: field("my-type").parse().unwrap_or(JobType::Import),
        state,
        since: since.unwrap_or_else(crate::clock::now),
        tracking,
        drives,
    };
    match model_my_job(&job) {
        Err(problems) => {
            show_result(root, &problem_lines(lang, &problems), true);
        }
        Ok(imported) => {
            let next = Simulation::new(imported.scenario.clone())
                .map(|s| my_job_next(&s, imported.at))
                .unwrap_or(Next::End);
            let (on, to) = match next {
                Next::Rule(_, at) => (date_time(at), String::new()),
                Next::TypicalCopy { from, to } => (date_time(from), date_time(to)),
                Next::Waits | Next::End => (String::new(), String::new()),
            };
            let mut lines = vec![next_line(lang, &next, MY_JOB, state, &on, &to)];
            lines.append(&mut warning_lines(lang, &imported.warnings));
            let app = use_app();
            app.load(
                ScenarioRef::Inline(Box::new(imported.scenario)),
                Some(imported.at),
            );
            app.select(MY_JOB.to_string());
            show_result(root, &lines, false);
        }
    }
}

/// Draws the form into `root` (its section) and serves its buttons.
pub fn attach(root: Element) {
    let lang = use_lang();
    // Drawn per language; what was typed and chosen is kept across a switch.
    let form = root.clone();
    crate::ui::fx::effect(move || {
        let lang = lang.get();
        let root = &form;
        let (kept, n) = (values(root), drive_count(root).max(1));
        if let Some(mut w) = Dom::replacing(root, false) {
            draw_form(&mut w, lang, n);
        }
        restore(root, &kept);
        mark_ends(root);
    });
    let form = root.clone();
    let click = move |ev: leptos::ev::MouseEvent| {
        let root = &form;
        let Some(testid) =
            super::dom::target_in(&ev, "button").and_then(|b| b.get_attribute("data-testid"))
        else {
            return;
        };
        let lang = lang.get_untracked();
        match testid.as_str() {
            "my-now" => {
                if let Some(i) = find(root, "[data-testid=my-since]") {
                    set_value(&i, &go_to_text(crate::clock::now()));
                }
            }
            "my-add" => {
                let n = drive_count(root);
                if n < MAX_DRIVES {
                    if let Some(mut w) =
                        find(root, ".my-drives").and_then(|d| Dom::appending(&d, false))
                    {
                        drive_select(&mut w, lang, n + 1);
                    }
                }
            }
            "my-remove" => {
                if let Some(last) = find(root, ".my-drives > :last-child") {
                    crate::ui::dom::remove(&last);
                }
            }
            "my-show" => model(root, lang),
            _ => return,
        }
        mark_ends(root);
    };
    listen(&root, "click", false, move |ev| click(ev.unchecked_into()));
}
