//! Lost Order's engine, free of Bevy: scenarios, sessions, the tender, scoring and policies.

pub mod debrief;
pub mod engine;
pub mod explore;
pub mod load;
pub mod narrate;
pub mod policy;
pub mod record;
pub mod report;
pub mod scenario;
pub mod simulate;
pub mod text;

#[cfg(test)]
mod course_tests;
#[cfg(test)]
mod grading_tests;
#[cfg(test)]
mod testkit;
