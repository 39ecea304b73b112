//! The instructor view's live class: the class server's live view (who joined, where each
//! trainee stands, their week, decisions, unsent lines, last acknowledgement and outcome),
//! watched on a thread of its own (`lost_order_class::ClassWatch`) and looked at a few times
//! a second, so that the window never waits for the network; the class charts as the live
//! view draws them; and the class's door (lock, new code). The server's address and the
//! instructor's token are typed like the join screen's fields and kept in the settings.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use lost_order_class::server::{ClassView, LiveCharts, Standing, TraineeRow};
use lost_order_class::{ClassWatch, Failure, Reason, WatchStatus, Watched};
use lost_order_core::text::fill;

use super::InstructorAction;
use super::charts::{ChartFigures, class_charts};
use crate::game::class::{POLL, server_url};
use crate::game::prefs::Prefs;
use crate::game::screens::fields::{FieldChoice, text_field, type_into, typing};
use crate::game::screens::{Ctx, Screen};
use crate::game::theme::{GAP_M, GAP_S, Type, palette};
use crate::game::wake::Waker;
use crate::game::widgets::{ButtonLook, body, button, card, label, row};

/// The fields of the class server, and which one takes typed characters.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InstructorField {
    #[default]
    Nothing,
    Address,
    Token,
}

impl FieldChoice for InstructorField {
    const NOTHING: Self = InstructorField::Nothing;

    fn apply(self, ev: &KeyboardInput, prefs: &mut Prefs) -> bool {
        let text = match self {
            InstructorField::Address => &mut prefs.instructor_address,
            InstructorField::Token => &mut prefs.instructor_token,
            InstructorField::Nothing => return false,
        };
        type_into(text, &ev.logical_key, self.limit())
    }
}

impl InstructorField {
    /// The most characters the field takes (the live view's whole address fits).
    fn limit(self) -> usize {
        match self {
            InstructorField::Nothing => 0,
            InstructorField::Address => 200,
            InstructorField::Token => 64,
        }
    }
}

/// The watch on the class server, what it last showed, and why it could not start.
#[derive(Resource, Default)]
pub struct LiveClass {
    watch: Option<ClassWatch>,
    /// The server's address, as the status line names it.
    url: String,
    seen: Option<Watched>,
    error: Option<Missing>,
    /// The door's change under way (its answer comes from a thread of its own).
    door: Option<Mutex<Receiver<Result<(), Failure>>>>,
    /// Why the last change of the door failed.
    door_failed: Option<Failure>,
    /// Wakes the window while watching (held for its `Drop`).
    _waker: Option<Waker>,
}

/// What is missing to watch a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missing {
    Address,
    Token,
}

impl LiveClass {
    /// For `LOST_ORDER_TRACE`: `trace: instructor live <joined> <finished> charts <finished
    /// in the charts> <open|locked>`, `… connecting`,
    /// `… unreachable`, `… refused <reason>` or `… missing <field>`; `None` when not watching.
    pub fn trace_line(&self) -> Option<String> {
        if let Some(m) = self.error {
            return Some(format!("trace: instructor missing {m:?}"));
        }
        let seen = self.seen.as_ref()?;
        Some(match &seen.status {
            WatchStatus::Connecting => "trace: instructor connecting".to_string(),
            WatchStatus::Live => {
                let (joined, finished, door) = seen.view.as_ref().map_or((0, 0, "open"), |v| {
                    (
                        v.joined,
                        v.finished,
                        if v.locked { "locked" } else { "open" },
                    )
                });
                let charted = seen
                    .charts
                    .as_ref()
                    .and_then(|c| c.figures.first())
                    .map_or(0, |(_, f)| f.finished);
                format!("trace: instructor live {joined} {finished} charts {charted} {door}")
            }
            WatchStatus::Unreachable(_) => "trace: instructor unreachable".to_string(),
            WatchStatus::Refused(r) => format!("trace: instructor refused {:?}", r.reason),
        })
    }
}

