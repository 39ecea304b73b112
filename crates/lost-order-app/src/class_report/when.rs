//! Times in a report: RFC 3339 with the local offset in CSV and JSON, a local date (and
//! minute) on the page. The zone is the system's (`TZ`, else `/etc/localtime`), read by jiff.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Formats seconds since the Unix epoch in one time zone.
#[derive(Clone, Debug)]
pub struct Clock {
    zone: TimeZone,
}

impl Clock {
    /// The system's time zone (UTC when it cannot be found).
    pub fn local() -> Clock {
        Clock {
            zone: TimeZone::try_system().unwrap_or(TimeZone::UTC),
        }
    }

    /// A fixed zone (for tests).
    pub fn in_zone(zone: TimeZone) -> Clock {
        Clock { zone }
    }

    fn at(&self, seconds: u64, format: &str) -> String {
        i64::try_from(seconds)
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .map(|t| {
                t.to_zoned_datetime(self.zone.clone())
                    .strftime(format)
                    .to_string()
            })
            .unwrap_or_default()
    }

    /// RFC 3339 with the zone's offset: `2026-11-29T20:23:30+08:00`; empty for a time out of
    /// range (past the year 9999).
    pub fn rfc3339(&self, seconds: u64) -> String {
        self.at(seconds, "%Y-%m-%dT%H:%M:%S%:z")
    }

    /// The local date, `2026-11-29`.
    pub fn date(&self, seconds: u64) -> String {
        self.at(seconds, "%Y-%m-%d")
    }

    /// The local date and minute, `2026-11-29 20:23`.
    pub fn minute(&self, seconds: u64) -> String {
        self.at(seconds, "%Y-%m-%d %H:%M")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_carry_their_offset() {
        let shanghai = Clock::in_zone(TimeZone::get("Asia/Shanghai").unwrap());
        // 2025-11-28 03:20:00 UTC.
        assert_eq!(shanghai.rfc3339(1_764_300_000), "2025-11-28T11:20:00+08:00");
        assert_eq!(shanghai.date(1_764_300_000), "2025-11-28");
        assert_eq!(shanghai.minute(1_764_300_000), "2025-11-28 11:20");
        let utc = Clock::in_zone(TimeZone::UTC);
        assert_eq!(utc.rfc3339(0), "1970-01-01T00:00:00+00:00");
        assert_eq!(utc.rfc3339(u64::MAX), "");
    }
}
