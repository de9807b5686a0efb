//! The UI's signals and stored values, all on one Leptos signal type.
//!
//! Why not `RwSignal<T>` and `StoredValue<T>`: Leptos compiles its signal code (reading,
//! tracking, updating, the guards and their drops) once per value type, about 1.5 KB of wasm
//! for each of the twenty-odd types the views kept. A `Slot<T>` keeps its value in an
//! `Rc<RefCell<Box<dyn Held>>>` inside one `RwSignal` of that single type: Leptos' code exists
//! once, and each value type adds only a borrow. A slot that is only read untracked
//! is a stored value (notifying a signal nobody tracks costs nothing). The value sits in a box
//! of its own, so that setting it is one non-generic call (`put`) with the new box: a `set`
//! written per value type (borrow, type check, drop of the old value) cost about 250 bytes of
//! wasm for each of them.
//!
//! The box is a `dyn Held`, not a `dyn Any`: `Any` would keep, for each value type, its type id
//! (16 random bytes, which gzip cannot shrink) and its check at every read and update (about
//! 160 reads in the wasm). A `Slot<T>` only ever holds a `T` (below), so the check could never
//! fail; the value is read back by a pointer cast instead.

use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::rc::Rc;

use leptos::prelude::{GetUntracked, LocalStorage, Notify, RwSignal, Track};

/// Any value, its type forgotten: a box of it keeps only its drop (and size).
pub(super) trait Held {}

impl<T> Held for T {}

/// `held` as the `T` it is.
///
/// # Safety
/// `held` must be a `T`. A slot's box is only ever made from its own `T` (`Slot::new`,
/// `Slot::set`, `Slot::try_set`; the cell is private), and a `ui::derived` memo's value only by
/// its own `T`'s function.
pub(super) unsafe fn as_ref<T>(held: &dyn Held) -> &T {
    // SAFETY: the caller's promise; the data pointer of a `&dyn Held` made from a `&T` is it.
    unsafe { &*(held as *const dyn Held).cast::<T>() }
}

/// A slot's value and how it is lent out: the number of readers, or -1 while it changes.
///
/// What `RefCell` counts, counted here so that lending the value out and taking it back are
/// one non-generic call each (`lend`, `give_back`): `RefCell`'s guard and its release were
/// compiled into every one of the ~140 reads and updates. As with `RefCell`, a change while
/// the value is read, or a read while it changes, panics. A read or update whose `f` panics
/// leaves the value lent (`RefCell` would give it back while unwinding); the release build
/// aborts on a panic anyway.
struct Place {
    lent: std::cell::Cell<isize>,
    value: UnsafeCell<Box<dyn Held>>,
}

type Cell = Rc<Place>;

pub struct Slot<T: 'static> {
    cell: RwSignal<Cell, LocalStorage>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Slot<T> {}

#[inline(never)]
fn made(value: Box<dyn Held>) -> RwSignal<Cell, LocalStorage> {
    RwSignal::new_local(Rc::new(Place {
        lent: std::cell::Cell::new(0),
        value: UnsafeCell::new(value),
    }))
}

/// The slot's cell, the slot tracked first if `tracked`; `None` once its owner is gone.
#[inline(never)]
fn cell_of(sig: RwSignal<Cell, LocalStorage>, tracked: bool) -> Option<Cell> {
    if tracked {
        sig.track();
    }
    sig.try_get_untracked()
}

/// The slot's place, lent for reading (`write`: for changing) until `give_back`; `None` once
/// the owner is gone. One thin pointer is handed back (the `Rc` kept alive through it), not a
/// pair: a pair comes back through memory, and every read and update compiled a stack frame
/// for it.
#[inline(never)]
fn lend(sig: RwSignal<Cell, LocalStorage>, tracked: bool, write: bool) -> Option<NonNull<Place>> {
    let place = cell_of(sig, tracked)?;
    let readers = place.lent.get();
    if readers < 0 || (write && readers > 0) {
        lent_out();
    }
    place.lent.set(if write { -1 } else { readers + 1 });
    NonNull::new(Rc::into_raw(place).cast_mut())
}

