//! The reveal: the tender's stages one after another, then won or lost.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use lost_order_core::narrate;

use super::{Ctx, GoTo, Prepare, Rebuild, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::play::Play;
use crate::game::prefs::Prefs;
use crate::game::theme::{Type, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card, footer, heading, label, narrow_page, small,
};

/// What the reveal's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum RevealAction {
    /// Show the next stage now, without waiting.
    Next,
}

/// How far the reveal has got: stages shown (one more than the stages means the outcome too).
#[derive(Resource, Debug)]
pub struct RevealProgress {
    pub shown: usize,
    /// Shows the next stage when it finishes (every 1.2 s).
    pub timer: Timer,
}

impl Default for RevealProgress {
    fn default() -> Self {
        RevealProgress {
            shown: 0,
            timer: Timer::from_seconds(1.2, TimerMode::Repeating),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RevealProgress>()
        .add_systems(
            OnEnter(Screen::Reveal),
            (|mut r: ResMut<RevealProgress>| *r = RevealProgress::default()).in_set(Prepare),
        )
        .add_systems(
            Update,
            advance.before(Rebuild).run_if(in_state(Screen::Reveal)),
        );
    build_screen(
        app,
        Screen::Reveal,
        rebuild,
        resource_changed::<Prefs>.or_eager(resource_changed::<RevealProgress>),
    );
    route::<RevealAction>(app);
}

impl ScreenAction for RevealAction {
    fn perform(self, world: &mut World) {
        let RevealAction::Next = self;
        let total = stages(world.get_resource::<Play>());
        let mut r = world.resource_mut::<RevealProgress>();
        r.shown = (r.shown + 1).min(total + 1);
    }
}

fn stages(play: Option<&Play>) -> usize {
    play.and_then(|p| p.session.tender().map(|t| t.stages.len()))
        .unwrap_or(0)
}

/// Shows one more stage each tick, asking for frames while the reveal runs. The timer ticks
/// without marking the progress changed, so the screen is rebuilt only when a stage appears.
fn advance(
    time: Res<Time>,
    mut progress: ResMut<RevealProgress>,
    play: Option<Res<Play>>,
    mut frames: MessageWriter<RequestRedraw>,
) {
    let total = stages(play.as_deref());
    if progress.shown > total {
        return;
    }
    frames.write(RequestRedraw);
    let timer = &mut progress.bypass_change_detection().timer;
    if timer.tick(time.delta()).just_finished() {
        progress.shown += 1;
    }
}

fn rebuild(
    mut ui: ScreenUi,
    prefs: Res<Prefs>,
    progress: Res<RevealProgress>,
    play: Option<Res<Play>>,
) {
    let Some(play) = play else { return };
    let ctx = Ctx::new(&prefs);
    ui.build(|root| build(&ctx, progress.shown, &play, root));
}

fn build(ctx: &Ctx, shown: usize, play: &Play, root: &mut ChildSpawnerCommands) {
    let s = &play.session;
    let Some(t) = s.tender() else { return };
    let k = ctx.scale;
    let sc = s.scenario();
    root.spawn(narrow_page()).with_children(|page| {
        page.spawn(heading(ctx.tr("开标", "The tender is decided"), k * 1.3));
        for (i, v) in t.stages.iter().enumerate().take(shown) {
            page.spawn(card()).with_children(|c| {
                let name = sc
                    .tender
                    .stages
                    .iter()
                    .find(|x| x.id == v.stage)
                    .map(|x| x.name.get(ctx.lang))
                    .unwrap_or("");
                let verdict = if v.we_pass {
                    ctx.tr("通过", "passed")
                } else {
                    ctx.tr("出局", "out")
                };
                let colour = if v.we_pass {
                    palette::WON
                } else {
                    palette::LOST
                };
                c.spawn(label(
                    format!("{}. {name} — {verdict}", i + 1),
                    Type::Heading,
                    k,
                    colour,
                ));
                c.spawn(body(narrate::stage_reason(s, v, ctx.lang), k));
            });
        }
        if shown > t.stages.len() {
            let ending = sc.endings.iter().find(|e| e.id == t.ending);
            page.spawn(card()).with_children(|c| {
                let (text, colour) = if t.won {
                    (ctx.tr("你赢得了订单", "You won the order"), palette::WON)
                } else {
                    (ctx.tr("你失去了订单", "You lost the order"), palette::LOST)
                };
                c.spawn(label(text, Type::Title, k, colour));
                if let Some(e) = ending {
                    c.spawn(heading(e.title.get(ctx.lang), k));
                    c.spawn(body(e.text.get(ctx.lang), k));
                }
                if let Some(last) = narrate::explain(s, ctx.lang).last() {
                    c.spawn(small(last.clone(), k));
                }
                if let Some(profit) = narrate::profit(s, ctx.lang) {
                    c.spawn(small(profit, k));
                }
            });
        }
    });
    root.spawn(footer()).with_children(|f| {
        if shown > t.stages.len() {
            f.spawn(button(
                ctx.tr("查看复盘", "Go to the debrief"),
                GoTo(Screen::Debrief),
                ButtonLook::Primary,
                k,
            ));
        } else {
            f.spawn(button(
                ctx.tr("下一步", "Next"),
                RevealAction::Next,
                ButtonLook::Primary,
                k,
            ));
        }
        f.spawn(super::class_line());
    });
}
