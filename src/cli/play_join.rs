//! `play --text --join URL --code CODE`: a session of a live class in the terminal
//! (docs/classroom.md): the class's scenario and seed, every decision written to the local
//! record first, then sent.

use lost_order_app::Folders;
use lost_order_class::{ClassLink, ClassRecord, Credentials, Joined, device_token};
use lost_order_core::engine::Session;
use lost_order_core::record::RecordWriter;

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
            "the class already holds {} decisions of `{player}` from this computer: continue that session with --continue (or --resume RECORD) and --join",
            joined.lines
        );
    }
    let scenario = joined.load_scenario().map_err(anyhow::Error::msg)?;
    let session = Session::new(std::sync::Arc::new(scenario), joined.seed);
    let writer = lost_order_app::records::start(dir, &session, player)?;
    eprintln!(
        "joined the class at {url} as `{player}`; recording to {}",
        writer.path().display()
    );
    Ok((session, Journal::Class(ClassRecord::new(writer, link))))
}

/// Joins the class at `url` as `player` to go on with `session`, resumed from its local
/// record: the server takes the decisions it does not hold yet. A refusal or an unreachable
/// server is said in `lang`.
///
/// # Errors
/// No name; the server not reached or refusing the join; a session of another scenario or
/// seed than the class's.
pub fn resumed(
    url: &str,
    code: &str,
    player: &str,
    folders: &Folders,
    session: &Session,
    writer: RecordWriter,
    lang: &str,
) -> anyhow::Result<Journal> {
    let (link, joined) = join(url, code, player, folders, lang)?;
    if joined.scenario_hash != session.scenario().hash || joined.seed != session.seed() {
        anyhow::bail!(
            "{} is not a session of this class (its scenario or seed differs)",
            writer.path().display()
        );
    }
    eprintln!(
        "joined the class at {url} as `{player}`; the server holds {} of this session's lines",
        joined.lines
    );
    Ok(Journal::Class(ClassRecord::new(writer, link)))
}

fn join(
    url: &str,
    code: &str,
    player: &str,
    folders: &Folders,
    lang: &str,
) -> anyhow::Result<(ClassLink, Joined)> {
    if player.trim().is_empty() {
        anyhow::bail!("a class needs your name: --player NAME (or your name in the settings)");
    }
    let device = device_token(&folders.config)?;
    let credentials = Credentials {
        url: url.trim_end_matches('/').to_string(),
        code: code.to_string(),
        name: player.to_string(),
        device,
    };
    let url = credentials.url.clone();
    ClassLink::join(credentials, None, lost_order_app::fresh_seed())
        .map_err(|f| anyhow::anyhow!("{}", f.words(&url, lang)))
}
