//! Transparent huge pages turned off for the commands that run a thread per trainee.

/// Asks Linux not to back this process's memory with transparent huge pages from now on.
///
/// mimalloc asks for them (`MADV_HUGEPAGE`) and gives every thread a heap of its own, so a
/// class server's pool or a thousand simulated trainees each fault in and zero whole 2 MiB
/// pages: acknowledgements then waited seconds at the 99th percentile, and the trainees took
/// 3.8 GiB instead of 0.6 (docs/performance.md, "A live class"). The one-thread commands keep
/// them: `simulate` plays about 7% faster with them. Elsewhere than Linux it does nothing.
pub fn turn_off() {
    #[cfg(target_os = "linux")]
    // SAFETY: `prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)` only sets a flag of this process; it
    // reads and writes no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
