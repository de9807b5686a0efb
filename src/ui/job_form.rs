//! Validation of the "new job" form, kept apart from the form's view so it can be tested
//! natively. Every problem is tied to the field it belongs to.

use crate::model::{DriveId, DriveSpec, JobSpec, JobType};

/// Azure's rule for storage account names: 3 to 24 lowercase letters and digits.
pub fn storage_account_ok(name: &str) -> bool {
    (3..=24).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DriveDraft {
    pub id: String,
    pub size_gib: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JobDraft {
    pub name: String,
    pub job_type: JobType,
    pub storage_account: String,
    pub drives: Vec<DriveDraft>,
}

/// Which field a problem belongs to, so the message is shown next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    StorageAccount,
    Drives,
    DriveId(usize),
    DriveSize(usize),
}

pub const MAX_DRIVES: usize = 10;

/// The job spec, or every problem with its field. `existing` are the names already taken.
pub fn validate(draft: &JobDraft, existing: &[String]) -> Result<JobSpec, Vec<(Field, String)>> {
    let mut problems = Vec::new();
    let name = draft.name.trim();
    if name.is_empty() {
        problems.push((Field::Name, "Give the job a name.".to_string()));
    } else if existing.iter().any(|e| e == name) {
        problems.push((
            Field::Name,
            format!("A job named \"{name}\" already exists; job names are unique."),
        ));
    }
    let account = draft.storage_account.trim();
    if !storage_account_ok(account) {
        problems.push((
            Field::StorageAccount,
            "A storage account name has 3 to 24 lowercase letters and digits.".to_string(),
        ));
    }
    if draft.drives.len() > MAX_DRIVES {
        problems.push((
            Field::Drives,
            format!("A job holds at most {MAX_DRIVES} drives."),
        ));
    }
    if draft.job_type == JobType::Import && draft.drives.is_empty() {
        problems.push((
            Field::Drives,
            "An import job needs at least one drive.".to_string(),
        ));
    }
    let mut drives = Vec::new();
    for (i, d) in draft.drives.iter().enumerate() {
        let id = match DriveId::parse(d.id.trim()) {
            Ok(id) => {
                if drives.iter().any(|x: &DriveSpec| x.id == id) {
                    problems.push((Field::DriveId(i), format!("Drive {id} is listed twice.")));
                }
                Some(id)
            }
            Err(e) => {
                problems.push((Field::DriveId(i), format!("Drive ID: {e}.")));
                None
            }
        };
        let size = match d.size_gib.trim().parse::<f64>() {
            Ok(gib) if gib > 0.0 && gib <= 100_000.0 => Some((gib * (1u64 << 30) as f64) as u64),
            _ => {
                problems.push((
                    Field::DriveSize(i),
                    "Size is a number of GiB above 0.".to_string(),
                ));
                None
            }
        };
        if let (Some(id), Some(size_bytes)) = (id, size) {
            drives.push(DriveSpec { id, size_bytes });
        }
    }
    if problems.is_empty() {
        Ok(JobSpec {
            name: name.to_string(),
            job_type: draft.job_type,
            storage_account: account.to_string(),
            drives,
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> JobDraft {
        JobDraft {
            name: "lab-b".into(),
            job_type: JobType::Import,
            storage_account: "labstorage".into(),
            drives: vec![DriveDraft {
                id: "B1000001".into(),
                size_gib: "500".into(),
            }],
        }
    }

    #[test]
    fn a_good_draft_becomes_a_spec() {
        let spec = validate(&draft(), &[]).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(spec.drives.len(), 1);
        assert_eq!(spec.drives[0].size_bytes, 500 << 30);
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut d = draft();
        d.name = "lab-a".into();
        d.storage_account = "Lab_Storage".into();
        d.drives.push(DriveDraft {
            id: "xyz".into(),
            size_gib: "-3".into(),
        });
        let problems = validate(&d, &["lab-a".to_string()])
            .err()
            .unwrap_or_default();
        let fields: Vec<Field> = problems.iter().map(|p| p.0).collect();
        assert_eq!(
            fields,
            vec![
                Field::Name,
                Field::StorageAccount,
                Field::DriveId(1),
                Field::DriveSize(1)
            ]
        );
    }

    #[test]
    fn import_needs_a_drive_but_export_does_not() {
        let mut d = draft();
        d.drives.clear();
        assert!(validate(&d, &[]).is_err());
        d.job_type = JobType::Export;
        assert!(validate(&d, &[]).is_ok());
    }
}
