//! The class the server holds: its scenario, seed, code and trainees; opening it in a folder
//! (anew, or again after a crash), joining it, and taking a trainee's lines.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lost_order_app::records;
use lost_order_core::engine::Session;
use lost_order_core::record::{Header, RecordWriter, file_name, read_record, replay};
use lost_order_core::report::{Figures, row_from_session};
use lost_order_core::scenario::Scenario;

use super::charts::{self, Charted, Due, LiveCharts};
use super::register::{self, ClassLine, Enrolled, Line, Register};
use super::trainee::Trainee;
use super::view::{ClassView, Moment, View};
use super::{Limits, ServeError};
use crate::protocol::{Gate, JoinRequest, Joined, Lines, Reason, Refusal, ScenarioSource};
use crate::tokens;

/// The longest name or roster label, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// The longest device token, in bytes.
pub const MAX_DEVICE_BYTES: usize = 128;

/// A class being played.
#[derive(Debug)]
pub(crate) struct Class {
    pub scenario: Arc<Scenario>,
    pub source: ScenarioSource,
    pub seed: u64,
    /// The code, the codes it replaced and whether the class is locked, as the register's
    /// last class line holds them.
    gate: Mutex<ClassLine>,
    /// When the instructor gave a roster: the only names that may join.
    roster: Option<Vec<String>>,
    pub instructor_token: String,
    pub dir: PathBuf,
    pub limits: Limits,
    /// Held only to look a trainee up or add one, never while writing files.
    roll: Mutex<Roll>,
    /// Held by one join at a time, while it writes the register and the new record: joins
    /// wait for each other, posts never wait for a join.
    register: Mutex<Register>,
    /// The rows of the live view, updated as lines are taken.
    pub view: View,
    /// Let through one join at a time to a blocking thread: a crowd joining at once waits
    /// here, not on blocking threads that the trainees' lines need.
    pub join_gate: tokio::sync::Mutex<()>,
    /// Held while the report is written or read, so two pages never write it at once.
    pub report_lock: Mutex<()>,
    /// The class charts of the live view (see [`Class::charts`]).
    pub(crate) charted: Mutex<Charted>,
}

/// The trainees, by session id and by name.
#[derive(Debug, Default)]
struct Roll {
    by_id: HashMap<String, Arc<Mutex<Trainee>>>,
    by_name: HashMap<String, String>,
}

/// What opening a class in a folder found.
pub(crate) struct Opened {
    pub class: Class,
    pub warnings: Vec<String>,
}

