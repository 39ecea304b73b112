//! Where the class server listens when not told: the machine's LAN address, never every
//! address (`0.0.0.0`) without being asked.

use std::net::{IpAddr, SocketAddr};

/// The port the class server listens on when not told (7878).
pub const DEFAULT_PORT: u16 = 7878;

/// The LAN address of this machine (the address of the interface of its default route, as
/// the operating system reports it) with [`DEFAULT_PORT`]: the address trainees on the same
/// network reach. Never `0.0.0.0`: a server listening on every interface must be asked for
/// with `--bind 0.0.0.0:PORT`.
///
/// # Errors
/// A message saying to give `--bind` when the machine has no LAN address (no network).
pub fn default_bind() -> Result<SocketAddr, String> {
    let ip: IpAddr = local_ip_address::local_ip().map_err(|e| {
        format!(
            "no LAN address found ({e}); give one with --bind ADDR:PORT (127.0.0.1:{DEFAULT_PORT} for this machine only)"
        )
    })?;
    if ip.is_unspecified() {
        return Err(format!(
            "the LAN address found is {ip}; give one with --bind ADDR:PORT"
        ));
    }
    Ok(SocketAddr::new(ip, DEFAULT_PORT))
}