/// The system set of the typing into the fields (before the screen is rebuilt).
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Typing;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LiveClass>()
        .init_resource::<InstructorField>()
        .add_systems(
            Update,
            (typing::<InstructorField>, look)
                .in_set(Typing)
                .run_if(in_state(Screen::Instructor)),
        );
}

/// The server's address and the token typed: a live view's whole address
/// (`http://…/class/view?token=…`) gives both.
fn server_and_token(prefs: &Prefs) -> (String, String) {
    let typed = prefs.instructor_address.trim();
    let (base, query) = typed.split_once('?').unwrap_or((typed, ""));
    let token = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("token="))
        .filter(|t| !t.is_empty())
        .unwrap_or(prefs.instructor_token.trim());
    let base = base.split("/class/").next().unwrap_or(base);
    (base.trim_end_matches('/').to_string(), token.to_string())
}

/// Watches the class at the server typed with the token typed; says what is missing.
pub(super) fn connect(world: &mut World) {
    *world.resource_mut::<InstructorField>() = InstructorField::Nothing;
    let (address, token) = server_and_token(world.resource::<Prefs>());
    let missing = if address.is_empty() {
        Some(Missing::Address)
    } else if token.is_empty() {
        Some(Missing::Token)
    } else {
        None
    };
    if let Some(m) = missing {
        *world.resource_mut::<LiveClass>() = LiveClass {
            error: Some(m),
            ..default()
        };
        return;
    }
    let url = server_url(&address);
    let watch = ClassWatch::open(&url, &token)
        .inspect_err(|e| error!("cannot start watching the class: {e}"))
        .ok();
    let waker = Waker::start(world, POLL);
    *world.resource_mut::<LiveClass>() = LiveClass {
        watch,
        url,
        _waker: waker,
        ..default()
    };
}

/// On entering the view (or choosing the server): watches the class remembered in the
/// settings, when both its address and token are there.
pub(super) fn connect_on_enter(world: &mut World) {
    let (address, token) = server_and_token(world.resource::<Prefs>());
    if !address.is_empty() && !token.is_empty() && world.resource::<LiveClass>().watch.is_none() {
        connect(world);
    }
}

/// Stops watching (leaving the view, choosing the folder, or Disconnect).
pub(super) fn leave(world: &mut World) {
    *world.resource_mut::<LiveClass>() = LiveClass::default();
}

/// Starts or stops typing into a field.
pub(super) fn edit(world: &mut World, field: InstructorField) {
    let mut editing = world.resource_mut::<InstructorField>();
    *editing = if *editing == field {
        InstructorField::Nothing
    } else {
        field
    };
}

/// Locks or unlocks the class watched (`Some`), or gives it a new code (`None`), off the
/// window's thread; the class view shows the door as it is within a second.
pub(super) fn change_door(world: &mut World, lock: Option<bool>) {
    let mut live = world.resource_mut::<LiveClass>();
    let Some(door) = live.watch.as_ref().map(ClassWatch::door) else {
        return;
    };
    let (tx, rx) = channel();
    let spawned = std::thread::Builder::new()
        .name("class-door".into())
        .spawn(move || {
            let done = match lock {
                Some(locked) => door.set_locked(locked),
                None => door.new_code(),
            };
            let _ = tx.send(done.map(|_| ()));
        });
    match spawned {
        Ok(_) => {
            live.door = Some(Mutex::new(rx));
            live.door_failed = None;
        }
        Err(e) => live.door_failed = Some(Failure::Network(e.to_string())),
    }
}

/// Looks at the watch and keeps what it shows when it changed (a new event, another status),
/// and takes the door's answer when it has come.
fn look(mut live: ResMut<LiveClass>) {
    let answer = live
        .door
        .as_ref()
        .and_then(|rx| rx.lock().ok()?.try_recv().ok());
    if let Some(answer) = answer {
        live.door = None;
        live.door_failed = answer.err();
    }
    let Some(now) = live.watch.as_ref().map(ClassWatch::watched) else {
        return;
    };
    let changed = live
        .seen
        .as_ref()
        .is_none_or(|s| s.events != now.events || s.status != now.status);
    if changed {
        live.seen = Some(now);
    }
}