impl Class {
    /// Opens the class in `dir`: anew when it has no register, else the class the register
    /// names, every trainee's record replayed so they resume. `seed` and `code` given override
    /// a new class's fresh ones; for a class already in `dir`, a different seed or scenario
    /// is an error, a different code replaces the old one (kept as an earlier code), and a
    /// code in the register that is not a class code (empty, say) is replaced by a fresh one,
    /// with a warning.
    ///
    /// # Errors
    /// [`ServeError::Io`] when the folder or register cannot be read or written,
    /// [`ServeError::OtherClass`] when `dir` holds a class of another scenario or seed.
    pub fn open(
        dir: &Path,
        scenario: Arc<Scenario>,
        source: ScenarioSource,
        seed: Option<u64>,
        code: Option<String>,
        roster: Option<Vec<String>>,
        limits: Limits,
    ) -> Result<Opened, ServeError> {
        let io = |source| ServeError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let read = register::read(dir).map_err(io)?;
        let mut warnings = read.warnings;
        let class_line = match read.class {
            Some(old) => {
                if old.scenario_hash != scenario.hash || seed.is_some_and(|s| s != old.seed) {
                    return Err(ServeError::OtherClass {
                        dir: dir.to_path_buf(),
                        found: format!(
                            "{} (hash {:.12}…) seed {}",
                            old.scenario_id, old.scenario_hash, old.seed
                        ),
                    });
                }
                // A code that is not a class code (an empty one, kept by a server before codes
                // were checked) is replaced by a fresh one; those already in go on with it.
                let code = code.or_else(|| {
                    super::check_code(&old.code).is_err().then(|| {
                        let fresh = tokens::class_code();
                        warnings.push(format!(
                            "the class's code `{}` cannot be a class code: new trainees join with {fresh}",
                            old.code
                        ));
                        fresh
                    })
                });
                match code {
                    Some(code) if !code.eq_ignore_ascii_case(&old.code) => {
                        let mut earlier = old.earlier_codes.clone();
                        earlier.push(old.code.clone());
                        ClassLine {
                            code,
                            earlier_codes: earlier,
                            ..old
                        }
                    }
                    _ => old,
                }
            }
            None => ClassLine {
                scenario_id: scenario.meta.id.to_string(),
                scenario_hash: scenario.hash.clone(),
                seed: seed.unwrap_or_else(lost_order_app::fresh_seed),
                code: code.unwrap_or_else(tokens::class_code),
                instructor_token: tokens::secret(),
                earlier_codes: Vec::new(),
                locked: false,
            },
        };
        let mut lines = vec![Line::Class(class_line.clone())];
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        let view = View::new(scenario.meta.id.to_string(), class_line.seed);
        for enrolled in read.trainees {
            match reopen(dir, &scenario, &class_line, &enrolled, &limits) {
                Ok(Some((t, last_line))) => {
                    view.found_again(&t, last_line);
                    by_name.insert(t.name.clone(), t.id.clone());
                    by_id.insert(t.id.clone(), Arc::new(Mutex::new(t)));
                    lines.push(Line::Trainee(enrolled));
                }
                // Joined, but the server stopped before the record was made: nothing was
                // acknowledged; they join again.
                Ok(None) => {}
                Err(w) => warnings.push(w),
            }
        }
        let register = Register::rewrite(dir, &lines).map_err(io)?;
        Ok(Opened {
            class: Class {
                charted: charts::charted(&scenario),
                scenario,
                source,
                seed: class_line.seed,
                instructor_token: class_line.instructor_token.clone(),
                gate: Mutex::new(class_line),
                roster,
                dir: dir.to_path_buf(),
                limits,
                roll: Mutex::new(Roll { by_id, by_name }),
                register: Mutex::new(register),
                view,
                join_gate: tokio::sync::Mutex::new(()),
                report_lock: Mutex::new(()),
            },
            warnings,
        })
    }

