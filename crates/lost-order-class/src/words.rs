//! The server's refusals and the link's failures in the player's language, keyed on the
//! refusal's stable `reason` word (the server's own message is English, for the log and for
//! developers).

use lost_order_core::text::{fill, pick};

use crate::link::{Failure, Mismatch};
use crate::protocol::Reason;

impl Reason {
    /// What this refusal means to a trainee or instructor, and what to do, in `lang` (`zh`,
    /// else English).
    pub fn words(self, lang: &str) -> &'static str {
        let (zh, en) = match self {
            Reason::WrongCode => (
                "课堂代码不对，请向讲师核对。",
                "That is not this class's code: check it with the instructor.",
            ),
            Reason::NotInstructor => (
                "这需要讲师口令：请用开课时打印的实况页地址（含 token）打开。",
                "This needs the instructor's token: open the live view's address printed when the class started (with its token).",
            ),
            Reason::BadName => (
                "这个名字不能用：不能为空、不能超过 64 个字符，也不能含有 /、\\ 或 ..。",
                "This name cannot be used: it must not be empty, longer than 64 characters, or hold /, \\ or ..",
            ),
            Reason::NameTaken => (
                "这个名字已在另一台电脑上加入了课堂。请换一个名字，或回到原来的电脑。",
                "This name already plays in the class on another computer. Use another name, or that computer.",
            ),
            Reason::UnknownSession => (
                "课堂里没有这一局（服务器也许换了课堂文件夹）：请重新加入。",
                "The class does not hold this session (the server may run on another class folder): join again.",
            ),
            Reason::NoSuchFile => ("没有这个报告文件。", "There is no such report file."),
            Reason::WrongDevice => (
                "这一局是从另一台电脑加入的，请在那台电脑上继续。",
                "This session joined from another computer: go on there.",
            ),
            Reason::OutOfOrder => (
                "服务器收到的决策比本机少，将从它缺的那一个起补发。",
                "The server holds fewer decisions than this computer: they are sent again from the first it lacks.",
            ),
            Reason::Differs => (
                "这个决策与服务器已确认的不同（本机记录被改过？），不再发送。",
                "This decision differs from the one the server acknowledged (was the record on this computer edited?); nothing more is sent.",
            ),
            Reason::Malformed => (
                "服务器读不懂发来的内容（游戏版本不同？）。",
                "The server could not read what was sent (another version of the game?).",
            ),
            Reason::Impossible => (
                "服务器重放时不接受这个决策（与课堂的案例和种子不符），不再发送。",
                "The server's replay does not accept this decision (it does not fit the class's case and seed); nothing more is sent.",
            ),
            Reason::TooLong => (
                "这一局的记录超过了服务器保存的长度，不再发送。",
                "This session's record is longer than the server keeps; nothing more is sent.",
            ),
            Reason::TooLarge => (
                "一次发送的内容超过了服务器接收的大小。",
                "What was sent at once is larger than the server takes.",
            ),
            Reason::TooFast => (
                "请求太频繁，请稍等片刻再试。",
                "Too many requests: wait a moment and try again.",
            ),
            Reason::ClassFull => ("课堂已满。", "The class is full."),
            Reason::NotOnRoster => (
                "这个名字不在讲师的名单上：请按名单上的写法输入你的名字。",
                "This name is not on the instructor's roster: type your name exactly as the roster lists it.",
            ),
            Reason::Locked => (
                "讲师已锁定课堂，新学员暂时不能加入（已在课堂中的学员可以重新加入）。",
                "The instructor has locked the class: no new trainee joins now (a trainee already in can join again).",
            ),
            Reason::Disk => (
                "课堂服务器无法写入记录，稍后会自动重发。",
                "The class server could not write the record; it is sent again later.",
            ),
        };
        pick(lang, zh, en)
    }
}

impl Failure {
    /// What went wrong talking to the class server at `url`, in `lang`: a refusal in its
    /// reason's words, or the server not reached.
    pub fn words(&self, url: &str, lang: &str) -> String {
        match self {
            Failure::Refused(r) => r.reason.words(lang).to_string(),
            Failure::Network(_) => unreachable_words(url, lang),
        }
    }
}

impl Mismatch {
    /// Why the class cannot take this continued session, in `lang`.
    pub fn words(&self, lang: &str) -> String {
        match self {
            Mismatch::NotThisClass => pick(
                lang,
                "这一局的案例或随机种子与课堂的不同。",
                "This session's case or seed is not the class's.",
            )
            .to_string(),
            Mismatch::ServerAhead { server, here } => fill(
                pick(
                    lang,
                    "课堂服务器上的这一局比本机记录多（{server} 条，本机 {here} 条）。",
                    "The class server holds more of this session than this computer ({server} lines, here {here}).",
                ),
                &[("server", &server.to_string()), ("here", &here.to_string())],
            ),
        }
    }
}

/// The class server at `url` not reached, and what to check, in `lang`.
pub fn unreachable_words(url: &str, lang: &str) -> String {
    fill(
        pick(
            lang,
            "连不上 {url} 的课堂服务器。请核对地址，并确认本机与讲师的电脑在同一网络中。",
            "Cannot reach the class server at {url}. Check the address, and that this computer is on the instructor's network.",
        ),
        &[("url", url)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reason, as the server sends it.
    const EVERY: [Reason; 18] = [
        Reason::WrongCode,
        Reason::NotInstructor,
        Reason::BadName,
        Reason::NameTaken,
        Reason::UnknownSession,
        Reason::NoSuchFile,
        Reason::WrongDevice,
        Reason::OutOfOrder,
        Reason::Differs,
        Reason::Malformed,
        Reason::Impossible,
        Reason::TooLong,
        Reason::TooLarge,
        Reason::TooFast,
        Reason::ClassFull,
        Reason::NotOnRoster,
        Reason::Locked,
        Reason::Disk,
    ];

    #[test]
    fn every_reason_has_its_own_words_in_chinese_and_in_english() {
        let mut seen = std::collections::HashSet::new();
        for reason in EVERY {
            let (zh, en) = (reason.words("zh"), reason.words("en"));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{reason:?}: {zh}"
            );
            assert!(
                en.is_ascii() && en.ends_with(['.', '?', ')']),
                "{reason:?}: {en}"
            );
            assert!(
                seen.insert(zh) && seen.insert(en),
                "{reason:?} repeats words"
            );
        }
    }

    #[test]
    fn a_failure_to_reach_the_server_names_its_address() {
        let f = Failure::Network("connection refused".into());
        assert!(
            f.words("http://10.0.0.2:7878", "zh")
                .contains("连不上 http://10.0.0.2:7878")
        );
        assert!(
            f.words("http://10.0.0.2:7878", "en")
                .contains("Cannot reach")
        );
    }
}
