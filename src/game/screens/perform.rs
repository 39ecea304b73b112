//! Carries out what a button asks for: the one place where the UI changes the game's state.

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowMode};
use lost_order_core::engine::{Decision, Phase};

use super::instructor::ClassView;
use super::{BoardUi, Chosen, Editing, HasSave, Redraw, RevealProgress, Screen, UiAction};
use crate::game::catalog::Catalog;
use crate::game::play::{self, BidDraft, Play, Recording, SeedOverride};
use crate::game::prefs::Prefs;
use crate::game::storage::Dirs;

/// Performs `action` against the world (called from the Activate observer and nowhere else).
pub fn perform(world: &mut World, action: UiAction) {
    debug!("ui action: {action:?}");
    world.resource_mut::<Redraw>().0 = true;
    match action {
        UiAction::NewSession => {
            let key = world
                .resource::<Catalog>()
                .flagship()
                .map(|e| e.key.clone());
            world.resource_mut::<Chosen>().0 = key;
            go(world, Screen::Briefing);
        }
        UiAction::Continue => {
            let dir = records_dir(world);
            let catalog = world.resource::<Catalog>();
            match play::unfinished(&dir, catalog).and_then(|path| play::resume(&path, catalog)) {
                Some((resumed, writer)) => {
                    world.resource_mut::<Recording>().0 = Some(writer);
                    start_play(world, resumed);
                }
                None => world.resource_mut::<HasSave>().0 = false,
            }
        }
        UiAction::OpenScenarios => go(world, Screen::Scenarios),
        UiAction::OpenSettings => go(world, Screen::Settings),
        UiAction::Quit => {
            world.write_message(AppExit::Success);
        }
        UiAction::SetLang(lang) => update_prefs(world, |p| p.lang = lang),
        UiAction::Back | UiAction::ToTitle => {
            *world.resource_mut::<Editing>() = Editing::Nothing;
            refresh_has_save(world);
            go(world, Screen::Title);
        }
        UiAction::Brief(key) => {
            world.resource_mut::<Chosen>().0 = Some(key);
            go(world, Screen::Briefing);
        }
        UiAction::Start => {
            let Some(key) = world.resource::<Chosen>().0.clone() else {
                return;
            };
            let Some(entry) = world.resource::<Catalog>().get(&key).cloned() else {
                return;
            };
            let seed = world
                .resource::<SeedOverride>()
                .0
                .or(world.resource::<Prefs>().class_seed)
                .unwrap_or_else(fresh_seed);
            start_play(world, Play::new(&key, entry.scenario, seed));
            record_new(world);
        }
        UiAction::SetTextSize(size) => update_prefs(world, |p| p.text_size = size),
        UiAction::ToggleFullscreen => {
            update_prefs(world, |p| p.fullscreen = !p.fullscreen);
            apply_window_mode(world);
        }
        UiAction::EditName => toggle_editing(world, Editing::Name),
        UiAction::EditClassSeed => toggle_editing(world, Editing::ClassSeed),
        UiAction::EditRecordsDir => toggle_editing(world, Editing::RecordsDir),
        UiAction::SelectPerson(id) => {
            world.resource_mut::<BoardUi>().selected = Some(id);
        }
        UiAction::ShowNotebook => {
            let mut board = world.resource_mut::<BoardUi>();
            board.selected = None;
            board.show_log = false;
        }
        UiAction::ShowLog => {
            let mut board = world.resource_mut::<BoardUi>();
            board.selected = None;
            board.show_log = true;
        }
        UiAction::Act { action, target } => decide(world, Decision::Act { action, target }),
        UiAction::EndWeek => decide(world, Decision::EndWeek),
        UiAction::Choose(choice) => decide(world, Decision::Choose(choice)),
        UiAction::Price(id) => world.resource_mut::<BidDraft>().0.price = id,
        UiAction::ToggleEmphasis(id) => toggle_option(world, id, true),
        UiAction::ToggleCommitment(id) => toggle_option(world, id, false),
        UiAction::SubmitBid => {
            let bid = world.resource::<BidDraft>().0.clone();
            decide(world, Decision::Bid(bid));
        }
        UiAction::RevealNext => {
            let total = world
                .get_resource::<Play>()
                .and_then(|p| p.session.tender().map(|t| t.stages.len()))
                .unwrap_or(0);
            let mut r = world.resource_mut::<RevealProgress>();
            r.shown = (r.shown + 1).min(total + 1);
        }
        UiAction::ToDebrief => {
            world.resource_mut::<ClassView>().message = None;
            go(world, Screen::Debrief);
        }
        UiAction::OpenInstructor => {
            load_class(world);
            go(world, Screen::Instructor);
        }
        UiAction::ExportClass => {
            let out = records_dir(world).join("report");
            let message = match world.resource::<ClassView>().report.as_ref() {
                Some(report) => export(report, &out, world.resource::<Prefs>().lang.as_str()),
                None => return,
            };
            world.resource_mut::<ClassView>().message = Some(message);
        }
        UiAction::ExportSession => {
            let Some(path) = world
                .resource::<Recording>()
                .0
                .as_ref()
                .map(|w| w.path().to_path_buf())
            else {
                return;
            };
            let Some(scenario) = world
                .get_resource::<Play>()
                .map(|p| p.session.scenario_arc())
            else {
                return;
            };
            let lang = world.resource::<Prefs>().lang.clone();
            let stem = path.file_name().map_or("session".into(), |f| {
                f.to_string_lossy()
                    .trim_end_matches(".record.ron")
                    .to_string()
            });
            let out = records_dir(world).join("reports").join(stem);
            let report = lost_order_core::report::build(scenario, &[path], &lang);
            let message = export(&report, &out, &lang);
            world.resource_mut::<ClassView>().message = Some(message);
        }
        UiAction::WhatIf(week) => {
            let Some(play) = world.get_resource::<Play>().map(|p| p.what_if(week)) else {
                return;
            };
            start_play(world, play);
            record_new(world);
        }
    }
}

