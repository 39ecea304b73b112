//! The bundled CJK + Latin font, compiled into the binary and installed as the default font.

use bevy::prelude::*;

/// Noto Sans CJK SC, subset by scripts/make-font.sh (licence in assets/fonts/).
const FONT: &[u8] = include_bytes!("../../assets/fonts/LostOrderSans.otf");

pub(super) fn plugin(app: &mut App) {
    let font = Font::from_bytes(FONT.to_vec());
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    // Every TextFont that names no font uses the default handle: make that our font.
    if let Err(e) = fonts.insert(AssetId::default(), font) {
        error!("cannot install the bundled font: {e}");
    }
}
