//! The copy logs the service writes for a processed drive, generated: `<DriveLog
//! Version="2014-11-01">` with one `<Blob>` per blob (its import disposition: Created, Renamed,
//! Skipped, Overwritten or Cancelled) and the drive's `<Status>`, consistent with the drive's
//! copy outcome. The verbose log lists every blob; the error log only the ones that did not go
//! in as written.

use super::export::copy_status;
use crate::model::{CopyOutcome, Drive, Job};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    Verbose,
    Error,
}

/// The disposition of blob `i` of `n` on a drive with `outcome`.
fn disposition(outcome: CopyOutcome, i: usize, n: usize) -> &'static str {
    match outcome {
        CopyOutcome::Clean => "Created",
        CopyOutcome::Warnings => match i % 4 {
            1 => "Renamed",
            3 => "Skipped",
            _ => "Created",
        },
        CopyOutcome::Errors if i + 1 == n => "Cancelled",
        CopyOutcome::Errors => match i % 3 {
            1 => "Renamed",
            2 => "Overwritten",
            _ => "Created",
        },
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The log, or `None` while the drive's copy has not finished.
pub fn drive_log(job: &Job, drive: &Drive, kind: LogKind) -> Option<String> {
    let outcome = drive.outcome?;
    // A stable number of blobs per drive (4 to 9), from its id.
    let n = 4 + drive.id.as_str().bytes().map(usize::from).sum::<usize>() % 6;
    let each = drive.size_bytes / n as u64;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<DriveLog Version=\"2014-11-01\">\n",
    );
    xml.push_str(&format!(
        "  <DriveId>{}</DriveId>\n",
        escape(drive.id.as_str())
    ));
    for i in 0..n {
        let d = disposition(outcome, i, n);
        if kind == LogKind::Error && d == "Created" {
            continue;
        }
        let status = if d == "Cancelled" {
            "Cancelled"
        } else {
            "Completed"
        };
        let file = format!("file{:04}.bin", i + 1);
        xml.push_str(&format!(
            "  <Blob Status=\"{status}\">\n    <BlobPath>/{}/{}/{file}</BlobPath>\n    <FilePath>\\{}\\{file}</FilePath>\n    <Length>{each}</Length>\n    <ImportDisposition Status=\"{d}\">{d}</ImportDisposition>\n  </Blob>\n",
            escape(&job.storage_account),
            escape(&job.name.to_ascii_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "-")),
            escape(drive.id.as_str()),
        ));
    }
    xml.push_str(&format!(
        "  <Status>{}</Status>\n</DriveLog>\n",
        copy_status(outcome)
    ));
    Some(xml)
}
