//! A message at the top of the page: what went wrong with a link, for example.

use leptos::prelude::*;

use super::state::use_app;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let app = use_app();
    view! {
        {move || {
            app.notice
                .get()
                .map(|n| {
                    view! {
                        <div class="notice" class:error=n.is_error role="alert" data-testid="notice">
                            <span>{n.text}</span>
                            " "
                            <button type="button" on:click=move |_| app.notice.set(None)>"×"</button>
                        </div>
                    }
                })
        }}
    }
}
