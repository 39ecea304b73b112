//! The session engine: hidden truth, beliefs, weekly turns, story, competitor, tender, score.
//!
//! Plain data first, rules on top: `decision`, `dice`, `hidden`, `stance` and `state` import no sibling,
//! `outcome` uses `decision`, `happening` uses `outcome`, `session` (the rules) uses them all, and
//! `script` plays choice scripts on a session.

mod decision;
mod dice;
mod happening;
mod hidden;
mod outcome;
mod script;
mod session;
mod stance;
mod state;

pub use decision::{Bid, Decision, format_script};
pub use dice::Dice;
pub use happening::{Happening, Learned, LogEntry};
pub use hidden::{Hidden, HiddenEntry};
pub use outcome::{AppliedCap, GradeGiven, LineScore, Score, StageVerdict, TenderResult, Verdict};
pub use script::{
    MAX_SCRIPT_BYTES, Script, ScriptError, ScriptFileError, ScriptLine, ScriptStep, ScriptStop,
    parse_script, read_script,
};
pub use session::{
    ActionOption, BidPart, BidProblem, Blocked, ChoiceOption, Made, Phase, Session, SessionError,
};
pub use stance::Stance;
pub use state::{
    Belief, INFLUENCE_RANGE, KnownStage, KnownTender, PersonTruth, SUPPORT_RANGE, Seen,
    WeekSnapshot, World,
};
