//! How fast the simulated clock runs while playing.

/// Simulated time per real second while playing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Speed {
    Hour,
    SixHours,
    #[default]
    Day,
    Week,
}

impl Speed {
    pub const ALL: [Speed; 4] = [Speed::Hour, Speed::SixHours, Speed::Day, Speed::Week];

    pub fn per_second(self) -> chrono::TimeDelta {
        match self {
            Speed::Hour => chrono::TimeDelta::hours(1),
            Speed::SixHours => chrono::TimeDelta::hours(6),
            Speed::Day => chrono::TimeDelta::days(1),
            Speed::Week => chrono::TimeDelta::weeks(1),
        }
    }

    /// Stable value for the `<select>`.
    pub fn id(self) -> &'static str {
        match self {
            Speed::Hour => "1h",
            Speed::SixHours => "6h",
            Speed::Day => "1d",
            Speed::Week => "1w",
        }
    }

    /// The next step up, or this one at the top (the `+` key).
    pub fn faster(self) -> Speed {
        self.step(1)
    }

    /// The next step down, or this one at the bottom (the `-` key).
    pub fn slower(self) -> Speed {
        self.step(-1)
    }

    fn step(self, by: isize) -> Speed {
        let i = Speed::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let j = (i + by).clamp(0, Speed::ALL.len() as isize - 1) as usize;
        Speed::ALL.get(j).copied().unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Speed;

    #[test]
    fn speed_steps_up_and_down_and_stops_at_the_ends() {
        assert_eq!(Speed::Day.faster(), Speed::Week);
        assert_eq!(Speed::Week.faster(), Speed::Week);
        assert_eq!(Speed::SixHours.slower(), Speed::Hour);
        assert_eq!(Speed::Hour.slower(), Speed::Hour);
    }
}
