//! Wakes the idle window at a steady pace while a thread of the game's may have news for it
//! (a class's link, the instructor's watch on a class): the game draws only on input
//! otherwise. Stops when dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bevy::prelude::*;

/// A thread waking the window every so often; dropping it stops the thread.
#[derive(Debug)]
pub struct Waker {
    stop: Arc<AtomicBool>,
}

impl Waker {
    /// Wakes the window of `world` every `every`; `None` without a window (headless) or
    /// when the thread cannot start.
    pub fn start(world: &World, every: Duration) -> Option<Waker> {
        let proxy = world
            .get_resource::<bevy::winit::EventLoopProxyWrapper>()
            .map(|p| (**p).clone())?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("window-wake".into())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    std::thread::sleep(every);
                    if proxy
                        .send_event(bevy::winit::WinitUserEvent::WakeUp)
                        .is_err()
                    {
                        return;
                    }
                }
            })
            .ok()?;
        Some(Waker { stop })
    }
}

impl Drop for Waker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
