//! The debrief: score and rubric, true vs believed stances by week, roles covered, your path
//! beside Liao's, and "what if" replays from any week with the same seed.

mod cause;
mod charts;

use bevy::prelude::*;
use lost_order_core::debrief::{SmallestChange, TurningPoint};
use lost_order_core::engine::Session;
use lost_order_core::policy::Policy;

use super::instructor::export;
use super::{Ctx, GoTo, Prepare, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::play::{self, Play, Recording, records_dir};
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_L, GAP_M, Type, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card, column, footer, heading, label, page, row, small,
};

/// What the debrief's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum DebriefAction {
    /// Play again from the start of this week, with the same seed and the earlier decisions.
    WhatIf(u32),
    /// Write this session's report (HTML, CSV, JSON) beside the records.
    ExportSession,
}

/// Liao's path with the same scenario and seed, computed once when the debrief opens.
#[derive(Resource, Default)]
struct LiaoPath(Option<Session>);

/// Where a lost order could have been turned around (the course's moves from week N on),
/// computed once when the debrief opens: it plays up to one session per week.
#[derive(Resource, Default)]
struct Turning(Option<TurningPoint>, Option<SmallestChange>);

/// Where the last export went, or what went wrong.
#[derive(Resource, Default)]
struct Exported(Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LiaoPath>()
        .init_resource::<Turning>()
        .init_resource::<Exported>()
        .add_systems(
            OnEnter(Screen::Debrief),
            (play_liao, find_turning_point, |mut e: ResMut<Exported>| {
                e.0 = None
            })
                .in_set(Prepare),
        );
    build_screen(
        app,
        Screen::Debrief,
        rebuild,
        resource_changed::<Prefs>.or_eager(resource_changed::<Exported>),
    );
    route::<DebriefAction>(app);
}

impl ScreenAction for DebriefAction {
    fn perform(self, world: &mut World) {
        match self {
            DebriefAction::WhatIf(week) => {
                let Some(play) = world.get_resource::<Play>() else {
                    return;
                };
                let key = play.key.clone();
                match play.session.what_if(week) {
                    Ok(session) => play::start(world, key, session, None),
                    Err(e) => {
                        let lang = world.resource::<Prefs>().lang.clone();
                        let scenario = world.resource::<Play>().session.scenario_arc();
                        let message = lost_order_core::narrate::error(&scenario, &e, &lang);
                        world.resource_mut::<Exported>().0 = Some(message);
                    }
                }
            }
            DebriefAction::ExportSession => {
                let message = export_session(world);
                world.resource_mut::<Exported>().0 = message;
            }
        }
    }
}

/// Writes the report of the session being debriefed under `<records>/reports/<record name>/`.
fn export_session(world: &World) -> Option<String> {
    let path = world
        .resource::<Recording>()
        .0
        .as_ref()?
        .path()
        .to_path_buf();
    let scenario = world.get_resource::<Play>()?.session.scenario_arc();
    let lang = world.resource::<Prefs>().lang.clone();
    let stem = path.file_name().map_or("session".into(), |f| {
        f.to_string_lossy()
            .trim_end_matches(".record.ron")
            .to_string()
    });
    let out = records_dir(world).join("reports").join(stem);
    let report = lost_order_core::report::build(scenario, &[path], &lang);
    Some(export(&report, &out, &lang))
}

fn play_liao(play: Option<Res<Play>>, mut liao: ResMut<LiaoPath>) {
    liao.0 = play.and_then(|p| {
        let s = &p.session;
        lost_order_core::simulate::play(s.scenario_arc(), Policy::Liao, s.seed())
            .ok()
            .map(|run| run.session)
    });
}

fn find_turning_point(play: Option<Res<Play>>, mut turning: ResMut<Turning>) {
    let session = play.as_ref().map(|p| &p.session);
    turning.0 = session.and_then(Session::turning_point);
    turning.1 = session.and_then(Session::smallest_change);
}

fn rebuild(
    mut ui: ScreenUi,
    prefs: Res<Prefs>,
    play: Option<Res<Play>>,
    liao: Res<LiaoPath>,
    turning: Res<Turning>,
    exported: Res<Exported>,
) {
    let Some(play) = play else { return };
    let ctx = Ctx::new(&prefs);
    let compared = Compared {
        liao: liao.0.as_ref(),
        turning: turning.0.as_ref(),
        smallest: turning.1.as_ref(),
    };
    ui.build(|root| build(&ctx, &play.session, &compared, &exported, root));
}

