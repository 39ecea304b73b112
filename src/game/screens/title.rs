//! The title screen: the name in both languages, the main menu and the language switch.

use bevy::prelude::*;
use lost_order_app::records;
use lost_order_class::Enrolment;

use super::briefing::Chosen;
use super::{Ctx, GoTo, Prepare, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::Scenarios;
use crate::game::class;
use crate::game::play::{self, records_dir};
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_L, GAP_M, Type, palette};
use crate::game::widgets::{ButtonLook, button, column, label, row, small};

/// What the title's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum TitleAction {
    /// Brief the flagship case.
    NewSession,
    /// Resume this player's newest unfinished session record (the name in the settings;
    /// never another trainee's in a shared folder).
    Continue,
    Quit,
    /// Switch the language (`zh` or `en`), saved at once.
    SetLang(String),
}

/// Whether an unfinished session is saved (for Continue).
#[derive(Resource, Default)]
pub struct HasSave(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HasSave>()
        .add_systems(OnEnter(Screen::Title), refresh_has_save.in_set(Prepare))
        // Finished class sessions their class lacks are sent each time the title opens.
        .add_systems(OnEnter(Screen::Title), class::deliver_finished);
    build_screen(
        app,
        Screen::Title,
        rebuild,
        resource_changed::<Prefs>
            .or_eager(resource_changed::<HasSave>)
            .or_eager(resource_changed::<class::Deliveries>),
    );
    route::<TitleAction>(app);
}

impl ScreenAction for TitleAction {
    fn perform(self, world: &mut World) {
        match self {
            TitleAction::NewSession => {
                let key = world
                    .resource::<Scenarios>()
                    .flagship()
                    .map(|e| e.key.clone());
                world.resource_mut::<Chosen>().0 = key;
                world
                    .resource_mut::<NextState<Screen>>()
                    .set(Screen::Briefing);
            }
            TitleAction::Continue => {
                let dir = records_dir(world);
                let player = world.resource::<Prefs>().player.clone();
                let catalog = world.resource::<Scenarios>();
                let resumed = records::unfinished(&dir, catalog, &player).map(|path| {
                    records::resume(&path, None, catalog)
                        .inspect_err(|e| warn!("cannot continue {}: {e}", path.display()))
                        .map(|r| (r, path))
                });
                match resumed {
                    Some(Ok((r, path))) => {
                        for w in r.record.warnings.iter().chain(&r.scenario_warning) {
                            warn!("{w}");
                        }
                        play::start(world, r.key, r.session, Some(r.writer));
                        // A session played in a class goes on in that class.
                        match Enrolment::of(&path) {
                            Ok(Some(note)) => class::rejoin(world, note),
                            Ok(None) => {}
                            Err(e) => warn!("{e}"),
                        }
                    }
                    _ => world.resource_mut::<HasSave>().0 = false,
                }
            }
            TitleAction::Quit => {
                world.write_message(AppExit::Success);
            }
            TitleAction::SetLang(lang) => crate::game::prefs::update(world, |p| p.lang = lang),
        }
    }
}

fn refresh_has_save(
    prefs: Res<Prefs>,
    home: Res<crate::game::prefs::Home>,
    catalog: Res<Scenarios>,
    mut has: ResMut<HasSave>,
) {
    let has_save = records::unfinished(&prefs.records(&home), &catalog, &prefs.player).is_some();
    if has.0 != has_save {
        has.0 = has_save;
    }
}

fn rebuild(
    mut ui: ScreenUi,
    prefs: Res<Prefs>,
    has_save: Res<HasSave>,
    deliveries: Res<class::Deliveries>,
) {
    let ctx = Ctx::new(&prefs);
    // A settings file that could not be read was set aside at start: say so, in words; and
    // what the sending of finished class sessions did.
    let notes: Vec<String> = (prefs.set_aside.as_ref().map(|a| a.message(ctx.lang)))
        .into_iter()
        .chain(deliveries.last.as_ref().and_then(|t| t.words(ctx.lang)))
        .collect();
    ui.build(|root| build(&ctx, has_save.0, &notes, root));
}

fn build(ctx: &Ctx, has_save: bool, notes: &[String], root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    root.spawn(Node {
        width: percent(100),
        height: percent(100),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::Center,
        row_gap: px(GAP_L),
        overflow: Overflow::scroll_y(),
        ..default()
    })
    .with_children(|page| {
        page.spawn(label(
            ctx.tr("失之交臂的订单", "The Lost Order"),
            Type::Title,
            s * 1.3,
            palette::INK,
        ));
        page.spawn(small(
            ctx.tr(
                "大客户销售策略案例模拟",
                "A key-account sales case simulator",
            ),
            s,
        ));
        page.spawn(Node {
            height: px(GAP_L),
            ..default()
        });
        page.spawn(Node {
            width: px(320.0 * s),
            ..column(GAP_M)
        })
        .with_children(|menu| {
            if has_save {
                menu.spawn(button(
                    ctx.tr("继续", "Continue"),
                    TitleAction::Continue,
                    ButtonLook::Primary,
                    s,
                ));
            }
            let look = if has_save {
                ButtonLook::Secondary
            } else {
                ButtonLook::Primary
            };
            menu.spawn(button(
                ctx.tr("开始新的一局", "New game"),
                TitleAction::NewSession,
                look,
                s,
            ));
            menu.spawn(button(
                ctx.tr("加入课堂", "Join a class"),
                GoTo(Screen::Join),
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("案例", "Scenarios"),
                GoTo(Screen::Scenarios),
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("设置", "Settings"),
                GoTo(Screen::Settings),
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("讲师视图", "Instructor view"),
                GoTo(Screen::Instructor),
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("退出", "Quit"),
                TitleAction::Quit,
                ButtonLook::Secondary,
                s,
            ));
        });
        // Notes may be long (an error in words): a column of their own, centred line by line.
        for note in notes {
            page.spawn(Node {
                max_width: px(560.0 * s),
                ..default()
            })
            .with_children(|n| {
                n.spawn(small(note.clone(), s)).insert(TextLayout {
                    justify: Justify::Center,
                    linebreak: LineBreak::WordOrCharacter,
                });
            });
        }
        page.spawn(row(GAP_M)).with_children(|langs| {
            for (code, name) in [("zh", "中文"), ("en", "English")] {
                let look = if ctx.lang == code {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                };
                langs.spawn(button(name, TitleAction::SetLang(code.into()), look, s));
            }
        });
    });
}
