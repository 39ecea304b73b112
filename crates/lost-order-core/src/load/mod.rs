//! Loading a scenario file: size limit, RON parsing, semantic checks, diagnostics.

mod around;
pub mod diagnostic;
mod format;
pub(crate) mod locate;
mod migrate;
mod parse;
mod syntax;
mod validate;

use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Severity};
pub use format::FORMAT;
pub use migrate::{Migrated, migrate};
pub use parse::MAX_SCENARIO_BYTES;

use crate::scenario::Scenario;

/// The outcome of checking one scenario source.
#[derive(Debug)]
pub struct Checked {
    pub path: String,
    pub source: String,
    /// The scenario when it parsed (it may still have errors).
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// The scenario if it has no error.
    pub fn into_scenario(self) -> Result<Scenario, LoadError> {
        match self.scenario {
            Some(s) if self.errors() == 0 => Ok(s),
            _ => Err(LoadError::Invalid {
                report: self.render(),
            }),
        }
    }

    /// Every diagnostic in its full form, plain text.
    pub fn render(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(&self.path, &self.source))
            .collect()
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read (missing, no permission, a link loop, …). The cause is part
    /// of the message, not a separate source, so that a chain of causes says it once.
    #[error("{path}: cannot read: {cause}")]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// The path names a folder, a pipe or a device: reading a pipe would wait for ever.
    #[error("{path}: not a file (a folder, a pipe or a device); a scenario is a .ron file")]
    NotAFile { path: PathBuf },
    #[error("{path}: the file is {size} bytes; a scenario may be at most 4 MiB")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{path}: not UTF-8 text")]
    NotText { path: PathBuf },
    #[error("{report}")]
    Invalid { report: String },
}

/// Parses and validates `source`; never panics, whatever the input.
pub fn check_source(path: &str, source: &str) -> Checked {
    // A byte-order mark (Notepad's UTF-8) is not part of the scenario, nor of its hash.
    let source = crate::text::strip_bom(source);
    let (scenario, diagnostics) = match parse::parse(source) {
        Ok(mut s) => {
            s.hash = blake3::hash(source.as_bytes()).to_hex().to_string();
            let d = validate::validate(&s, source);
            (Some(s), d)
        }
        Err(d) => (None, vec![d]),
    };
    Checked {
        path: path.to_string(),
        source: source.to_string(),
        scenario,
        diagnostics,
    }
}

/// Reads and checks a file, refusing large or non-text files before parsing.
///
/// # Errors
/// [`LoadError::Io`] when it cannot be read, [`LoadError::NotAFile`] for a folder, pipe or
/// device, [`LoadError::TooLarge`] past [`MAX_SCENARIO_BYTES`], [`LoadError::NotText`] when it
/// is not UTF-8.
pub fn check_file(path: &Path) -> Result<Checked, LoadError> {
    let io = |cause| LoadError::Io {
        path: path.to_path_buf(),
        cause,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let size = meta.len();
    if size > MAX_SCENARIO_BYTES as u64 {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let source = String::from_utf8(bytes).map_err(|_| LoadError::NotText {
        path: path.to_path_buf(),
    })?;
    Ok(check_source(&path.display().to_string(), &source))
}

/// Reads a scenario that must have no error.
pub fn load_file(path: &Path) -> Result<Scenario, LoadError> {
    check_file(path)?.into_scenario()
}