fn go(world: &mut World, screen: Screen) {
    world.resource_mut::<NextState<Screen>>().set(screen);
}

/// Makes `play` the current session and shows the screen its phase needs.
fn start_play(world: &mut World, play: Play) {
    world.insert_resource(play);
    *world.resource_mut::<BoardUi>() = BoardUi::default();
    *world.resource_mut::<RevealProgress>() = RevealProgress::default();
    reset_draft(world);
    follow_phase(world);
}

fn reset_draft(world: &mut World) {
    let price = world
        .get_resource::<Play>()
        .map(|p| p.session.scenario().tender.default_price.clone())
        .unwrap_or_default();
    world.resource_mut::<BidDraft>().0 = lost_order_core::engine::Bid { price, ..default() };
}

/// Takes a decision in the session, saves it, and moves to the screen the new phase needs.
fn decide(world: &mut World, decision: Decision) {
    let Some(mut play) = world.get_resource_mut::<Play>() else {
        return;
    };
    let before = play.session.log().len();
    let result = play.decide(&decision);
    write_record(world);
    let lang = world.resource::<Prefs>().lang.clone();
    let play = world.resource::<Play>();
    let message = match result {
        Ok(()) => play.session.log()[before..]
            .iter()
            .rev()
            .find_map(|e| lost_order_core::narrate::describe(&play.session, &e.happening, &lang)),
        Err(e) => Some(e),
    };
    world.resource_mut::<BoardUi>().message = message;
    follow_phase(world);
}

fn follow_phase(world: &mut World) {
    let phase = world.resource::<Play>().session.phase().clone();
    let screen = match phase {
        Phase::Planning | Phase::Scene(_) => Screen::Board,
        Phase::Bidding => Screen::Tender,
        Phase::Ended => Screen::Reveal,
    };
    if *world.resource::<State<Screen>>().get() != screen {
        go(world, screen);
    }
}

