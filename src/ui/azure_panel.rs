//! "Import from Azure": paste (or drop a file of) what `az import-export show` / `list` or the REST API printed, say
//! when the jobs are in those states ("now" by default), and see them in the tables with what
//! the rules do next. Also saves the current story as files: the scenario, the job and drive
//! tables as CSV, and the jobs as Azure REST JSON. Every text goes into the page as text.
//!
//! Small on purpose (the bundle budget): the inputs are read when a button is pressed, and one
//! click handler on the fold serves every button, by its `data-testid`.

use crate::ui::slot::Slot;

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::action_button::Kept;
use super::dom::{add, find, Dom, Writer};

use super::download::download;
use super::format::{go_to_text, parse_go_to};
use super::state::use_app;
use super::use_lang;
use crate::azure::{drives_csv, import, jobs_csv, rest_list, AzureProblem, AzureProblemKind as A};
use crate::i18n::azure::{az, azure_problem_line, azure_warning_line, AzText as T};
use crate::i18n::Lang;
use crate::share::ScenarioRef;

/// Draws the fold into `fold` (a `details`): its summary, then in a panel the import and
/// export controls and the "my job" form; one click handler serves them.
pub fn attach(fold: &Element) {
    let Some(summary) = add(fold, "summary", &[]) else {
        return;
    };
    let Some(panel) = add(fold, "div", &[("class", "panel")]) else {
        return;
    };
    let (Some(root), Some(my_job)) = (
        add(&panel, "div", &[]),
        add(
            &panel,
            "section",
            &[("class", "my-job"), ("aria-labelledby", "my-job-heading")],
        ),
    ) else {
        return;
    };
    let app = use_app();
    let lang = use_lang();
    // An `Option`, as other stored elements are: one stored type fewer.
    let host = Slot::new(Some(fold.clone()));
    let field = move |act: &str| host.with_value(|f| find(f.as_ref()?, act));
    // What the last import said, one line each, and whether it was refused (None: nothing yet).
    let result = Slot::new((Vec::<String>::new(), None::<bool>));
    let run = move || {
        let lang = lang.get_untracked();
        let at = match field("[data-testid=azure-since]")
            .map(|i| super::dom::value(&i))
            .unwrap_or_default()
            .trim()
        {
            "" => Some(crate::clock::now()),
            s => parse_go_to(s),
        };
        let text = field("[data-testid=azure-json]")
            .map(|t| super::dom::value(&t))
            .unwrap_or_default();
        let (lines, refused): (Vec<String>, bool) = match at.ok_or(()).map(|at| import(&text, at)) {
            Err(()) => (vec![az(lang, T::BadSince).into()], true),
            Ok(Err(p)) => (problem_lines(lang, &p), true),
            Ok(Ok(i)) => {
                app.load(ScenarioRef::Inline(Box::new(i.scenario)), Some(i.at));
                (warning_lines(lang, &i.warnings), false)
            }
        };
        result.set((lines, Some(refused)));
    };
    let save = move |which: &str| {
        let now = app.now().get_untracked();
        let (name, mime, body) = app.sim().with_untracked(|s| match which {
            "export-jobs-csv" => (
                "jobs.csv",
                "text/csv",
                jobs_csv(&s.jobs_at(now), &s.rules()),
            ),
            "export-drives-csv" => ("drives.csv", "text/csv", drives_csv(&s.jobs_at(now))),
            "export-rest-json" => (
                "azure-jobs.json",
                "application/json",
                crate::sim::json_text(&rest_list(s, now)),
            ),
            _ => ("scenario.json", "application/json", s.scenario().to_json()),
        });
        let _ = download(name, mime, &body);
    };
    let click = move |ev: web_sys::MouseEvent| {
        let target = super::dom::target(&ev);
        let id = target
            .and_then(|t| t.get_attribute("data-testid"))
            .unwrap_or_default();
        match id.as_str() {
            "azure-import" => run(),
            "azure-now" => {
                if let Some(input) = field("[data-testid=azure-since]") {
                    super::dom::set_value(&input, &go_to_text(crate::clock::now()));
                }
            }
            s if s.starts_with("export-") => save(s),
            _ => {}
        }
    };
    // A dropped file is read into the box (a file past the size limit is refused unread).
    let dropped = move |ev: web_sys::DragEvent| {
        use crate::ui::dom::{call, call0, num, prop};
        let file = prop(&prop(&prop(&ev, "dataTransfer"), "files"), "0");
        if file.is_undefined() {
            return;
        }
        call0(&ev, "preventDefault");
        let bytes = num(&file, "size") as usize;
        if bytes > crate::model::limits::MAX_SCENARIO_BYTES {
            let kind = A::Scenario(crate::sim::scenario::ProblemKind::FileTooLarge { bytes });
            let p = AzureProblem {
                path: "$".into(),
                line: None,
                column: None,
                kind,
            };
            result.set((
                vec![azure_problem_line(lang.get_untracked(), &p)],
                Some(true),
            ));
            return;
        }
        let Ok(reader) = super::dom::construct("FileReader", &wasm_bindgen::JsValue::UNDEFINED)
        else {
            return;
        };
        let done = reader.clone();
        super::dom::listen(reader.unchecked_ref(), "load", false, move |_| {
            let text = prop(&done, "result").as_string();
            let area = field("[data-testid=azure-json]");
            if let (Some(text), Some(area)) = (text, area) {
                super::dom::set_value(&area, &text);
            }
        });
        let _ = call(&reader, "readAsText", &file);
    };
    // Opened from an `#azure=` link: the same view as after pasting it, warnings included.
    crate::ui::fx::effect(move || {
        let lines = app.link_warnings().with(|w| warning_lines(lang.get(), w));
        if !lines.is_empty() {
            result.set((lines, Some(false)));
            host.with_value(|f| f.as_ref().map(|f| crate::ui::dom::flag(f, "open", true)));
        }
    });
    // The fold's content, drawn when the language changes (what was typed stays); the result
    // of an import is written in place.
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let lang = lang.get();
        if drawn.flatten() != Some(lang) {
            let kept = Kept::take(&root);
            draw(&mut Dom::replacing(&root, false)?, lang);
            summary.set_text_content(Some(az(lang, T::Heading)));
            kept.restore(&root, false);
        }
        let (Some(out), Some(line), Some(list)) = (
            find(&root, "[data-testid=azure-result]"),
            find(&root, "[data-testid=azure-result] p"),
            find(&root, "[data-testid=azure-result] ul"),
        ) else {
            return Some(lang);
        };
        result.with(|(lines, refused)| {
            super::dom::flag(&out, "hidden", refused.is_none());
            let bad = *refused == Some(true);
            crate::ui::dom::set(&line, "class", if bad { "error-text" } else { "" });
            line.set_text_content(Some(az(lang, if bad { T::Rejected } else { T::Imported })));
            if let Some(mut w) = Dom::replacing(&list, false) {
                for l in lines {
                    w.leaf("li", "", l);
                }
            }
        });
        Some(lang)
    });
    let on_drop = move |ev: web_sys::DragEvent| {
        let on_box = super::dom::target(&ev)
            .is_some_and(|t| t.get_attribute("data-testid").as_deref() == Some("azure-json"));
        if on_box {
            dropped(ev);
        }
    };
    listen(fold, "click", false, move |ev| click(ev.unchecked_into()));
    listen(fold, "dragover", false, |ev| {
        crate::ui::dom::call0(&ev, "preventDefault")
    });
    listen(fold, "drop", false, move |ev| on_drop(ev.unchecked_into()));
    super::my_job_panel::attach(my_job);
}

