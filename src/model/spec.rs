//! What a new job must be, field by field. `create` refuses a spec with the first problem; the
//! New job form and the scenario validator list every problem next to its field or JSON path.
//! The rules live only here, so the three can never disagree.

use super::event::JobSpec;
use super::ids::TextSet;
use super::limits::{
    check_storage_account, check_text, InputProblem, TextField, MAX_DRIVES, MAX_DRIVE_BYTES,
};
use super::refusal::Refusal;
use super::rules::RuleId;
use super::states::JobType;

/// The part of a job spec a problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecField {
    Name,
    StorageAccount,
    /// The list of drives as a whole (too many, none for an import).
    Drives,
    DriveId(usize),
    DriveSize(usize),
}

fn input(problem: InputProblem) -> Refusal {
    Refusal::Input {
        problem,
        rule: RuleId::JobCreated,
    }
}

/// A drive's size: above 0 (a finished drive would otherwise read 0 %) and at most 1 PiB.
pub fn drive_size_ok(bytes: u64) -> bool {
    bytes > 0 && bytes <= MAX_DRIVE_BYTES
}

/// Every problem with the spec, in field order; empty when `create` will accept it.
pub fn spec_problems(spec: &JobSpec) -> Vec<(SpecField, Refusal)> {
    let mut out = Vec::new();
    if let Err(p) = check_text(&spec.name, TextField::JobName) {
        out.push((SpecField::Name, input(p)));
    }
    if let Err(p) = check_storage_account(&spec.storage_account) {
        out.push((SpecField::StorageAccount, input(p)));
    }
    if spec.drives.len() > MAX_DRIVES {
        out.push((
            SpecField::Drives,
            Refusal::TooManyDrives {
                count: spec.drives.len(),
            },
        ));
    }
    if spec.job_type == JobType::Import && spec.drives.is_empty() {
        out.push((SpecField::Drives, Refusal::NoDrives));
    }
    let mut seen = TextSet::default();
    for (i, d) in spec.drives.iter().enumerate() {
        if !seen.insert(d.id.as_str().to_string()) {
            out.push((
                SpecField::DriveId(i),
                Refusal::DuplicateDrive {
                    drive: d.id.clone(),
                    rule: RuleId::JobCreated,
                },
            ));
        }
        if !drive_size_ok(d.size_bytes) {
            out.push((
                SpecField::DriveSize(i),
                input(InputProblem::DriveSize {
                    drive: d.id.clone(),
                }),
            ));
        }
    }
    out
}
