//! A trainee's requests to the class server over HTTP (a blocking client), with the faults
//! a simulated trainee injects.

use std::time::Duration;

use lost_order_core::engine::Dice;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::faults::{Faults, draw};
use crate::protocol::{
    Acknowledged, CODE_HEADER, DEVICE_HEADER, JOIN_PATH, JoinRequest, Joined, Lines, Reason,
    Refusal, lines_path, record_path,
};

/// How long one request may take, connecting included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// The size of each connection's read and write buffers, in bytes. The protocol's messages are
/// small, and bodies larger than this (the scenario in a join) stream through; ureq's default
/// of 128 KiB each would cost a class of simulated trainees 256 MiB.
const BUFFER_BYTES: usize = 16 * 1024;

/// Why a request brought no answer of the protocol.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    /// The server was not reached, or its answer was lost: try again later.
    #[error("no answer from the class server: {0}")]
    Network(String),
    /// The server answered with a refusal.
    #[error("{0}")]
    Refused(Refusal),
}

/// The requests of one trainee to one server.
#[derive(Debug)]
pub(crate) struct Transport {
    agent: ureq::Agent,
    base: String,
    faults: Option<(Faults, Dice)>,
}

impl Transport {
    /// Requests to the server at `url` (`http://ADDR:PORT`), with `faults` drawn from
    /// `seed` when given.
    pub fn new(url: &str, faults: Option<Faults>, seed: u64) -> Transport {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(REQUEST_TIMEOUT))
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .input_buffer_size(BUFFER_BYTES)
            .output_buffer_size(BUFFER_BYTES)
            .build();
        Transport {
            agent: config.into(),
            base: url.trim_end_matches('/').to_string(),
            faults: faults.map(|f| (f, Dice::new(seed))),
        }
    }

    /// Joins (or rejoins) the class.
    pub fn join(&mut self, request: &JoinRequest) -> Result<Joined, Failure> {
        self.faulty(JOIN_PATH, request)
    }

    /// Posts record lines.
    pub fn post(&mut self, session: &str, lines: &Lines) -> Result<Acknowledged, Failure> {
        let path = lines_path(session);
        if let Some(reorder) = self.mishap_reorder(lines) {
            // The later lines overtake the first; whatever the server says to them is lost.
            let _ = self.once::<_, Acknowledged>(&path, &reorder);
        }
        self.faulty(&path, lines)
    }

    /// The reordered request to send first, when a fault says so.
    fn mishap_reorder(&mut self, lines: &Lines) -> Option<Lines> {
        let (faults, dice) = self.faults.as_mut()?;
        if lines.lines.len() < 2 || !dice.chance(faults.reorder) {
            return None;
        }
        Some(Lines {
            from: lines.from + 1,
            lines: lines.lines[1..].to_vec(),
            ..lines.clone()
        })
    }

    /// The server's copy of a trainee's record, as text.
    pub fn record(&self, session: &str, code: &str, device: &str) -> Result<String, Failure> {
        let url = format!("{}{}", self.base, record_path(session));
        let response = self
            .agent
            .get(&url)
            .header(CODE_HEADER, code)
            .header(DEVICE_HEADER, device)
            .call();
        let (status, text) = answer(response)?;
        if status == 200 {
            Ok(text)
        } else {
            Err(Failure::Refused(refusal(status, &text)))
        }
    }

    /// Sends `body` to `path` with the faults of one request drawn.
    fn faulty<B: Serialize, R: DeserializeOwned>(
        &mut self,
        path: &str,
        body: &B,
    ) -> Result<R, Failure> {
        let mishap = match self.faults.as_mut() {
            Some((faults, dice)) => draw(faults, dice),
            None => Default::default(),
        };
        if let Some(delay) = mishap.delay {
            std::thread::sleep(delay);
        }
        if mishap.lose_request {
            return Err(Failure::Network(
                "the request was lost (an injected fault)".into(),
            ));
        }
        if mishap.duplicate {
            let _ = self.once::<B, R>(path, body);
        }
        let answer = self.once(path, body);
        if mishap.lose_answer {
            return Err(Failure::Network(
                "the answer was lost (an injected fault)".into(),
            ));
        }
        answer
    }

    /// Sends `body` to `path` once.
    fn once<B: Serialize, R: DeserializeOwned>(&self, path: &str, body: &B) -> Result<R, Failure> {
        let json = serde_json::to_string(body).map_err(|e| Failure::Network(e.to_string()))?;
        let response = self
            .agent
            .post(&format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .send(json.as_str());
        let (status, text) = answer(response)?;
        if status == 200 {
            serde_json::from_str(&text).map_err(|e| {
                Failure::Refused(Refusal::new(
                    Reason::Malformed,
                    format!("the server's answer is not of the class protocol: {e}"),
                ))
            })
        } else {
            Err(Failure::Refused(refusal(status, &text)))
        }
    }
}

/// The status and text of an answer, or a network failure.
fn answer(
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<(u16, String), Failure> {
    let mut response = response.map_err(|e| Failure::Network(e.to_string()))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| Failure::Network(e.to_string()))?;
    Ok((status, text))
}

/// The refusal an answer with `status` carries, or one made of its status and text when it
/// is not the protocol's (an answer from something else at that address).
pub(crate) fn refusal(status: u16, text: &str) -> Refusal {
    serde_json::from_str(text).unwrap_or_else(|_| {
        let short: String = text.chars().take(200).collect();
        Refusal::new(
            Reason::Malformed,
            format!("HTTP {status} from the server, not of the class protocol: {short}"),
        )
    })
}
