//! Keeps the URL hash in step with the view, so the address bar is always a link to this
//! moment; and reads it at start, when someone pastes a new one, and on Back and Forward.
//!
//! Clock moves rewrite the current history entry (`replaceState`): a playing clock must not
//! flood the history. A story the user loads is a new entry (`pushState`), so Back returns
//! to the previous story instead of leaving the app.
//!
//! The look (projector mode, the language) rides along as the link's optional extras
//! (`&view=projector&lang=nl`, `hash::ViewParams`): read at start and whenever the address
//! changes, written with every address, so a reload or a shared link keeps them.
//!
//! The scenario half takes the shortest form (`share::form`): a large scenario is compressed
//! by the browser, asynchronously, and the address is written when that is done; a result for
//! a scenario since replaced is dropped, never written over a newer address.

use crate::ui::derived::Derived;
use leptos::prelude::*;

use super::autosave::{self, SaveProblem};
use super::dom::Interval;
use super::notice::Notice;
use super::slot::Slot;
use super::state::AppState;
use super::view_prefs::ViewPrefs;
use crate::i18n::Lang;
use crate::model::limits::MAX_LINK_CHARS;
use crate::share::compare_param::{compare_of, compare_suffix};
use crate::share::form::{self, Part};
use crate::share::{added, hash, packed, HashError, HashRequest, ScenarioRef, ViewParams};

pub fn location_hash() -> String {
    location_part("hash")
}

/// A part of the page's address (`hash`, `href`).
fn location_part(name: &str) -> String {
    use super::dom::{prop, text_of};
    text_of(&prop(&window(), "location"), name)
}

/// The part of a pasted link that names the view: from its `#` on (a whole address works
/// as well as a bare hash).
pub fn hash_part(text: &str) -> &str {
    let text = text.trim();
    text.find('#').map_or(text, |i| &text[i..])
}

/// What the page should open, from the current hash (and the inflated scenario of a
/// `scenario-z=` one, `link_start`). A bad hash gives a message (with the link, to correct
/// it) and the default scenario; it never stops the page.
pub fn initial_request(
    link: &str,
    unpacked: Option<Result<String, HashError>>,
) -> (Option<HashRequest>, Option<Notice>) {
    let link = link.to_string();
    // A link with only the look (`#lang=nl`) opens the default story in that look.
    match parse_unpacked(&hash::without_view(&link), unpacked) {
        Ok(request) => (request, None),
        Err(e) => (None, Some(bad_link(link, e, true))),
    }
}

pub fn parse_unpacked(
    story: &str,
    unpacked: Option<Result<String, HashError>>,
) -> Result<Option<HashRequest>, HashError> {
    match unpacked {
        Some(text) => hash::parse_with(story, Some(&text?)),
        None => hash::parse(story),
    }
}

type Then = Box<dyn FnOnce(Result<Option<HashRequest>, HashError>)>;

/// Reads the story half of a hash and hands the result to `then`: at once, or, for a
/// compressed scenario, once the browser has inflated it. `then` is boxed: the reading and
/// its wait for the browser exist once, not once per caller.
fn read_story(story: String, then: Then) {
    if !packed::is_packed(&story) {
        return then(hash::parse(&story));
    }
    leptos::task::spawn_local(async move {
        let unpacked = super::compress::unpack(&story).await;
        then(parse_unpacked(&story, unpacked));
    });
}

/// The look the address asks for at start (default when it asks for none).
pub fn initial_view(link: &str) -> ViewParams {
    hash::view_params(link)
}

/// The hash the page starts from: the address's, or the work saved on the last visit when the
/// address names no story (`autosave`); with the saved data that could not be used, if any.
pub fn start() -> (String, Option<(String, SaveProblem)>) {
    autosave::start_hash(&location_hash())
}

/// What follows the time in the link: the look, the selected job and the comparison, as the
/// link writes them (tracked).
#[inline(never)]
fn extras(app: AppState, view: ViewPrefs, lang: Lang) -> String {
    hash::view_suffix(ViewParams {
        projector: view.projector().get(),
        lang: Some(lang),
    }) + &app
        .selected()
        .with(|j| hash::job_suffix(j.as_deref(), app.show_deleted().get()))
        + &compare_suffix(app.compare())
}

/// The whole address of this moment and look, fresh (also while playing, when the address
/// bar waits for a pause). A world too large for a link gives the address as it stands; a
/// compressed one, the compressed scenario the address holds.
pub fn current_link(app: AppState, view: ViewPrefs, lang: Lang) -> String {
    let href = location_part("href");
    let page = href.split('#').next().unwrap_or_default();
    let part = untrack(|| match shareable_part(app) {
        Ok(Part::Ready(part)) => Some(part),
        Ok(Part::Pack(_)) => packed::part_in(&location_hash()).map(str::to_string),
        Err(_) => None,
    });
    untrack(|| match part {
        Some(part) => format!(
            "{page}#{}{}",
            hash::with_time(&part, app.now().get()),
            extras(app, view, lang)
        ),
        None => href.clone(),
    })
}

