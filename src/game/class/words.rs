//! Why joining a class failed, in the player's language (docs/classroom.md).

use lost_order_class::{Mismatch, Reason};
use lost_order_core::text::{fill, pick};

/// Why joining a class failed, put in words by [`JoinError::words`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinError {
    /// No server address typed.
    NoAddress,
    /// No class code typed.
    NoCode,
    /// No name typed.
    NoName,
    /// The server at this address did not answer.
    Unreachable(String),
    /// The server refused the join, with its reason and its (English) message.
    Refused(Reason, String),
    /// The class's scenario does not load or is not the one announced.
    Scenario(String),
    /// The session the class holds could not be taken up again.
    Resume(String),
    /// The local record could not be written.
    Records(String),
    /// A session continued from the title cannot go on in the class noted beside its record
    /// (its case or seed differs, or the server holds more of it).
    Mismatch(Mismatch),
}

impl JoinError {
    /// The error in the player's language.
    pub fn words(&self, lang: &str) -> String {
        match self {
            JoinError::NoAddress => pick(
                lang,
                "请填写讲师给出的服务器地址，例如 192.168.1.20:7878。",
                "Type the server address the instructor gave, e.g. 192.168.1.20:7878.",
            )
            .to_string(),
            JoinError::NoCode => pick(
                lang,
                "请填写讲师给出的课堂代码。",
                "Type the class code the instructor gave.",
            )
            .to_string(),
            JoinError::NoName => pick(
                lang,
                "请填写你的姓名，讲师据此认出你。",
                "Type your name: it is how the instructor knows you.",
            )
            .to_string(),
            JoinError::Unreachable(address) => lost_order_class::unreachable_words(address, lang),
            JoinError::Refused(reason, _) => reason.words(lang).to_string(),
            JoinError::Scenario(detail) => fill(
                pick(
                    lang,
                    "课堂的案例无法载入：{detail}",
                    "The class's case does not load: {detail}",
                ),
                &[("detail", detail)],
            ),
            JoinError::Resume(detail) => fill(
                pick(
                    lang,
                    "无法接续你在这堂课中的这一局：{detail}",
                    "Cannot take up your session of this class again: {detail}",
                ),
                &[("detail", detail)],
            ),
            JoinError::Mismatch(m @ Mismatch::ServerAhead { .. }) => format!(
                "{}{}",
                m.words(lang),
                pick(
                    lang,
                    "请在“加入课堂”中重新加入。",
                    " Join again from “Join a class”.",
                )
            ),
            JoinError::Mismatch(m) => m.words(lang),
            JoinError::Records(detail) => fill(
                pick(
                    lang,
                    "无法在本机写入练习记录：{detail}",
                    "Cannot write the session record on this computer: {detail}",
                ),
                &[("detail", detail)],
            ),
        }
    }
}
