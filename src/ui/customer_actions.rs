//! What the customer can do to the selected job: enter tracking, update, cancel, delete.

use leptos::prelude::*;

use crate::ui::tr;

use super::action_button::ActionButton;
use super::state::use_app;
use super::text_field::TextField;
use crate::i18n::Text;
use crate::model::Action;

#[component]
pub fn CustomerActions() -> impl IntoView {
    let app = use_app();
    let carrier = RwSignal::new(String::from("DHL"));
    let number = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let job = move || app.selected().get();
    let tracking = Signal::derive(move || {
        job().map(|job| Action::EnterTracking {
            job,
            carrier: carrier.get(),
            tracking: number.get(),
        })
    });
    let update = Signal::derive(move || {
        let acc = account.get();
        job().map(|job| Action::UpdateJob {
            job,
            storage_account: (!acc.trim().is_empty()).then(|| acc.trim().to_string()),
        })
    });
    let cancel = Signal::derive(move || job().map(|job| Action::CancelJob { job }));
    let delete = Signal::derive(move || job().map(|job| Action::DeleteJob { job }));
    view! {
        <section class="panel actions customer" aria-labelledby="customer-heading">
            <h2 id="customer-heading">{tr(Text::CustomerHeading)} {move || job().map(|n| format!(": {n}"))}</h2>
            <Show when=move || job().is_some() fallback=move || view! { <p class="hint">{tr(Text::SelectAJob)}</p> }>
                <fieldset>
                    <legend>{tr(Text::EnterTracking)}</legend>
                    <TextField label=Text::Carrier value=carrier size=8 />
                    <TextField label=Text::TrackingNumber value=number size=12 testid="tracking-number" />
                    <ActionButton label=Text::EnterTracking action=tracking testid="enter-tracking" />
                </fieldset>
                <fieldset>
                    <legend>{tr(Text::UpdateJob)}</legend>
                    <TextField label=Text::NewStorageAccount value=account size=14 />
                    <ActionButton label=Text::UpdateJob action=update testid="update-job" />
                </fieldset>
                <div class="button-row">
                    <ActionButton label=Text::CancelJob action=cancel testid="cancel-job" />
                    <ActionButton label=Text::DeleteJob action=delete testid="delete-job" />
                </div>
            </Show>
        </section>
    }
}
