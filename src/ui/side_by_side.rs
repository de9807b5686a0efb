//! "Side by side": the story in two panes, the world as loaded and the same events under
//! another rule set, cancel window or autopilot seed, both at the app's one clock. The
//! Status cells that differ are marked (a class, a "≠" and words, never colour alone) and
//! each differing job gets one line saying where the two worlds part and by which rule.
//!
//! Off by default ("Compare with: nothing"); the choice is in the link (`&compare=`). The
//! second world costs a replay of the first (half a second at 10,000 jobs), so it is built
//! only while the panel is on, once per change of world or choice; each frame then only
//! looks both worlds up, and redraws only when what the panes show changed.

use crate::ui::slot::Slot;
use std::cell::RefCell;
use std::rc::Rc;

use crate::ui::dom::listen;

use super::dom::{find, focused_act, refocus, Dom, Writer};
use super::state::use_app;
use super::use_lang;
use crate::i18n::compare::{alt_label, cmp, differ_line, pane_label, why_line, CmpText as C};
use crate::i18n::{Lang, Text};
use crate::model::Time;
use crate::share::compare_param::{alt_id, parse_alt};
use crate::sim::compare::{choices, other, rows, why, Alt, Diff};
use crate::sim::Simulation;

/// Rows per pane at most: past this many jobs only the differing ones are listed.
const LIMIT: usize = 100;

/// The heading and the "Compare with" menu, written again only when its choices or the
/// language change (not on a choice: the menu keeps its focus).
fn draw_head<W: Writer>(w: &mut W, lang: Lang, menu: &[Alt]) {
    w.open("h2")
        .attr("id", "sbs-heading")
        .text(cmp(lang, C::Heading))
        .close();
    w.open("label")
        .attr("for", "sbs-alt")
        .text(cmp(lang, C::CompareWith))
        .close()
        .text(" ");
    w.open("select")
        .attr("id", "sbs-alt")
        .attr("data-act", "alt")
        .attr("data-testid", "sbs-alt");
    w.open("option")
        .attr("value", "")
        .text(cmp(lang, C::Off))
        .close();
    for &alt in menu {
        w.open("option")
            .attr("value", &alt_id(alt))
            .text(&alt_label(lang, alt))
            .close();
    }
    w.close();
    w.open("div").attr("class", "sbs-body").close();
}

/// The id of row `i`'s line saying why it differs, `sbs-why-<i>` (one copy of the join for
/// the cells that point at it and the line itself).
fn why_id(i: usize) -> String {
    String::from("sbs-why-") + &i.to_string()
}

/// One pane: a table named by its caption, Name and Status per job, the differing Status
/// cells described by their job's line below.
fn draw_pane<W: Writer>(w: &mut W, lang: Lang, name: &str, test_id: &str, diff: &Diff, b: bool) {
    w.open("table")
        .attr("class", "grid sbs-pane")
        .attr("data-testid", test_id)
        .leaf("caption", "", name)
        .open("thead")
        .open("tr");
    for col in [Text::ColName, Text::ColStatus] {
        w.open("th").attr("scope", "col").text(lang.t(col)).close();
    }
    w.close().close().open("tbody");
    for (i, r) in diff.rows.iter().enumerate() {
        let status = if b { r.b } else { r.a };
        w.open("tr").attr("data-job", &r.name);
        w.open("th").attr("scope", "row").text(&r.name).close();
        w.open("td");
        if r.differs() {
            w.attr("class", "differs")
                .attr("aria-describedby", &why_id(i));
        }
        w.leaf(
            "span",
            &(String::from("status job-status status-") + status),
            status,
        );
        if r.differs() {
            w.open("span")
                .attr("class", "ne")
                .attr("aria-hidden", "true")
                .text(" ≠")
                .close()
                .open("span")
                .attr("class", "visually-hidden")
                .text(" (")
                .text(cmp(lang, C::Differs))
                .text(")")
                .close();
        }
        w.close().close();
    }
    w.close().close();
}

/// Both panes, the count and the lines saying why (the differing cells of both panes point at
/// their job's line).
fn draw_body<W: Writer>(
    w: &mut W,
    lang: Lang,
    (a, b, alt): (&Simulation, &Simulation, Alt),
    diff: &Diff,
) {
    let seed = |s: &Simulation| matches!(alt, Alt::Seed(_)).then(|| s.seed());
    let names = [
        pane_label(lang, a.rules(), seed(a)),
        pane_label(lang, b.rules(), seed(b)),
    ];
    w.open("p")
        .attr("class", "sbs-count")
        .attr("data-testid", "sbs-count")
        .text(&differ_line(
            lang,
            diff.differ,
            diff.total,
            diff.total > LIMIT,
        ))
        .close();
    w.open("div").attr("class", "sbs-panes");
    draw_pane(w, lang, &names[0], "sbs-a", diff, false);
    draw_pane(w, lang, &names[1], "sbs-b", diff, true);
    w.close();
    w.open("ul")
        .attr("class", "sbs-why")
        .attr("data-testid", "sbs-why");
    for (i, r) in diff.rows.iter().enumerate() {
        if !r.differs() {
            continue;
        }
        let (x, y) = why(a, b, &r.name).unwrap_or((None, None));
        let line = why_line(lang, &r.name, [(&names[0], x), (&names[1], y)], r.drives);
        w.open("li")
            .attr("id", &why_id(i))
            .attr("data-job", &r.name)
            .text(&line)
            .close();
    }
    w.close();
}

