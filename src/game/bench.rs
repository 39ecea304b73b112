//! `LOST_ORDER_BENCH=1`: prints when the title's first frame is drawn, then opens the board and
//! leaves it idle, for scripts/bench-window.sh to measure start-up, memory and idle CPU.

use std::sync::OnceLock;
use std::time::Instant;

use bevy::prelude::*;

use super::screens::{BriefingAction, Screen, ScreenAction, ScreenRoot, TitleAction};

static START: OnceLock<Instant> = OnceLock::new();

/// Call first thing in `main`, so start-up is measured from process start.
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

pub fn enabled() -> bool {
    std::env::var_os("LOST_ORDER_BENCH").is_some()
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, (first_frame, open_board));
}

/// The frame after the title's UI exists is the first one that shows it.
fn first_frame(mut frames: Local<u32>, roots: Query<(), With<ScreenRoot>>) {
    if *frames < 2 && !roots.is_empty() {
        *frames += 1;
        if *frames == 2 {
            let ms = START.get().map_or(0, |s| s.elapsed().as_millis());
            eprintln!("bench: first-frame-ms {ms}");
        }
    }
}

fn open_board(world: &mut World, mut step: Local<u32>) {
    let screen = *world.resource::<State<Screen>>().get();
    let shown = world
        .query_filtered::<(), With<ScreenRoot>>()
        .iter(world)
        .next()
        .is_some();
    match (*step, screen) {
        (0, Screen::Title) if shown => {
            TitleAction::NewSession.perform(world);
            *step = 1;
        }
        (1, Screen::Briefing) => {
            BriefingAction::Start.perform(world);
            *step = 2;
        }
        (2, Screen::Board) => {
            eprintln!("bench: board-ready");
            *step = 3;
        }
        _ => {}
    }
}