/// Builds the class report of the records folder for the instructor view.
fn load_class(world: &mut World) {
    let dir = records_dir(world);
    let lang = world.resource::<Prefs>().lang.clone();
    let files = crate::cli::report::record_files(std::slice::from_ref(&dir)).unwrap_or_default();
    let report = (!files.is_empty())
        .then(|| crate::cli::report::scenario_of_class(&files).ok())
        .flatten()
        .map(|scenario| lost_order_core::report::build(scenario, &files, &lang));
    *world.resource_mut::<ClassView>() = ClassView {
        report,
        folder: dir.display().to_string(),
        message: None,
    };
}

/// Writes a report's files and says where, or what went wrong.
fn export(
    report: &lost_order_core::report::ClassReport,
    out: &std::path::Path,
    lang: &str,
) -> String {
    match crate::class_report::write(report, out) {
        Ok(()) => format!(
            "{} {}",
            crate::game::strings::tr(lang, "报告已写入", "Report written to"),
            out.join("index.html").display()
        ),
        Err(e) => format!("{e:#}"),
    }
}

/// Starts a record for the session just begun (a new one, or a "what if").
fn record_new(world: &mut World) {
    let dir = records_dir(world);
    let player = world.resource::<Prefs>().player.clone();
    let writer = world
        .get_resource::<Play>()
        .and_then(|p| play::start_record(&dir, p, &player));
    world.resource_mut::<Recording>().0 = writer;
}

/// Appends the newest decisions (and the outcome) to the record, synced to the disk.
fn write_record(world: &mut World) {
    let Some(session) = world.get_resource::<Play>().map(|p| p.session.clone()) else {
        return;
    };
    if let Some(writer) = world.resource_mut::<Recording>().0.as_mut()
        && let Err(e) = writer.sync(&session)
    {
        error!("cannot write the session record: {e}");
    }
}

fn records_dir(world: &World) -> std::path::PathBuf {
    world.resource::<Prefs>().records(world.resource::<Dirs>())
}

fn toggle_option(world: &mut World, id: String, emphasis: bool) {
    let Some(max) = world.get_resource::<Play>().map(|p| {
        let t = &p.session.scenario().tender;
        if emphasis {
            t.max_emphases
        } else {
            t.max_commitments
        }
    }) else {
        return;
    };
    let mut draft = world.resource_mut::<BidDraft>();
    let list = if emphasis {
        &mut draft.0.emphases
    } else {
        &mut draft.0.commitments
    };
    if let Some(i) = list.iter().position(|x| *x == id) {
        list.remove(i);
    } else if list.len() < max as usize {
        list.push(id);
    }
}

fn update_prefs(world: &mut World, change: impl FnOnce(&mut Prefs)) {
    let dirs = world.resource::<Dirs>().clone();
    let mut prefs = world.resource_mut::<Prefs>();
    change(&mut prefs);
    prefs.save(&dirs);
}

fn toggle_editing(world: &mut World, field: Editing) {
    let mut editing = world.resource_mut::<Editing>();
    *editing = if *editing == field {
        Editing::Nothing
    } else {
        field
    };
}

/// Applies the full-screen setting to the window, if there is one.
pub fn apply_window_mode(world: &mut World) {
    let fullscreen = world.resource::<Prefs>().fullscreen;
    let mut windows = world.query_filtered::<&mut Window, With<PrimaryWindow>>();
    for mut window in windows.iter_mut(world) {
        window.mode = if fullscreen {
            WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
    }
}

pub fn refresh_has_save(world: &mut World) {
    let dir = records_dir(world);
    let has = play::unfinished(&dir, world.resource::<Catalog>()).is_some();
    world.resource_mut::<HasSave>().0 = has;
}

fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}
