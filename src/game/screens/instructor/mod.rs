//! The instructor view, for projection: a live class from the class server (who joined,
//! where each trainee stands, outcomes as they arrive; `live`), or the class charts of a
//! folder of session records (`folder`).

mod charts;
mod folder;
mod live;

use bevy::prelude::*;

use super::{Ctx, GoTo, Prepare, Rebuild, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::prefs::Prefs;
use crate::game::theme::GAP_M;
use crate::game::widgets::{ButtonLook, button, heading, page, row};
pub use folder::export;
pub use live::{InstructorField, LiveClass};

/// What the instructor view's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum InstructorAction {
    /// Show the class from the class server, or from a records folder.
    Show(Source),
    /// Read the records folder again.
    Reload,
    /// Write the class report (HTML, CSV, JSON) into `<records>/report/`.
    Export,
    /// Start or stop typing into a field of the class server.
    Edit(InstructorField),
    /// Watch the class at the server typed, with the instructor token typed.
    Connect,
    /// Stop watching.
    Disconnect,
    /// Lock the class watched (true: no new trainee joins) or unlock it.
    Lock(bool),
    /// Give the class watched a new code.
    NewCode,
}

/// Where the instructor view takes the class from.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The class server, live.
    Server,
    /// The session records in the records folder of Settings.
    Folder,
}

/// The page that scrolls: its scroll is kept across the rebuilds of a live class.
#[derive(Component)]
struct InstructorPage;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<folder::FolderReport>()
        .add_systems(OnEnter(Screen::Instructor), prepare.in_set(Prepare))
        .add_systems(OnExit(Screen::Instructor), live::leave);
    live::plugin(app);
    build_screen(
        app,
        Screen::Instructor,
        rebuild,
        resource_changed::<Prefs>
            .or_eager(resource_changed::<folder::FolderReport>)
            .or_eager(resource_changed::<LiveClass>)
            .or_eager(resource_changed::<InstructorField>)
            .or_eager(resource_exists_and_changed::<Source>),
    );
    route::<InstructorAction>(app);
    app.configure_sets(Update, live::Typing.before(Rebuild));
}

/// On entering: the class from the source last shown, or the first time in a run, from the
/// class server when one is remembered in the settings, else from the records folder.
fn prepare(world: &mut World) {
    let source = match world.get_resource::<Source>() {
        Some(s) => *s,
        None if world
            .resource::<Prefs>()
            .instructor_address
            .trim()
            .is_empty() =>
        {
            Source::Folder
        }
        None => Source::Server,
    };
    world.insert_resource(source);
    match source {
        Source::Server => live::connect_on_enter(world),
        Source::Folder => folder::load_class(world),
    }
}

impl ScreenAction for InstructorAction {
    fn perform(self, world: &mut World) {
        match self {
            InstructorAction::Show(source) => {
                world.insert_resource(source);
                match source {
                    Source::Server => live::connect_on_enter(world),
                    Source::Folder => {
                        live::leave(world);
                        folder::load_class(world);
                    }
                }
            }
            InstructorAction::Reload => folder::load_class(world),
            InstructorAction::Export => folder::export_folder(world),
            InstructorAction::Edit(field) => live::edit(world, field),
            InstructorAction::Connect => live::connect(world),
            InstructorAction::Disconnect => live::leave(world),
            InstructorAction::Lock(locked) => live::change_door(world, Some(locked)),
            InstructorAction::NewCode => live::change_door(world, None),
        }
    }
}

fn rebuild(
    mut ui: ScreenUi,
    prefs: Res<Prefs>,
    source: Option<Res<Source>>,
    report: Res<folder::FolderReport>,
    live: Res<LiveClass>,
    editing: Res<InstructorField>,
    scrolled: Query<&ScrollPosition, With<InstructorPage>>,
) {
    let ctx = Ctx::new(&prefs);
    let source = source.map_or(Source::Folder, |s| *s);
    let offset = scrolled.iter().next().map_or(Vec2::ZERO, |s| s.0);
    ui.build(|root| {
        root.spawn((page(), InstructorPage))
            .insert(ScrollPosition(offset))
            .with_children(|p| {
                header(&ctx, source, p);
                match source {
                    Source::Server => live::build(&ctx, &prefs, *editing, &live, p),
                    Source::Folder => folder::build(&ctx, &report, p),
                }
            });
    });
}

/// The heading, the choice of source and Back.
fn header(ctx: &Ctx, source: Source, p: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    p.spawn(row(GAP_M)).with_children(|r| {
        r.spawn(heading(ctx.tr("讲师视图", "Instructor view"), k * 1.2));
        for (which, zh, en) in [
            (Source::Server, "课堂服务器（实时）", "Class server (live)"),
            (Source::Folder, "记录文件夹", "Records folder"),
        ] {
            let look = if which == source {
                ButtonLook::Selected
            } else {
                ButtonLook::Secondary
            };
            r.spawn(button(
                ctx.tr(zh, en),
                InstructorAction::Show(which),
                look,
                k,
            ));
        }
        r.spawn(button(
            ctx.tr("返回", "Back"),
            GoTo(Screen::Title),
            ButtonLook::Primary,
            k,
        ));
    });
}