/// `form::part(&app.shareable())`, without writing the world out when it is a preset the
/// user acted on (`added::short_form_of`).
fn shareable_part(app: AppState) -> Result<Part, usize> {
    let preset = app.source().with(|s| matches!(s, ScenarioRef::Preset(_)));
    match (app.edited().get() && preset)
        .then(|| app.sim().with(added::short_form_of))
        .flatten()
    {
        Some(part) => Ok(Part::Ready(part)),
        None => form::part(&app.shareable()),
    }
}

fn bad_link(link: String, problem: HashError, fallback: bool) -> Notice {
    Notice::BadLink {
        link,
        problem,
        fallback,
    }
}

/// "Try again" on a bad link: opens the corrected link as a story the user chose, or says
/// what is still wrong with it, keeping the text as typed.
pub fn open_link(app: AppState, text: &str) {
    let text = text.to_string();
    read_story(
        hash_part(&text).to_string(),
        Box::new(move |read| match read {
            Ok(Some(req)) => {
                app.set_notice(None);
                app.load(req.scenario, req.at);
            }
            Ok(None) => app.set_notice(Some(bad_link(text, HashError::NoScenario, false))),
            Err(e) => app.set_notice(Some(bad_link(text, e, false))),
        }),
    );
}

/// How long the clock rests before a long address is written (ms).
const SETTLE_MS: u32 = 300;

