//! Quiz mode's questions: the next step of the story that changes a job's status, asked just
//! before it happens; or, where a step moves only a drive (the job's status stays), the drive's
//! state. The choices are the model's own states, the answer is what the engine's log says
//! happened, and the rule is the one the engine applied: the quiz cannot disagree with the
//! simulation.

use chrono::TimeDelta;

use super::engine::Simulation;
use crate::model::{
    DriveId, DriveState, EventLabel, JobState, RuleId, RuleSet, StateLabel, Subject, Time,
};

/// How long before the step the clock stops to ask.
pub const ASK_BEFORE: TimeDelta = TimeDelta::seconds(1);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The step's place in the world's log: the next question starts after it, so a second
    /// step at the same instant is asked too.
    pub seq: usize,
    pub job: String,
    /// The drive asked about, when the step moves a drive and not the job's status.
    pub drive: Option<DriveId>,
    /// When the step happens.
    pub at: Time,
    pub event: EventLabel,
    /// The rule that decides the answer.
    pub rule: RuleId,
    /// The status before the step, and after it (the answer).
    pub before: &'static str,
    pub answer: &'static str,
    /// Every status a job can have under the world's rules (or every drive state), in
    /// lifecycle order.
    pub choices: Vec<&'static str>,
}

/// The statuses a job can have: its states (Canceled only under the 2021 rules), then Deleted.
pub fn choices(set: RuleSet) -> Vec<&'static str> {
    // A plain loop: the filter-map-chain pipeline compiled its own `next` and `size_hint`.
    let mut out = Vec::new();
    for s in JobState::ALL {
        if s != JobState::Canceled || set == RuleSet::Y2021 {
            out.push(s.id());
        }
    }
    out.push(StateLabel::Deleted.id());
    out
}

/// The states a drive can be in, in lifecycle order.
pub fn drive_choices() -> Vec<&'static str> {
    DriveState::ALL.into_iter().map(DriveState::id).collect()
}

/// The first step after `now` (strictly) that changes some job's status, or failing that in the
/// same step, one of its drives' states (an extra drive has no state to ask about). With
/// `after`, the last step asked (its `seq`) while the clock still stands at it: the steps at
/// that same instant which come after it in the log are next.
pub fn next_question(sim: &Simulation, now: Time, after: Option<usize>) -> Option<Question> {
    let log = sim.full_log();
    let mut from = log.partition_point(|e| e.at <= now);
    if let Some(i) = after.filter(|&i| log.get(i).is_some_and(|e| e.at == now)) {
        from = i + 1;
    }
    log.get(from..)?.iter().zip(from..).find_map(|(e, seq)| {
        let changes = e.outcome.as_ref().ok()?;
        let (drive, change, choices) = match changes.iter().find(|c| c.subject == Subject::Job) {
            Some(c) => (None, c, choices(sim.rules().set)),
            None => changes.iter().find_map(|c| match &c.subject {
                Subject::Drive(id) => Some((Some(id.clone()), c, drive_choices())),
                Subject::Job | Subject::ExtraDrive(_) => None,
            })?,
        };
        Some(Question {
            seq,
            job: e.job.clone(),
            drive,
            at: e.at,
            event: e.event,
            rule: e.rule,
            before: change.from.map_or("—", StateLabel::id),
            answer: change.to.id(),
            choices,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sim::presets::loaded as sim;

    /// What the question is about at `t`: the job's status, or its drive's state.
    fn shown(s: &Simulation, q: &Question, t: Time) -> Option<&'static str> {
        let j = s.job_at(&q.job, t)?;
        Some(match &q.drive {
            Some(id) => j.drives.iter().find(|d| &d.id == id)?.state.id(),
            None if j.is_deleted() => "Deleted",
            None => j.state.id(),
        })
    }

    fn walk(name: &str) -> Vec<(Option<String>, &'static str)> {
        let s = sim(name);
        let mut now = s.start();
        let mut after = None;
        let mut answers = Vec::new();
        while let Some(q) = next_question(&s, now, after) {
            assert!(q.at > now || after.is_some_and(|a| q.seq > a && q.at == now));
            assert!(q.choices.contains(&q.answer) && q.choices.contains(&q.before));
            // Just before the step it is still in `before`; at `at` it is in `answer`.
            assert_eq!(shown(&s, &q, q.at - ASK_BEFORE), Some(q.before), "{q:?}");
            assert_eq!(shown(&s, &q, q.at), Some(q.answer), "{q:?}");
            answers.push((q.drive.map(|d| d.to_string()), q.answer));
            now = q.at;
            after = Some(q.seq);
        }
        answers
    }

    #[test]
    fn the_questions_walk_the_story_and_their_answers_are_the_engines() {
        let answers = walk("happy-import");
        let job: Vec<_> = answers
            .iter()
            .filter(|(d, _)| d.is_none())
            .map(|(_, a)| *a)
            .collect();
        assert_eq!(
            job,
            [
                "Shipping",
                "Received",
                "Transferring",
                "Packaging",
                "Completed",
                "Deleted"
            ]
        );
    }

    #[test]
    fn a_step_that_moves_only_a_drive_asks_about_the_drive() {
        // In never-arrives the drives become NeverReceived while the job stays in Shipping
        // until it is closed: that step is asked about the drive, with the drive states.
        let s = sim("never-arrives");
        let answers = walk("never-arrives");
        let drive = answers.iter().find(|(d, _)| d.is_some());
        assert_eq!(drive.map(|(_, a)| *a), Some("NeverReceived"), "{answers:?}");
        let q = std::iter::successors(next_question(&s, s.start(), None), |q| {
            next_question(&s, q.at, Some(q.seq))
        })
        .find(|q| q.drive.is_some());
        assert_eq!(q.map(|q| q.choices), Some(drive_choices()));
    }

    #[test]
    fn two_steps_at_the_same_instant_are_both_asked() {
        // In cancel-2021, cancel-me is canceled and too-late gets its tracking at the same
        // minute: after the first answer the clock stands at that minute, and the second is
        // still asked.
        let s = sim("cancel-2021");
        let asked: Vec<_> = std::iter::successors(next_question(&s, s.start(), None), |q| {
            next_question(&s, q.at, Some(q.seq))
        })
        .map(|q| (q.job, q.at))
        .collect();
        let t = crate::model::rfc3339::parse_rfc3339("2026-01-06T09:00:00Z");
        for job in ["cancel-me", "too-late"] {
            assert!(
                asked.iter().any(|(j, at)| j == job && Some(*at) == t),
                "{job}: {asked:?}"
            );
        }
        // Every step after the start that changes a status is asked, once.
        let steps = s
            .full_log()
            .iter()
            .filter(|e| e.at > s.start() && e.outcome.as_ref().is_ok_and(|c| !c.is_empty()))
            .count();
        assert_eq!(asked.len(), steps);
    }

    #[test]
    fn canceled_is_a_choice_only_under_the_2021_rules() {
        assert!(!choices(RuleSet::Y2018).contains(&"Canceled"));
        assert!(choices(RuleSet::Y2021).contains(&"Canceled"));
        assert_eq!(choices(RuleSet::Y2018).last(), Some(&"Deleted"));
    }
}
