//! The event log's own words: who acted, what a change is about, how a copy ended, and what
//! an UpdateJob changed. State identifiers (`Creating`, `Received`, ...) stay as they are.

use super::{Lang, Text};
use crate::model::{CopyOutcome, Job, Source};

/// Who caused an event: the customer, the datacenter, its autopilot or the clock.
pub fn source_label(lang: Lang, source: Source) -> &'static str {
    lang.t(match source {
        Source::Customer => Text::SourceCustomer,
        Source::Datacenter => Text::SourceDatacenter,
        Source::Autopilot => Text::SourceAutopilot,
        Source::Automatic => Text::SourceAutomatic,
    })
}

/// How a finished copy went, as the outcome menu offers it.
pub fn outcome_label(lang: Lang, outcome: CopyOutcome) -> &'static str {
    lang.t(match outcome {
        CopyOutcome::Clean => Text::OutcomeClean,
        CopyOutcome::Warnings => Text::OutcomeWarnings,
        CopyOutcome::Errors => Text::OutcomeErrors,
    })
}

/// What a change is about: "job", "drive 9CA995BB", "extra drive X0000001".
pub fn subject_label(lang: Lang, subject: &crate::model::Subject) -> String {
    use crate::model::Subject;
    match subject {
        Subject::Job => lang.t(Text::SubjectJob).to_string(),
        Subject::Drive(id) => format!("{} {id}", lang.t(Text::SubjectDrive)),
        Subject::ExtraDrive(id) => format!("{} {id}", lang.t(Text::SubjectExtraDrive)),
    }
}

/// What an accepted UpdateJob did: the storage account if it changed, and always the
/// restarted 14 days of R2 (an update changes no state, so the log has no "from → to").
pub fn update_summary(lang: Lang, before: Option<&Job>, after: &Job) -> String {
    let account = before
        .filter(|b| b.storage_account != after.storage_account)
        .map(|b| {
            let label = match lang {
                Lang::En => "storage account",
                Lang::Nl => "opslagaccount",
            };
            format!("{label} {} → {}", b.storage_account, after.storage_account)
        });
    let clock = lang.t(Text::ClockRestarted);
    match account {
        Some(account) => crate::text::concat(&[&account, "; ", clock]),
        None => clock.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{preset, Simulation};
    use chrono::TimeDelta;

    #[test]
    fn an_update_says_what_changed() {
        let Some(scenario) = preset("abandoned") else {
            panic!("preset exists")
        };
        let sim = Simulation::new(scenario).expect("the test scenario loads");
        let t = sim.start() + TimeDelta::days(1);
        let jobs = sim.jobs_at(t);
        let Some(before) = jobs.first() else {
            panic!("a job")
        };
        let mut after = before.clone();
        after.storage_account = "newstore".into();
        assert_eq!(
            update_summary(Lang::En, Some(before), &after),
            format!(
                "storage account {} → newstore; 14-day clock restarted",
                before.storage_account
            )
        );
        assert_eq!(
            update_summary(Lang::Nl, Some(before), before),
            "klok van 14 dagen opnieuw gestart"
        );
    }

    #[test]
    fn log_words_are_translated() {
        assert_eq!(source_label(Lang::Nl, Source::Customer), "Klant");
        assert_eq!(outcome_label(Lang::Nl, CopyOutcome::Errors), "met fouten");
        assert_eq!(subject_label(Lang::Nl, &crate::model::Subject::Job), "taak");
    }
}
