//! Lost Order's front ends over the core engine: the Bevy game and the terminal tools.

pub mod class_report;
pub mod cli;
pub mod game;