pub fn use_url_sync(app: AppState, view: ViewPrefs, lang: crate::ui::lang_signal::LangSignal) {
    // The scenario's half of the link changes only with the scenario: a 10,000-job world is
    // encoded once per edit, not once per step of the clock.
    let scenario_part = Derived::new(move || shareable_part(app));
    // The compressed half of a `Part::Pack`, with the JSON it was made from; `round` numbers
    // the compressions, so only the latest may store its result.
    let packed_half = Slot::new(None::<(String, String)>);
    let round = Slot::new(0u32);
    crate::ui::fx::effect(move || {
        let mine = round.with_value(|r| r.wrapping_add(1));
        round.set_value(mine);
        let Some(json) = scenario_part.with(|part| match part {
            Ok(Part::Pack(json)) => Some(json.clone()),
            _ => None,
        }) else {
            return;
        };
        if packed_half.with_untracked(|z| z.as_ref().is_some_and(|(j, _)| *j == json)) {
            return;
        }
        leptos::task::spawn_local(async move {
            let half = match super::compress::deflate(json.as_bytes()).await {
                Some(bytes) => packed::part(&bytes),
                // A browser without CompressionStream gets the long form, which it can read.
                None => format!(
                    "scenario={}",
                    crate::share::base64url::encode(json.as_bytes())
                ),
            };
            if round.try_get_value() == Some(mine) {
                packed_half.set(Some((json, half)));
            }
        });
    });
    // The scenario half as written now: `Ok(None)` while its compression is under way.
    let written_part = move || -> Result<Option<String>, usize> {
        scenario_part.with(|part| match part {
            Ok(Part::Ready(p)) => Ok(Some(p.clone())),
            Ok(Part::Pack(json)) => Ok(packed_half.with(|z| {
                z.as_ref()
                    .filter(|(j, _)| j == json)
                    .map(|(_, half)| half.clone())
            })),
            Err(c) => Err(*c),
        })
    };
    // Write: only while paused (a link opens paused). The same text is kept as the work to
    // come back to (only when it changed: a scenario link can be a megabyte).
    //
    // A long address (as long as a scenario that `packed` compresses) waits until the clock
    // has rested for `SETTLE_MS` (`wait` sets `rested`, which runs this again): writing it
    // took about half of each step of a 1,000-job world (6 of 12 ms), and keys held or a
    // button pressed again now write it once. A new history step and a short address are
    // written at once. `wait` is the ticker's `Interval` type; dropping it clears it.
    let mut kept = String::new();
    // Whether the last save was refused (the browser's storage is full): told once, when it
    // starts, and the notice goes when a save is taken again.
    let mut refused = false;
    let rested = Slot::new(false);
    let wait = Slot::new(None::<Interval>);
    crate::ui::fx::effect(move || {
        if app.playing().get() {
            wait.set_value(None);
            return;
        }
        let now = app.now().get();
        let extras = extras(app, view, lang.get());
        let text = match written_part() {
            Ok(Some(part)) => format!("#{}{extras}", hash::with_time(&part, now)),
            // Written when the compression is done (this effect runs again then).
            Ok(None) => return,
            Err(chars) => {
                app.take_history_step();
                // Nothing to wait for: no link can be written.
                wait.set_value(None);
                app.set_notice(Some(Notice::LinkNotStored {
                    chars,
                    refused: false,
                }));
                return;
            }
        };
        let new_step = app.take_history_step();
        if !new_step && text.len() >= packed::LONG && !rested.get() {
            wait.set_value(Some(Interval::new(SETTLE_MS, move || rested.set(true))));
            return;
        }
        // Reset without waking this effect, which reads `rested`: a wake would run it again and
        // start another wait.
        rested.try_maybe_update(|r| (false, *r = false));
        wait.set_value(None);
        if kept != text {
            let saved = autosave::keep(&text);
            if saved == refused {
                let told = app
                    .notice()
                    .with_untracked(|n| matches!(n, Some(Notice::NotSaved)));
                if !saved || told {
                    app.set_notice((!saved).then_some(Notice::NotSaved));
                }
                refused = !saved;
            }
            kept.clone_from(&text);
        }
        if text == location_hash() {
            return;
        }
        // Never a silently stale address: a link too long to store, or one the browser
        // refuses, says so on the page.
        let chars = text.len() - 1;
        if chars > MAX_LINK_CHARS {
            app.set_notice(Some(Notice::LinkNotStored {
                chars,
                refused: false,
            }));
            return;
        }
        let stored = {
            use wasm_bindgen::JsValue;
            let history = super::dom::prop(&window(), "history");
            let method = if new_step {
                "pushState"
            } else {
                "replaceState"
            };
            let (null, title) = (JsValue::NULL, JsValue::from_str(""));
            super::dom::call3(&history, method, &null, &title, &JsValue::from_str(&text)).is_ok()
        };
        let shown = app
            .notice()
            .with_untracked(|n| matches!(n, Some(Notice::LinkNotStored { .. })));
        if !stored {
            app.set_notice(Some(Notice::LinkNotStored {
                chars,
                refused: true,
            }));
        } else if shown {
            app.set_notice(None);
        }
    });
    // Read: a hash typed or pasted into the address bar, or Back and Forward. Both events
    // can fire for one move; the second finds the view already there. `read` is the story
    // `link` names (`Ok(None)`: the one shown, when `same`).
    let apply = move |link: String, read: Result<Option<HashRequest>, HashError>, same: bool| {
        // A link that does not open changes nothing, its look included: a changed look would
        // rewrite the address and the bad link would be gone before anyone could correct it.
        let request = match read {
            Ok(request) => request,
            Err(e) => {
                app.set_notice(Some(bad_link(link, e, false)));
                return;
            }
        };
        // The look: an address that changes only the look reloads nothing.
        let asked = hash::view_params(&link);
        if view.projector().get_untracked() != asked.projector {
            view.set_projector(asked.projector);
        }
        let asked_lang = asked.lang.unwrap_or_default();
        if lang.get_untracked() != asked_lang {
            lang.set(asked_lang);
        }
        app.set_show_deleted(hash::shows_deleted(&link));
        app.set_compare(compare_of(&link));
        let job = hash::selected_job(&link);
        if let Some(req) = request {
            app.set_notice(None);
            app.follow_link(req.scenario, req.at);
            app.set_link_warnings(req.warnings);
            app.select(job);
        } else if same && app.selected().get_untracked() != job {
            app.select(job);
        }
    };
    let follow = move || {
        let link = location_hash();
        let current = untrack(written_part)
            .ok()
            .flatten()
            .map(|part| format!("#{}", hash::with_time(&part, app.now().get_untracked())));
        let story = hash::without_view(&link);
        if current.as_deref() == Some(story.as_str()) {
            return apply(link, Ok(None), true);
        }
        read_story(
            story,
            Box::new(move |read| {
                // A newer address came while a compressed one was inflated: that one wins.
                if location_hash() == link {
                    apply(link, read, false);
                }
            }),
        );
    };
    // A page closed or left while a long address waits keeps its last moment as the saved work
    // (the effect runs in this event's microtasks).
    crate::ui::dom::listen_window("pagehide", move |_| {
        if wait.with_value(Option::is_some) {
            rested.set(true);
        }
    });
    crate::ui::dom::listen_window("hashchange", move |_| follow());
    crate::ui::dom::listen_window("popstate", move |_| follow());
}

#[cfg(test)]
mod tests {
    use super::hash_part;

    #[test]
    fn a_pasted_address_or_bare_hash_gives_the_hash() {
        assert_eq!(
            hash_part(" https://x.io/app/#preset=export&t=2026 "),
            "#preset=export&t=2026"
        );
        assert_eq!(hash_part("#preset=export"), "#preset=export");
        assert_eq!(hash_part("preset=export"), "preset=export");
    }
}