    /// Joins `request`'s trainee to the class, or finds their session again (the same name
    /// and device token). A new trainee's record is made in the class folder (its file name
    /// made file-safe from the name by [`file_name`]) and written to the register first.
    ///
    /// # Errors
    /// [`Reason::WrongCode`], [`Reason::BadName`], [`Reason::Malformed`] (a device token
    /// empty or longer than [`MAX_DEVICE_BYTES`]), [`Reason::NameTaken`] (the name joined from
    /// another device), [`Reason::NotOnRoster`] (a roster was given and the name is not on
    /// it), [`Reason::Locked`] (a new trainee while the class is locked),
    /// [`Reason::ClassFull`], [`Reason::Disk`].
    pub fn join(&self, request: &JoinRequest) -> Result<Joined, Refusal> {
        let locked = {
            let gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
            if !request.code.trim().eq_ignore_ascii_case(&gate.code) {
                return Err(wrong_code());
            }
            gate.locked
        };
        let name = check_name(&request.name)?;
        if let Some(roster) = &self.roster
            && !roster.iter().any(|label| label == name)
        {
            return Err(Refusal::new(
                Reason::NotOnRoster,
                format!(
                    "`{name}` is not on this class's roster: join with your name exactly as the instructor listed it"
                ),
            ));
        }
        let device = request.device.trim();
        if device.is_empty() || device.len() > MAX_DEVICE_BYTES {
            return Err(Refusal::new(
                Reason::Malformed,
                format!("a device token is 1 to {MAX_DEVICE_BYTES} bytes"),
            ));
        }
        let mut register = self.register.lock().unwrap_or_else(|e| e.into_inner());
        {
            let roll = self.roll.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(id) = roll.by_name.get(name) {
                let t = roll.by_id[id].lock().unwrap_or_else(|e| e.into_inner());
                if t.device != device {
                    return Err(Refusal::new(
                        Reason::NameTaken,
                        format!(
                            "`{name}` is already playing in this class on another device; choose another name"
                        ),
                    ));
                }
                self.view.update(&t, 0, false);
                return Ok(self.joined(&t.id, t.entries.len()));
            }
            if locked {
                return Err(Refusal::new(
                    Reason::Locked,
                    "the class is locked: the instructor lets no new trainee in now (a trainee already in the class can join again)",
                ));
            }
            if roll.by_id.len() >= self.limits.max_trainees {
                return Err(Refusal::new(
                    Reason::ClassFull,
                    format!("the class is full ({} trainees)", self.limits.max_trainees),
                ));
            }
        }
        let disk = |e: std::io::Error| {
            Refusal::new(
                Reason::Disk,
                format!("the class folder could not be written: {e}"),
            )
        };
        let session = Session::new(self.scenario.clone(), self.seed);
        let header = Header::new(&self.scenario, self.seed, name, records::now_seconds());
        let id = tokens::session_id();
        let mut enrolled = Enrolled {
            session: id.clone(),
            name: name.to_string(),
            device: device.to_string(),
            file: file_name(&header),
        };
        // The register first: a record is never made that a restarted server does not know.
        register
            .append(&Line::Trainee(enrolled.clone()))
            .map_err(disk)?;
        let mut writer = RecordWriter::create(&self.dir, &header).map_err(disk)?;
        writer.sync(&session).map_err(disk)?;
        let path = writer.path().to_path_buf();
        let made = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if made.as_deref() != Some(enrolled.file.as_str()) {
            // The name was taken (`-2`): the register says where the record went.
            enrolled.file = made.unwrap_or_default();
            register
                .append(&Line::Trainee(enrolled.clone()))
                .map_err(disk)?;
        }
        let trainee = Trainee::new(
            id.clone(),
            name.to_string(),
            device.to_string(),
            session,
            Some(writer),
            path,
            &self.limits,
        );
        let held = trainee.entries.len();
        self.view.update(&trainee, 0, true);
        let mut roll = self.roll.lock().unwrap_or_else(|e| e.into_inner());
        roll.by_name.insert(name.to_string(), id.clone());
        roll.by_id.insert(id.clone(), Arc::new(Mutex::new(trainee)));
        Ok(self.joined(&id, held))
    }

    fn joined(&self, id: &str, lines: usize) -> Joined {
        Joined {
            session: id.to_string(),
            scenario_id: self.scenario.meta.id.to_string(),
            scenario_hash: self.scenario.hash.clone(),
            scenario: self.source.clone(),
            seed: self.seed,
            lines,
        }
    }

    /// Takes the lines a trainee posts (see [`Trainee::post`]).
    ///
    /// # Errors
    /// [`Reason::WrongCode`], [`Reason::UnknownSession`], [`Reason::WrongDevice`],
    /// [`Reason::TooFast`], and those of [`Trainee::post`].
    pub fn post(&self, session: &str, lines: &Lines) -> Result<usize, Refusal> {
        self.check_code(&lines.code)?;
        let trainee = self.trainee(session, &lines.device)?;
        let mut t = trainee.lock().unwrap_or_else(|e| e.into_inner());
        t.spend(&self.limits)?;
        let held = t.post(lines.from, &lines.lines, &self.limits)?;
        self.view.update(&t, lines.unsent, !lines.lines.is_empty());
        Ok(held)
    }

    /// Whether `token` is the instructor's.
    pub fn is_instructor(&self, token: &str) -> bool {
        !token.is_empty() && token == self.instructor_token
    }

    /// The text of a trainee's record in the class folder, read while no line of theirs is
    /// being written (so never a half-written line).
    ///
    /// # Errors
    /// [`Reason::WrongCode`], [`Reason::UnknownSession`], [`Reason::WrongDevice`],
    /// [`Reason::Disk`] when it cannot be read.
    pub fn record_text(&self, session: &str, code: &str, device: &str) -> Result<String, Refusal> {
        self.check_code(code)?;
        let trainee = self.trainee(session, device)?;
        let t = trainee.lock().unwrap_or_else(|e| e.into_inner());
        std::fs::read_to_string(&t.path)
            .map_err(|e| Refusal::new(Reason::Disk, format!("the record could not be read: {e}")))
    }

