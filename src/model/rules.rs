//! Rule identifiers and rule-set parameters. The transitions themselves live in
//! `transition.rs`; this file only names the rules so the log, the UI and the tests agree.

use super::states::JobState;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One variant per documented rule. The `id` strings are stable forever: saved scenarios,
/// shared links and tests refer to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RuleId {
    /// The log only moves forward: an event may not be older than the job's last change.
    TimeOrder,
    JobCreated,
    CreatingExpiry,
    TrackingEntered,
    PackageDelivered,
    ShippingOverdue,
    ShippingAbandoned,
    LateDrive,
    CopyStarted,
    CopyFinished,
    ShippedBack,
    RetentionExpiry,
    CustomerDelete,
    Cancel,
    Percent,
}

impl RuleId {
    pub const ALL: [Self; 15] = [
        Self::TimeOrder,
        Self::JobCreated,
        Self::CreatingExpiry,
        Self::TrackingEntered,
        Self::PackageDelivered,
        Self::ShippingOverdue,
        Self::ShippingAbandoned,
        Self::LateDrive,
        Self::CopyStarted,
        Self::CopyFinished,
        Self::ShippedBack,
        Self::RetentionExpiry,
        Self::CustomerDelete,
        Self::Cancel,
        Self::Percent,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::TimeOrder => "R0",
            Self::JobCreated => "R1",
            Self::CreatingExpiry => "R2",
            Self::TrackingEntered => "R3",
            Self::PackageDelivered => "R4",
            Self::ShippingOverdue => "R5a",
            Self::ShippingAbandoned => "R5b",
            Self::LateDrive => "R6",
            Self::CopyStarted => "R7",
            Self::CopyFinished => "R8",
            Self::ShippedBack => "R9",
            Self::RetentionExpiry => "R10",
            Self::CustomerDelete => "R11",
            Self::Cancel => "R12",
            Self::Percent => "R13",
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which version of Microsoft's article the simulator follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RuleSet {
    /// The source article (2018): no cancel.
    #[default]
    #[serde(rename = "2018")]
    Y2018,
    /// Later articles: adds the Canceled state.
    #[serde(rename = "2021")]
    Y2021,
}

impl RuleSet {
    pub const ALL: [Self; 2] = [Self::Y2018, Self::Y2021];

    pub fn id(self) -> &'static str {
        match self {
            Self::Y2018 => "2018",
            Self::Y2021 => "2021",
        }
    }
}

/// Microsoft's articles give three different cancel windows; the simulator lets you pick.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CancelWindow {
    /// 2017 article: any time before Packaging.
    #[serde(rename = "before-packaging")]
    BeforePackaging,
    /// 2021 FAQ: while Creating or Shipping.
    #[serde(rename = "creating-or-shipping")]
    CreatingOrShipping,
    /// 2023 article (the newest wording): only while Creating.
    #[default]
    #[serde(rename = "creating")]
    CreatingOnly,
}

impl CancelWindow {
    pub const ALL: [Self; 3] = [
        Self::BeforePackaging,
        Self::CreatingOrShipping,
        Self::CreatingOnly,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Self::BeforePackaging => "before-packaging",
            Self::CreatingOrShipping => "creating-or-shipping",
            Self::CreatingOnly => "creating",
        }
    }

    pub fn allows(self, state: JobState) -> bool {
        match state {
            JobState::Creating => true,
            JobState::Shipping => matches!(self, Self::CreatingOrShipping | Self::BeforePackaging),
            JobState::Received | JobState::Transferring => matches!(self, Self::BeforePackaging),
            JobState::Packaging | JobState::Completed | JobState::Closed | JobState::Canceled => {
                false
            }
        }
    }
}

/// The parameters the machine depends on; everything else is fixed by the rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rules {
    pub set: RuleSet,
    pub cancel_window: CancelWindow,
}

impl Rules {
    pub fn new(set: RuleSet, cancel_window: CancelWindow) -> Self {
        Self { set, cancel_window }
    }

    pub fn can_cancel(self) -> bool {
        matches!(self.set, RuleSet::Y2021)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique() {
        let mut ids: Vec<_> = RuleId::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RuleId::ALL.len());
    }

    #[test]
    fn cancel_windows_nest() {
        for s in JobState::ALL {
            if CancelWindow::CreatingOnly.allows(s) {
                assert!(CancelWindow::CreatingOrShipping.allows(s));
            }
            if CancelWindow::CreatingOrShipping.allows(s) {
                assert!(CancelWindow::BeforePackaging.allows(s));
            }
        }
    }
}
