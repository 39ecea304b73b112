//! The briefing: the case, your goal and your resources, then Start.

use bevy::prelude::*;
use lost_order_app::Entry;
use lost_order_core::engine::Session;

use super::{Ctx, GoTo, Screen, ScreenAction, ScreenUi, build_screen, esc_to, route};
use crate::game::Scenarios;
use crate::game::play::{self, new_seed};
use crate::game::prefs::Prefs;
use crate::game::widgets::{ButtonLook, body, button, card, footer, heading, narrow_page, small};

/// The catalog key of the case being briefed.
#[derive(Resource, Clone, Debug, Default)]
pub struct Chosen(pub Option<String>);

/// What the briefing's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum BriefingAction {
    /// Start a new session of the chosen case.
    Start,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Chosen>().add_systems(
        Update,
        esc_to(Screen::Title).run_if(in_state(Screen::Briefing)),
    );
    build_screen(
        app,
        Screen::Briefing,
        rebuild,
        resource_changed::<Prefs>.or_eager(resource_changed::<Chosen>),
    );
    route::<BriefingAction>(app);
}

impl ScreenAction for BriefingAction {
    fn perform(self, world: &mut World) {
        let BriefingAction::Start = self;
        let Some(key) = world.resource::<Chosen>().0.clone() else {
            return;
        };
        let Some(entry) = world.resource::<Scenarios>().get(&key).cloned() else {
            return;
        };
        let session = Session::new(entry.scenario, new_seed(world));
        play::start(world, Some(key), session, None);
    }
}

fn rebuild(mut ui: ScreenUi, prefs: Res<Prefs>, catalog: Res<Scenarios>, chosen: Res<Chosen>) {
    let ctx = Ctx::new(&prefs);
    let entry = chosen.0.as_deref().and_then(|k| catalog.get(k));
    ui.build(|root| build(&ctx, entry, root));
}

fn build(ctx: &Ctx, entry: Option<&Entry>, root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    let Some(entry) = entry else {
        root.spawn(button(
            ctx.tr("返回", "Back"),
            GoTo(Screen::Title),
            ButtonLook::Primary,
            s,
        ));
        return;
    };
    let sc = &entry.scenario;
    let m = &sc.meta;
    root.spawn(narrow_page()).with_children(|page| {
        page.spawn(heading(m.title.get(ctx.lang), s * 1.3));
        page.spawn(card()).with_children(|c| {
            c.spawn(small(ctx.tr("案情", "The case"), s));
            for para in m.briefing.get(ctx.lang).split("\n\n") {
                c.spawn(body(para, s));
            }
        });
        page.spawn(card()).with_children(|c| {
            c.spawn(small(
                ctx.tr("你的身份与目标", "Who you are and your goal"),
                s,
            ));
            c.spawn(body(m.player.get(ctx.lang), s));
            c.spawn(body(m.goal.get(ctx.lang), s));
            for o in &m.objectives {
                c.spawn(body(format!("• {}", o.get(ctx.lang)), s));
            }
        });
        page.spawn(card()).with_children(|c| {
            c.spawn(small(ctx.tr("你的资源", "Your resources"), s));
            let set = &sc.settings;
            c.spawn(body(
                format!(
                    "{} {} · {} {} · {} {} {}",
                    set.weeks,
                    ctx.tr("周后开标", "weeks to the tender"),
                    ctx.tr("每周行动点", "action points a week:"),
                    set.action_points,
                    ctx.tr("预算", "budget:"),
                    set.budget,
                    set.money.get(ctx.lang)
                ),
                s,
            ));
        });
    });
    root.spawn(footer()).with_children(|r| {
        r.spawn(button(
            ctx.tr("开始", "Start"),
            BriefingAction::Start,
            ButtonLook::Primary,
            s,
        ));
        r.spawn(button(
            ctx.tr("返回", "Back"),
            GoTo(Screen::Title),
            ButtonLook::Secondary,
            s,
        ));
    });
}