/// The class server's part of the view into the page `p`: the fields, Connect, how the watch
/// stands, the class in numbers and a row per trainee.
pub(super) fn build(
    ctx: &Ctx,
    prefs: &Prefs,
    editing: InstructorField,
    live: &LiveClass,
    p: &mut ChildSpawnerCommands,
) {
    let k = ctx.scale;
    p.spawn(card()).with_children(|c| {
        let hint = ctx.tr(
            "选中后按回车，输入，再按回车",
            "Press Enter on it, type, Enter again",
        );
        let address = prefs.instructor_address.trim();
        let token = prefs.instructor_token.trim();
        let shown_token = if !token.is_empty() {
            masked(token)
        } else if address.contains("token=") {
            ctx.tr("（在地址中）", "(in the address)").to_string()
        } else {
            ctx.tr("（未填写）", "(not set)").to_string()
        };
        let shown_address = if address.is_empty() {
            ctx.tr("（未填写）", "(not set)").to_string()
        } else {
            masked_in_address(address)
        };
        let fields = [
            (
                InstructorField::Address,
                ctx.tr("课堂服务器地址", "Class server address"),
                shown_address,
                prefs.instructor_address.clone(),
                ctx.tr(
                    "class serve 打印的地址，如 192.168.1.20:7878，或讲师视图的完整地址",
                    "as class serve printed it, e.g. 192.168.1.20:7878, or the live view's whole address",
                ),
            ),
            (
                InstructorField::Token,
                ctx.tr("讲师口令", "Instructor token"),
                shown_token,
                prefs.instructor_token.clone(),
                ctx.tr(
                    "class serve 启动时打印的 token=… 部分",
                    "the token=… part class serve printed at start",
                ),
            ),
        ];
        for (which, title, shown, typed, example) in fields {
            c.spawn(row(GAP_M)).with_children(|r| {
                r.spawn(Node {
                    width: px(180.0 * k),
                    ..default()
                })
                .with_child(body(title, k));
                text_field(
                    r,
                    ctx,
                    InstructorAction::Edit(which),
                    editing == which,
                    shown,
                    typed,
                    &format!("{example}{}{hint}", ctx.tr("。", ". ")),
                );
            });
        }
        c.spawn(row(GAP_M)).with_children(|r| {
            // A refused watch has stopped: there is nothing to disconnect.
            let watching = live.watch.is_some()
                && !live
                    .seen
                    .as_ref()
                    .is_some_and(|s| matches!(s.status, WatchStatus::Refused(_)));
            let (text, look) = if watching {
                (ctx.tr("重新连接", "Connect again"), ButtonLook::Secondary)
            } else {
                (ctx.tr("连接", "Connect"), ButtonLook::Primary)
            };
            r.spawn(button(text, InstructorAction::Connect, look, k));
            if watching {
                r.spawn(button(
                    ctx.tr("断开", "Disconnect"),
                    InstructorAction::Disconnect,
                    ButtonLook::Secondary,
                    k,
                ));
            }
            if let Some((words, colour)) = standing_words(ctx, live) {
                r.spawn(label(words, Type::Body, k, colour));
            }
        });
    });
    let Some(seen) = &live.seen else {
        return;
    };
    let Some(view) = &seen.view else {
        return;
    };
    door(ctx, view, live, p);
    class(ctx, view, seen.charts.as_ref(), p);
}

