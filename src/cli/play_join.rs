//! `play --text --join URL --code CODE`: a session of a live class in the terminal
//! (docs/classroom.md): the class's scenario and seed, every decision written to the local
//! record first, then sent.

use std::time::Duration;

use lost_order_app::Folders;
use lost_order_class::{
    ClassLink, ClassRecord, Credentials, Joined, Rejoin, deliver, device_token, relink, server_url,
    undelivered,
};
use lost_order_core::engine::Session;
use lost_order_core::record::RecordWriter;
use lost_order_core::text::{fill, pick};

use super::play_text::Journal;

/// Joins the class at `url` as `player` and starts a new session of its scenario and seed,
/// recorded in `dir`; a refusal or an unreachable server is said in `lang`.
///
/// # Errors
/// No name; the server not reached or refusing the join; a class scenario that does not load;
/// the class already holding decisions of this player from this computer (continue them with
/// `--continue` or `--resume`); the local record not written.
pub fn start(
    url: &str,
    code: &str,
    player: &str,
    folders: &Folders,
    dir: &std::path::Path,
    lang: &str,
) -> anyhow::Result<(Session, Journal)> {
    let (link, joined) = join(url, code, player, folders, lang)?;
    if joined.lines > 0 {
        anyhow::bail!(
            "{}",
            fill(
                pick(
                    lang,
                    "课堂里已有本机“{player}”的 {n} 个决策：请用 --continue 接着玩那一局",
                    "the class already holds {n} decisions of `{player}` from this computer: continue that session with --continue",
                ),
                &[("n", &joined.lines.to_string()), ("player", player)],
            )
        );
    }
    let scenario = joined.load_scenario().map_err(anyhow::Error::msg)?;
    let session = Session::new(std::sync::Arc::new(scenario), joined.seed);
    let writer = lost_order_app::records::start(dir, &session, player)?;
    eprintln!(
        "{}",
        fill(
            pick(
                lang,
                "已以“{player}”加入 {url} 的课堂；记录在 {path}",
                "joined the class at {url} as `{player}`; recording to {path}",
            ),
            &[
                ("url", url),
                ("player", player),
                ("path", &writer.path().display().to_string()),
            ],
        )
    );
    Ok((session, Journal::Class(ClassRecord::new(writer, link))))
}

/// How long continuing a class session waits for its server before playing on alone while
/// joining again in the background.
const FIRST_TRY: Duration = Duration::from_secs(5);

/// How often a class not reached is tried again while the session goes on.
const RETRY: Duration = Duration::from_secs(2);

/// Joins the class at `url` as `player` to go on with `session`, resumed from its local
/// record: the server takes the decisions it does not hold yet. When the server is not
/// reached within a few seconds, the session goes on with its local record while the class is
/// joined again in the background ([`Journal::Rejoining`]). A refusal is said in `lang`.
///
/// # Errors
/// No name; the device token not made; the server refusing the join; a session of another
/// scenario or seed than the class's, or one the server holds more of.
pub fn resumed(
    url: &str,
    code: &str,
    player: &str,
    folders: &Folders,
    session: &Session,
    writer: RecordWriter,
    lang: &str,
) -> anyhow::Result<Journal> {
    let credentials = credentials(url, code, player, folders)?;
    let url = credentials.url.clone();
    let rejoin = Rejoin::start(credentials, RETRY)?;
    match rejoin.answer_within(FIRST_TRY) {
        None => {
            eprintln!(
                "{}",
                pick(
                    lang,
                    "暂时连不上 {url} 的课堂：先在本机继续，决策都保存在本机记录中；连上后自动补发。",
                    "The class at {url} is not reached yet: the session goes on here, every decision saved on this computer and sent once the class is back.",
                )
                .replace("{url}", &url)
            );
            Ok(Journal::Rejoining {
                writer,
                rejoin,
                url,
                from: lost_order_class::entries::entries_of(session).len(),
            })
        }
        Some(Err(failure)) => Err(anyhow::anyhow!("{}", failure.words(&url, lang))),
        Some(Ok((link, joined))) => {
            let record = relink(writer, link, &joined, session).map_err(|(writer, m)| {
                anyhow::anyhow!("{}: {}", writer.path().display(), m.words(lang))
            })?;
            eprintln!(
                "{}",
                fill(
                    pick(
                        lang,
                        "已以“{player}”重新加入 {url} 的课堂；服务器上已有这一局的 {n} 条记录",
                        "joined the class at {url} as `{player}`; the server holds {n} of this session's lines",
                    ),
                    &[
                        ("url", &url),
                        ("player", player),
                        ("n", &joined.lines.to_string()),
                    ],
                )
            );
            Ok(Journal::Class(record))
        }
    }
}

/// How `player` is known to the class at `url`: with this computer's device token.
fn credentials(
    url: &str,
    code: &str,
    player: &str,
    folders: &Folders,
) -> anyhow::Result<Credentials> {
    if player.trim().is_empty() {
        anyhow::bail!("a class needs your name: --player NAME (or your name in the settings)");
    }
    Ok(Credentials {
        url: server_url(url),
        code: code.to_string(),
        name: player.to_string(),
        device: device_token(&folders.config)?,
    })
}

fn join(
    url: &str,
    code: &str,
    player: &str,
    folders: &Folders,
    lang: &str,
) -> anyhow::Result<(ClassLink, Joined)> {
    let credentials = credentials(url, code, player, folders)?;
    let url = credentials.url.clone();
    ClassLink::join(credentials, None, lost_order_app::fresh_seed())
        .map_err(|f| anyhow::anyhow!("{}", f.words(&url, lang)))
}

/// How long sending a finished session's lines may take.
const DELIVERY: Duration = Duration::from_secs(10);

/// Sends every finished class session of `player` in `dir` that its class does not hold whole
/// (the server was away when it ended), to its noted class or to `class` (address, code)
/// when given, saying what was sent in `lang`; `None` when there is none.
///
/// # Errors
/// The device token not made, or a session that could not be sent (in `lang`'s words).
pub fn deliver_finished(
    dir: &std::path::Path,
    player: &str,
    folders: &Folders,
    class: Option<(&str, &str)>,
    lang: &str,
) -> anyhow::Result<Option<std::process::ExitCode>> {
    let waiting = undelivered(dir, player);
    if waiting.is_empty() {
        return Ok(None);
    }
    let device = device_token(&folders.config)?;
    for record in waiting {
        let sent = deliver(&record, &device, class, lang, DELIVERY).map_err(|why| {
            let again = pick(
                lang,
                "这一局仍在本机记录中；服务器恢复后再次 --continue 即可补发（讲师换了代码时加上 --join URL --code CODE）。",
                "The session is still in its record on this computer; --continue again once the server is back (with --join URL --code CODE if the instructor changed the code).",
            );
            anyhow::anyhow!("{}{}{why} {again}", record.display(), colon(lang))
        })?;
        println!(
            "{}",
            pick(
                lang,
                "这一局已结束；{url} 的课堂缺少其中 {n} 条记录，现已补发：{path}",
                "This session is over; the class at {url} lacked {n} of its lines, now sent: {path}",
            )
            .replace("{url}", &sent.url)
            .replace("{n}", &sent.sent.to_string())
            .replace("{path}", &record.display().to_string())
        );
    }
    Ok(Some(std::process::ExitCode::SUCCESS))
}

/// The colon between a thing and what is said of it, in `lang`: full-width in Chinese.
pub fn colon(lang: &str) -> &'static str {
    pick(lang, "：", ": ")
}