    /// The trainee of session `id`, if the class holds them.
    pub(crate) fn trainee_by_id(&self, id: &str) -> Option<Arc<Mutex<Trainee>>> {
        let roll = self.roll.lock().unwrap_or_else(|e| e.into_inner());
        roll.by_id.get(id).cloned()
    }

    /// The live view as the class stands: its rows, the code and the lock.
    pub fn snapshot(&self) -> ClassView {
        let Gate { code, locked } = self.gate();
        self.view.snapshot(code, locked)
    }

    fn trainee(&self, session: &str, device: &str) -> Result<Arc<Mutex<Trainee>>, Refusal> {
        let roll = self.roll.lock().unwrap_or_else(|e| e.into_inner());
        let trainee = roll.by_id.get(session).cloned().ok_or_else(|| {
            Refusal::new(
                Reason::UnknownSession,
                format!("no session `{session}` in this class; join again"),
            )
        })?;
        drop(roll);
        if trainee.lock().unwrap_or_else(|e| e.into_inner()).device != device.trim() {
            return Err(Refusal::new(
                Reason::WrongDevice,
                "this session joined from another device",
            ));
        }
        Ok(trainee)
    }

    /// A code that lets a trainee already in the class post and read: the class's code or
    /// one it replaced (their session id and device token say who they are; a new code keeps
    /// newcomers out, not those already in).
    fn check_code(&self, code: &str) -> Result<(), Refusal> {
        let gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        let code = code.trim();
        if code.eq_ignore_ascii_case(&gate.code)
            || gate
                .earlier_codes
                .iter()
                .any(|c| code.eq_ignore_ascii_case(c))
        {
            Ok(())
        } else {
            Err(wrong_code())
        }
    }

    /// The code a new trainee joins with.
    pub fn code(&self) -> String {
        self.gate
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .code
            .clone()
    }

    /// The code a new trainee joins with and whether the class is locked.
    pub fn gate(&self) -> Gate {
        let gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        Gate {
            code: gate.code.clone(),
            locked: gate.locked,
        }
    }

    /// Whether the class lets no new trainee join.
    pub fn locked(&self) -> bool {
        self.gate.lock().unwrap_or_else(|e| e.into_inner()).locked
    }

    /// Locks the class (no new trainee joins; those in it go on and may join again) or
    /// unlocks it; the register keeps it, so a restarted server is locked too.
    ///
    /// # Errors
    /// Any I/O error of the register (the class is then left as it was).
    pub fn set_locked(&self, locked: bool) -> std::io::Result<()> {
        self.change_gate(|line| line.locked = locked)
    }

    /// Gives the class a fresh code for new trainees and returns it; the trainees already in
    /// go on posting with the code they joined with. The register keeps it.
    ///
    /// # Errors
    /// Any I/O error of the register (the code is then left as it was).
    pub fn new_code(&self) -> std::io::Result<String> {
        let code = tokens::class_code();
        self.change_gate(|line| {
            let old = std::mem::replace(&mut line.code, code.clone());
            line.earlier_codes.push(old);
        })?;
        Ok(code)
    }

    fn change_gate(&self, change: impl FnOnce(&mut ClassLine)) -> std::io::Result<()> {
        let mut register = self.register.lock().unwrap_or_else(|e| e.into_inner());
        let mut gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        let mut line = gate.clone();
        change(&mut line);
        register.append(&Line::Class(line.clone()))?;
        *gate = line;
        drop(gate);
        self.view.touch();
        Ok(())
    }

    /// How many trainees have joined.
    pub fn trainees(&self) -> usize {
        self.roll
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_id
            .len()
    }
}

fn wrong_code() -> Refusal {
    Refusal::new(
        Reason::WrongCode,
        "wrong class code: ask the instructor for the code of this class",
    )
}

