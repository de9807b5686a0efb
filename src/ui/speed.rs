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
}
