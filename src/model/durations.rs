//! Every duration the rules and the autopilot use, in one place, so a teacher can find
//! "why 14 days?" without reading the machine.

use chrono::TimeDelta;

/// R2: a job left in Creating (no tracking entered) is deleted after 2 weeks.
pub const CREATING_EXPIRY: TimeDelta = TimeDelta::days(14);
/// R5a: a package not delivered 2 weeks after tracking makes its drives NeverReceived.
pub const SHIPPING_OVERDUE: TimeDelta = TimeDelta::days(14);
/// R5b: 30 days after the customer was contacted about a missing package, the job closes (2016 article).
pub const ABANDON_AFTER_OVERDUE: TimeDelta = TimeDelta::days(30);
/// R10: Completed, Closed and Canceled jobs are kept for 90 days, then deleted.
pub const RETENTION: TimeDelta = TimeDelta::days(90);
/// Not a rule: the service aims to finish copying 7 to 10 days after the drives are received
/// (no SLA). Shown as typical where a state has no time rule ("Model my job").
pub const TYPICAL_COPY_DAYS: (i64, i64) = (7, 10);

/// Autopilot: carrier transit time after tracking is entered, in whole days (inclusive).
pub const DELIVERY_DAYS: (u64, u64) = (1, 5);
/// Autopilot: business days between carrier delivery and the datacenter processing the arrival.
pub const ARRIVAL_BUSINESS_DAYS: (u64, u64) = (1, 3);
/// Autopilot: hours until a drive missing from the package turns up in another shipment.
/// Shorter than the shortest copy queue (`QUEUE_HOURS_IDLE.0`), so it always arrives while
/// the job can still take it (R6) and the story never contradicts itself.
pub const LATE_DRIVE_HOURS: (u64, u64) = (4, 20);
/// Autopilot: queue wait before a drive's copy starts, in hours, at load 0 (low) and load 1 (high).
pub const QUEUE_HOURS_IDLE: (u64, u64) = (24, 72);
pub const QUEUE_HOURS_BUSY: (u64, u64) = (144, 216);
/// Autopilot: drives share datacenter time, so a copy runs this many times slower than the
/// raw throughput at full load (and 1 + a fraction of it at lower load).
pub const COPY_SLOWDOWN_AT_FULL_LOAD: f64 = 40.0;
/// Autopilot: business days from Packaging to the drives leaving the datacenter.
pub const SHIP_BACK_BUSINESS_DAYS: (u64, u64) = (1, 3);
/// Autopilot: size given to an export drive that the scenario did not list.
pub const DEFAULT_DRIVE_BYTES: u64 = 1 << 40;

pub fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}