/// The problems' lines, in `lang` (for the import here and "my job").
pub(super) fn problem_lines(lang: Lang, problems: &[AzureProblem]) -> Vec<String> {
    let mut lines = Vec::new();
    for p in problems {
        lines.push(azure_problem_line(lang, p));
    }
    lines
}

/// The warnings' lines, in `lang` (for the import here, an `#azure=` link and "my job").
pub(super) fn warning_lines(lang: Lang, warnings: &[crate::azure::Warning]) -> Vec<String> {
    let mut lines = Vec::new();
    for w in warnings {
        lines.push(azure_warning_line(lang, w));
    }
    lines
}

fn button<W: Writer>(w: &mut W, testid: &str, label: &str) {
    w.text(" ")
        .open("button")
        .attr("type", "button")
        .attr("data-testid", testid)
        .text(label)
        .close();
}

/// The paste box, the time field, the buttons, the result's place and the export buttons.
fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("label")
        .text(az(lang, T::Paste))
        .text(" ")
        .open("textarea")
        .attr("rows", "8")
        .attr("cols", "60")
        .attr("data-testid", "azure-json")
        .attr("data-act", "azure-json")
        .close()
        .close()
        .open("label")
        .text(az(lang, T::Since))
        .text(" ")
        .open("input")
        .attr("type", "text")
        .attr("data-testid", "azure-since")
        .attr("data-act", "azure-since")
        .attr("placeholder", "YYYY-MM-DD HH:MM")
        .close()
        .close();
    button(w, "azure-now", az(lang, T::Now));
    button(w, "azure-import", az(lang, T::Import));
    w.open("div")
        .attr("data-testid", "azure-result")
        .attr("role", "status")
        .attr("hidden", "")
        .open("p")
        .close()
        .open("ul")
        .close()
        .close()
        .open("p")
        .text(az(lang, T::Export));
    button(w, "export-scenario", az(lang, T::ScenarioJson));
    button(w, "export-jobs-csv", az(lang, T::JobsCsv));
    button(w, "export-drives-csv", az(lang, T::DrivesCsv));
    button(w, "export-rest-json", az(lang, T::RestJson));
    w.close();
}
