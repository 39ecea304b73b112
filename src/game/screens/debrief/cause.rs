//! The debrief's real cause: what happened behind the scenes, how the tender went, the turning
//! point and any cap on the score, then the verdict last (`narrate::debrief_cause`).

use bevy::prelude::*;
use lost_order_core::debrief::{SmallestChange, TurningPoint};
use lost_order_core::engine::Session;
use lost_order_core::narrate::{DebriefCause, debrief_cause_with};

use crate::game::screens::Ctx;
use crate::game::theme::{GAP_S, Type, palette};
use crate::game::widgets::{body, card, column, label};

/// The card that says why the order was won or lost, and what would have changed it.
pub(super) fn why(
    ctx: &Ctx,
    s: &Session,
    turning: Option<&TurningPoint>,
    smallest: Option<&SmallestChange>,
    page: &mut ChildSpawnerCommands,
) {
    let k = ctx.scale;
    let cause = debrief_cause_with(s, turning, smallest, ctx.lang);
    let won = s.tender().is_some_and(|t| t.won);
    let [behind, tender, turn] = DebriefCause::headings(won, ctx.lang);
    page.spawn(card()).with_children(|c| {
        c.spawn(label(
            if won {
                ctx.tr("你为什么赢了", "Why you won")
            } else {
                ctx.tr("你为什么输了", "Why you lost")
            },
            Type::Heading,
            k,
            palette::INK,
        ));
        section(c, behind, &cause.timeline, k);
        section(c, tender, &cause.stages, k);
        let turned: Vec<String> = cause
            .turning_point
            .iter()
            .chain(&cause.smallest_change)
            .cloned()
            .collect();
        section(c, turn, &turned, k);
        if let Some(cap) = &cause.cap {
            c.spawn(label(cap.clone(), Type::Body, k, palette::LOST));
        }
        // The verdict comes last, after its causes.
        let colour = if won { palette::WON } else { palette::LOST };
        c.spawn(label(cause.verdict.clone(), Type::Heading, k * 0.9, colour));
    });
}

/// A heading and its lines; nothing when there are no lines.
fn section(card: &mut ChildSpawnerCommands, heading: &str, lines: &[String], k: f32) {
    if lines.is_empty() {
        return;
    }
    card.spawn(column(GAP_S)).with_children(|s| {
        s.spawn(label(heading, Type::Body, k, palette::INK_SOFT));
        for line in lines {
            s.spawn(body(line.clone(), k * 0.95));
        }
    });
}
