//! User-visible text, one catalogue per language, looked up by key.
//!
//! State identifiers (`Creating`, `NeverReceived`, ...) are not translated: they are what the
//! portal and the REST API show, and what the page's contract promises in the Status cells.

mod en;
mod nl;
mod refusals;
mod rules;

pub use refusals::{refusal_text, refused_line};
pub use rules::rule_text;

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

/// Every piece of fixed interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    AppName,
    AppTagline,
    LanguageLabel,
    ArticleLink,
    JobsHeading,
    JobsTableName,
    JobsCount,
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
    ShowingLatest,
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
}