/// What was last drawn: the head's key, and the body's (the language, which build of the
/// second world, the rows) so an unchanged frame writes nothing.
/// And when the panes were last compared (ms, the page's clock).
type Drawn = (Option<(Lang, Vec<Alt>)>, Option<(Lang, usize, Diff)>, f64);

/// While the clock plays a world of more than `LIMIT` jobs, the panes are compared at most
/// this often (ms): comparing 10,000 jobs and redrawing 100 rows every frame took the frame
/// from 17 ms to over 100 ms. Paused, every move of the clock is shown at once.
const PLAYING_EVERY_MS: f64 = 300.0;

/// Runs "Side by side" in `root` (the page's `section.sbs`).
pub fn attach(root: web_sys::Element) {
    let app = use_app();
    let lang = use_lang();
    // The world under the chosen alternative, with that choice; `None` while off. Not a
    // slot of its own type (it would add its own copy of the slot's code, `ui::slot`): the
    // world sits in a cell and `builds`, a counter, tells the drawing it was rebuilt.
    let second: Rc<RefCell<Option<(Alt, Simulation)>>> = Rc::default();
    let builds = Slot::new(0usize);
    let cell = Rc::clone(&second);
    crate::ui::fx::effect(move || {
        let built = app
            .compare()
            .map(|alt| (alt, app.sim().with(|a| other(a, alt))));
        if let Ok(mut slot) = cell.try_borrow_mut() {
            if built.is_some() || slot.is_some() {
                *slot = built;
                builds.set(builds.get_untracked().wrapping_add(1));
            }
        }
    });
    let el = root.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Drawn>| {
        let (mut head, mut body, last) = drawn.unwrap_or((None, None, f64::MIN));
        let (lang, alt, build) = (lang.get(), app.compare(), builds.get());
        let root = &root;
        let menu = app.sim().with(|s| choices(s.rules(), s.seed(), alt));
        let key = Some((lang, menu));
        if head != key {
            let focus = focused_act(root);
            if let (Some(mut w), Some((_, menu))) = (Dom::replacing(root, false), &key) {
                draw_head(&mut w, lang, menu);
            }
            refocus(root, focus);
            head = key;
            body = None;
        }
        // A link or Back may change the choice: the menu shows it.
        let chosen = alt.map(alt_id).unwrap_or_default();
        if let Some(select) = find(root, "select") {
            if super::dom::value(&select) != chosen {
                super::dom::set_value(&select, &chosen);
            }
        }
        let class = if alt.is_some() {
            "sbs panel on"
        } else {
            "sbs panel"
        };
        if root.get_attribute("class").as_deref() != Some(class) {
            crate::ui::dom::set(root, "class", class);
        }
        let t: Time = app.now().get();
        let ms = super::ticker::now_ms();
        let large = app.sim().with(|s| s.job_count() > LIMIT);
        if app.playing().get() && large && body.is_some() && ms - last < PLAYING_EVERY_MS {
            return (head, body, last);
        }
        let second = second.try_borrow().ok();
        let next = second.as_ref().and_then(|b| {
            let (alt, b) = b.as_ref()?;
            let key = (lang, build, app.sim().with(|a| rows(a, b, t, LIMIT)));
            if body.as_ref() != Some(&key) {
                let out = find(root, ".sbs-body").and_then(|d| Dom::replacing(&d, false));
                if let Some(mut w) = out {
                    app.sim()
                        .with(|a| draw_body(&mut w, lang, (a, b, *alt), &key.2));
                }
            }
            Some(key)
        });
        if next.is_none() && body.is_some() {
            if let Some(d) = find(root, ".sbs-body") {
                d.set_text_content(None);
            }
        }
        (head, next, ms)
    });
    let change = move |ev: leptos::ev::Event| {
        let chosen = crate::ui::dom::target(&ev).map(|el| super::dom::value(&el));
        app.set_compare(parse_alt(&chosen.unwrap_or_default()));
    };
    listen(&el, "change", false, change);
}
