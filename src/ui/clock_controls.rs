//! Play/pause, speed, step to the next or previous event, the jumps and "Go to": the clock
//! bar's controls (`clock_bar.rs` writes their values and handles them by `data-act`).

use super::dom::Writer;
use super::go_to::draw_go_to;
use super::state::Speed;
use crate::i18n::{Lang, Text};

/// A button that acts by its `data-act`.
fn button<W: Writer>(w: &mut W, class: &str, act: &str, text: &str) {
    w.open("button");
    if !class.is_empty() {
        w.attr("class", class);
    }
    w.attr("data-act", act).text(text).close();
}

/// The controls in `lang`; the play button's word and `aria-pressed`, the speed chosen and
/// which steps are possible are the bar's values.
pub fn draw_controls<W: Writer>(w: &mut W, lang: Lang) {
    w.open("div")
        .attr("class", "clock-controls")
        .attr("role", "group")
        .attr("aria-label", lang.t(Text::ClockControls))
        .open("button")
        .attr("class", "primary play")
        .attr("data-testid", "play")
        .attr("data-act", "play")
        .attr("aria-pressed", "false")
        .text("")
        .close()
        .open("label")
        .attr("class", "speed")
        .text(lang.t(Text::Speed))
        .text(" ")
        .open("select")
        .attr("data-testid", "speed")
        .attr("data-act", "speed");
    for s in Speed::ALL {
        w.open("option")
            .attr("value", s.id())
            .text(speed_label(lang, s))
            .close();
    }
    w.close().close();
    button(w, "extra", "prev", lang.t(Text::PrevEvent));
    w.open("button")
        .attr("data-testid", "next-event")
        .attr("data-act", "next")
        .text(lang.t(Text::NextEvent))
        .close();
    // "extra": hidden while the bar is compact. `data-act` is the number of days.
    w.open("span").attr("class", "jumps extra");
    button(w, "", "1", lang.t(Text::PlusDay));
    button(w, "", "14", lang.t(Text::PlusTwoWeeks));
    button(w, "", "90", lang.t(Text::PlusNinetyDays));
    w.close();
    draw_go_to(w, lang);
    w.close();
}

fn speed_label(lang: Lang, s: Speed) -> &'static str {
    lang.t(match s {
        Speed::Hour => Text::SpeedHour,
        Speed::SixHours => Text::SpeedSixHours,
        Speed::Day => Text::SpeedDay,
        Speed::Week => Text::SpeedWeek,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::dom::Outline;

    #[test]
    fn the_controls_name_each_action_and_every_speed() {
        let mut o = Outline::default();
        draw_controls(&mut o, Lang::En);
        for part in [
            "data-testid=\"play\"",
            "<option value=\"1w\">",
            "data-act=\"prev\"",
            "data-act=\"next\"",
            "data-act=\"14\">+14 days</button>",
            "<button type=\"submit\">Go</button>",
            "id=\"go-to-error\"",
        ] {
            assert!(o.out.contains(part), "{part} in {}", o.out);
        }
    }
}
