//! The session engine: hidden truth, beliefs, weekly turns, story, competitor, tender, score.

mod decision;
mod dice;
mod happening;
mod logic;
mod scoring;
mod session;
mod state;
mod tender;

pub use decision::{Bid, Decision, ScriptError, format_script, parse_script};
pub use dice::Dice;
pub use happening::{Happening, LogEntry};
pub use scoring::{LineScore, Score};
pub use session::{ActionOption, Blocked, ChoiceOption, Made, Phase, Session, SessionError};
pub use state::{Belief, PersonTruth, Seen, WeekSnapshot, World};
pub use tender::{StageVerdict, TenderResult, Verdict};
