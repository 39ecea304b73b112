//! Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
//! commands on its descriptor 3, answers on 4, each message ended by a NUL byte), to click a
//! page's buttons, read what it shows and take a screenshot of the whole page.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A page open in headless Chromium.
pub struct Browser {
    child: Child,
    commands: std::io::PipeWriter,
    answers: BufReader<std::io::PipeReader>,
    session: String,
    next: u64,
}

impl Browser {
    /// Starts headless Chromium (a window of `width`×`height` CSS pixels) and opens `url`.
    pub fn open(url: &str, width: u32, height: u32) -> Browser {
        let (to_read, commands) = std::io::pipe().unwrap();
        let (answers, to_write) = std::io::pipe().unwrap();
        let (r, w) = (to_read.as_raw_fd(), to_write.as_raw_fd());
        let profile = std::env::temp_dir().join(format!(
            "lo-chromium-cdp-{}-{}",
            std::process::id(),
            url.len()
        ));
        let mut command = Command::new("chromium");
        command
            .args(super::HEADLESS_CHROMIUM)
            .args([
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                &format!("--window-size={width},{height}"),
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec. The pipe
        // ends are first copied above 10, so that putting them on 3 and 4 never overwrites
        // one with the other; dup2 leaves 3 and 4 open across exec.
        unsafe {
            command.pre_exec(move || {
                let r = libc::fcntl(r, libc::F_DUPFD, 10);
                let w = libc::fcntl(w, libc::F_DUPFD, 10);
                if r < 0 || w < 0 || libc::dup2(r, 3) < 0 || libc::dup2(w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("chromium runs");
        drop((to_read, to_write));
        let mut browser = Browser {
            child,
            commands,
            answers: BufReader::new(answers),
            session: String::new(),
            next: 0,
        };
        let target = browser.call("Target.createTarget", json!({ "url": url }));
        let target = target["targetId"].as_str().expect("a target").to_string();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        );
        browser.session = attached["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        browser
    }

    /// Sends one command (to the page once attached) and waits for its answer's `result`.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        self.commands.write_all(&bytes).unwrap();
        loop {
            let mut buf = Vec::new();
            let n = self.answers.read_until(0, &mut buf).unwrap();
            assert!(n > 0, "chromium closed its pipe during {method}");
            buf.pop();
            let answer: Value = serde_json::from_slice(&buf).unwrap();
            if answer["id"] == json!(id) {
                assert!(answer.get("error").is_none(), "{method}: {answer}");
                return answer["result"].clone();
            }
        }
    }

    /// The value of the script `expression` in the page (a promise is awaited).
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{expression}: {result}"
        );
        result["result"]["value"].clone()
    }

    /// Waits until the script `condition` is true in the page, failing after `bound`.
    pub fn wait_for(&mut self, condition: &str, bound: Duration) {
        let deadline = Instant::now() + bound;
        while self.eval(condition) != json!(true) {
            assert!(
                Instant::now() < deadline,
                "the page never showed: {condition}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A PNG of the whole page, however long, written to `path`.
    pub fn screenshot(&mut self, path: &Path) {
        let metrics = self.call("Page.getLayoutMetrics", json!({}));
        let size = &metrics["cssContentSize"];
        let shot = self.call(
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1 }
            }),
        );
        let png = base64(shot["data"].as_str().expect("a screenshot"));
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64 decoded (the screenshot's PNG).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            n |= u32::from(*d) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
