//! The "new job" form: an import or export job with its drives. Problems are shown next to
//! the field they belong to; nothing is created until the form is valid.
//!
//! Written by `ui::dom`: the draft lives in the form's fields and is read when the form is
//! sent; the form is drawn again (with what was typed) when the language changes, a drive
//! row is added or removed, or problems are found.

use crate::ui::slot::Slot;

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::action_button::value;
use super::dom::{acted, focused_act, refocus, Dom, Writer};
use super::job_form::{validate, DriveDraft, Field, FormProblem, JobDraft};
use super::state::use_app;
use super::use_lang;
use crate::i18n::problems::{capitalised, drive_id_text, input_text, not_a_number_text};
use crate::i18n::{refusal_text, refused_line, Lang, Text};
use crate::model::{Action, JobType, Refusal};

/// A form problem in the interface language: the model's reason, without the rule id where
/// the field already says what it is about.
fn problem_text(lang: Lang, p: &FormProblem) -> String {
    match p {
        FormProblem::DriveId(e) => drive_id_text(lang, e),
        FormProblem::NotANumber => not_a_number_text(lang).to_string(),
        FormProblem::Refused(Refusal::Input { problem, .. }) => {
            format!("{}.", capitalised(&input_text(lang, problem)))
        }
        FormProblem::Refused(r) => capitalised(&refusal_text(lang, r)),
    }
}

/// The draft as the form's fields hold it now.
fn read(root: &Element) -> JobDraft {
    let mut rows = Vec::new();
    for row in super::dom::all(root, ".drive-draft") {
        let input = |kind: &str| {
            super::dom::find(&row, kind)
                .map(|i| super::dom::value(&i))
                .unwrap_or_default()
        };
        rows.push(DriveDraft {
            id: input("input[type=text]"),
            size_gib: input("input[type=number]"),
        });
    }
    JobDraft {
        name: value(root, "new-name"),
        job_type: match value(root, "new-type").as_str() {
            "Export" => JobType::Export,
            _ => JobType::Import,
        },
        storage_account: value(root, "new-account"),
        drives: rows,
    }
}

/// A labelled field with `text` in it, marked invalid when `problem` is there.
fn input<W: Writer>(w: &mut W, label: &str, act: &str, kind: &str, text: &str, bad: bool) {
    w.open("label")
        .text(label)
        .text(" ")
        .open("input")
        .attr("type", kind)
        .attr("data-act", act)
        .attr("data-testid", act)
        .attr("aria-invalid", if bad { "true" } else { "false" })
        .attr("value", text);
}

/// The problem beside a field (an empty, hidden line when there is none).
fn error<W: Writer>(w: &mut W, problem: Option<&String>) {
    w.open("span").attr("class", "error-text");
    match problem {
        Some(p) => w.text(p),
        None => w.attr("hidden", ""),
    };
    w.close();
}

/// The whole form, holding `draft`, with each problem beside its field.
fn draw<W: Writer>(
    w: &mut W,
    lang: Lang,
    draft: &JobDraft,
    problems: &[(Field, FormProblem)],
    outcome: &str,
) {
    let mut texts: Vec<(Field, String)> = Vec::new();
    for (f, p) in problems {
        texts.push((*f, problem_text(lang, p)));
    }
    let of = |field: Field| texts.iter().find(|(f, _)| *f == field).map(|(_, t)| t);
    w.open("h2")
        .attr("id", "new-job-heading")
        .text(lang.t(Text::NewJobHeading))
        .close()
        .open("form")
        .attr("novalidate", "");
    input(
        w,
        lang.t(Text::ColName),
        "new-name",
        "text",
        &draft.name,
        of(Field::Name).is_some(),
    );
    w.close().close();
    error(w, of(Field::Name));
    w.open("label")
        .text(lang.t(Text::ColType))
        .text(" ")
        .open("select")
        .attr("data-act", "new-type");
    for ty in [JobType::Import, JobType::Export] {
        w.open("option").attr("value", ty.id());
        if ty == draft.job_type {
            w.attr("selected", "");
        }
        w.text(ty.id()).close();
    }
    w.close().close();
    let bad = of(Field::StorageAccount).is_some();
    input(
        w,
        lang.t(Text::ColStorageAccount),
        "new-account",
        "text",
        &draft.storage_account,
        bad,
    );
    w.close().close();
    error(w, of(Field::StorageAccount));
    w.open("fieldset").leaf("legend", "", lang.t(Text::Drives));
    error(w, of(Field::Drives));
    for (i, d) in draft.drives.iter().enumerate() {
        w.open("div").attr("class", "drive-draft");
        let (id, size) = (of(Field::DriveId(i)), of(Field::DriveSize(i)));
        let n = i.to_string();
        input(
            w,
            lang.t(Text::ColDriveId),
            &format!("new-drive-id-{n}"),
            "text",
            &d.id,
            id.is_some(),
        );
        w.attr("size", "9").attr("maxlength", "8").close().close();
        input(
            w,
            lang.t(Text::SizeGib),
            &format!("new-drive-size-{n}"),
            "number",
            &d.size_gib,
            size.is_some(),
        );
        w.attr("min", "1").attr("size", "6").close().close();
        w.open("button")
            .attr("type", "button")
            .attr("data-act", &format!("remove-{n}"))
            .text(lang.t(Text::RemoveDrive))
            .close();
        error(w, id);
        error(w, size);
        w.close();
    }
    w.open("button")
        .attr("type", "button")
        .attr("data-act", "add")
        .text(lang.t(Text::AddDrive))
        .close()
        .close()
        .open("button")
        .attr("type", "submit")
        .attr("class", "primary")
        .attr("data-testid", "create-job")
        .attr("data-act", "create")
        .text(lang.t(Text::CreateJob))
        .close()
        .open("span")
        .attr("role", "status")
        .text(outcome)
        .close()
        .close();
}

