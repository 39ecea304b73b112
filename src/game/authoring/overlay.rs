//! What play-while-writing shows over the game: the overlay with the file's mistakes (and the
//! restart it offers when the session no longer replays), and the brief "reloaded" notice.

use std::time::Duration;

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use bevy::text::{TextBackgroundColor, Underline};
use bevy::window::RequestRedraw;

use lost_order_core::text::is_chinese;

use super::reload::Mistake;
use super::{AuthoringAction, NOTICE_FOR, Watched};
use crate::game::prefs::Prefs;
use crate::game::screens::{Ctx, Rebuild, ScreenRoot};
use crate::game::theme::{GAP_L, GAP_M, GAP_S, RADIUS, Type, palette};
use crate::game::widgets::{ButtonLook, body, button, column, heading, label, row, small};

/// The root of the overlay (over every screen, never part of one).
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct Overlay;

/// The root of the "reloaded" notice.
#[derive(Component, Clone, Copy, Debug, Default)]
struct NoticeRoot;

/// The brief notice after a good version loaded.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub enum Notice {
    #[default]
    None,
    /// A good version loaded at `at` (real time since start); `replayed` decisions of the
    /// session in progress replayed on it, when there was one.
    Reloaded {
        replayed: Option<usize>,
        warnings: usize,
        at: Duration,
    },
    /// A new session of the new version started at `at`.
    Restarted { at: Duration },
}

impl Notice {
    /// The notice's words in `ctx`'s language; `None` when there is no notice.
    pub fn text(&self, ctx: &Ctx, file: &str) -> Option<String> {
        match self {
            Notice::None => None,
            Notice::Reloaded {
                replayed, warnings, ..
            } => {
                let mut text = format!("{} {file}", ctx.tr("已重新载入", "Reloaded"));
                if *replayed == Some(0) {
                    text += ctx.tr("，这一局继续", " · the session goes on");
                }
                if let Some(n) = replayed.filter(|n| *n > 0) {
                    text += &if is_chinese(ctx.lang) {
                        format!("，这一局继续（重放了 {n} 个决定）")
                    } else {
                        format!(" · the session goes on ({n} decisions replayed)")
                    };
                }
                if *warnings > 0 {
                    text += &if is_chinese(ctx.lang) {
                        format!("，{warnings} 条警告（lost-order check 可查看）")
                    } else {
                        format!(" · {warnings} warnings (see lost-order check)")
                    };
                }
                Some(text)
            }
            Notice::Restarted { .. } => Some(
                ctx.tr(
                    "已用新版本重新开始（同一随机种子）",
                    "Restarted with the new version (same seed)",
                )
                .to_string(),
            ),
        }
    }

    fn at(&self) -> Option<Duration> {
        match self {
            Notice::None => None,
            Notice::Reloaded { at, .. } | Notice::Restarted { at } => Some(*at),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            build_overlay.run_if(resource_changed::<Watched>.or_eager(resource_changed::<Prefs>)),
            build_notice.run_if(resource_changed::<Notice>.or_eager(resource_changed::<Prefs>)),
            expire_notice,
            make_room,
        )
            .after(Rebuild),
    );
}

/// Mistakes shown at most; the count of the others follows.
const MISTAKES_SHOWN: usize = 5;

/// Characters of the erroneous line kept on each side of the mistake.
const CONTEXT: usize = 60;