/// New code and Lock/Unlock (in that order, so that neither moves under the pointer when the
/// other's words change), the class code and whether the class is locked, and why the last
/// change failed.
fn door(ctx: &Ctx, view: &ClassView, live: &LiveClass, p: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    p.spawn(row(GAP_M)).with_children(|r| {
        r.spawn(button(
            ctx.tr("换一个代码", "New code"),
            InstructorAction::NewCode,
            ButtonLook::Secondary,
            k,
        ));
        let (text, locked) = if view.locked {
            (ctx.tr("解除锁定", "Unlock the class"), false)
        } else {
            (ctx.tr("锁定课堂", "Lock the class"), true)
        };
        r.spawn(button(
            text,
            InstructorAction::Lock(locked),
            ButtonLook::Secondary,
            k,
        ));
        let state = if view.locked {
            ctx.tr(
                "已锁定：新学员不能加入，已在课堂的学员继续",
                "locked: no new trainee joins; those in the class go on",
            )
        } else {
            ctx.tr(
                "开放：学员用这个代码加入",
                "open: trainees join with this code",
            )
        };
        r.spawn(body(
            format!(
                "{}{} · {state}",
                ctx.tr("课堂代码：", "Class code: "),
                view.code
            ),
            k,
        ));
    });
    if let Some(failure) = &live.door_failed {
        p.spawn(label(
            format!(
                "{}{}",
                ctx.tr("没有改成：", "Not changed: "),
                failure.words(&live.url, ctx.lang)
            ),
            Type::Body,
            k,
            palette::LOST,
        ));
    }
}

/// A token as the projector shows it: its last four characters (`••••83fa`); the token is not
/// for the trainees' eyes.
fn masked(token: &str) -> String {
    let n = token.chars().count();
    format!(
        "••••{}",
        token.chars().skip(n.saturating_sub(4)).collect::<String>()
    )
}

/// A typed address with the token in it (a live view's whole address) masked.
fn masked_in_address(address: &str) -> String {
    match address.split_once("token=") {
        Some((before, after)) => {
            let (token, rest) = after
                .split_once('&')
                .map_or((after, None), |(t, r)| (t, Some(r)));
            let rest = rest.map(|r| format!("&{r}")).unwrap_or_default();
            format!("{before}token={}{rest}", masked(token))
        }
        None => address.to_string(),
    }
}

/// How the watch stands, in words, and their colour.
fn standing_words(ctx: &Ctx, live: &LiveClass) -> Option<(String, Color)> {
    if let Some(m) = live.error {
        let words = match m {
            Missing::Address => ctx.tr(
                "请填写课堂服务器的地址（class serve 打印的地址，或讲师视图的完整地址）。",
                "Type the class server's address (as class serve printed it, or the live view's whole address).",
            ),
            Missing::Token => ctx.tr(
                "请填写讲师口令（class serve 启动时打印的 token=… 部分）。",
                "Type the instructor token (the token=… part class serve printed at start).",
            ),
        };
        return Some((words.to_string(), palette::LOST));
    }
    live.watch.as_ref()?;
    let address = [("address", live.url.as_str())];
    let Some(seen) = &live.seen else {
        let words = fill(
            ctx.tr("正在连接 {address}……", "Connecting to {address}…"),
            &address,
        );
        return Some((words, palette::INK_SOFT));
    };
    Some(match &seen.status {
        WatchStatus::Connecting => (
            fill(
                ctx.tr("正在连接 {address}……", "Connecting to {address}…"),
                &address,
            ),
            palette::INK_SOFT,
        ),
        WatchStatus::Live => (
            fill(
                ctx.tr("{address} · 实时，每秒更新", "{address} · live, updated every second"),
                &address,
            ),
            palette::ACCENT,
        ),
        WatchStatus::Unreachable(_) => {
            let mut words = fill(
                ctx.tr(
                    "连不上 {address} 的课堂服务器，每秒重试一次。请核对地址，并确认本机与服务器在同一网络中。",
                    "Cannot reach the class server at {address}; trying again every second. Check the address, and that this computer is on the server's network.",
                ),
                &address,
            );
            if seen.view.is_some() {
                words.push_str(ctx.tr(
                    "下面是最后一次看到的课堂。",
                    " Below: the class as last seen.",
                ));
            }
            (words, palette::LOST)
        }
        WatchStatus::Refused(r) if r.reason == Reason::NotInstructor => (
            ctx.tr(
                "讲师口令不对：请核对 class serve 启动时打印的口令，改好后再连接。",
                "Wrong instructor token: check the token class serve printed at start, then Connect again.",
            )
            .to_string(),
            palette::LOST,
        ),
        WatchStatus::Refused(r) => (
            fill(
                ctx.tr(
                    "{address} 拒绝了讲师视图（这里可能不是课堂服务器）：{why}",
                    "{address} refused the live view (it may not be a class server): {why}",
                ),
                &[("address", live.url.as_str()), ("why", r.reason.words(ctx.lang))],
            ),
            palette::LOST,
        ),
    })
}

