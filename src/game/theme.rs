//! The one place for the look: palette, spacing, type scale, and stance and role markers.

use bevy::prelude::*;
use lost_order_core::engine::Stance;

pub mod palette {
    use bevy::prelude::Color;

    pub const BACKGROUND: Color = Color::srgb(0.953, 0.949, 0.937);
    pub const SURFACE: Color = Color::srgb(1.0, 1.0, 1.0);
    pub const SURFACE_ALT: Color = Color::srgb(0.918, 0.925, 0.937);
    pub const INK: Color = Color::srgb(0.122, 0.149, 0.196);
    pub const INK_SOFT: Color = Color::srgb(0.369, 0.400, 0.451);
    pub const ACCENT: Color = Color::srgb(0.082, 0.314, 0.545);
    pub const ACCENT_HOVER: Color = Color::srgb(0.114, 0.392, 0.655);
    pub const ACCENT_PRESSED: Color = Color::srgb(0.055, 0.231, 0.420);
    pub const BUTTON: Color = Color::srgb(0.875, 0.894, 0.918);
    pub const BUTTON_HOVER: Color = Color::srgb(0.808, 0.839, 0.878);
    pub const DISABLED: Color = Color::srgb(0.965, 0.965, 0.960);
    pub const DISABLED_INK: Color = Color::srgb(0.560, 0.560, 0.560);
    pub const FOCUS: Color = Color::srgb(0.851, 0.467, 0.024);
    pub const BORDER: Color = Color::srgb(0.800, 0.812, 0.831);
    pub const SCRIM: Color = Color::srgba(0.05, 0.07, 0.1, 0.55);
    pub const SELECTED: Color = Color::srgb(0.835, 0.898, 0.965);
    // Stance colours, always shown with a sign: colour-blind safe blue/orange scale.
    pub const CHAMPION: Color = Color::srgb(0.031, 0.322, 0.612);
    pub const SUPPORTIVE: Color = Color::srgb(0.259, 0.573, 0.776);
    pub const NEUTRAL: Color = Color::srgb(0.600, 0.600, 0.600);
    pub const SCEPTICAL: Color = Color::srgb(0.992, 0.553, 0.235);
    pub const OPPONENT: Color = Color::srgb(0.702, 0.227, 0.016);
    pub const WON: Color = Color::srgb(0.098, 0.463, 0.824);
    pub const LOST: Color = Color::srgb(0.702, 0.227, 0.016);
}

/// Spacing steps in logical pixels.
pub const GAP_S: f32 = 4.0;
pub const GAP_M: f32 = 8.0;
pub const GAP_L: f32 = 16.0;
pub const RADIUS: f32 = 6.0;

/// The type scale; multiplied by the player's text-size setting.
#[derive(Clone, Copy, Debug)]
pub enum Type {
    Title,
    Heading,
    Body,
    Small,
}

impl Type {
    pub fn px(self, scale: f32) -> f32 {
        let base = match self {
            Type::Title => 34.0,
            Type::Heading => 21.0,
            Type::Body => 16.0,
            Type::Small => 13.5,
        };
        (base * scale).round()
    }
}

/// The colour of a stance band (the bands are the core's, `Stance::of`); always shown with
/// the band's sign, never colour alone.
pub fn stance_colour(stance: Stance) -> Color {
    match stance {
        Stance::Opponent => palette::OPPONENT,
        Stance::Sceptical => palette::SCEPTICAL,
        Stance::Neutral => palette::NEUTRAL,
        Stance::Supportive => palette::SUPPORTIVE,
        Stance::Champion => palette::CHAMPION,
    }
}
