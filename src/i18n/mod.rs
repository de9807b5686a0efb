//! User-visible text, one catalogue per language, looked up by key.
//!
//! State identifiers (`Creating`, `NeverReceived`, ...) are not translated: they are what the
//! portal and the REST API show, and what the page's contract promises in the Status cells.

pub mod autosave;
pub mod azure;
pub mod compare;
mod counts;
mod diagram;
mod en;
mod fill;
mod links;
mod log;
mod nl;
mod page;
pub mod problems;
pub mod quiz;
mod refusals;
mod rules;
mod stories;
mod timeline;

pub use counts::{count, loaded, showing_latest, Noun};
pub use diagram::{after_days, dg, fires_at, why_countdown, why_state, DgText};
pub(crate) use fill::fill;
pub use links::link_problem;
pub use log::{outcome_label, source_label, subject_label, update_summary};
pub use page::{done_line, expires_in};
pub use refusals::{action_label, refusal_text, refused_line};
pub use rules::rule_text;
pub use stories::{story_summary, story_title};
pub use timeline::{
    day_label, deadline_ahead, deadline_defused, deadline_fired, event_line, lane_summary,
    lanes_range, tl, TlText,
};

/// Declares `Text` and `Text::ALL` from one list, so the list can never miss a key.
macro_rules! texts {
    ($(#[$doc:meta])* $($key:ident,)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text {
            $($key,)*
        }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];
        }
    };
}

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    pub fn t(self, key: Text) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Nl => nl::text(key),
        }
    }
}

texts! {
    /// Every piece of fixed interface text. `Text::ALL` lists them, so a test can check that
    /// each has an English and a Dutch entry.
    AppName,
    AppTagline,
    LanguageLabel,
    ArticleLink,
    JobsHeading,
    JobsTableName,
    ColName,
    ColType,
    ColStatus,
    ColStorageAccount,
    ColCreated,
    ColPercent,
    ColExpiresIn,
    ColDriveId,
    ColState,
    ColCopyStatus,
    ColVerboseLog,
    ColErrorLog,
    DrivesTableName,
    NoJobs,
    FilterLabel,
    ShowDeleted,
    Pages,
    PreviousPage,
    NextPage,
    DeletedAt,
    ClockLabel,
    ClockControls,
    DayOfScenario,
    Play,
    Pause,
    Speed,
    SpeedHour,
    SpeedSixHours,
    SpeedDay,
    SpeedWeek,
    PrevEvent,
    NextEvent,
    PlusDay,
    PlusTwoWeeks,
    PlusNinetyDays,
    GoTo,
    Go,
    Timeline,
    DetailsHeading,
    SelectAJob,
    JobNotYetCreated,
    StateEntered,
    Tracking,
    ReturnTracking,
    NextRule,
    NoTimeRule,
    FlagOverdue,
    FlagContacted,
    NoDrivesYet,
    ExtraDriveNote,
    CustomerHeading,
    EnterTracking,
    Carrier,
    TrackingNumber,
    UpdateJob,
    NewStorageAccount,
    CancelJob,
    DeleteJob,
    Refused,
    DatacenterHeading,
    Autopilot,
    AutopilotOn,
    Load,
    DatacenterLoad,
    NoTimeRuleDeleted,
    RulesHeading,
    RuleSetLabel,
    RuleSet2018,
    RuleSet2021,
    CancelWindowLabel,
    CancelCreating,
    CancelCreatingOrShipping,
    CancelBeforePackaging,
    CancelWindowNote,
    AllRules,
    OpenQuestions,
    ChoiceNeverReceived,
    ChoiceWarnings,
    ChoicePercent,
    ChoiceUpdate,
    ExceptionRate,
    Seed,
    PackageDelivered,
    ExtraDriveIds,
    DriveOperations,
    CopyOutcome,
    ArrivedLate,
    StartCopy,
    FinishCopy,
    ShipBack,
    LogHeading,
    NewestFirst,
    NothingYet,
    ScenarioHeading,
    BuiltInStories,
    PasteScenario,
    ScenarioJson,
    LoadJson,
    ShowCurrentJson,
    ScenarioRejected,
    NewJobHeading,
    Drives,
    SizeGib,
    AddDrive,
    RemoveDrive,
    CreateJob,
    JobCreated,
    Dismiss,
    LogViewerName,
    DownloadXml,
    Undo,
    TryAgain,
    TheLink,
    LinkNotOpened,
    DefaultShown,
    CurrentKept,
    SourceCustomer,
    SourceDatacenter,
    SourceAutopilot,
    SourceAutomatic,
    SubjectJob,
    SubjectDrive,
    SubjectExtraDrive,
    OutcomeClean,
    OutcomeWarnings,
    OutcomeErrors,
    ClockRestarted,
    CopyProgress,
    GoToHint,
    GoToInvalid,
    CountdownNow,
    HourUnit,
    ExpiresHint,
    Done,
    SwitchOn,
    SwitchOff,
    AutopilotSettings,
    CreatedHint,
    Projector,
    Theme,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    CopyLink,
    LinkCopied,
    CopyByHand,
    Shortcuts,
    KeySpace,
    KeyPlay,
    KeyEvents,
    KeyDays,
    KeySpeed,
    KeyProjector,
    KeyQuiz,
    KeySheet,
    KeyClose,
    KeysNote,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys whose Dutch is the same word as the English (loanwords the portal uses too, and
    /// the tables' names, which are the page's contract in every language).
    const SAME_IN_BOTH: [Text; 9] = [
        Text::JobsTableName,
        Text::DrivesTableName,
        Text::ColType,
        Text::ColStatus,
        Text::FilterLabel,
        Text::Tracking,
        Text::Seed,
        Text::ScenarioHeading,
        Text::SourceDatacenter,
    ];

    #[test]
    fn every_text_has_an_english_and_a_dutch_entry() {
        for &key in Text::ALL {
            let (en, nl) = (Lang::En.t(key), Lang::Nl.t(key));
            assert!(!en.trim().is_empty(), "{key:?} has no English");
            assert!(!nl.trim().is_empty(), "{key:?} has no Dutch");
            if !SAME_IN_BOTH.contains(&key) {
                assert_ne!(en, nl, "{key:?} is not translated");
            }
        }
    }
}
