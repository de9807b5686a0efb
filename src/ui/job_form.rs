//! The "new job" form's draft and how its problems map to fields. The rules are the model's:
//! the draft is read into a `JobSpec` (only the text → number/id reading happens here), then
//! `model::spec_problems` and the simulation's `check` (unique names, drive ids not used by
//! another job, limits) judge it, and each refusal is put next to the field it is about.

use crate::model::{
    spec_problems, DriveId, DriveIdError, DriveSpec, InputProblem, JobSpec, JobType, Refusal,
    SpecField,
};
use crate::sim::scenario::bytes_of_gib;

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

/// What is wrong, in words the interface puts in its own language.
#[derive(Clone, Debug, PartialEq)]
pub enum FormProblem {
    /// The text is not a drive id at all.
    DriveId(DriveIdError),
    /// The text is not a number.
    NotANumber,
    /// The model or the simulation refused the job.
    Refused(Refusal),
}

/// The job spec, or every problem with its field. `check` is the simulation's own question
/// ("would a CreateJob of this be accepted now?").
pub fn validate(
    draft: &JobDraft,
    check: impl Fn(&JobSpec) -> Result<(), Refusal>,
) -> Result<JobSpec, Vec<(Field, FormProblem)>> {
    let mut problems = Vec::new();
    let mut drives = Vec::new();
    let mut at_index = Vec::new();
    for (i, d) in draft.drives.iter().enumerate() {
        let id = DriveId::parse(d.id.trim())
            .map_err(|e| problems.push((Field::DriveId(i), FormProblem::DriveId(e))))
            .ok();
        let size = parse_decimal(d.size_gib.trim());
        if size.is_none() {
            problems.push((Field::DriveSize(i), FormProblem::NotANumber));
        }
        if let (Some(id), Some(gib)) = (id, size) {
            drives.push(DriveSpec {
                id,
                size_bytes: bytes_of_gib(gib),
            });
            at_index.push(i);
        }
    }
    let spec = JobSpec {
        name: draft.name.trim().to_string(),
        job_type: draft.job_type,
        storage_account: draft.storage_account.trim().to_string(),
        drives,
    };
    let partial = at_index.len() < draft.drives.len();
    for (field, refusal) in spec_problems(&spec) {
        let field = match field {
            SpecField::Name => Field::Name,
            SpecField::StorageAccount => Field::StorageAccount,
            SpecField::Drives if partial => continue,
            SpecField::Drives => Field::Drives,
            SpecField::DriveId(k) => Field::DriveId(at_index[k]),
            SpecField::DriveSize(k) => Field::DriveSize(at_index[k]),
        };
        problems.push((field, FormProblem::Refused(refusal)));
    }
    // The simulation's own answer adds what only it knows (a name taken, another job's drive
    // id); with other problems already listed, only those, so nothing is said twice.
    if let Err(refusal) = check(&spec) {
        let cross_job = matches!(
            refusal,
            Refusal::DuplicateJob { .. }
                | Refusal::Input {
                    problem: InputProblem::DriveInUse { .. },
                    ..
                }
        );
        if problems.is_empty() || cross_job {
            problems.push((
                field_of(&refusal, &spec, &at_index),
                FormProblem::Refused(refusal),
            ));
        }
    }
    if problems.is_empty() {
        Ok(spec)
    } else {
        Err(problems)
    }
}

/// Where the simulation's refusal of a whole job belongs in the form.
fn field_of(refusal: &Refusal, spec: &JobSpec, at_index: &[usize]) -> Field {
    match refusal {
        Refusal::DuplicateJob { .. } => Field::Name,
        Refusal::Input {
            problem: InputProblem::DriveInUse { drive, .. },
            ..
        } => spec
            .drives
            .iter()
            .position(|d| &d.id == drive)
            .map_or(Field::Drives, |k| Field::DriveId(at_index[k])),
        _ => Field::Drives,
    }
}

/// A plain decimal number as people type it in a size field: an optional sign, digits, and
/// an optional point with more digits ("500", "1.5", "-3", ".25"). Nothing else (no exponent,
/// no separators).
///
/// Why by hand: Rust's `f64::from_str` brings its 20 KB table of powers of five into the wasm,
/// and this field is the only place the app reads a float from text (the scenario file's
/// numbers are read by `json::from_str`, which computes its powers of ten).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut scale: i32 = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                if seen_point {
                    scale += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    let value = mantissa as f64 / 10f64.powi(scale);
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InputProblem, TextField, TextProblem};

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

    fn fine(_: &JobSpec) -> Result<(), Refusal> {
        Ok(())
    }

    #[test]
    fn a_good_draft_becomes_a_spec() {
        let spec = validate(&draft(), fine).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(spec.drives.len(), 1);
        assert_eq!(spec.drives[0].size_bytes, 500 << 30);
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut d = draft();
        d.name = "lab\u{202E}a".into();
        d.storage_account = "Lab_Storage".into();
        d.drives.push(DriveDraft {
            id: "xyz".into(),
            size_gib: "-3".into(),
        });
        d.drives.push(DriveDraft {
            id: "B1000002".into(),
            size_gib: "0".into(),
        });
        let problems = validate(&d, fine).err().unwrap_or_default();
        let fields: Vec<Field> = problems.iter().map(|p| p.0).collect();
        assert_eq!(
            fields,
            vec![
                Field::DriveId(1),
                Field::Name,
                Field::StorageAccount,
                Field::DriveSize(2)
            ]
        );
        assert!(matches!(
            &problems[1].1,
            FormProblem::Refused(Refusal::Input {
                problem: InputProblem::Text {
                    field: TextField::JobName,
                    problem: TextProblem::BidiCharacter
                },
                ..
            })
        ));
    }

    #[test]
    fn the_simulations_refusal_goes_next_to_its_field() {
        let taken = |spec: &JobSpec| {
            Err(Refusal::Input {
                problem: InputProblem::DriveInUse {
                    drive: spec.drives[0].id.clone(),
                    owner: "lab-a".into(),
                },
                rule: crate::model::RuleId::JobCreated,
            })
        };
        let problems = validate(&draft(), taken).err().unwrap_or_default();
        assert_eq!(problems.first().map(|p| p.0), Some(Field::DriveId(0)));
        let dup = |spec: &JobSpec| {
            Err(Refusal::DuplicateJob {
                job: spec.name.clone(),
            })
        };
        let problems = validate(&draft(), dup).err().unwrap_or_default();
        assert_eq!(problems.first().map(|p| p.0), Some(Field::Name));
    }

    #[test]
    fn decimals_read_as_typed() {
        for (text, want) in [
            ("500", Some(500.0)),
            ("1.5", Some(1.5)),
            ("-3", Some(-3.0)),
            (".25", Some(0.25)),
            ("+2.", Some(2.0)),
            ("0.1", Some(0.1)),
            ("1048576", Some(1_048_576.0)),
        ] {
            assert_eq!(parse_decimal(text), want, "{text}");
        }
        for text in [
            "",
            "-",
            ".",
            "1e3",
            "1,5",
            "1.2.3",
            "12a",
            "99999999999999999999999",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn import_needs_a_drive_but_export_does_not() {
        let mut d = draft();
        d.drives.clear();
        assert!(validate(&d, fine).is_err());
        d.job_type = JobType::Export;
        assert!(validate(&d, fine).is_ok());
    }
}
