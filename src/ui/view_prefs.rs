//! How the page looks, apart from what it shows: projector mode and the colour theme.
//! Provided once by `App`.
//!
//! The look is classes on `<html>` (`projector`, `theme-light`, `theme-dark`; style/
//! classroom.css), so every style of it lives in CSS and the page's policy needs no inline
//! style. Without a chosen theme the system's `prefers-color-scheme` decides, in CSS alone.

use crate::ui::slot::Slot;

use super::dom::Writer;
use super::storage;
use crate::i18n::{Lang, Text};

/// Where the chosen theme is remembered between visits.
const THEME_KEY: &str = "ie-lifecycle.theme";

/// The colour theme: the system's, or one chosen in the header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// Stable value for the `<select>` and for storage.
    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }

    fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Theme::System => Text::ThemeSystem,
            Theme::Light => Text::ThemeLight,
            Theme::Dark => Text::ThemeDark,
        })
    }
}

/// The theme's options in `lang`, for the header's `<select>` (which the header sets to the
/// theme in use).
pub fn draw_theme_options<W: Writer>(w: &mut W, lang: Lang) {
    for t in Theme::ALL {
        w.open("option")
            .attr("value", t.id())
            .text(t.label(lang))
            .close();
    }
}

/// The classes `<html>` carries for a look: the one place that names them.
pub fn root_class(projector: bool, theme: Theme) -> String {
    let mut out = String::new();
    if projector {
        out.push_str("projector ");
    }
    if theme != Theme::System {
        out.push_str("theme-");
        out.push_str(theme.id());
    }
    out.trim_end().to_string()
}

#[derive(Clone, Copy)]
pub struct ViewPrefs {
    projector: Slot<bool>,
    /// The theme's place in `Theme::ALL`: a slot of `Theme`'s own type would add its own
    /// copy of the slot's code (`ui::slot`); this one shares the clock speed's.
    theme: Slot<usize>,
}

fn theme_index(theme: Theme) -> usize {
    Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0)
}

impl ViewPrefs {
    /// Creates the look: projector as the link says, the theme as remembered. `App` provides
    /// it (`state::provide`); the header applies it to `<html>` (its one effect draws it and
    /// keeps the look).
    pub fn new(projector: bool) -> ViewPrefs {
        let theme = storage::read(THEME_KEY)
            .and_then(|id| Theme::from_id(&id))
            .unwrap_or_default();
        ViewPrefs {
            projector: Slot::new(projector),
            theme: Slot::new(theme_index(theme)),
        }
    }

    pub fn projector(&self) -> super::read::Read<bool> {
        super::read::Read::of(self.projector)
    }
    pub fn set_projector(&self, on: bool) {
        self.projector.set(on);
    }
    pub fn toggle_projector(&self) {
        self.projector.set(!self.projector.get_untracked());
    }

    /// The theme, tracked.
    pub fn theme(&self) -> Theme {
        Theme::ALL
            .get(self.theme.get())
            .copied()
            .unwrap_or_default()
    }
    /// Chooses a theme and remembers it (System forgets the choice).
    pub fn set_theme(&self, theme: Theme) {
        self.theme.set(theme_index(theme));
        storage::write(THEME_KEY, (theme != Theme::System).then_some(theme.id()));
    }
}

/// The look `App` provides; a missing provider is a programming error.
pub fn use_view() -> ViewPrefs {
    super::state::shared().view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_classes_name_projector_and_a_chosen_theme_only() {
        assert_eq!(root_class(false, Theme::System), "");
        assert_eq!(root_class(true, Theme::System), "projector");
        assert_eq!(root_class(true, Theme::Dark), "projector theme-dark");
        assert_eq!(root_class(false, Theme::Light), "theme-light");
        for t in Theme::ALL {
            assert_eq!(Theme::from_id(t.id()), Some(t));
        }
        assert_eq!(Theme::from_id("purple"), None);
    }
}
