//! Lost Order's live class over the LAN: the class server (trainees join with a class code and
//! post their record lines, each replayed against the class's scenario and synced to an
//! ordinary session record in the class folder before it is acknowledged), the trainee's link
//! to it (the local record first, then queued and sent in order), and simulated trainees
//! that play a policy over the real protocol. See docs/classroom.md.

pub mod entries;
pub mod link;
pub mod protocol;
pub mod server;
mod tokens;
pub mod trainees;
pub mod watch;
mod words;

pub use link::{
    ClassLink, ClassRecord, Credentials, Delivered, Enrolment, Failure, Faults, Mismatch, Rejoin,
    deliver, device_token, enrolment_path, relink, server_url, undelivered,
};
pub use protocol::{Joined, Reason, Refusal, ScenarioSource};
pub use server::{ClassOptions, ClassServer, Limits, ServeError, default_bind, serve};
pub use trainees::{Latency, Outcome, Simulation, simulate_class};
pub use watch::{ClassWatch, Door, WatchStatus, Watched};
pub use words::unreachable_words;