/// The widths of the table's columns, in logical pixels before the text scale; the last
/// (the outcome) takes the rest.
const COLUMNS: [f32; 6] = [150.0, 96.0, 56.0, 64.0, 64.0, 104.0];

/// The class in numbers, the class charts when drawn, then a row per trainee.
fn class(ctx: &Ctx, view: &ClassView, charts: Option<&LiveCharts>, p: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let mean = view
        .mean_score
        .map_or("–".to_string(), |m| format!("{m:.1}"));
    p.spawn(body(
        format!(
            "{} {} · {} {} · {} {} · {} {mean}",
            ctx.tr("已加入", "joined"),
            view.joined,
            ctx.tr("已完成", "finished"),
            view.finished,
            ctx.tr("赢", "won"),
            view.won,
            ctx.tr("平均分", "mean score"),
        ),
        k,
    ));
    if let Some(f) = charts.and_then(|c| c.figures_in(ctx.lang)) {
        class_charts(
            ctx,
            &ChartFigures {
                endings: &f.endings,
                scores: &f.scores,
                roles: &f.roles,
                mistakes: &f.mistakes,
                engagement: &f.engagement,
            },
            p,
        );
    }
    if view.trainees.is_empty() {
        p.spawn(body(
            ctx.tr(
                "还没有学员加入。学员在“加入课堂”中填写服务器地址和课堂代码。",
                "No trainee has joined yet. Trainees type the server address and the class code in “Join a class”.",
            ),
            k,
        ));
        return;
    }
    p.spawn(card()).with_children(|c| {
        let titles = [
            ctx.tr("学员", "Trainee"),
            ctx.tr("状态", "State"),
            ctx.tr("周", "Week"),
            ctx.tr("决策", "Decisions"),
            ctx.tr("待发送", "Unsent"),
            ctx.tr("上次确认", "Last ack"),
            ctx.tr("结果", "Outcome"),
        ];
        table_row(
            c,
            k,
            titles.map(|t| (t.to_string(), palette::INK_SOFT)).to_vec(),
        );
        for t in &view.trainees {
            table_row(c, k, cells(ctx, t));
        }
    });
}

