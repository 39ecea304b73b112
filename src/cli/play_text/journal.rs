//! Where a terminal session's decisions go as they are made: the local record, and in a live
//! class also the class server (docs/classroom.md), with what the trainee is told of it.

use std::time::Duration;

use lost_order_class::entries::entries_of;
use lost_order_class::{ClassRecord, Rejoin, relink};
use lost_order_core::engine::Session;
use lost_order_core::record::RecordWriter;

use super::t;

/// How long the end of a class session waits for the last decisions to reach the server.
const LAST_SEND: Duration = Duration::from_secs(10);

/// The session's record: local only, or local and sent to a class.
#[derive(Debug)]
pub enum Journal {
    /// A session played alone: its record file.
    Local(RecordWriter),
    /// A session of a live class: its local record, and the link that sends each line.
    Class(ClassRecord),
    /// A class session continued while its server was not reached: the local record, and the
    /// class at `url` being joined again in the background; once in, it becomes
    /// [`Journal::Class`] and every line the server lacks is sent.
    Rejoining {
        /// The local record.
        writer: RecordWriter,
        /// The joining.
        rejoin: Rejoin,
        /// The class server, to name it.
        url: String,
        /// The session's record lines when it was continued: those made since wait to be
        /// sent, at least.
        from: usize,
    },
}

impl Journal {
    /// Writes the session's new decisions to the local record (and, in a class, queues them
    /// to be sent); in a class, says so when the server is not reached or refused a line.
    /// A class being joined again is taken up here once the server answers.
    ///
    /// # Errors
    /// Any I/O error of the local record.
    pub fn sync(self, session: &Session, lang: &str) -> std::io::Result<Journal> {
        match self {
            Journal::Local(mut writer) => {
                writer.sync(session)?;
                Ok(Journal::Local(writer))
            }
            Journal::Class(mut record) => {
                record.sync(session)?;
                say_link(&record, lang);
                Ok(Journal::Class(record))
            }
            Journal::Rejoining {
                mut writer,
                rejoin,
                url,
                from,
            } => {
                writer.sync(session)?;
                match rejoin.answer() {
                    None => {
                        let since = entries_of(session).len().saturating_sub(from);
                        println!(
                            "! {}",
                            t(
                                lang,
                                "仍在重新加入课堂：继续以来的 {n} 个决策待发送（已保存在本机记录中，加入后自动补发）",
                                "still joining the class again; decisions made since continuing and waiting to be sent: {n} (saved on this computer; sent once in)",
                            )
                            .replace("{n}", &since.to_string())
                        );
                        Ok(Journal::Rejoining {
                            writer,
                            rejoin,
                            url,
                            from,
                        })
                    }
                    Some(Ok((link, joined))) => match relink(writer, link, &joined, session) {
                        Ok(mut record) => {
                            record.sync(session)?;
                            println!(
                                "{}",
                                t(
                                    lang,
                                    "已重新加入课堂：课堂缺少的决策正在补发。",
                                    "Back in the class: the decisions it lacks are being sent.",
                                )
                            );
                            Ok(Journal::Class(record))
                        }
                        Err((writer, mismatch)) => {
                            alone(&mismatch.words(lang), lang);
                            Ok(Journal::Local(writer))
                        }
                    },
                    Some(Err(failure)) => {
                        alone(&failure.words(&url, lang), lang);
                        Ok(Journal::Local(writer))
                    }
                }
            }
        }
    }

    /// In a class, waits a little for the last decisions to reach the server and says
    /// whether they did; a class still being joined again gets the same little wait to answer.
    pub fn finish(self, session: &Session, lang: &str) {
        let mut record = match self {
            Journal::Class(record) => record,
            Journal::Rejoining {
                writer,
                rejoin,
                url,
                ..
            } => {
                let back = match rejoin.answer_within(LAST_SEND) {
                    Some(Ok((link, joined))) => relink(writer, link, &joined, session)
                        .map_err(|(writer, m)| (writer, Some(m.words(lang)))),
                    Some(Err(failure)) => Err((writer, Some(failure.words(&url, lang)))),
                    None => Err((writer, None)),
                };
                match back {
                    Ok(mut record) => match record.sync(session) {
                        Ok(()) => record,
                        Err(e) => {
                            println!("! {e}");
                            return;
                        }
                    },
                    Err((writer, why)) => {
                        if let Some(why) = why {
                            println!("! {why}");
                        }
                        println!(
                            "! {}",
                            t(
                                lang,
                                "未能重新加入 {url} 的课堂；本局完整保存在本机记录 {path} 中，再次继续（--continue）时会补发。",
                                "The class at {url} was not joined again; the whole session is in the record {path} on this computer, and sent when you continue again (--continue).",
                            )
                            .replace("{url}", &url)
                            .replace("{path}", &writer.path().display().to_string())
                        );
                        return;
                    }
                }
            }
            Journal::Local(_) => return,
        };
        if record.link().flush(LAST_SEND) {
            // The class holds it all: a later --continue need not send it.
            if let Err(e) = record.note_delivered(session) {
                println!("! {e}");
            }
            println!(
                "{}",
                t(
                    lang,
                    "所有决策已送达课堂。",
                    "Every decision reached the class."
                )
            );
        } else {
            println!(
                "! {}",
                t(
                    lang,
                    "{n} 个决策未送达课堂；它们在本机记录 {path} 中，再次继续（--continue）时会补发。",
                    "{n} decisions did not reach the class; they are in the record {path} on this computer, and sent when you continue again (--continue).",
                )
                .replace("{n}", &record.decisions_waiting().to_string())
                .replace("{path}", &record.path().display().to_string())
            );
        }
    }
}

/// Says when the link is not connected or a line was refused.
fn say_link(record: &ClassRecord, lang: &str) {
    let link = record.link();
    if let Some(refusal) = link.refused() {
        println!(
            "! {}{}",
            t(
                lang,
                "课堂服务器拒收：",
                "the class server refused a decision: "
            ),
            refusal.reason.words(lang)
        );
    } else if !link.connected() {
        println!(
            "! {}",
            t(
                lang,
                "未连上课堂服务器：{n} 个决策待发送（已保存在本机记录中，连上后自动补发）",
                "not connected to the class: {n} decisions waiting (saved on this computer; sent when the connection is back)",
            )
            .replace("{n}", &record.decisions_waiting().to_string())
        );
    }
}

/// Says why the class could not take the session back, and that it goes on alone.
fn alone(why: &str, lang: &str) {
    println!(
        "! {why}{}",
        t(
            lang,
            "本局继续在本机进行，记录完整。",
            " The session goes on on this computer alone; its record is complete.",
        )
    );
}
