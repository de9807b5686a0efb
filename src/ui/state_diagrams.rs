//! The selected job's two state machines, its state and its shown drive's state marked, and
//! the step that just happened emphasised for a moment.

use crate::ui::derived::Derived;
use crate::ui::slot::Slot;

use super::dom::{listen, Dom, Writer};
use super::state::use_app;
use super::state_diagram::{diagram, draw_frame, on_pick, Pick};
use super::use_lang;
use super::why_reason::last_change;
use crate::i18n::{dg, DgText};
use crate::model::diagram::{Machine, Node};
use crate::model::{DriveId, EventLabel, Job, Subject, Time};

/// The drive whose state the drive diagram shows: the one chosen in the Drives table (one of
/// the job's drives or an extra drive), else the job's first drive.
#[derive(Clone, Copy)]
pub struct DrivePick {
    /// The chosen drive's id as text: a slot of `DriveId`'s own type would add its own
    /// copy of the slot's code (`ui::slot`); this one shares the selection's.
    chosen: Slot<Option<String>>,
    job: Derived<Option<Job>>,
}

impl DrivePick {
    pub fn new(job: Derived<Option<Job>>) -> Self {
        let chosen = Slot::new(None::<String>);
        Self { chosen, job }
    }

    /// The shown drive, tracked. Not a memo: its readers read the job anyway, and a memo of
    /// its own type compiled Leptos' memo code once more.
    pub fn current(&self) -> Option<DriveId> {
        let chosen = self.chosen.get();
        self.job.with(|j| {
            let j = j.as_ref()?;
            // Plain loops: a chained search compiled its adapters' code of its own.
            if let Some(chosen) = chosen.as_deref() {
                for d in &j.drives {
                    if d.id.as_str() == chosen {
                        return Some(d.id.clone());
                    }
                }
                for id in &j.extra_drives {
                    if id.as_str() == chosen {
                        return Some(id.clone());
                    }
                }
            }
            j.drives.first().map(|d| d.id.clone())
        })
    }

    pub fn choose(&self, id: DriveId) {
        self.chosen.set(Some(id.as_str().to_owned()));
    }
}

/// The last step of a subject: whose (job, subject), when, and which arrow it took.
type Step = (String, Subject, Time, Pick);

/// The last accepted change of `subject` up to the clock, as the arrow it took. `subject` is
/// boxed: the search exists once for the job's diagram and the drive's.
fn last_step(
    job: Derived<Option<Job>>,
    subject: Box<dyn Fn() -> Option<Subject>>,
) -> Box<dyn Fn() -> Option<Step>> {
    let app = use_app();
    Box::new(move || {
        let name = job.with(|j| j.as_ref().map(|j| String::from(&*j.name)))?;
        let subject = subject()?;
        let now = app.now().get();
        app.sim().with(|s| {
            let (e, c) = last_change(s.job_log(&name), now, &|c| c.subject == subject)?;
            let timed = matches!(e.event, EventLabel::Auto(_));
            let pick = Pick::Arrow(Node::of(c.from), Node::of(Some(c.to)), timed);
            Some((name, subject.clone(), e.at, pick))
        })
    })
}

/// The arrow of a step that happened while this subject was shown, for 1.6 s. `step` is a
/// function, not a memo: this effect compares it with the last one anyway.
fn flash_of(step: Box<dyn Fn() -> Option<Step>>) -> super::read::Read<usize> {
    // The arrow's `Pick::code` (0: none), in a slot of the app's `usize` type.
    let flash = Slot::new(0usize);
    // How many flashes began: a flash's timer ends it only if no later one began since.
    let began = Slot::new(0usize);
    crate::ui::fx::effect_with(move |prev: Option<Option<Step>>| {
        let now = step();
        if let (Some(Some(p)), Some(n)) = (&prev, &now) {
            if p.0 == n.0 && p.1 == n.1 && n.2 > p.2 {
                flash.set(n.3.code());
                let mine = began.get_value().wrapping_add(1);
                began.set_value(mine);
                crate::ui::dom::after(1600, move || {
                    if began.try_get_value() == Some(mine) {
                        let _ = flash.try_set(0);
                    }
                });
            }
        }
        now
    });
    super::read::Read::of(flash)
}

/// The section's headings and hints and the two diagrams, drawn by `ui::dom` into `root` (a
/// `section.diagrams`).
pub fn state_diagrams(root: &web_sys::Element, job: Derived<Option<Job>>, drive: DrivePick) {
    let lang = use_lang();
    // Functions, not memos: each diagram redraws only when what it shows changed.
    let job_node = move || {
        job.with(|j| {
            j.as_ref().map(|j| match j.is_deleted() {
                true => Node::Deleted,
                false => Node::Job(j.state),
            })
        })
    };
    let drive_node = move || {
        let id = drive.current()?;
        job.with(|j| {
            let j = j.as_ref()?;
            match j.drive(&id) {
                Some(d) => Some(Node::Drive(d.state)),
                None => j
                    .extra_drives
                    .contains(&id)
                    .then(|| Node::of_extra_drives(j)),
            }
        })
    };
    let job_flash = flash_of(last_step(job, Box::new(|| Some(Subject::Job))));
    let drive_flash = flash_of(last_step(
        job,
        Box::new(move || {
            let id = drive.current()?;
            let extra = job.with(|j| j.as_ref().is_some_and(|j| j.extra_drives.contains(&id)));
            Some(match extra {
                true => Subject::ExtraDrive(id),
                false => Subject::Drive(id),
            })
        }),
    ));
    let Some(mut w) = Dom::appending(root, false) else {
        return;
    };
    frame(&mut w);
    let host = root.clone();
    crate::ui::fx::effect(move || {
        let (root, lang) = (&host, lang.get());
        let t = |key| dg(lang, key);
        let shown = drive.current();
        let mut drive_title = t(DgText::DriveStates).to_string();
        if let Some(id) = &shown {
            drive_title.push_str(&format!(" · {}: {id}", t(DgText::ShownDrive)));
        }
        let texts = [
            t(DgText::Heading),
            t(DgText::Hint),
            t(DgText::JobStates),
            drive_title.as_str(),
            t(DgText::NoDrive),
        ];
        let all = crate::ui::dom::all(root, ":scope>h3,:scope>h4,:scope>p");
        for (n, text) in all.iter().zip(texts) {
            n.set_text_content(Some(text));
        }
        if let Some(hint) = all.get(4) {
            crate::ui::dom::flag(hint, "hidden", shown.is_some());
        }
    });
    let diagrams = [
        diagram(root, Machine::Job, Box::new(job_node), job_flash),
        diagram(root, Machine::Drive, Box::new(drive_node), drive_flash),
    ];
    for event in ["click", "keydown"] {
        listen(root, event, false, move |ev| on_pick(&ev, &diagrams));
    }
}

/// The headings, the hints and the two diagrams' frames, drawn once; their texts are set in
/// place.
fn frame(w: &mut Dom) {
    w.open("h3").attr("id", "diagrams-heading").close();
    w.leaf("p", "hint", "").open("h4").close();
    draw_frame(w, Machine::Job);
    w.open("h4").close().leaf("p", "hint", "");
    draw_frame(w, Machine::Drive);
}
