//! The class report served to the instructor: written from the records in the class folder
//! into `DIR/report/` (index.html, summary.json, sessions.csv, decisions.csv) by the same code
//! as `lost-order report DIR`, when the page asks for it.

use std::path::PathBuf;

use lost_order_app::class_report::write_class;
use lost_order_app::records::record_files;
use lost_order_core::report::Roster;

use super::class::Class;
use crate::protocol::{Reason, Refusal};

/// The report's folder inside the class folder.
pub const REPORT_DIR: &str = "report";

/// The files of a report, with their content types.
pub const REPORT_FILES: [(&str, &str); 4] = [
    ("index.html", "text/html; charset=utf-8"),
    ("summary.json", "application/json"),
    ("sessions.csv", "text/csv; charset=utf-8"),
    ("decisions.csv", "text/csv; charset=utf-8"),
];

impl Class {
    /// The report file `file` (one of [`REPORT_FILES`]): `index.html` is written afresh from
    /// the records as they are now, in `lang` when the scenario has it (else its first
    /// language); the others as that last writing left them (written first if there is none).
    ///
    /// # Errors
    /// [`Reason::NoSuchFile`] for another file name, [`Reason::Disk`] when the
    /// report cannot be written or read.
    pub fn report_file(&self, file: &str, lang: &str) -> Result<(Vec<u8>, &'static str), Refusal> {
        let Some((_, kind)) = REPORT_FILES.iter().find(|(name, _)| *name == file) else {
            return Err(Refusal::new(
                Reason::NoSuchFile,
                format!("no report file `{file}`"),
            ));
        };
        let out = self.dir.join(REPORT_DIR);
        let path = out.join(file);
        let _one_writer = self.report_lock.lock().unwrap_or_else(|e| e.into_inner());
        if file == "index.html" || !path.exists() {
            self.write_report(out, lang)?;
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| Refusal::new(Reason::Disk, format!("the report cannot be read: {e}")))?;
        Ok((bytes, kind))
    }

    fn write_report(&self, out: PathBuf, lang: &str) -> Result<(), Refusal> {
        let disk =
            |e: String| Refusal::new(Reason::Disk, format!("the report cannot be written: {e}"));
        let files =
            record_files(std::slice::from_ref(&self.dir)).map_err(|e| disk(e.to_string()))?;
        let lang = self.scenario.lang(lang).to_string();
        let roster = Roster::read(self.scenario.clone(), &files, &lang);
        write_class(roster, &out).map_err(|e| disk(e.to_string()))?;
        Ok(())
    }
}
