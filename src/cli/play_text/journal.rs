//! Where a terminal session's decisions go as they are made: the local record, and in a live
//! class also the class server (docs/classroom.md), with what the trainee is told of it.

use std::time::Duration;

use lost_order_class::ClassRecord;
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
}

impl Journal {
    /// Writes the session's new decisions to the local record (and, in a class, queues them
    /// to be sent); in a class, says so when the server is not reached or refused a line.
    ///
    /// # Errors
    /// Any I/O error of the local record.
    pub fn sync(&mut self, session: &Session, lang: &str) -> std::io::Result<()> {
        match self {
            Journal::Local(writer) => writer.sync(session),
            Journal::Class(record) => {
                record.sync(session)?;
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
                        .replace("{n}", &link.unsent().to_string())
                    );
                }
                Ok(())
            }
        }
    }

    /// In a class, waits a little for the last decisions to reach the server and says
    /// whether they did.
    pub fn finish(&self, lang: &str) {
        let Journal::Class(record) = self else {
            return;
        };
        let link = record.link();
        if link.flush(LAST_SEND) {
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
                    "{n} 个决策未送达课堂；它们在本机记录 {path} 中。",
                    "{n} decisions did not reach the class; they are in the record {path} on this computer.",
                )
                .replace("{n}", &link.unsent().to_string())
                .replace("{path}", &record.path().display().to_string())
            );
        }
    }
}