/// A trainee's cells, each with its colour.
fn cells(ctx: &Ctx, t: &TraineeRow) -> Vec<(String, Color)> {
    let (state, colour) = match t.standing {
        Standing::Playing => (ctx.tr("进行中", "playing"), palette::ACCENT),
        Standing::Behind => (ctx.tr("待发送", "behind"), palette::SCEPTICAL),
        Standing::Idle => (ctx.tr("空闲", "idle"), palette::INK_SOFT),
        Standing::Disconnected => (ctx.tr("已断开", "disconnected"), palette::LOST),
        Standing::Finished => (ctx.tr("已完成", "finished"), palette::CHAMPION),
    };
    let ago = match t.seen_seconds_ago {
        s if s < 60 => fill(ctx.tr("{n} 秒前", "{n} s ago"), &[("n", &s.to_string())]),
        s => fill(
            ctx.tr("{n} 分钟前", "{n} min ago"),
            &[("n", &(s / 60).to_string())],
        ),
    };
    let outcome = match (t.won, t.score) {
        (Some(won), score) => {
            let mut parts = vec![if won {
                ctx.tr("赢", "won").to_string()
            } else {
                ctx.tr("输", "lost").to_string()
            }];
            parts.extend(score.map(|s| format!("{s}/100")));
            parts.extend(title_in(ctx.lang, &t.ending_titles));
            parts.join(" · ")
        }
        (None, _) => "–".to_string(),
    };
    vec![
        (t.name.clone(), palette::INK),
        (state.to_string(), colour),
        (ctx.week(t.week), palette::INK),
        (t.decisions.to_string(), palette::INK),
        (t.unsent.to_string(), palette::INK),
        (ago, palette::INK),
        (outcome, palette::INK),
    ]
}

/// The ending's title in the player's language, from its titles in the scenario's languages
/// (the server sends no language tags): the one written in Chinese characters or the one
/// not, by the language; all of them when none or several fit.
fn title_in(lang: &str, titles: &[String]) -> Option<String> {
    let chinese = |t: &&String| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let fitting: Vec<&String> = titles
        .iter()
        .filter(|t| chinese(t) == (lang == "zh"))
        .collect();
    match fitting.as_slice() {
        [one] => Some((*one).clone()),
        _ if titles.is_empty() => None,
        _ => Some(titles.join(" / ")),
    }
}

/// One row of the table: the cells at the widths of [`COLUMNS`], the last taking the rest.
fn table_row(c: &mut ChildSpawnerCommands, k: f32, cells: Vec<(String, Color)>) {
    c.spawn(Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(GAP_M),
        padding: UiRect::vertical(px(GAP_S / 2.0)),
        border: UiRect::bottom(px(1)),
        ..default()
    })
    .insert(BorderColor::all(palette::BORDER))
    .with_children(|r| {
        for (i, (text, colour)) in cells.into_iter().enumerate() {
            let node = match COLUMNS.get(i) {
                Some(w) => Node {
                    width: px(w * k),
                    flex_shrink: 0.0,
                    ..default()
                },
                None => Node {
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    min_width: px(0),
                    ..default()
                },
            };
            r.spawn(node)
                .with_child(label(text, Type::Small, k, colour));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endings_title_is_shown_in_the_players_language() {
        let titles = vec!["拿下订单".to_string(), "Order won".to_string()];
        assert_eq!(title_in("zh", &titles).as_deref(), Some("拿下订单"));
        assert_eq!(title_in("en", &titles).as_deref(), Some("Order won"));
        let english_only = vec!["Order won".to_string()];
        assert_eq!(title_in("zh", &english_only).as_deref(), Some("Order won"));
        assert_eq!(title_in("en", &[]), None);
    }

    #[test]
    fn the_token_is_masked_on_the_projector() {
        assert_eq!(masked("34acbff8"), "••••bff8");
        assert_eq!(
            masked_in_address("http://192.168.1.20:7878/class/view?token=34acbff8&lang=en"),
            "http://192.168.1.20:7878/class/view?token=••••bff8&lang=en"
        );
        assert_eq!(masked_in_address("192.168.1.20:7878"), "192.168.1.20:7878");
    }

    #[test]
    fn the_live_views_whole_address_gives_the_server_and_the_token() {
        let mut prefs = Prefs {
            settings: lost_order_app::settings::Settings {
                instructor_address: "http://192.168.1.20:7878/class/view?token=34acbff8".into(),
                instructor_token: "typed".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            server_and_token(&prefs),
            ("http://192.168.1.20:7878".into(), "34acbff8".into())
        );
        prefs.instructor_address = " 192.168.1.20:7878/ ".into();
        assert_eq!(
            server_and_token(&prefs),
            ("192.168.1.20:7878".into(), "typed".into())
        );
    }
}