fn build_overlay(
    mut commands: Commands,
    roots: Query<Entity, With<Overlay>>,
    watched: Res<Watched>,
    prefs: Res<Prefs>,
    mut focus: ResMut<InputFocus>,
    mut offer_focused: Local<bool>,
) {
    for root in &roots {
        commands.entity(root).despawn();
    }
    if watched.offer.is_none() {
        *offer_focused = false;
    }
    if !watched.shows_overlay() {
        return;
    }
    let ctx = Ctx::new(&prefs);
    let s = ctx.scale;
    let mut restart = None;
    commands
        .spawn((
            Overlay,
            Node {
                position_type: PositionType::Absolute,
                left: px(0),
                right: px(0),
                bottom: px(0),
                max_height: percent(45),
                padding: UiRect::axes(px(GAP_L * 1.5), px(GAP_L)),
                border: UiRect::top(px(3)),
                overflow: Overflow::scroll_y(),
                ..column(GAP_M)
            },
            ScrollPosition::default(),
            BackgroundColor(palette::SURFACE),
            BorderColor::all(palette::LOST),
            GlobalZIndex(100),
            TabGroup::new(1),
        ))
        .with_children(|o| {
            if !watched.mistakes.is_empty() {
                mistakes(&ctx, &watched, o);
            }
            if let Some(offer) = &watched.offer {
                o.spawn(heading(
                    ctx.tr(
                        "新版本已载入，但这一局无法在新版本上继续",
                        "The new version loaded, but this session does not replay on it",
                    ),
                    s,
                ));
                o.spawn(body(offer.divergence.text(ctx.lang), s));
                o.spawn(small(
                    ctx.tr(
                        "可以继续玩旧版本，或用新版本重新开始（同一随机种子）。",
                        "Play on with the old version, or restart with the new one (same seed).",
                    ),
                    s,
                ));
            }
            o.spawn(row(GAP_M)).with_children(|r| {
                if watched.offer.is_some() {
                    restart = Some(
                        r.spawn(button(
                            ctx.tr("用新版本重新开始", "Restart with the new version"),
                            AuthoringAction::Restart,
                            ButtonLook::Primary,
                            s,
                        ))
                        .id(),
                    );
                }
                let hide = if watched.offer.is_some() {
                    ctx.tr("继续玩旧版本", "Keep playing the old version")
                } else {
                    ctx.tr("先隐藏", "Hide for now")
                };
                r.spawn(button(
                    hide,
                    AuthoringAction::Hide,
                    ButtonLook::Secondary,
                    s,
                ));
            });
        });
    // The restart is one key away: Enter takes it, Tab moves on.
    if let Some(restart) = restart
        && !*offer_focused
    {
        focus.set(restart, FocusCause::Navigated);
        *offer_focused = true;
    }
}

fn mistakes(ctx: &Ctx, watched: &Watched, o: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    let n = watched.mistakes.len();
    let title = match (n, is_chinese(ctx.lang)) {
        (1, true) => "案例文件有一处错误".to_string(),
        (1, false) => "The case file has a mistake".to_string(),
        (n, true) => format!("案例文件有 {n} 处错误"),
        (n, false) => format!("The case file has {n} mistakes"),
    };
    o.spawn(label(title, Type::Heading, s, palette::LOST));
    let still = match &watched.good {
        Some(good) => {
            let v = &good.meta.version;
            if is_chinese(ctx.lang) {
                format!("游戏照常进行，用的是上一个正确的版本（{v}）。改好并保存后会自动重新载入。")
            } else {
                format!(
                    "The game goes on with the last good version ({v}). Save a fix and it reloads."
                )
            }
        }
        None => ctx
            .tr(
                "还没有可以玩的版本：改好并保存后，案例会自动打开。",
                "There is no good version to play yet: save a fix and the case opens.",
            )
            .to_string(),
    };
    o.spawn(small(still, s));
    for m in watched.mistakes.iter().take(MISTAKES_SHOWN) {
        mistake(ctx, m, o);
    }
    if n > MISTAKES_SHOWN {
        let more = n - MISTAKES_SHOWN;
        o.spawn(small(
            if is_chinese(ctx.lang) {
                format!("另有 {more} 处错误：lost-order check 可列出全部。")
            } else {
                format!("{more} more: lost-order check lists them all.")
            },
            s,
        ));
    }
}

/// One mistake: where, what, its line with the mistake marked, and the hint.
fn mistake(ctx: &Ctx, m: &Mistake, o: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    o.spawn((
        Node {
            padding: UiRect::left(px(GAP_M)),
            border: UiRect::left(px(3)),
            ..column(GAP_S)
        },
        BorderColor::all(palette::BORDER),
    ))
    .with_children(|c| {
        c.spawn(label(
            format!("{}: {}", m.location, m.message),
            Type::Body,
            s,
            palette::INK,
        ));
        if let Some([before, at, after]) = &m.line {
            c.spawn(source_line(before, at, after, s));
        }
        if let Some(hint) = &m.hint {
            c.spawn(label(
                format!("{}{hint}", ctx.tr("提示：", "hint: ")),
                Type::Small,
                s,
                palette::ACCENT,
            ));
        }
    });
}

