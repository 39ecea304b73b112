//! The reveal: the tender's stages one after another, then won or lost.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use lost_order_core::narrate;

use super::{Ctx, Redraw, RevealProgress, Screen, UiAction};
use crate::game::play::Play;
use crate::game::theme::{Type, palette};
use crate::game::widgets::{ButtonLook, body, button, card, heading, label, narrow_page, small};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Reveal), |mut r: ResMut<RevealProgress>| {
        *r = RevealProgress::default()
    })
    .add_systems(Update, advance.run_if(in_state(Screen::Reveal)));
}

/// Shows one more stage each tick, asking for frames while the reveal runs.
fn advance(
    time: Res<Time>,
    mut progress: ResMut<RevealProgress>,
    play: Option<Res<Play>>,
    mut redraw: ResMut<Redraw>,
    mut frames: MessageWriter<RequestRedraw>,
) {
    let total = play
        .and_then(|p| p.session.tender().map(|t| t.stages.len()))
        .unwrap_or(0);
    if progress.shown > total {
        return;
    }
    frames.write(RequestRedraw);
    if progress.timer.tick(time.delta()).just_finished() {
        progress.shown += 1;
        redraw.0 = true;
    }
}

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let Some(play) = ctx.play else { return };
    let s = &play.session;
    let Some(t) = s.tender() else { return };
    let k = ctx.scale;
    let sc = s.scenario();
    root.spawn(narrow_page()).with_children(|page| {
        page.spawn(heading(ctx.tr("开标", "The tender is decided"), k * 1.3));
        for (i, v) in t.stages.iter().enumerate().take(ctx.reveal.shown) {
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
        if ctx.reveal.shown > t.stages.len() {
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
            });
            page.spawn(button(
                ctx.tr("查看复盘", "Go to the debrief"),
                UiAction::ToDebrief,
                ButtonLook::Primary,
                k,
            ));
        } else {
            page.spawn(button(
                ctx.tr("下一步", "Next"),
                UiAction::RevealNext,
                ButtonLook::Primary,
                k,
            ));
        }
    });
}