/// `lend` for reading a slot whose app must still be there (`gone` otherwise): the check is
/// made here once, not after every read.
#[inline(never)]
fn lend_live(sig: RwSignal<Cell, LocalStorage>, tracked: bool) -> NonNull<Place> {
    match lend(sig, tracked, false) {
        Some(lent) => lent,
        None => gone(),
    }
}

/// Where the value of a place `lend` lent sits, as a `T`.
///
/// # Safety
/// `place` must be lent by `lend` and not yet given back, and its box must hold a `T`.
#[inline(always)]
unsafe fn value_at<T>(place: NonNull<Place>) -> *mut T {
    // SAFETY: the caller's promise: `place` is alive (its `Rc` is kept by the loan). No
    // reference is made to the box, only the address of the boxed value read from it (the box
    // itself is replaced only while lent for changing, by `put`).
    unsafe { (&raw mut **(*place.as_ptr()).value.get()).cast::<T>() }
}

/// Takes back what `lend` lent (`write`: for changing).
#[inline(never)]
fn give_back(place: NonNull<Place>, write: bool) {
    // SAFETY: made by `Rc::into_raw` in `lend`, and given back once.
    let place = unsafe { Rc::from_raw(place.as_ptr().cast_const()) };
    let readers = place.lent.get();
    place.lent.set(if write { 0 } else { readers - 1 });
}

/// Takes back what `lend` lent for changing, and wakes whoever tracks the slot if `changed`.
#[inline(never)]
fn changed_back(place: NonNull<Place>, sig: RwSignal<Cell, LocalStorage>, changed: bool) {
    give_back(place, true);
    if changed {
        notify(sig);
    }
}

/// A slot changed while it was read, or read while it changed (what `RefCell` calls already
/// borrowed): a programming error, which the panic banner shows.
#[cold]
#[inline(never)]
fn lent_out() -> ! {
    panic!("a value of the app was used while it changed")
}

#[inline(never)]
fn notify(sig: RwSignal<Cell, LocalStorage>) {
    sig.notify();
}

/// Replaces the slot's value by `value` (of the slot's type) and wakes whoever tracks it;
/// `None` once the owner is gone.
#[inline(never)]
fn put(sig: RwSignal<Cell, LocalStorage>, value: Box<dyn Held>) -> Option<()> {
    let place = lend(sig, false, true)?;
    // SAFETY: lent for changing (the place alive through the loan): nobody holds a reference
    // to the old value, which is dropped.
    unsafe { *(*place.as_ptr()).value.get() = value };
    changed_back(place, sig, true);
    Some(())
}

/// A slot (or a `ui::derived` memo) read after its app was dropped, as a disposed `RwSignal`
/// or `Memo` panics: a programming error, which the panic banner shows.
#[cold]
#[inline(never)]
pub(super) fn gone() -> ! {
    panic!("a value of the app was used after the app was dropped")
}

