//! The device token: made once by a device and kept, so that with the trainee's name it tells
//! the class server a laptop coming back (after a crash or a restart) from a newcomer.

use std::path::Path;

/// The token's file name in the settings folder.
pub const DEVICE_TOKEN_FILE: &str = "device-token";

/// The token kept in `folder` (the settings folder), made and written there (atomically) the
/// first time: 128 random bits in hex.
///
/// # Errors
/// Any I/O error from reading an existing token or writing a new one.
pub fn device_token(folder: &Path) -> std::io::Result<String> {
    let path = folder.join(DEVICE_TOKEN_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) if !text.trim().is_empty() => return Ok(text.trim().to_string()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let token = crate::tokens::secret();
    std::fs::create_dir_all(folder)?;
    lost_order_app::write_atomic(&path, format!("{token}\n"))?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_keeps_its_token() {
        let dir = std::env::temp_dir().join(format!("lo-device-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = device_token(&dir).unwrap();
        assert_eq!(first.len(), 32);
        assert_eq!(
            device_token(&dir).unwrap(),
            first,
            "the same token the next time"
        );
        let other = std::env::temp_dir().join(format!("lo-device-b-{}", std::process::id()));
        assert_ne!(
            device_token(&other).unwrap(),
            first,
            "another device, another token"
        );
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&other);
    }
}