/// The line of a mistake, the mistake underlined in red (a space when it is empty), at most
/// [`CONTEXT`] characters on each side.
fn source_line(before: &str, at: &str, after: &str, s: f32) -> impl Bundle {
    let before = before.trim_start();
    let skip = before.chars().count().saturating_sub(CONTEXT);
    let before: String = if skip > 0 {
        format!("…{}", before.chars().skip(skip).collect::<String>())
    } else {
        before.to_string()
    };
    let after: String = if after.chars().count() > CONTEXT {
        format!("{}…", after.chars().take(CONTEXT).collect::<String>())
    } else {
        after.to_string()
    };
    let at = if at.is_empty() { " " } else { at }.to_string();
    let font = || TextFont {
        font_size: FontSize::Px(Type::Small.px(s)),
        ..default()
    };
    (
        Node {
            padding: UiRect::axes(px(GAP_M), px(GAP_S)),
            border_radius: BorderRadius::all(px(RADIUS)),
            ..default()
        },
        BackgroundColor(palette::SURFACE_ALT),
        children![(
            Text::new(before),
            font(),
            TextColor(palette::INK_SOFT),
            TextLayout::linebreak(LineBreak::WordOrCharacter),
            children![
                (
                    TextSpan::new(at),
                    font(),
                    TextColor(palette::LOST),
                    TextBackgroundColor(Color::srgb(0.99, 0.89, 0.86)),
                    Underline,
                ),
                (TextSpan::new(after), font(), TextColor(palette::INK_SOFT)),
            ],
        )],
    )
}

fn build_notice(
    mut commands: Commands,
    roots: Query<Entity, With<NoticeRoot>>,
    notice: Res<Notice>,
    watched: Res<Watched>,
    prefs: Res<Prefs>,
) {
    for root in &roots {
        commands.entity(root).despawn();
    }
    let ctx = Ctx::new(&prefs);
    let file = watched
        .path
        .file_name()
        .map_or_else(|| watched.key.clone(), |n| n.to_string_lossy().into_owned());
    let Some(text) = notice.text(&ctx, &file) else {
        return;
    };
    commands.spawn((
        NoticeRoot,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(GAP_L),
            right: px(GAP_L),
            max_width: percent(60),
            padding: UiRect::axes(px(GAP_L), px(GAP_M)),
            border_radius: BorderRadius::all(px(RADIUS)),
            ..default()
        },
        BackgroundColor(palette::ACCENT_PRESSED),
        GlobalZIndex(101),
        children![label(text, Type::Small, ctx.scale, Color::WHITE)],
    ));
}

/// Takes the notice away after [`NOTICE_FOR`], drawing frames until then (the window is
/// otherwise idle and would not see the time pass).
fn expire_notice(
    time: Res<Time<Real>>,
    mut notice: ResMut<Notice>,
    mut frames: MessageWriter<RequestRedraw>,
) {
    let Some(at) = notice.at() else { return };
    if time.elapsed().saturating_sub(at) >= NOTICE_FOR {
        *notice = Notice::None;
    } else {
        frames.write(RequestRedraw);
    }
}

/// Keeps the screen above the overlay rather than under it: the screen's root gets the
/// overlay's height as bottom padding, so its footer (Start, End week…) stays in reach.
fn make_room(
    overlays: Query<&ComputedNode, With<Overlay>>,
    mut roots: Query<&mut Node, With<ScreenRoot>>,
    mut frames: MessageWriter<RequestRedraw>,
) {
    let height = overlays
        .iter()
        .map(|n| (n.size().y * n.inverse_scale_factor()).round())
        .fold(0.0, f32::max);
    for mut node in &mut roots {
        if node.padding.bottom != px(height) {
            node.padding.bottom = px(height);
            frames.write(RequestRedraw);
        }
    }
}
