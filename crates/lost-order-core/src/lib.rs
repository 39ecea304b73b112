//! Lost Order's engine, free of Bevy: scenarios, sessions, the tender, scoring and policies.

pub mod load;
pub mod scenario;
pub mod text;
pub mod engine;
pub mod policy;
pub mod simulate;
pub mod narrate;
