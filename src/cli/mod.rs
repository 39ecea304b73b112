//! Command-line parsing and dispatch to the subcommands.

mod check;
mod class;
mod huge_pages;
mod migrate;
mod play_join;
mod play_script;
mod play_text;
mod records;
mod report;
mod screen;
mod simulate;
mod simulate_join;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use lost_order_app::lang::{EXIT_BAD_LANGUAGE, game_languages, resolve};
use lost_order_app::{Folders, LangError, fresh_seed};
use lost_order_core::scenario::Scenario;
use lost_order_core::text::{fill, pick};

/// Lost Order: a case-study simulator for key-account sales training.
/// Without a subcommand, opens the game window.
#[derive(Parser)]
#[command(
    name = "lost-order",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The game's language for this run: zh or en, as a tag or locale (en-US, zh_CN.UTF-8;
    /// default: the saved setting).
    #[arg(long)]
    lang: Option<String>,
    /// Play this choice script through the game's buttons in both languages, saving
    /// screenshots of every screen, then quit (see docs/scripts.md).
    #[arg(long, value_name = "FILE")]
    demo_script: Option<PathBuf>,
    /// The world's seed for sessions started in this run (default: the class seed, else fresh).
    #[arg(long)]
    seed: Option<u64>,
    /// The window's size in logical pixels, e.g. 1024x640 (the smallest it can be).
    #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1280x800")]
    window_size: (u32, u32),
    /// Where --demo-script saves its screenshots.
    #[arg(long, value_name = "DIR", default_value = "screenshots")]
    screenshots: PathBuf,
    /// Play while writing: open this case file, and read it again each time it is saved
    /// (mistakes are shown over the game; see docs/authoring.md).
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// Open the game on "Join a class" with this server address filled in (`ADDR:PORT`,
    /// `http://` optional) and remembered; Join is still pressed in the window
    /// (docs/classroom.md).
    #[arg(long, value_name = "ADDR", requires = "code", conflicts_with_all = ["scenario", "demo_script"])]
    join: Option<String>,
    /// With --join: the class code the instructor gave.
    #[arg(long, requires = "join")]
    code: Option<String>,
    /// With --join: the trainee's name (default: the name in the settings).
    #[arg(long, requires = "join")]
    player: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files: errors and warnings with file:line:col; exit 1 on any error.
    Check {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Then play each case that passes many times (every policy, random walks) and report
        /// what never or always happens, dominant strategies and soft-locks (exit 1 on a
        /// soft-lock); see docs/deep-check.md.
        #[arg(long)]
        deep: bool,
    },
    /// Rewrite cases of an older format as the current one (format 2), in place, keeping
    /// comments; lists each change and checks the result (see docs/authoring.md).
    Migrate {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the new text instead of rewriting the files.
        #[arg(long)]
        print: bool,
    },
    /// Play a session: interactively in the terminal (--text) or from a choice script (--script).
    Play {
        /// Play interactively in the terminal.
        #[arg(long, conflicts_with = "script")]
        text: bool,
        /// A choice script to play (see docs/scripts.md).
        #[arg(long, value_name = "FILE")]
        script: Option<PathBuf>,
        /// Print the outcome as one JSON object (with --script).
        #[arg(long, requires = "script")]
        json: bool,
        /// Language, one of the scenario's, as a tag or locale (zh, en-US, zh_CN.UTF-8; default:
        /// from $LC_ALL, $LC_MESSAGES or $LANG). Another language is refused (exit 2).
        #[arg(long)]
        lang: Option<String>,
        /// The world's seed; the same seed and choices give the same session.
        #[arg(long)]
        seed: Option<u64>,
        /// Continue the unfinished session of this record (with --text), with the scenario
        /// file given if any, else the record's own found by its hash.
        #[arg(long, value_name = "RECORD", conflicts_with = "script")]
        resume: Option<PathBuf>,
        /// Continue this player's newest unfinished session in the records folder (with --text);
        /// the player is --player, else the name in the settings.
        #[arg(
            long = "continue",
            conflicts_with_all = ["script", "resume"]
        )]
        continue_own: bool,
        /// With --resume: start a new session from this week of the record, same seed ("what if").
        #[arg(long, value_name = "WEEK", requires = "resume")]
        from_week: Option<u32>,
        /// Where --text writes its session record, and where --continue looks (default: the
        /// `records` folder in the user's data folder, `$LOST_ORDER_HOME/data/records` when
        /// LOST_ORDER_HOME is set).
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// The trainee's name, for the session record (default: the name in the settings).
        #[arg(long)]
        player: Option<String>,
        /// Play as a trainee of the live class at this address (`http://ADDR:PORT`, with
        /// --text): the class's scenario and seed; each decision is written here first, then
        /// sent (docs/classroom.md). With --continue or --resume, goes on with that session.
        #[arg(long, value_name = "URL", requires_all = ["code", "text"], conflicts_with = "from_week")]
        join: Option<String>,
        /// With --join: the class code the instructor gave.
        #[arg(long, requires = "join")]
        code: Option<String>,
        /// The scenario file (default: scenarios/lost_order.ron; with --resume or --continue,
        /// the record's own scenario).
        scenario: Option<PathBuf>,
    },
    /// Re-run a session record and check every result; exit 1 at the first divergence.
    Replay {
        /// The record (a .record.ron file).
        record: PathBuf,
        /// The scenario file (default: the shipped one, or scenarios/<id>.ron).
        #[arg(long)]
        scenario: Option<PathBuf>,
    },
    /// Write the class debrief of one scenario from a folder (or files) of session records.
    Report {
        /// Folders of records (*.record.ron) or record files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write index.html, summary.json, sessions.csv and decisions.csv.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The scenario (default: the one most records name, shipped or in scenarios/).
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Language of the report, one of the scenario's, as a tag or locale (default: from
        /// $LC_ALL, $LC_MESSAGES or $LANG). Another language is refused (exit 2).
        #[arg(long)]
        lang: Option<String>,
    },
    /// A live class over the LAN (see docs/classroom.md).
    Class {
        #[command(subcommand)]
        action: ClassAction,
    },
    /// Run many seeded sessions of a named policy and summarize the outcomes.
    Simulate {
        /// liao, full-coverage, price-only, top-only, do-nothing, random or greedy (and the
        /// others `--all-policies` lists).
        #[arg(long, required_unless_present = "all_policies")]
        policy: Option<lost_order_core::policy::Policy>,
        /// Every policy, one table: win rate, mean score, p10, p90 and endings (with --json a
        /// list of objects, with --csv a spreadsheet).
        #[arg(long, conflicts_with_all = ["policy", "records"])]
        all_policies: bool,
        /// With --all-policies: print CSV instead of a table.
        #[arg(long, requires = "all_policies", conflicts_with = "json")]
        csv: bool,
        /// How many sessions (default 1000; with --join, give it: how many simulated trainees
        /// join the class).
        #[arg(long, allow_negative_numbers = true)]
        runs: Option<u64>,
        /// The first seed; run i uses seed + i.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Write one session record per run into this folder.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Play the runs as trainees of the live class at this address (`http://ADDR:PORT`),
        /// all at once, over the real protocol; the scenario and seed are the class's
        /// (docs/classroom.md).
        #[arg(
            long,
            value_name = "URL",
            requires = "code",
            conflicts_with = "all_policies"
        )]
        join: Option<String>,
        /// With --join: the class code.
        #[arg(long, requires = "join")]
        code: Option<String>,
        /// With --join: each trainee's pause after each decision, in milliseconds.
        #[arg(long, value_name = "MS", default_value_t = 0, requires = "join",
              allow_negative_numbers = true, value_parser = simulate_join::milliseconds)]
        think: u64,
        /// With --join: the seconds over which the trainees join, evenly spaced, as a class
        /// walks in (0: all at the same instant).
        #[arg(long, value_name = "SECONDS", default_value_t = 0.0, requires = "join",
              allow_negative_numbers = true, value_parser = simulate_join::arrival)]
        arrival: f64,
        /// With --join: the chance (0 to 1) of each injected fault per request: dropped,
        /// duplicated, reordered, delayed.
        #[arg(long, value_name = "CHANCE", default_value_t = 0.0, requires = "join",
              allow_negative_numbers = true, value_parser = simulate_join::chance)]
        faults: f64,
        /// The scenario file.
        #[arg(default_value = "scenarios/lost_order.ron")]
        scenario: PathBuf,
    },
}