impl<T: 'static> Slot<T> {
    pub fn new(value: T) -> Self {
        Slot {
            cell: made(Box::new(value)),
            ty: PhantomData,
        }
    }

    fn read<U>(&self, tracked: bool, f: impl FnOnce(&T) -> U) -> U {
        let place = lend_live(self.cell, tracked);
        // SAFETY: lent for reading until `give_back`; this slot's box holds a `T` (`as_ref`).
        let out = f(unsafe { &*value_at::<T>(place) });
        give_back(place, false);
        out
    }

    /// `f` of the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.read(true, f)
    }
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.read(false, f)
    }
    /// The value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }
    /// Reruns the current effect when the value changes, without reading it.
    pub fn track(&self) {
        self.cell.track();
    }

    /// Changes the value by `f`, which says whether it changed: only then is anyone woken.
    /// `None` once the owner is gone.
    pub fn try_maybe_update<U>(&self, f: impl FnOnce(&mut T) -> (bool, U)) -> Option<U> {
        let place = lend(self.cell, false, true)?;
        // SAFETY: lent for changing until `changed_back`; this slot's box holds a `T`
        // (`as_ref`).
        let (changed, out) = f(unsafe { &mut *value_at::<T>(place) });
        changed_back(place, self.cell, changed);
        Some(out)
    }
    /// Changes the value by `f` and wakes whoever tracks it.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.try_maybe_update(|v| (true, f(v)));
    }
    /// Changes the value by `f`, returning what `f` returns (`None` once the owner is gone).
    pub fn try_update<U>(&self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
        self.try_maybe_update(|v| (true, f(v)))
    }
    pub fn set(&self, value: T) {
        put(self.cell, Box::new(value));
    }

    // `StoredValue`'s names, for the slots that are only ever read untracked.
    pub fn with_value<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.with_untracked(f)
    }
    pub fn get_value(&self) -> T
    where
        T: Clone,
    {
        self.get_untracked()
    }
    pub fn set_value(&self, value: T) {
        self.set(value);
    }
    pub fn update_value(&self, f: impl FnOnce(&mut T)) {
        self.update(f);
    }
    pub fn try_update_value<U>(&self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
        self.try_update(f)
    }
    /// The value, or `None` once the owner is gone (for timers that may outlive the app).
    pub fn try_get_value(&self) -> Option<T>
    where
        T: Clone,
    {
        let place = lend(self.cell, false, false)?;
        // SAFETY: lent for reading until `give_back`; this slot's box holds a `T` (`as_ref`).
        let copy = unsafe { &*value_at::<T>(place) }.clone();
        give_back(place, false);
        Some(copy)
    }
    /// Sets the value; `None` once the owner is gone.
    pub fn try_set(&self, value: T) -> Option<()> {
        put(self.cell, Box::new(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::derived::Derived;
    use leptos::prelude::Owner;
    use std::cell::Cell as Count;

    /// Counts its drops, to check that a replaced or dropped value is dropped exactly once.
    struct Dropped<'a>(&'a Count<u32>, String);

    impl Drop for Dropped<'_> {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn slots_of_several_types_read_back_what_was_set_and_updated() {
        let owner = Owner::new();
        owner.set();
        let (text, list, pair) = (
            Slot::new(String::from("a")),
            Slot::new(vec![1u64, 2, 3]),
            Slot::new((7i32, -7i32)),
        );
        text.update(|t| t.push('b'));
        list.set(vec![4, 5]);
        assert_eq!(text.get_untracked(), "ab");
        assert_eq!(list.with_untracked(|l| l.iter().sum::<u64>()), 9);
        assert_eq!(pair.try_get_value(), Some((7, -7)));
        assert_eq!(pair.try_update(|p| std::mem::replace(&mut p.0, 1)), Some(7));
        assert_eq!(pair.get_untracked(), (1, -7));
    }

    #[test]
    fn a_replaced_value_is_dropped_once_and_the_new_one_kept() {
        let drops = Box::leak(Box::new(Count::new(0)));
        let owner = Owner::new();
        owner.set();
        let slot = Slot::new(Dropped(drops, "first".into()));
        slot.set(Dropped(drops, "second".into()));
        assert_eq!(drops.get(), 1);
        assert_eq!(slot.with_untracked(|d| d.1.clone()), "second");
    }

    #[test]
    #[should_panic(expected = "while it changed")]
    fn a_slot_changed_while_it_is_read_panics() {
        let owner = Owner::new();
        owner.set();
        let slot = Slot::new(1u8);
        slot.with_untracked(|_| slot.set(2));
    }

    #[test]
    fn readers_may_nest_and_a_change_after_them_is_seen() {
        let owner = Owner::new();
        owner.set();
        let slot = Slot::new(String::from("a"));
        let both = slot.with_untracked(|a| slot.with_untracked(|b| format!("{a}{b}")));
        slot.set(both);
        assert_eq!(slot.get_untracked(), "aa");
    }

    #[test]
    fn a_derived_value_reads_back_as_computed() {
        let owner = Owner::new();
        owner.set();
        let source = Slot::new(2usize);
        let doubled = Derived::new(move || vec![String::from("x"); source.get() * 2]);
        assert_eq!(doubled.with_untracked(Vec::len), 4);
        source.set(3);
        assert_eq!(doubled.with_untracked(Vec::len), 6);
    }
}
