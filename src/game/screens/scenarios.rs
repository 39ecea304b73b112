//! Scenarios: every playable case with its title and summary, and the files that failed to load.

use bevy::prelude::*;
use lost_order_app::Catalog;

use super::briefing::Chosen;
use super::{Ctx, GoTo, Screen, ScreenAction, ScreenUi, build_screen, esc_to, route};
use crate::game::Scenarios;
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_M, Type, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card, column, footer, heading, label, page, small,
};

/// What the scenario list's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum ScenariosAction {
    /// Read the briefing of the case with this catalog key.
    Brief(String),
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        esc_to(Screen::Title).run_if(in_state(Screen::Scenarios)),
    );
    build_screen(app, Screen::Scenarios, rebuild, resource_changed::<Prefs>);
    route::<ScenariosAction>(app);
}

impl ScreenAction for ScenariosAction {
    fn perform(self, world: &mut World) {
        let ScenariosAction::Brief(key) = self;
        world.resource_mut::<Chosen>().0 = Some(key);
        world
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Briefing);
    }
}

fn rebuild(mut ui: ScreenUi, prefs: Res<Prefs>, catalog: Res<Scenarios>) {
    let ctx = Ctx::new(&prefs);
    ui.build(|root| build(&ctx, &catalog, root));
}

fn build(ctx: &Ctx, catalog: &Catalog, root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    root.spawn(page()).with_children(|page| {
        page.spawn(heading(ctx.tr("案例", "Scenarios"), s * 1.2));
        for entry in &catalog.entries {
            let m = &entry.scenario.meta;
            page.spawn(card()).with_children(|c| {
                c.spawn(heading(m.title.get(ctx.lang), s));
                c.spawn(body(m.summary.get(ctx.lang), s));
                c.spawn(small(
                    format!(
                        "{} · {} {} · {}",
                        entry.key,
                        entry.scenario.settings.weeks,
                        ctx.tr("周", "weeks"),
                        m.version
                    ),
                    s,
                ));
                c.spawn(Node { ..column(GAP_M) }).with_children(|b| {
                    b.spawn(button(
                        ctx.tr("阅读简报并开始", "Read the briefing"),
                        ScenariosAction::Brief(entry.key.clone()),
                        ButtonLook::Primary,
                        s,
                    ));
                });
            });
        }
        for problem in &catalog.problems {
            page.spawn(card()).with_children(|c| {
                c.spawn(label(
                    ctx.tr(
                        "无法载入的案例文件：",
                        "A scenario file that could not be loaded:",
                    ),
                    Type::Body,
                    s,
                    palette::LOST,
                ));
                c.spawn(small(problem.clone(), s));
            });
        }
    });
    root.spawn(footer()).with_children(|r| {
        r.spawn(button(
            ctx.tr("返回", "Back"),
            GoTo(Screen::Title),
            ButtonLook::Primary,
            s,
        ));
    });
}
