//! The UI's memos, all on one Leptos memo type (what `ui::slot` does for signals).
//!
//! Why not `Memo<T>`: Leptos compiles its memo code (the node, its checks and updates, the
//! guards) once per value type, for each of the five types the views kept. A `Derived<T>`
//! keeps its value in an `Arc<dyn Held>` inside one `Memo` of that single type: Leptos' code
//! exists once, and each value type adds only its comparison. Like a memo, it recomputes when
//! read after a change, and wakes its readers only when the value changed. The value is read
//! back without a type check, as in `ui::slot` (which says why).

use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::{GetUntracked, Memo, Track};

use super::slot::{as_ref, gone, Held};

type Shared = Arc<dyn Held + Send + Sync>;
type Compute = Box<dyn Fn(Option<Shared>) -> (Shared, bool) + Send + Sync>;

pub struct Derived<T: 'static> {
    memo: Memo<Shared>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

#[inline(never)]
fn made(compute: Compute) -> Memo<Shared> {
    Memo::new_owning(compute)
}

thread_local! {
    /// The values being read, kept alive until their reads end (reads nest, so the last one
    /// kept is the first one let go).
    static KEPT: std::cell::RefCell<Vec<Shared>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where the memo's value is, the memo tracked first if `tracked`; `gone` once its owner is
/// gone. The value is kept alive until `let_go`, so that one thin pointer is handed back: a
/// pair of the value and its address came back through memory, and every read compiled a stack
/// frame for it. The address is found here, once, not at every read (an `Arc<dyn _>`'s value
/// sits after its counts, aligned as its type says).
#[inline(never)]
fn value_live(memo: Memo<Shared>, tracked: bool) -> *const () {
    if tracked {
        memo.track();
    }
    let Some(value) = memo.try_get_untracked() else {
        gone()
    };
    let at = Arc::as_ptr(&value).cast::<()>();
    KEPT.with_borrow_mut(|kept| kept.push(value));
    at
}

/// Ends the last read `value_live` began: its value is no longer kept alive by it.
#[inline(never)]
fn let_go() {
    let last = KEPT.with_borrow_mut(Vec::pop);
    drop(last);
}

impl<T: PartialEq + Send + Sync + 'static> Derived<T> {
    /// `f`'s value, computed again when a signal it read changed, like `Memo::new`.
    pub fn new(f: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Derived {
            memo: made(Box::new(move |old: Option<Shared>| {
                let new = f();
                match old {
                    // SAFETY: this memo's values are all made here, from a `T`.
                    Some(old) if unsafe { as_ref::<T>(&*old) } == &new => (old, false),
                    _ => (Arc::new(new), true),
                }
            })),
            ty: PhantomData,
        }
    }
}

impl<T: 'static> Derived<T> {
    fn read<U>(&self, tracked: bool, f: impl FnOnce(&T) -> U) -> U {
        let at = value_live(self.memo, tracked);
        // SAFETY: `at` is the value kept alive until `let_go`, and this memo's values are all
        // made by `new`, from a `T`.
        let out = f(unsafe { &*at.cast::<T>() });
        let_go();
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
}
