//! The page's short sentences around the jobs table and the action buttons: what the next
//! time rule will do ("deleted in 14 d") and what an action just changed ("Done: Shipping →
//! Received"). State identifiers stay as the portal shows them.

use super::{subject_label, Lang, Text};
use crate::model::{Change, RuleId, Subject};

/// The "Expires in" cell: what the next time rule does, and in how long (`left`, already
/// written, such as "13 d 4 h").
pub fn expires_in(lang: Lang, rule: RuleId, left: &str) -> String {
    let what = match (lang, rule) {
        (Lang::En, RuleId::ShippingOverdue) => "overdue in",
        (Lang::En, RuleId::ShippingAbandoned) => "closed in",
        (Lang::En, _) => "deleted in",
        (Lang::Nl, RuleId::ShippingOverdue) => "te laat over",
        (Lang::Nl, RuleId::ShippingAbandoned) => "gesloten over",
        (Lang::Nl, _) => "verwijderd over",
    };
    format!("{what} {left}")
}

fn step(c: &Change) -> String {
    match c.from {
        Some(from) => format!("{} → {}", from.id(), c.to.id()),
        None => c.to.id().to_string(),
    }
}

/// The confirmation beside a control after its action was accepted: the job's own change
/// ("Done: Shipping → Received"), else the first drive's, else just "Done".
pub fn done_line(lang: Lang, changes: &[Change]) -> String {
    let done = lang.t(Text::Done);
    let job = changes.iter().find(|c| c.subject == Subject::Job);
    match job.or(changes.first()) {
        Some(c) if c.subject == Subject::Job => format!("{done}: {}", step(c)),
        Some(c) => format!("{done}: {} {}", subject_label(lang, &c.subject), step(c)),
        None => done.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DriveId, DriveState, JobState, StateLabel};

    #[test]
    fn the_countdown_names_what_will_happen() {
        assert_eq!(
            expires_in(Lang::En, RuleId::ShippingOverdue, "14 d"),
            "overdue in 14 d"
        );
        assert_eq!(
            expires_in(Lang::En, RuleId::ShippingAbandoned, "30 d"),
            "closed in 30 d"
        );
        assert_eq!(
            expires_in(Lang::En, RuleId::RetentionExpiry, "90 d"),
            "deleted in 90 d"
        );
        assert_eq!(
            expires_in(Lang::Nl, RuleId::CreatingExpiry, "3 d"),
            "verwijderd over 3 d"
        );
    }

    #[test]
    fn done_names_the_jobs_change_first() {
        let job = Change {
            subject: Subject::Job,
            from: Some(StateLabel::Job(JobState::Shipping)),
            to: StateLabel::Job(JobState::Received),
        };
        let Ok(id) = DriveId::parse("A1000001") else {
            panic!("a valid id")
        };
        let drive = Change {
            subject: Subject::Drive(id),
            from: Some(StateLabel::Drive(DriveState::Received)),
            to: StateLabel::Drive(DriveState::Transferring),
        };
        assert_eq!(
            done_line(Lang::En, &[drive.clone(), job]),
            "Done: Shipping → Received"
        );
        assert_eq!(
            done_line(Lang::En, &[drive]),
            "Done: drive A1000001 Received → Transferring"
        );
        assert_eq!(done_line(Lang::Nl, &[]), "Gedaan");
    }
}