/// How many sessions `simulate` plays when not told (not in a live class: there `--runs` must
/// be given).
const DEFAULT_RUNS: u64 = 1000;

#[derive(Subcommand)]
enum ClassAction {
    /// Serve a class: trainees join with the address and code printed, each decision is
    /// stored in DIR as an ordinary session record; runs until stopped.
    Serve {
        /// The class folder: one session record per trainee, and the register class.jsonl.
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        /// Where to listen (default: this machine's LAN address, port 7878; 0.0.0.0 only when
        /// given).
        #[arg(long, value_name = "ADDR:PORT")]
        bind: Option<std::net::SocketAddr>,
        /// The scenario file (default: the shipped flagship).
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// The class seed (default: fresh, or the one of the class already in DIR).
        #[arg(long)]
        seed: Option<u64>,
        /// The class code (default: fresh, or the one of the class already in DIR).
        #[arg(long)]
        code: Option<String>,
        /// The roster: one trainee's name a line (UTF-8; a BOM and CRLF accepted); only
        /// those names may join.
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
    },
}

/// Parses the command line and runs the subcommand, or opens the game window without one.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        let join = cli
            .join
            .map(|address| (address, cli.code.unwrap_or_default(), cli.player));
        return run_game(
            GameArgs {
                lang: cli.lang,
                seed: cli.seed,
                window_size: cli.window_size,
                demo: cli.demo_script,
                screenshots: cli.screenshots,
                scenario: cli.scenario,
            },
            join,
        );
    };
    match command {
        Command::Check { files, deep } => check::run(&files, deep),
        Command::Migrate { files, print } => migrate::run(&files, print),
        Command::Play {
            text,
            script,
            json,
            lang,
            seed,
            resume,
            continue_own,
            from_week,
            records: dir,
            player,
            join,
            code,
            scenario,
        } => {
            let folders = Folders::locate();
            let dir = dir.unwrap_or_else(|| folders.records());
            // "This player": --player, else the name in the settings (as the game's Continue).
            let player = player.unwrap_or_else(|| {
                lost_order_app::settings::peek_settings(&folders.settings_file())
                    .map(|s| s.player)
                    .unwrap_or_default()
            });
            let resume = match (resume, continue_own) {
                (Some(record), _) => Some(record),
                (None, true) => match records::own_unfinished(&dir, &player) {
                    Some(record) => Some(record),
                    // Nothing to play on: finished class sessions the class lacks are sent.
                    None => {
                        let said = resolve(lang.as_deref(), &game_languages())?;
                        let class = join.as_deref().zip(code.as_deref());
                        let sent =
                            play_join::deliver_finished(&dir, &player, &folders, class, &said)?;
                        return sent.ok_or_else(|| nothing_to_continue(&dir, &player, &said));
                    }
                },
                (None, false) => None,
            };
            let code = code.unwrap_or_default();
            if let Some(record) = resume {
                let (session, writer) =
                    records::resume(&record, scenario.as_deref(), from_week, &dir, &player)?;
                let lang = resolve(lang.as_deref(), &session.scenario().meta.languages)?;
                let said = match from_week {
                    None => pick(
                        &lang,
                        "继续 {path}，第 {week} 周",
                        "continuing {path} in week {week}",
                    ),
                    Some(_) => pick(
                        &lang,
                        "假如重来：{path} 的第 {week} 周起，记录在 {record}",
                        "what if: week {week} of {path}, recording to {record}",
                    ),
                };
                eprintln!(
                    "{}",
                    fill(
                        said,
                        &[
                            ("path", &record.display().to_string()),
                            ("week", &session.week().to_string()),
                            ("record", &writer.path().display().to_string()),
                        ]
                    )
                );
                // A session played in a class goes on in that class (a "what if" does not).
                let noted = match (&join, from_week) {
                    (None, None) => {
                        lost_order_class::Enrolment::of(&record).map_err(anyhow::Error::msg)?
                    }
                    _ => None,
                };
                let journal = match (&join, noted) {
                    (Some(url), _) => {
                        play_join::resumed(url, &code, &player, &folders, &session, writer, &lang)?
                    }
                    (None, Some(note)) => {
                        eprintln!(
                            "{}",
                            fill(
                                pick(
                                    &lang,
                                    "这一局是在 {url} 的课堂里玩的：正在重新加入",
                                    "this session was played in the class at {url}: joining it again",
                                ),
                                &[("url", &note.url)]
                            )
                        );
                        play_join::resumed(
                            &note.url, &note.code, &note.name, &folders, &session, writer, &lang,
                        )
                        .map_err(|e| {
                            anyhow::anyhow!(
                                "{}{}{e}",
                                fill(
                                    pick(
                                        &lang,
                                        "无法重新加入 {url} 的课堂（如果讲师换了代码，请加上 --join URL --code CODE）",
                                        "cannot join the class at {url} again (give --join URL --code CODE \
                                         if the instructor changed the code)",
                                    ),
                                    &[("url", &note.url)],
                                ),
                                play_join::colon(&lang)
                            )
                        })?
                    }
                    (None, None) => play_text::Journal::Local(writer),
                };
                return play_text::run(session, &lang, Some(journal));
            }
            if let Some(url) = &join {
                // Before the class's scenario is known, a refusal speaks the game's language.
                let said = resolve(lang.as_deref(), &game_languages())?;
                let (session, journal) =
                    play_join::start(url, &code, &player, &folders, &dir, &said)?;
                let lang = resolve(lang.as_deref(), &session.scenario().meta.languages)?;
                return play_text::run(session, &lang, Some(journal));
            }
            let scenario = load(
                scenario
                    .as_deref()
                    .unwrap_or(Path::new("scenarios/lost_order.ron")),
            )?;
            let lang = resolve(lang.as_deref(), &scenario.meta.languages)?;
            let seed = seed.unwrap_or_else(fresh_seed);
            match script {
                Some(path) => play_script::run(scenario, &path, seed, &lang, json),
                None if text => {
                    let session = lost_order_core::engine::Session::new(scenario, seed);
                    let writer = lost_order_app::records::start(&dir, &session, &player)?;
                    let said = lost_order_core::text::pick(
                        &lang,
                        "本局记录在 {path}",
                        "recording to {path}",
                    );
                    let path = writer.path().display().to_string();
                    eprintln!("{}", lost_order_core::text::fill(said, &[("path", &path)]));
                    play_text::run(session, &lang, Some(play_text::Journal::Local(writer)))
                }
                None => anyhow::bail!(
                    "choose how to play: `--text` in the terminal, or `--script FILE`"
                ),
            }
        }
        Command::Class {
            action:
                ClassAction::Serve {
                    dir,
                    bind,
                    scenario,
                    seed,
                    code,
                    roster,
                },
        } => class::run(&class::Serve {
            dir,
            bind,
            scenario,
            seed,
            code,
            roster,
        }),
        Command::Replay { record, scenario } => records::replay(&record, scenario.as_deref()),
        Command::Report {
            inputs,
            out,
            scenario,
            lang,
        } => report::run(&inputs, &out, scenario.as_deref(), lang.as_deref()),
        Command::Simulate {
            policy,
            all_policies,
            csv,
            runs,
            seed,
            json,
            records: dir,
            join,
            code,
            think,
            arrival,
            faults,
            scenario,
        } => match (policy, join) {
            (Some(policy), Some(url)) => simulate_join::run(&simulate_join::Trainees {
                url: &url,
                code: code.as_deref().unwrap_or_default(),
                policy,
                // Never a thousand trainees in a live class by default.
                runs: runs.ok_or_else(|| {
                    anyhow::anyhow!(
                        "--runs N is needed with --join: how many simulated trainees join the class"
                    )
                })?,
                think: std::time::Duration::from_millis(think),
                arrival,
                faults,
                records: dir.as_deref(),
            }),
            (Some(policy), None) if !all_policies => simulate::run(
                load(&scenario)?,
                policy,
                runs.unwrap_or(DEFAULT_RUNS),
                seed,
                json,
                dir.as_deref(),
            ),
            _ => {
                let format = if json {
                    simulate::Format::Json
                } else if csv {
                    simulate::Format::Csv
                } else {
                    simulate::Format::Table
                };
                simulate::run_all(load(&scenario)?, runs.unwrap_or(DEFAULT_RUNS), seed, format)
            }
        },
    }
}

