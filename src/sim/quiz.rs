//! Quiz mode's questions: the next step of the story that changes a job's status, asked just
//! before it happens. The choices are the model's own states, the answer is what the engine's
//! log says happened, and the rule is the one the engine applied: the quiz cannot disagree
//! with the simulation.

use chrono::TimeDelta;

use super::engine::Simulation;
use crate::model::{EventLabel, JobState, RuleId, RuleSet, StateLabel, Subject, Time};

/// How long before the step the clock stops to ask.
pub const ASK_BEFORE: TimeDelta = TimeDelta::seconds(1);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub job: String,
    /// When the step happens.
    pub at: Time,
    pub event: EventLabel,
    /// The rule that decides the answer.
    pub rule: RuleId,
    /// The status before the step, and after it (the answer).
    pub before: &'static str,
    pub answer: &'static str,
    /// Every status a job can have under the world's rules, in lifecycle order.
    pub choices: Vec<&'static str>,
}

/// The statuses a job can have: its states (Canceled only under the 2021 rules), then Deleted.
pub fn choices(set: RuleSet) -> Vec<&'static str> {
    JobState::ALL
        .into_iter()
        .filter(|s| *s != JobState::Canceled || set == RuleSet::Y2021)
        .map(JobState::id)
        .chain([StateLabel::Deleted.id()])
        .collect()
}

/// The first step after `now` (strictly) that changes some job's status.
pub fn next_question(sim: &Simulation, now: Time) -> Option<Question> {
    let log = sim.full_log();
    let from = log.partition_point(|e| e.at <= now);
    log[from..].iter().find_map(|e| {
        let change = e
            .outcome
            .as_ref()
            .ok()?
            .iter()
            .find(|c| c.subject == Subject::Job)?;
        Some(Question {
            job: e.job.clone(),
            at: e.at,
            event: e.event,
            rule: e.rule,
            before: change.from.map_or("—", StateLabel::id),
            answer: change.to.id(),
            choices: choices(sim.rules().set),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::preset;

    fn sim(name: &str) -> Simulation {
        let Some(s) = preset(name) else {
            panic!("preset {name}")
        };
        Simulation::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_questions_walk_the_story_and_their_answers_are_the_engines() {
        let s = sim("happy-import");
        let mut now = s.start();
        let mut answers = Vec::new();
        while let Some(q) = next_question(&s, now) {
            assert!(q.at > now);
            assert!(q.choices.contains(&q.answer) && q.choices.contains(&q.before));
            // The job shown just before is still in `before`; at `at` it is in `answer`.
            let shown = |t| {
                s.job_at(&q.job, t).map(|j| {
                    if j.is_deleted() {
                        "Deleted"
                    } else {
                        j.state.id()
                    }
                })
            };
            assert_eq!(shown(q.at - ASK_BEFORE), Some(q.before));
            assert_eq!(shown(q.at), Some(q.answer));
            answers.push(q.answer);
            now = q.at;
        }
        assert_eq!(
            answers,
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
    fn canceled_is_a_choice_only_under_the_2021_rules() {
        assert!(!choices(RuleSet::Y2018).contains(&"Canceled"));
        assert!(choices(RuleSet::Y2021).contains(&"Canceled"));
        assert_eq!(choices(RuleSet::Y2018).last(), Some(&"Deleted"));
    }
}
