//! Lost Order's front ends over the core engine and the application layer: the Bevy game and
//! the terminal tools. The terminal tools reach the game only through `game::run`.

pub mod cli;
pub mod game;