/// The game's options as given on the command line.
struct GameArgs {
    lang: Option<String>,
    seed: Option<u64>,
    window_size: (u32, u32),
    demo: Option<PathBuf>,
    screenshots: PathBuf,
    scenario: Option<PathBuf>,
}

fn run_game(
    args: GameArgs,
    join: Option<(String, String, Option<String>)>,
) -> anyhow::Result<ExitCode> {
    let GameArgs {
        lang,
        seed,
        window_size,
        demo,
        screenshots,
        scenario,
    } = args;
    let demo = match demo {
        Some(path) => Some((
            demo_decisions(&path, seed, scenario.as_deref())?,
            screenshots,
        )),
        None => None,
    };
    let lang = lang
        .map(|l| resolve(Some(&l), &game_languages()))
        .transpose()?;
    // The one way the terminal tools reach the game: opening its window.
    let exit = crate::game::run(crate::game::GameOptions {
        lang,
        seed,
        window_size,
        demo,
        scenario,
        join,
    })?;
    Ok(if exit.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The decisions the demo clicks through: a script's own, or, when it has `try` or `on` lines,
/// those it makes with `seed` in the case the window opens (`scenario`, else the flagship).
fn demo_decisions(
    path: &Path,
    seed: Option<u64>,
    scenario: Option<&Path>,
) -> anyhow::Result<Vec<lost_order_core::engine::Decision>> {
    let script = lost_order_core::engine::read_script(path)?;
    if let Some(plain) = script.plain_decisions() {
        return Ok(plain);
    }
    let Some(seed) = seed else {
        anyhow::bail!(
            "{}: a demo script with `try` or `on` lines needs `--seed N`: its decisions depend on the seed",
            path.display()
        );
    };
    let case = match scenario {
        Some(file) => load(file)?,
        None => lost_order_app::Catalog::load()
            .flagship()
            .context("no scenario to play")?
            .scenario
            .clone(),
    };
    script
        .resolve(case, seed)
        .with_context(|| format!("{}: the demo script stops", path.display()))
}

/// The process's exit code for an error `run` returned: 2 for a command line that asks for
/// something impossible (a language the scenario lacks, like clap's own usage errors), 1 for
/// everything else (a file that cannot be read, a scenario with errors, a record that does
/// not replay…).
pub fn exit_code_of(error: &anyhow::Error) -> ExitCode {
    if error.downcast_ref::<LangError>().is_some() {
        ExitCode::from(EXIT_BAD_LANGUAGE)
    } else {
        ExitCode::FAILURE
    }
}

/// Loads a scenario that must be free of errors, with the checker's report if it is not.
pub(crate) fn load(path: &Path) -> anyhow::Result<Arc<Scenario>> {
    let scenario = lost_order_core::load::load_file(path)
        .with_context(|| format!("cannot load scenario {}", path.display()))?;
    Ok(Arc::new(scenario))
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once('x')
        .ok_or("expected WIDTHxHEIGHT, e.g. 1024x640")?;
    let (w, h): (u32, u32) = (
        w.parse().map_err(|_| "bad width")?,
        h.parse().map_err(|_| "bad height")?,
    );
    if w < 1024 || h < 640 {
        return Err(format!(
            "{w}x{h} is smaller than the smallest window, 1024x640"
        ));
    }
    Ok((w, h))
}

/// `--continue` with nothing to continue or send, in `lang`.
fn nothing_to_continue(dir: &Path, player: &str, lang: &str) -> anyhow::Error {
    let who = if player.trim().is_empty() {
        pick(
            lang,
            "未署名玩家（请用 --player 名字）",
            "an unnamed player (give --player NAME)",
        )
        .to_string()
    } else {
        fill(
            pick(lang, "“{player}”", "player `{player}`"),
            &[("player", player.trim())],
        )
    };
    anyhow::anyhow!(
        "{}",
        fill(
            pick(
                lang,
                "{dir}：没有{who}未完成的练习；从不接着玩别的学员的练习",
                "{dir}: no unfinished session of {who}; sessions of other players are never continued",
            ),
            &[("dir", &dir.display().to_string()), ("who", &who)],
        )
    )
}
