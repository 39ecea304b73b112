//! The instructor view's records folder: the class charts of a folder of session records
//! (this computer's, or one the class shares), for projection.

use std::path::Path;

use bevy::prelude::*;
use lost_order_app::{class_report, records};
use lost_order_core::report::ClassReport;

use super::InstructorAction;
use super::charts::{ChartFigures, class_charts};
use crate::game::Scenarios;
use crate::game::play::records_dir;
use crate::game::prefs::Prefs;
use crate::game::screens::Ctx;
use crate::game::theme::{GAP_M, Type, palette};
use crate::game::widgets::{ButtonLook, body, button, card, label, row, small};

/// The class report shown (built when the view opens or is reloaded) and the last export's result.
#[derive(Resource, Default)]
pub(super) struct FolderReport {
    report: Option<ClassReport>,
    folder: String,
    message: Option<String>,
}

/// Writes the class report of the folder into `<records>/report/` and says where.
pub(super) fn export_folder(world: &mut World) {
    let out = records_dir(world).join("report");
    let lang = world.resource::<Prefs>().lang.clone();
    let message = match world.resource::<FolderReport>().report.as_ref() {
        Some(report) => export(report, &out, &lang),
        None => return,
    };
    world.resource_mut::<FolderReport>().message = Some(message);
}

/// Builds the class report of the records folder.
pub(super) fn load_class(world: &mut World) {
    let dir = records_dir(world);
    let lang = world.resource::<Prefs>().lang.clone();
    let catalog = world.resource::<Scenarios>();
    let files = records::record_files(std::slice::from_ref(&dir)).unwrap_or_default();
    let report = (!files.is_empty())
        .then(|| records::scenario_of_class(&files, catalog).ok())
        .flatten()
        .map(|scenario| lost_order_core::report::build(scenario, &files, &lang));
    *world.resource_mut::<FolderReport>() = FolderReport {
        report,
        folder: dir.display().to_string(),
        message: None,
    };
}

/// Writes a report's files into `out` and says where, or what went wrong, in `lang`.
pub fn export(report: &ClassReport, out: &Path, lang: &str) -> String {
    match class_report::write(report, out) {
        Ok(()) => format!(
            "{} {}",
            lost_order_core::text::pick(lang, "报告已写入", "Report written to"),
            out.join("index.html").display()
        ),
        Err(e) => format!(
            "{} {e}",
            lost_order_core::text::pick(lang, "无法写入报告：", "Cannot write the report:")
        ),
    }
}

/// The folder's report into the page `p`: the folder, Reload and Export, the charts and a
/// line per trainee.
pub(super) fn build(ctx: &Ctx, view: &FolderReport, p: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    p.spawn(row(GAP_M)).with_children(|r| {
        r.spawn(button(
            ctx.tr("重新载入", "Reload"),
            InstructorAction::Reload,
            ButtonLook::Secondary,
            k,
        ));
        r.spawn(button(
            ctx.tr(
                "导出报告（HTML/CSV/JSON）",
                "Export the report (HTML/CSV/JSON)",
            ),
            InstructorAction::Export,
            ButtonLook::Secondary,
            k,
        ));
    });
    p.spawn(small(
        format!(
            "{}{}",
            ctx.tr("记录文件夹：", "Records folder: "),
            view.folder
        ),
        k,
    ));
    if let Some(m) = &view.message {
        p.spawn(body(m.clone(), k));
    }
    let Some(r) = &view.report else {
        p.spawn(body(
            ctx.tr(
                "这个文件夹里还没有练习记录。",
                "There are no session records in this folder yet.",
            ),
            k,
        ));
        return;
    };
    let mean = r.score_mean.map_or("–".to_string(), |m| format!("{m:.1}"));
    p.spawn(body(
        format!(
            "{} · {} {} · {} {} · {} {} · {} {} · {} {mean}",
            r.title,
            ctx.tr("学员", "trainees"),
            r.sessions.len(),
            ctx.tr("赢", "won"),
            r.won,
            ctx.tr("输", "lost"),
            r.lost,
            ctx.tr("未完成", "unfinished"),
            r.unfinished,
            ctx.tr("平均分", "mean score")
        ),
        k,
    ));
    class_charts(
        ctx,
        &ChartFigures {
            endings: &r.endings,
            scores: &r.scores,
            roles: &r.roles,
            mistakes: &r.mistakes,
            engagement: &r.engagement,
        },
        p,
    );
    p.spawn(card()).with_children(|c| {
        c.spawn(label(
            ctx.tr("每位学员", "Every trainee"),
            Type::Body,
            k,
            palette::INK_SOFT,
        ));
        for s in r.sessions.iter().chain(r.liao.iter()) {
            let outcome = match s.won {
                Some(true) => ctx.tr("赢", "won"),
                Some(false) => ctx.tr("输", "lost"),
                None => ctx.tr("未完成", "unfinished"),
            };
            let score = s.score.map_or("–".to_string(), |v| format!("{v}/100"));
            let player = if s.player.is_empty() {
                ctx.tr("（未署名）", "(no name)").to_string()
            } else {
                s.player.clone()
            };
            c.spawn(small(
                format!(
                    "{player} · {outcome} · {score} · {} {}/4",
                    ctx.tr("覆盖角色", "roles covered"),
                    s.covered.len()
                ),
                k,
            ));
        }
    });
    if !r.skipped.is_empty() {
        p.spawn(small(
            format!(
                "{} {}",
                r.skipped.len(),
                ctx.tr(
                    "份其他案例或版本的记录未纳入",
                    "records of another scenario or version were left out"
                )
            ),
            k,
        ));
    }
}
