//! A read-only view of a signal, for state that is changed only through its owner's methods.
//!
//! Why not Leptos' `ReadSignal`: `RwSignal::read_only` hands out a second signal type whose
//! reading code is compiled again for every value type. This one reads through the owner's
//! `Slot` itself.

use super::slot::Slot;

pub struct Read<T: 'static>(Slot<T>);

impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Read<T> {}

impl<T: 'static> Read<T> {
    pub fn of(signal: Slot<T>) -> Self {
        Read(signal)
    }
    /// The value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.0.get()
    }
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.0.get_untracked()
    }
    /// `f` of the value, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(f)
    }
    /// Reruns the current effect when the value changes, without reading it.
    pub fn track(&self) {
        self.0.track();
    }
}