/// What the player's session is compared with.
struct Compared<'a> {
    liao: Option<&'a Session>,
    turning: Option<&'a TurningPoint>,
    smallest: Option<&'a SmallestChange>,
}

fn build(
    ctx: &Ctx,
    s: &Session,
    compared: &Compared,
    exported: &Exported,
    root: &mut ChildSpawnerCommands,
) {
    let Some(t) = s.tender() else { return };
    let k = ctx.scale;
    let sc = s.scenario();
    root.spawn(page()).with_children(|page| {
        page.spawn(row(GAP_L)).with_children(|r| {
            r.spawn(heading(ctx.tr("复盘", "Debrief"), k * 1.3));
            let (text, colour) = if t.won {
                (ctx.tr("赢得订单", "Order won"), palette::WON)
            } else {
                (ctx.tr("失去订单", "Order lost"), palette::LOST)
            };
            r.spawn(label(text, Type::Heading, k, colour));
            r.spawn(label(
                format!("{} {}/100", ctx.tr("得分", "Score"), t.score.total),
                Type::Heading,
                k,
                palette::ACCENT,
            ));
        });
        cause::why(ctx, s, compared.turning, compared.smallest, page);
        // How the player graded the company's accounts before the case, if the case asked.
        let review = lost_order_core::narrate::grades_review(s, ctx.lang);
        if !review.is_empty() {
            page.spawn(card()).with_children(|c| {
                c.spawn(label(
                    lost_order_core::narrate::grading_title(ctx.lang),
                    Type::Body,
                    k,
                    palette::INK_SOFT,
                ));
                for line in review {
                    c.spawn(body(line, k * 0.95));
                }
            });
        }
        page.spawn(card()).with_children(|c| {
            c.spawn(label(
                ctx.tr("评分细则", "The rubric"),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            for (line, got) in sc.rubric.iter().zip(&t.score.lines) {
                c.spawn(column(2.0)).with_children(|l| {
                    // A line not earned at all is named as the failure it is.
                    let (colour, name) = if got.points == 0 {
                        (palette::LOST, line.missed_label(ctx.lang))
                    } else {
                        (palette::INK, line.label.get(ctx.lang).to_string())
                    };
                    l.spawn(label(
                        format!("{:>3}/{:<3} {}", got.points, got.max, name),
                        Type::Body,
                        k,
                        colour,
                    ));
                    l.spawn(small(
                        format!(
                            "{}{}",
                            ctx.tr("概念：", "Concept: "),
                            line.concept.get(ctx.lang)
                        ),
                        k,
                    ));
                    l.spawn(small(
                        format!(
                            "{}{}",
                            ctx.tr("启示：", "Lesson: "),
                            line.lesson.get(ctx.lang)
                        ),
                        k,
                    ));
                });
            }
        });
        charts::stance_chart(ctx, s, page);
        charts::roles(ctx, s, page);
        charts::paths(ctx, s, compared.liao, page);
        page.spawn(card()).with_children(|c| {
            c.spawn(label(
                ctx.tr(
                    "如果当初……：用同一个种子从某一周重来",
                    "What if: replay from week N with the same seed",
                ),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            c.spawn(row(GAP_M)).with_children(|r| {
                for week in 1..=sc.settings.weeks {
                    r.spawn(button(
                        ctx.week(week),
                        DebriefAction::WhatIf(week),
                        ButtonLook::Secondary,
                        k,
                    ));
                }
            });
        });
    });
    root.spawn(footer()).with_children(|r| {
        r.spawn(button(
            ctx.tr("回到标题画面", "Back to the title"),
            GoTo(Screen::Title),
            ButtonLook::Primary,
            k,
        ));
        r.spawn(button(
            ctx.tr("导出本局的报告", "Export this game's report"),
            DebriefAction::ExportSession,
            ButtonLook::Secondary,
            k,
        ));
        if let Some(m) = &exported.0 {
            r.spawn(small(m.clone(), k));
        }
        r.spawn(super::class_line());
    });
}
