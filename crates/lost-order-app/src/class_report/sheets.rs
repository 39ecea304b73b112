//! The two spreadsheets of a report, `sessions.csv` and `decisions.csv`, written a row at a
//! time: UTF-8 with a byte-order mark (so that Excel reads Chinese), times in RFC 3339, and
//! every cell that a spreadsheet would take for a formula neutralised.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use lost_order_core::engine::Decision;
use lost_order_core::narrate::week_label;
use lost_order_core::report::SessionRow;
use lost_order_core::text::pick as t;

use super::when::Clock;
use crate::folders::AtomicFile;

/// The UTF-8 byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell as a spreadsheet may safely read it: text starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return (which Excel, LibreOffice and Google Sheets would run as a formula) gets
/// a leading `'`, as OWASP advises against CSV injection. Other text is unchanged.
pub fn cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV file being written, with its byte-order mark and header row; it replaces its path
/// whole when finished ([`AtomicFile`]), and is removed if dropped unfinished.
pub struct Sheet(csv::Writer<AtomicFile>);

impl Sheet {
    /// Starts `path` with the byte-order mark and the `header` row.
    ///
    /// # Errors
    /// When the file cannot be created or written.
    pub fn create(path: &Path, header: &[&str]) -> Result<Sheet, csv::Error> {
        let mut file = AtomicFile::create(path)?;
        file.write_all(BOM)?;
        let mut w = csv::Writer::from_writer(file);
        w.write_record(header)?;
        Ok(Sheet(w))
    }

    /// One row, every cell neutralised.
    fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), csv::Error> {
        self.0
            .write_record(cells.into_iter().map(|c| cell(c).into_owned()))
    }

    /// Syncs the file to the disk and renames it into place.
    ///
    /// # Errors
    /// When the last bytes cannot be written or the file cannot be renamed.
    pub fn finish(self) -> Result<(), csv::Error> {
        let file = self
            .0
            .into_inner()
            .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
        file.commit()?;
        Ok(())
    }
}

/// The header of `sessions.csv`.
pub const SESSIONS: [&str; 12] = [
    "file",
    "player",
    "seed",
    "started",
    "finished",
    "won",
    "ending",
    "score",
    "roles_covered",
    "mistakes",
    "turning_point",
    "path",
];

/// The header of `decisions.csv`.
pub const DECISIONS: [&str; 8] = [
    "file", "player", "n", "week", "kind", "id", "target", "result",
];

/// A trainee's row of `sessions.csv`.
pub fn session(
    sheet: &mut Sheet,
    s: &SessionRow,
    lang: &str,
    clock: &Clock,
) -> Result<(), csv::Error> {
    let cells = [
        s.file.clone(),
        s.player.clone(),
        s.seed.to_string(),
        clock.rfc3339(s.started),
        s.finished.to_string(),
        s.won.map(|b| b.to_string()).unwrap_or_default(),
        s.ending_title.clone().unwrap_or_default(),
        s.score.map(|v| v.to_string()).unwrap_or_default(),
        s.covered.len().to_string(),
        s.mistake_labels.join(t(lang, "；", "; ")),
        s.turning_point.clone().unwrap_or_default(),
        path_text(s, lang),
    ];
    sheet.row(cells.iter().map(String::as_str))
}

/// A trainee's path on one line: `第 1 周：拜访 刘副总裁；… | 第 2 周：…` / `Week 1: Visit VP Liu; … | Week 2: …`.
fn path_text(s: &SessionRow, lang: &str) -> String {
    s.path
        .iter()
        .enumerate()
        .filter(|(_, acts)| !acts.is_empty())
        .map(|(i, acts)| {
            format!(
                "{}{}{acts}",
                week_label(i as u32 + 1, lang),
                t(lang, "：", ": ")
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every decision of a trainee, one a row of `decisions.csv`, by the scenario's ids (for
/// analysis in a spreadsheet or a script; the words are in `sessions.csv` and `index.html`).
pub fn decisions(sheet: &mut Sheet, s: &SessionRow) -> Result<(), csv::Error> {
    for (i, m) in s.decisions.iter().enumerate() {
        let (kind, id, target) = match &m.decision {
            Decision::Act { action, target } => (
                "act",
                action.to_string(),
                target.as_deref().unwrap_or_default().to_string(),
            ),
            Decision::EndWeek => ("end_week", String::new(), String::new()),
            Decision::Choose(c) => ("choose", c.to_string(), String::new()),
            Decision::Bid(b) => (
                "bid",
                b.price.to_string(),
                [b.emphases.join(";"), b.commitments.join(";")].join(" + "),
            ),
            Decision::Grade(grades) => (
                "grade",
                grades
                    .iter()
                    .map(|(account, grade)| format!("{account}={grade}"))
                    .collect::<Vec<_>>()
                    .join(";"),
                String::new(),
            ),
        };
        let cells = [
            s.file.clone(),
            s.player.clone(),
            (i + 1).to_string(),
            m.week.to_string(),
            kind.to_string(),
            id,
            target,
            m.result.as_deref().unwrap_or_default().to_string(),
        ];
        sheet.row(cells.iter().map(String::as_str))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised() {
        for bad in [
            "=1+2",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"x\")",
        ] {
            assert_eq!(cell(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in ["王芳", "Wang Fang", "1-2", "a=b", "", "'quoted"] {
            assert_eq!(cell(fine), fine, "{fine:?}");
        }
    }
}