/// A name as joined: trimmed, 1 to [`MAX_NAME_CHARS`] characters, no path separator, no `..`
/// and no control character (the record's file name is made file-safe anyway; a name that
/// looks like a path is refused so nobody is surprised by what it became).
///
/// # Errors
/// [`Reason::BadName`] saying which rule it breaks.
pub(crate) fn check_name(name: &str) -> Result<&str, Refusal> {
    let name = name.trim();
    let bad = |why: &str| Err(Refusal::new(Reason::BadName, format!("not a name: {why}")));
    if name.is_empty() {
        return bad("it is empty");
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return bad(&format!("longer than {MAX_NAME_CHARS} characters"));
    }
    if name.contains(['/', '\\']) || name.contains("..") {
        return bad("a name cannot hold `/`, `\\` or `..`");
    }
    if name.chars().any(char::is_control) {
        return bad("a name cannot hold control characters");
    }
    Ok(name)
}

/// A registered trainee again: their record read and replayed, the writer reopened unless
/// the session is finished; with when their record was last appended to (its modification
/// time, kept through the reopening: the last line acknowledged). `Ok(None)` when the record
/// was never made.
///
/// # Errors
/// A warning, in words, when the record cannot be used (it is left as it is).
fn reopen(
    dir: &Path,
    scenario: &Arc<Scenario>,
    class: &ClassLine,
    enrolled: &Enrolled,
    limits: &Limits,
) -> Result<Option<(Trainee, Moment)>, String> {
    let file = Path::new(&enrolled.file);
    if file.file_name() != Some(file.as_os_str()) {
        return Err(format!(
            "register: `{}` is not a file name; passed over",
            enrolled.file
        ));
    }
    let path = dir.join(file);
    if !path.exists() {
        return Ok(None);
    }
    let shown = path.display();
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let last_line = Moment::of(modified);
    let record = read_record(&path).map_err(|e| e.to_string())?;
    if record.header.player != enrolled.name {
        return Err(format!(
            "{shown}: the record of `{}`, not of `{}`; passed over",
            record.header.player, enrolled.name
        ));
    }
    if record.header.scenario_hash != class.scenario_hash || record.header.seed != class.seed {
        return Err(format!(
            "{shown}: not of this class's scenario and seed; passed over"
        ));
    }
    let session = replay(scenario.clone(), &record)
        .map_err(|d| format!("{shown}: replay diverged at {d}; passed over"))?;
    let writer = if record.finished.is_some() {
        None
    } else {
        let writer = RecordWriter::resume(&path, &record).map_err(|e| format!("{shown}: {e}"))?;
        // Resuming writes the record anew (its torn tail gone): it keeps the time of its last
        // line, so the next start finds that time again, not this one's.
        if let Some(time) = modified {
            let _ = std::fs::File::options()
                .append(true)
                .open(&path)
                .and_then(|f| f.set_modified(time));
        }
        Some(writer)
    };
    let trainee = Trainee::new(
        enrolled.session.clone(),
        enrolled.name.clone(),
        enrolled.device.clone(),
        session,
        writer,
        path,
        limits,
    );
    Ok(Some((trainee, last_line)))
}

impl Class {
    /// The class charts, brought up to date first unless they were less than `gap` ago:
    /// each trainee whose session moved since is counted again (their old row taken back).
    /// Takes each such trainee's lock only while their row is made.
    pub fn charts(&self, gap: Duration) -> LiveCharts {
        let mut charted = self.charted.lock().unwrap_or_else(|e| e.into_inner());
        let due = charted.due(gap);
        if due == Due::No {
            return charted.charts();
        }
        let moved = self.view.take_to_chart();
        if moved.is_empty() && due != Due::First {
            return charted.charts();
        }
        let lang = self.scenario.lang("");
        let rows = (moved.into_iter())
            .filter_map(|id| {
                let trainee = self.trainee_by_id(&id)?;
                let t = trainee.lock().unwrap_or_else(|e| e.into_inner());
                Some((id, row_from_session(&t.session, lang)))
            })
            .collect();
        charted.recount(&self.scenario, rows);
        charted.charts()
    }

    /// The class's figures as the charts count them now (brought up to date first), in
    /// `lang` (the scenario's first language when it has not that one).
    pub fn chart_figures(&self, lang: &str) -> Figures {
        self.charts(Duration::ZERO);
        let charted = self.charted.lock().unwrap_or_else(|e| e.into_inner());
        charted.figures(&self.scenario, self.scenario.lang(lang))
    }
}
