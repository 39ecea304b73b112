//! The class debrief: every trainee's record of one scenario replayed and summed up, grouped
//! by class seed, ready to be written as HTML, JSON and CSV (by the app) or shown on screen
//! (by the game). A class of any size is streamed: rows go to a sink as they are replayed and
//! only counts stay in memory.

mod class;
mod roster;
mod row;
mod tally;

pub use class::{ClassReport, ClassSink, ClassSummary, SeedGroup, build, stream};
pub use roster::{Enrolled, Heading, Roster, Skipped, most_common_scenario, read_headers};
pub use row::{SessionRow, liao_row, row_from_session, row_of};
pub use tally::{Count, Engagement, Figures, Tally};
