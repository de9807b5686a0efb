//! The interface language as a signal.
//!
//! Kept as the language's place in `Lang::ALL` rather than as a `Lang`: a slot of a type of
//! its own would add its own copy of the slot's code (`ui::slot`); this one shares the clock
//! speed's.

use crate::ui::slot::Slot;

use crate::i18n::Lang;

#[derive(Clone, Copy)]
pub struct LangSignal(Slot<usize>);

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

fn of(i: usize) -> Lang {
    Lang::ALL.get(i).copied().unwrap_or_default()
}

impl LangSignal {
    pub fn new(lang: Lang) -> Self {
        LangSignal(Slot::new(index(lang)))
    }
    /// The language, tracked.
    pub fn get(&self) -> Lang {
        of(self.0.get())
    }
    pub fn get_untracked(&self) -> Lang {
        of(self.0.get_untracked())
    }
    pub fn set(&self, lang: Lang) {
        self.0.set(index(lang));
    }
}
