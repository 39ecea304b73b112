//! Customer grading before the case (客户分级): each of the company's accounts with the
//! course's four indicator groups, a grade to give each, and what the grade given to this
//! customer grants. Shown when the session is in `Phase::Grading`.

use std::collections::BTreeMap;

use bevy::prelude::*;
use lost_order_core::engine::{Decision, Session};
use lost_order_core::narrate::{grade_label, grading_title, indicator_name};
use lost_order_core::scenario::{Grade, Grading, Id, Indicator};
use lost_order_core::text::fill;

use super::{Ctx, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::play::{self, Decided, Play, SessionStarted};
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_M, Type, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card, disabled_button, footer, heading, label, page, row, small,
};

/// What the grading screen's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum GradingAction {
    /// Give this account (by id) this grade.
    Set { account: Id, grade: Grade },
    /// Hand in the grades of every account.
    Submit,
}

/// The grades given so far, by account id, and the last refusal.
#[derive(Resource, Clone, Debug, Default)]
struct GradeDraft {
    grades: BTreeMap<Id, Grade>,
    refused: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GradeDraft>()
        .add_observer(|_: On<SessionStarted>, mut draft: ResMut<GradeDraft>| {
            *draft = GradeDraft::default()
        })
        .add_observer(|d: On<Decided>, mut draft: ResMut<GradeDraft>| {
            if matches!(d.decision, Decision::Grade(_)) && !d.taken {
                draft.refused = d.message.clone();
            }
        });
    build_screen(
        app,
        Screen::Grading,
        rebuild,
        resource_changed::<Prefs>.or_eager(resource_changed::<GradeDraft>),
    );
    route::<GradingAction>(app);
}

impl ScreenAction for GradingAction {
    fn perform(self, world: &mut World) {
        match self {
            GradingAction::Set { account, grade } => {
                world
                    .resource_mut::<GradeDraft>()
                    .grades
                    .insert(account, grade);
            }
            GradingAction::Submit => {
                let Some(order) = world
                    .get_resource::<Play>()
                    .and_then(|p| p.session.grading())
                    .map(|g| g.accounts.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                else {
                    return;
                };
                let draft = world.resource::<GradeDraft>();
                let grades = order
                    .into_iter()
                    .filter_map(|id| draft.grades.get(&id).map(|g| (id, *g)))
                    .collect();
                play::decide(world, &Decision::Grade(grades));
            }
        }
    }
}

fn rebuild(mut ui: ScreenUi, prefs: Res<Prefs>, draft: Res<GradeDraft>, play: Option<Res<Play>>) {
    let Some(play) = play else { return };
    let ctx = Ctx::new(&prefs);
    ui.build(|root| build(&ctx, &play.session, &draft, root));
}

fn build(ctx: &Ctx, s: &Session, draft: &GradeDraft, root: &mut ChildSpawnerCommands) {
    let Some(grading) = s.grading() else { return };
    let k = ctx.scale;
    root.spawn(page()).with_children(|page| {
        page.spawn(heading(grading_title(ctx.lang), k * 1.3));
        if let Some(intro) = &grading.intro {
            page.spawn(body(intro.get(ctx.lang), k));
        }
        for account in &grading.accounts {
            page.spawn(card()).with_children(|c| {
                c.spawn(label(
                    account.name.get(ctx.lang),
                    Type::Heading,
                    k,
                    palette::INK,
                ));
                c.spawn(small(account.description.get(ctx.lang), k));
                for group in Indicator::ALL {
                    c.spawn(body(
                        format!(
                            "{}{}{}",
                            indicator_name(group, ctx.lang),
                            ctx.tr("：", ": "),
                            account.indicator(group).get(ctx.lang)
                        ),
                        k * 0.95,
                    ));
                }
                c.spawn(row(GAP_M)).with_children(|r| {
                    for grade in Grade::ALL {
                        let chosen = draft.grades.get(&account.id) == Some(&grade);
                        r.spawn(button(
                            grade_label(grade, ctx.lang),
                            GradingAction::Set {
                                account: account.id.clone(),
                                grade,
                            },
                            if chosen {
                                ButtonLook::Selected
                            } else {
                                ButtonLook::Secondary
                            },
                            k,
                        ));
                    }
                });
                if account.id == grading.this {
                    c.spawn(small(grants(ctx, s, grading), k));
                }
            });
        }
    });
    root.spawn(footer()).with_children(|f| {
        let missing = grading
            .accounts
            .iter()
            .filter(|a| !draft.grades.contains_key(&a.id))
            .count();
        let text = ctx.tr("完成分级，开始第 1 周", "Done: start week 1");
        if missing == 0 {
            f.spawn(button(text, GradingAction::Submit, ButtonLook::Primary, k));
        } else {
            f.spawn(disabled_button(text, GradingAction::Submit, k));
            let left = match missing {
                1 => ctx.tr("还有 1 个客户没有分级", "1 account still to grade"),
                _ => ctx.tr("还有 {n} 个客户没有分级", "{n} accounts still to grade"),
            };
            f.spawn(small(fill(left, &[("n", &missing.to_string())]), k));
        }
        if let Some(why) = &draft.refused {
            f.spawn(label(why.clone(), Type::Small, k, palette::LOST));
        }
        f.spawn(super::class_line());
    });
}

/// What each grade given to this customer grants: "评为 A 级：每周 3 个行动点，预算 60 千元；…".
fn grants(ctx: &Ctx, s: &Session, grading: &Grading) -> String {
    let settings = &s.scenario().settings;
    let money = settings.money.get(ctx.lang);
    let each: Vec<String> = Grade::ALL
        .into_iter()
        .filter_map(|g| grading.resources_for(g).map(|r| (g, r)))
        .map(|(g, r)| {
            fill(
                ctx.tr(
                    "{g} 级：每周 {p} 个行动点，预算 {b} {money}",
                    "{g}: {p} action points a week, a budget of {b} {money}",
                ),
                &[
                    ("g", g.letter()),
                    (
                        "p",
                        &r.action_points
                            .unwrap_or(settings.action_points)
                            .to_string(),
                    ),
                    ("b", &r.budget.unwrap_or(settings.budget).to_string()),
                    ("money", money),
                ],
            )
        })
        .collect();
    format!(
        "{}{}",
        ctx.tr(
            "你给本客户的级别决定你在本案中的资源——",
            "The grade you give this customer sets your resources for the case: "
        ),
        each.join(ctx.tr("；", "; "))
    )
}
