//! The link the page opens with, read before the page is built: a compressed scenario link
//! (`#scenario-z=`) is inflated by the browser asynchronously, and the page must open that
//! scenario, not show the default one first (the address would be rewritten with the default's
//! link, and a reload in between would land there). So `main` awaits `prepare`, then mounts
//! `App`, which `take`s the result.

use std::cell::RefCell;

use super::autosave::{set_aside_saved, SaveProblem};
use super::compress::unpack;
use super::url_sync::{location_hash, parse_unpacked, start};
use crate::share::{hash, HashError};

/// What the page opens with.
pub struct Start {
    /// The hash: the address's, or the work saved on the last visit.
    pub link: String,
    /// Saved data that could not be used, and why.
    pub set_aside: Option<(String, SaveProblem)>,
    /// The inflated scenario of a `scenario-z=` link (or why it could not be read).
    pub unpacked: Option<Result<String, HashError>>,
}

thread_local! {
    static READY: RefCell<Option<Start>> = const { RefCell::new(None) };
}

/// Reads the start link and inflates its scenario if it is compressed. Saved work (not the
/// address) whose compressed story does not open is set aside, and the page opens as if
/// nothing had been saved.
pub async fn prepare() {
    let (mut link, mut set_aside) = start();
    let mut unpacked = unpack(&link).await;
    let address = location_hash();
    if unpacked.is_some() && link != address {
        if let Err(e) = parse_unpacked(&hash::without_view(&link), unpacked.clone()) {
            if let Some(aside) = set_aside_saved(e) {
                (link, set_aside, unpacked) = (address, Some(aside), None);
            }
        }
    }
    READY.with(|r| {
        *r.borrow_mut() = Some(Start {
            link,
            set_aside,
            unpacked,
        })
    });
}

/// The prepared start; without `prepare` (a test mounting `App` directly), the start link
/// as it is, not inflated.
pub fn take() -> Start {
    READY.with(|r| r.borrow_mut().take()).unwrap_or_else(|| {
        let (link, set_aside) = start();
        Start {
            link,
            set_aside,
            unpacked: None,
        }
    })
}
