//! The "new job" form: an import or export job with its drives. Problems are shown next to
//! the field they belong to; nothing is created until the form is valid.

use leptos::prelude::*;

use crate::ui::tr;

use super::job_form::{validate, DriveDraft, Field, FormProblem, JobDraft};
use super::state::use_app;
use super::use_lang;
use crate::i18n::problems::{capitalised, drive_id_text, input_text, not_a_number_text};
use crate::i18n::{refusal_text, refused_line, Lang, Text};
use crate::model::{Action, JobType, Refusal};

/// The problem shown beside `field`, if any.
fn field_error(
    problems: RwSignal<Vec<(Field, FormProblem)>>,
    lang: Lang,
    field: Field,
) -> Option<String> {
    problems.with(|p| {
        p.iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| problem_text(lang, m))
    })
}

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

fn blank() -> JobDraft {
    JobDraft {
        name: String::new(),
        job_type: JobType::Import,
        storage_account: String::new(),
        drives: vec![DriveDraft {
            id: String::new(),
            size_gib: "500".into(),
        }],
    }
}

#[component]
pub fn NewJobPanel() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let draft = RwSignal::new(blank());
    let problems = RwSignal::new(Vec::<(Field, FormProblem)>::new());
    let outcome = RwSignal::new(None::<String>);
    let error_for = move |field: Field| move || field_error(problems, lang.get(), field);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let check =
            |spec: &crate::model::JobSpec| app.check_untracked(&Action::CreateJob(spec.clone()));
        match validate(&draft.get_untracked(), check) {
            Err(p) => {
                problems.set(p);
                outcome.set(None);
            }
            Ok(spec) => {
                problems.set(Vec::new());
                let name = spec.name.clone();
                match app.perform(Action::CreateJob(spec)) {
                    Ok(()) => {
                        draft.set(blank());
                        app.select(Some(name.clone()));
                        outcome.set(Some(format!(
                            "{} {name}",
                            lang.get_untracked().t(Text::JobCreated)
                        )));
                    }
                    Err(r) => outcome.set(Some(refused_line(lang.get_untracked(), &r))),
                }
            }
        }
    };
    view! {
        <section class="panel new-job" aria-labelledby="new-job-heading">
            <h2 id="new-job-heading">{tr(Text::NewJobHeading)}</h2>
            <form on:submit=submit novalidate>
                <label>
                    {tr(Text::ColName)} " "
                    <input type="text" data-testid="new-name" aria-invalid=move || error_for(Field::Name)().is_some().to_string()
                        prop:value=move || draft.with(|d| d.name.clone())
                        on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev)) />
                </label>
                <span class="error-text" hidden=move || error_for(Field::Name)().is_none()>{error_for(Field::Name)}</span>
                <label>
                    {tr(Text::ColType)} " "
                    <select prop:value=move || draft.with(|d| d.job_type.id()) on:change=move |ev| {
                        let ty = if event_target_value(&ev) == "Export" { JobType::Export } else { JobType::Import };
                        draft.update(|d| d.job_type = ty);
                    }>
                        <option value="Import">"Import"</option>
                        <option value="Export">"Export"</option>
                    </select>
                </label>
                <label>
                    {tr(Text::ColStorageAccount)} " "
                    <input type="text" data-testid="new-account" aria-invalid=move || error_for(Field::StorageAccount)().is_some().to_string()
                        prop:value=move || draft.with(|d| d.storage_account.clone())
                        on:input=move |ev| draft.update(|d| d.storage_account = event_target_value(&ev)) />
                </label>
                <span class="error-text" hidden=move || error_for(Field::StorageAccount)().is_none()>{error_for(Field::StorageAccount)}</span>
                <fieldset>
                    <legend>{tr(Text::Drives)}</legend>
                    <span class="error-text" hidden=move || error_for(Field::Drives)().is_none()>{error_for(Field::Drives)}</span>
                    {move || (0..draft.with(|d| d.drives.len())).map(|i| view! { <DriveDraftRow i draft problems /> }).collect_view()}
                    <button type="button" on:click=move |_| draft.update(|d| d.drives.push(DriveDraft { id: String::new(), size_gib: "500".into() }))>
                        {tr(Text::AddDrive)}
                    </button>
                </fieldset>
                <button type="submit" class="primary" data-testid="create-job">{tr(Text::CreateJob)}</button>
                <span role="status">{move || outcome.get()}</span>
            </form>
        </section>
    }
}

#[component]
fn DriveDraftRow(
    i: usize,
    draft: RwSignal<JobDraft>,
    problems: RwSignal<Vec<(Field, FormProblem)>>,
) -> impl IntoView {
    let lang = use_lang();
    let err = move |field: Field| move || field_error(problems, lang.get(), field);
    let get = move |f: fn(&DriveDraft) -> String| {
        move || draft.with(|d| d.drives.get(i).map(f).unwrap_or_default())
    };
    view! {
        <div class="drive-draft">
            <label>
                {tr(Text::ColDriveId)} " "
                <input type="text" size="9" maxlength="8" data-testid=format!("new-drive-id-{i}")
                    aria-invalid=move || err(Field::DriveId(i))().is_some().to_string()
                    prop:value=get(|d| d.id.clone())
                    on:input=move |ev| draft.update(|d| if let Some(x) = d.drives.get_mut(i) { x.id = event_target_value(&ev) }) />
            </label>
            <label>
                {tr(Text::SizeGib)} " "
                <input type="number" min="1" size="6" data-testid=format!("new-drive-size-{i}")
                    aria-invalid=move || err(Field::DriveSize(i))().is_some().to_string()
                    prop:value=get(|d| d.size_gib.clone())
                    on:input=move |ev| draft.update(|d| if let Some(x) = d.drives.get_mut(i) { x.size_gib = event_target_value(&ev) }) />
            </label>
            <button type="button" on:click=move |_| draft.update(|d| { if i < d.drives.len() { d.drives.remove(i); } })>
                {tr(Text::RemoveDrive)}
            </button>
            <span class="error-text" hidden=move || err(Field::DriveId(i))().is_none()>{err(Field::DriveId(i))}</span>
            <span class="error-text" hidden=move || err(Field::DriveSize(i))().is_none()>{err(Field::DriveSize(i))}</span>
        </div>
    }
}
