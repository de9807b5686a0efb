//! The jobs table's rows, computed in one pass from the world: filter and sort every job
//! (borrowed, no copies), then write the cells of the shown page only. Rows then only receive
//! their own new values, so no row subscribes to the clock (in Leptos 0.8, thousands of rows
//! reading one signal is quadratic).

use std::cmp::Ordering;

use crate::i18n::{expires_in, Lang};
use crate::model::{Job, JobState, RuleId, Rules, Time};

use crate::ui::format;

/// A world of this many jobs or fewer lists them on one page: a class's worlds
/// (busy-datacenter has 50 jobs) are read whole.
pub const ONE_PAGE_UP_TO: usize = 100;
/// Rows per page of a longer list. Jobs come and go from the page while a big world plays, and
/// each change makes the browser lay out and paint the whole table: at 1,000 jobs and 1 week/s,
/// pages of 100 rows held 118–138 frames of 240 in 4 s, pages of 50 about 210, pages of 25 all
/// 240 (README, Performance).
pub const PAGE_SIZE: usize = 25;

/// Rows per page in a world of `jobs` jobs. The world decides, not how many jobs the list
/// holds at the clock: in a bigger world the page stays at 25 rows when fewer than 100 are
/// left, so a jump never turns 25 rows (and lanes) into 90 at once. That jump, to a late
/// moment of stress-10000, wrote three times the rows of the others and took twice as long.
pub fn page_size(jobs: usize) -> usize {
    if jobs <= ONE_PAGE_UP_TO {
        ONE_PAGE_UP_TO
    } else {
        PAGE_SIZE
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Created,
    Name,
    Type,
    Status,
    StorageAccount,
    Percent,
    Expires,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RowQuery {
    pub filter: String,
    pub show_deleted: bool,
    pub sort: SortKey,
    pub descending: bool,
}

/// Everything one row shows, already formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRow {
    pub name: String,
    pub job_type: &'static str,
    /// The state's identifier, or "Deleted".
    pub status: &'static str,
    /// Shipping past its 14 days (R5a): the Status cell says so after the identifier.
    pub overdue: bool,
    pub storage_account: String,
    /// The creation date; `created_at` has the time too, for hovering.
    pub created: String,
    pub created_at: String,
    pub percent: u8,
    /// What the next time rule will do and when ("deleted in 13 d 4 h"), or "—".
    pub expires: String,
    /// The next time rule's id and exact time ("R2 · 2026-01-19 09:00 UTC"), for hovering.
    pub expires_detail: Option<String>,
    /// The next time rule's id, for the countdown's "Why?".
    pub next_rule: Option<&'static str>,
    /// For deleted jobs: when and which rule.
    pub deleted: Option<(String, RuleId)>,
    /// The language the cells are written in (the phone cards label cells with it).
    pub lang: Lang,
}

/// Every row of the whole table, written out (tests and small worlds).
pub fn job_rows(
    jobs: &[Job],
    now: Time,
    rules: &Rules,
    query: &RowQuery,
    lang: Lang,
) -> Vec<JobRow> {
    listed(jobs, rules, query)
        .into_iter()
        .map(|job| row(job, rules, now, lang))
        .collect()
}

/// The jobs the table lists, filtered and sorted, nothing written yet: cheap enough for
/// every job on every frame, so only the shown page pays for its text (and its next time
/// rule, unless the list sorts by it).
pub fn listed<'a>(
    jobs: impl IntoIterator<Item = &'a Job>,
    rules: &Rules,
    query: &RowQuery,
) -> Vec<&'a Job> {
    // ASCII case-folding: ids, states and storage accounts are ASCII; Unicode's case tables
    // would cost the wasm about 12 KB for the rare non-ASCII job name.
    let needle = query.filter.trim().to_ascii_lowercase();
    let mut listed: Vec<&'a Job> = Vec::new();
    for j in jobs {
        if (query.show_deleted || !j.is_deleted())
            && (needle.is_empty() || matches_filter(j, &needle))
        {
            listed.push(j);
        }
    }
    let mut jobs = listed;
    crate::sort::sort_by(&mut jobs, |a, b| {
        let order = compare(query.sort, rules, a, b).then_with(|| a.name.cmp(&b.name));
        if query.descending {
            order.reverse()
        } else {
            order
        }
    });
    jobs
}

