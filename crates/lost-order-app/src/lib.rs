//! Lost Order's application layer, shared by the terminal tools and the game: the scenario
//! catalog, session record files and folders, the class report's files, settings and their
//! paths, the language to speak, and fresh seeds. It builds on the core and knows nothing of
//! Bevy or of the command line.

pub mod catalog;
pub mod class_report;
pub mod folders;
pub mod lang;
pub mod records;
pub mod seed;
pub mod settings;

pub use catalog::{Catalog, CatalogError, Entry};
pub use folders::{AtomicFile, Folders, write_atomic};
pub use lang::{LangError, lang_from_env};
pub use seed::fresh_seed;
pub use settings::{Settings, parse_settings};
