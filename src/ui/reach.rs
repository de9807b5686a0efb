//! The band of rows (or timeline lanes) kept up to date past what is on screen while the clock
//! is paused: the jobs table and the timeline each widen theirs frame by frame, by this one copy.

use crate::ui::slot::Slot;

/// How far past the view a paused clock's rows (or lanes) are brought up to date: widened by
/// `widen` frame by frame, and only for the moment `now` it was widened at.
pub(crate) type Reach = Slot<(Option<crate::model::Time>, i32)>;

/// How far `reach` reaches past the view at `now` (tracked).
#[inline(never)]
pub(crate) fn extra(reach: Reach, now: crate::model::Time) -> i32 {
    reach.with(|r| if r.0 == Some(now) { r.1 } else { 0 })
}

/// While paused, widens `reach` by `step` each frame until it passes what `limit` gives
/// (`None`: nothing to widen). One copy for the jobs table and the timeline.
#[inline(never)]
pub(crate) fn widen(
    app: crate::ui::state::AppState,
    reach: Reach,
    step: i32,
    limit: Box<dyn Fn() -> Option<usize>>,
) {
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        let extra = extra(reach, now);
        let Some(limit) = limit() else {
            return;
        };
        if app.playing().get() || usize::try_from(extra).unwrap_or(0) > limit {
            return;
        }
        crate::ui::dom::next_frame(move || {
            if app.now().get_untracked() == now {
                reach.set((Some(now), extra + step));
            }
        });
    });
}
