//! A labelled one-line text input bound to a signal: the form fields of the action panels.

use leptos::prelude::*;

use super::use_lang;
use crate::i18n::Text;

#[component]
pub fn TextField(
    label: Text,
    value: RwSignal<String>,
    #[prop(default = 10)] size: u32,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label>
            {move || lang.get().t(label)} " "
            <input
                type="text"
                size=size
                data-testid=testid
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}