fn matches_filter(job: &Job, needle: &str) -> bool {
    use crate::text::contains;
    contains(&job.name.to_ascii_lowercase(), needle)
        || contains(&job.storage_account.to_ascii_lowercase(), needle)
        || contains(&status_id(job).to_ascii_lowercase(), needle)
        || contains(&job.job_type.id().to_ascii_lowercase(), needle)
}

pub fn status_id(job: &Job) -> &'static str {
    if job.is_deleted() {
        "Deleted"
    } else {
        job.state.id()
    }
}

fn compare(key: SortKey, rules: &Rules, ja: &Job, jb: &Job) -> Ordering {
    match key {
        SortKey::Created => ja.created_at.cmp(&jb.created_at),
        SortKey::Name => ja.name.cmp(&jb.name),
        SortKey::Type => ja.job_type.id().cmp(jb.job_type.id()),
        // Lifecycle order, not alphabetical: that is how the portal's states read.
        SortKey::Status => (ja.is_deleted(), ja.state).cmp(&(jb.is_deleted(), jb.state)),
        SortKey::StorageAccount => ja.storage_account.cmp(&jb.storage_account),
        SortKey::Percent => ja.percent().cmp(&jb.percent()),
        // Jobs with no pending time rule sort last.
        SortKey::Expires => match (ja.next_time_rule(rules), jb.next_time_rule(rules)) {
            (Some((_, x)), Some((_, y))) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}

/// One row's cells.
pub fn row(job: &Job, rules: &Rules, now: Time, lang: Lang) -> JobRow {
    let next = job.next_time_rule(rules);
    JobRow {
        name: String::from(&*job.name),
        job_type: job.job_type.id(),
        status: status_id(job),
        overdue: job.overdue && job.state == JobState::Shipping && !job.is_deleted(),
        storage_account: String::from(&*job.storage_account),
        created: format::date(job.created_at),
        created_at: format::date_time(job.created_at),
        percent: job.percent(),
        expires: next.map_or_else(
            || "—".to_string(),
            |(rule, at)| expires_in(lang, rule, &super::format::short_countdown(lang, at - now)),
        ),
        expires_detail: next.map(|(rule, at)| {
            let mut s = String::from(rule.id());
            s.push_str(" · ");
            s.push_str(&format::date_time(at));
            s
        }),
        next_rule: next.map(|(rule, _)| rule.id()),
        deleted: job
            .deleted
            .as_ref()
            .map(|d| (format::date_time(d.at), d.reason.rule())),
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{preset, Simulation};
    use chrono::TimeDelta;

    /// The jobs of the preset `name` on day `days`, that instant and its rules.
    fn preset_at(name: &str, days: i64) -> (Vec<Job>, Time, Rules) {
        let Some(scenario) = preset(name) else {
            panic!("preset exists")
        };
        let sim = Simulation::new(scenario).expect("the test scenario loads");
        let t = sim.start() + TimeDelta::days(days);
        (sim.jobs_at(t), t, sim.rules())
    }

    fn abandoned_at(days: i64) -> (Vec<Job>, Time, Rules) {
        preset_at("abandoned", days)
    }

    fn names(rows: &[JobRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn deleted_jobs_show_only_when_asked_with_their_rule() {
        // Day 15: "forgotten" was deleted on day 14 (R2); "updated" lives until day 24.
        let (jobs, now, rules) = abandoned_at(15);
        let hidden = job_rows(&jobs, now, &rules, &RowQuery::default(), Lang::En);
        assert_eq!(names(&hidden), ["updated"]);
        let query = RowQuery {
            show_deleted: true,
            ..RowQuery::default()
        };
        let shown = job_rows(&jobs, now, &rules, &query, Lang::En);
        assert_eq!(names(&shown), ["forgotten", "updated"]);
        assert_eq!(shown[0].status, "Deleted");
        assert_eq!(
            shown[0].deleted.as_ref().map(|d| d.1),
            Some(RuleId::CreatingExpiry)
        );
        assert_eq!(shown[1].expires, "deleted in 9\u{a0}d");
        assert_eq!(
            shown[1].expires_detail.as_deref(),
            Some("R2 · 2026-01-29 09:00 UTC")
        );
        assert_eq!(shown[1].created, "2026-01-05");
    }

    #[test]
    fn an_overdue_job_says_so_and_counts_down_to_closing() {
        let Some(scenario) = preset("never-arrives") else {
            panic!("preset exists")
        };
        let sim = Simulation::new(scenario).expect("the test scenario loads");
        let rows_at = |days: i64| {
            let t = sim.start() + TimeDelta::days(days);
            job_rows(
                &sim.jobs_at(t),
                t,
                &sim.rules(),
                &RowQuery::default(),
                Lang::En,
            )
        };
        let before = rows_at(3);
        assert!(!before[0].overdue);
        assert!(
            before[0].expires.starts_with("overdue in "),
            "{}",
            before[0].expires
        );
        let after = rows_at(20);
        assert_eq!(after[0].status, "Shipping");
        assert!(after[0].overdue);
        assert!(
            after[0].expires.starts_with("closed in "),
            "{}",
            after[0].expires
        );
    }

    #[test]
    fn sorting_and_filtering_work_on_every_job_before_paging() {
        let (jobs, now, rules) = abandoned_at(1);
        let by_name_desc = RowQuery {
            sort: SortKey::Name,
            descending: true,
            ..RowQuery::default()
        };
        assert_eq!(
            names(&job_rows(&jobs, now, &rules, &by_name_desc, Lang::En)),
            ["updated", "forgotten"]
        );
        let filtered = RowQuery {
            filter: "FORG".into(),
            ..RowQuery::default()
        };
        assert_eq!(
            names(&job_rows(&jobs, now, &rules, &filtered, Lang::En)),
            ["forgotten"]
        );
        let by_status = RowQuery {
            filter: "creating".into(),
            ..RowQuery::default()
        };
        assert_eq!(job_rows(&jobs, now, &rules, &by_status, Lang::En).len(), 2);
    }

    #[test]
    fn sorting_by_expires_goes_by_the_next_time_rule_with_the_jobs_without_one_last() {
        let (jobs, t, rules) = preset_at("busy-datacenter", 30);
        let query = RowQuery {
            sort: SortKey::Expires,
            ..RowQuery::default()
        };
        let order: Vec<_> = listed(&jobs, &rules, &query)
            .into_iter()
            .map(|j| j.next_time_rule(&rules).map(|(_, at)| at))
            .collect();
        assert!(order.iter().any(Option::is_some) && order.iter().any(Option::is_none));
        let dues: Vec<_> = order.iter().map_while(|d| *d).collect();
        assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
        assert!(order[dues.len()..].iter().all(Option::is_none));
        let rows = job_rows(&jobs, t, &rules, &query, Lang::En);
        assert_eq!(rows.len(), order.len());
        assert_eq!(rows[0].next_rule.is_some(), order[0].is_some());
    }

    #[test]
    fn a_class_sized_world_is_one_page_and_a_bigger_one_pages_by_25() {
        assert_eq!(page_size(0), ONE_PAGE_UP_TO);
        assert_eq!(
            50usize.div_ceil(page_size(50)),
            1,
            "busy-datacenter reads whole"
        );
        assert_eq!(100usize.div_ceil(page_size(100)), 1);
        assert_eq!(page_size(101), PAGE_SIZE);
        assert_eq!(1000usize.div_ceil(page_size(1000)), 40);
        assert_eq!(
            90usize.div_ceil(page_size(10_000)),
            4,
            "the 90 jobs left late in stress-10000 still page by 25"
        );
    }
}