fn drive() -> DriveDraft {
    DriveDraft {
        id: String::new(),
        size_gib: "500".into(),
    }
}

fn blank() -> JobDraft {
    JobDraft {
        name: String::new(),
        job_type: JobType::Import,
        storage_account: String::new(),
        drives: vec![drive()],
    }
}

/// Runs the "new job" form in `node` (the page's `section.new-job`).
pub fn attach(node: Element) {
    let app = use_app();
    let lang = use_lang();
    let (el, root, sent) = (node.clone(), node.clone(), node.clone());
    // The problems and the last outcome line, kept to draw them again in another language.
    let problems = Slot::new(Vec::<(Field, FormProblem)>::new());
    let outcome = Slot::new(String::new());
    let redraw = move |root: &Element, lang: Lang, draft: &JobDraft| {
        let focused = focused_act(root);
        if let Some(mut w) = Dom::replacing(root, false) {
            let said = outcome.get_value();
            problems.with_value(|p| draw(&mut w, lang, draft, p, &said));
        }
        refocus(root, focused);
    };
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let lang = lang.get();
        let draft = match drawn.flatten() {
            Some(_) => read(&root),
            None => blank(),
        };
        redraw(&root, lang, &draft);
        Some(lang)
    });
    let submit = move |root: &Element| {
        let lang = lang.get_untracked();
        let mut draft = read(root);
        let check =
            |spec: &crate::model::JobSpec| app.check_untracked(&Action::CreateJob(spec.clone()));
        match validate(&draft, check) {
            Err(p) => {
                problems.set_value(p);
                outcome.set_value(String::new());
            }
            Ok(spec) => {
                problems.set_value(Vec::new());
                let name = spec.name.clone();
                match app.perform(Action::CreateJob(spec)) {
                    Ok(()) => {
                        draft = blank();
                        app.select(Some(name.clone()));
                        outcome.set_value(format!("{} {name}", lang.t(Text::JobCreated)));
                    }
                    Err(r) => outcome.set_value(refused_line(lang, &r)),
                }
            }
        }
        redraw(root, lang, &draft);
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        crate::ui::dom::call0(&ev, "preventDefault");
        submit(&sent);
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((_, act)) = acted(&ev) else {
            return;
        };
        let root: &Element = &node;
        let mut draft = read(root);
        if act == "add" {
            draft.drives.push(drive());
        } else if let Some(i) = act.strip_prefix("remove-").and_then(|i| i.parse().ok()) {
            if i < draft.drives.len() {
                draft.drives.remove(i);
            }
            // The problems named rows by their place, which just changed.
            problems.set_value(Vec::new());
        } else {
            return;
        }
        redraw(root, lang.get_untracked(), &draft);
    };
    listen(&el, "submit", false, move |ev| {
        on_submit(ev.unchecked_into())
    });
    listen(&el, "click", false, move |ev| on_click(ev.unchecked_into()));
}
