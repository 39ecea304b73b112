//! The bundled fonts, compiled into the binary: the CJK + Latin text font (installed as the
//! default font) and the icon font, given to every icon glyph as it appears.

use bevy::prelude::*;

use super::widgets::IconGlyph;

/// Noto Sans CJK SC, subset by scripts/make-font.sh (licence in assets/fonts/).
const FONT: &[u8] = include_bytes!("../../assets/fonts/LostOrderSans.otf");

/// Lucide's icons (ISC licence), subset by scripts/make-icons.sh (licence in assets/fonts/).
const ICONS: &[u8] = include_bytes!("../../assets/fonts/LostOrderIcons.ttf");

/// The icon font, once loaded.
#[derive(Resource, Clone)]
struct IconFont(Handle<Font>);

pub(super) fn plugin(app: &mut App) {
    let font = Font::from_bytes(FONT.to_vec());
    let icons = Font::from_bytes(ICONS.to_vec());
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    // Every TextFont that names no font uses the default handle: make that our font.
    if let Err(e) = fonts.insert(AssetId::default(), font) {
        error!("cannot install the bundled font: {e}");
    }
    let icons = fonts.add(icons);
    app.insert_resource(IconFont(icons))
        .add_systems(Update, give_icons_their_font.after(super::screens::Rebuild));
}

/// Icon glyphs are spawned with the default font; they get the icon font here.
fn give_icons_their_font(icons: Res<IconFont>, mut glyphs: Query<&mut TextFont, Added<IconGlyph>>) {
    for mut font in &mut glyphs {
        font.font = icons.0.clone().into();
    }
}
