//! `report_folder` with mimalloc as the global allocator instead of the system's: what the
//! binary would gain from it (docs/performance.md, "The class report").
//!
//! `cargo run --release -p lost-order-app --example report_folder_mimalloc -- DIR OUT [LANG]`

#[path = "report_folder.rs"]
mod report_folder;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    report_folder::main()
}
