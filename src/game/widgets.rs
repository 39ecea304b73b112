//! Widgets as plain functions returning bundles: labels, buttons, panels, chips. A button takes
//! what it does as a value (any action component); widgets know nothing of the screens.

use std::fmt::Debug;

use bevy::input_focus::tab_navigation::TabIndex;
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::ui::InteractionDisabled;
use bevy::ui_widgets::{ActivateOnPress, Button};

use lost_order_core::engine::Stance;

use super::icons::{self, Icon};
use super::theme::{GAP_L, GAP_M, RADIUS, Type, palette, stance_colour};

/// A text that wraps inside its parent.
pub fn label(text: impl Into<String>, ty: Type, scale: f32, color: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Px(ty.px(scale)),
            ..default()
        },
        TextColor(color),
        TextLayout::linebreak(LineBreak::WordOrCharacter),
    )
}

/// Marks a text that is an icon glyph; it is given the icon font as it appears (`font.rs`).
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct IconGlyph;

/// An icon of the bundled icon font, sized like text of type `ty`.
pub fn icon(icon: Icon, ty: Type, scale: f32, color: Color) -> impl Bundle {
    (
        Text::new(icon.glyph().to_string()),
        TextFont {
            font_size: FontSize::Px(ty.px(scale)),
            ..default()
        },
        TextColor(color),
        IconGlyph,
    )
}

/// An icon followed by a text, on one line that wraps the text.
pub fn icon_label(
    glyph: Icon,
    text: impl Into<String>,
    ty: Type,
    scale: f32,
    color: Color,
) -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Row,
            align_items: AlignItems::Center,
            column_gap: px(4.0 * scale),
            min_width: px(0),
            ..default()
        },
        children![icon(glyph, ty, scale, color), label(text, ty, scale, color)],
    )
}

/// Body text in the ink colour.
pub fn body(text: impl Into<String>, scale: f32) -> impl Bundle {
    label(text, Type::Body, scale, palette::INK)
}

pub fn heading(text: impl Into<String>, scale: f32) -> impl Bundle {
    label(text, Type::Heading, scale, palette::INK)
}

pub fn small(text: impl Into<String>, scale: f32) -> impl Bundle {
    label(text, Type::Small, scale, palette::INK_SOFT)
}

/// How a button looks.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonLook {
    Primary,
    Secondary,
    /// A toggle or option that is currently chosen.
    Selected,
}

impl ButtonLook {
    pub fn colours(self, hovered: bool, pressed: bool, disabled: bool) -> (Color, Color) {
        if disabled {
            return (palette::DISABLED, palette::DISABLED_INK);
        }
        match self {
            ButtonLook::Primary => (
                if pressed {
                    palette::ACCENT_PRESSED
                } else if hovered {
                    palette::ACCENT_HOVER
                } else {
                    palette::ACCENT
                },
                Color::WHITE,
            ),
            ButtonLook::Secondary => (
                if hovered || pressed {
                    palette::BUTTON_HOVER
                } else {
                    palette::BUTTON
                },
                palette::INK,
            ),
            ButtonLook::Selected => (palette::SELECTED, palette::ACCENT_PRESSED),
        }
    }
}

/// Names a button by its action's type and value, so that the focus can find the same button
/// after its screen was rebuilt, and scripts can find a button without knowing its screen.
#[derive(Component, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ButtonKey(String);

impl ButtonKey {
    /// The key of a button that carries `action`.
    pub fn of<A: Debug + 'static>(action: &A) -> ButtonKey {
        ButtonKey(format!("{}::{action:?}", std::any::type_name::<A>()))
    }

    /// The key as text: the action's type path and value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A button with an icon before its text.
pub fn icon_button<A: Component + Debug>(
    glyph: Icon,
    text: impl Into<String>,
    action: A,
    look: ButtonLook,
    scale: f32,
) -> impl Bundle {
    let (bg, ink) = look.colours(false, false, false);
    (
        button_frame(action, look, bg, scale),
        look,
        children![(
            Node {
                column_gap: px(6.0 * scale),
                align_items: AlignItems::Center,
                ..default()
            },
            children![
                icon(glyph, Type::Body, scale, ink),
                button_label(text, scale, ink)
            ],
        )],
    )
}

/// A focusable button carrying `action` (any component the screen routes, see
/// `screens::route`), activated by mouse, Enter or Space.
pub fn button<A: Component + Debug>(
    text: impl Into<String>,
    action: A,
    look: ButtonLook,
    scale: f32,
) -> impl Bundle {
    button_in(text, action, look, scale, false)
}

fn button_in<A: Component + Debug>(
    text: impl Into<String>,
    action: A,
    look: ButtonLook,
    scale: f32,
    disabled: bool,
) -> impl Bundle {
    let (bg, ink) = look.colours(false, false, disabled);
    (
        button_frame(action, look, bg, scale),
        look,
        children![button_label(text, scale, ink)],
    )
}

/// A button's text. A short label stays on one line: otherwise the layout may size the button
/// for its narrowest wrapping (one Chinese character a line) and draw the label at the top of
/// a button too tall for it. Long labels (actions with their costs) wrap inside their panel.
fn button_label(text: impl Into<String>, scale: f32, ink: Color) -> impl Bundle {
    let text = text.into();
    let wrap = if text.chars().count() <= SHORT_LABEL {
        LineBreak::NoWrap
    } else {
        LineBreak::WordOrCharacter
    };
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Px(Type::Body.px(scale)),
            ..default()
        },
        TextColor(ink),
        // A label that wraps stays centred, line by line, like the button it sits in.
        TextLayout {
            justify: Justify::Center,
            linebreak: wrap,
        },
    )
}

/// Labels up to this many characters never wrap.
const SHORT_LABEL: usize = 16;

/// What every button is: a focusable, hoverable frame that centres its content.
fn button_frame<A: Component + Debug>(
    action: A,
    look: ButtonLook,
    bg: Color,
    scale: f32,
) -> impl Bundle {
    // The chosen option has an accent border, so it never looks like its neighbours (the
    // keyboard focus is the orange ring outside it).
    let (border, edge) = match look {
        ButtonLook::Selected => (palette::ACCENT, 2.0),
        _ => (palette::BORDER, 1.0),
    };
    (
        Node {
            padding: UiRect::axes(px(14.0 * scale), px(7.0 * scale)),
            border: UiRect::all(px(edge)),
            border_radius: BorderRadius::all(px(RADIUS)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        Button,
        // A quick click can bring its press and release in one frame, before the press has
        // marked the button pressed, and the click would be lost: act on the press instead.
        ActivateOnPress,
        Hovered::default(),
        TabIndex(0),
        ButtonKey::of(&action),
        action,
        BackgroundColor(bg),
        BorderColor::all(border),
    )
}

/// A text field being typed into: focusable and highlighted, but not a button, so Space and
/// Enter go to the text (Enter or Esc ends the editing, see input.rs).
pub fn field<A: Component + Debug>(text: impl Into<String>, action: A, scale: f32) -> impl Bundle {
    let (bg, ink) = ButtonLook::Selected.colours(false, false, false);
    (
        Node {
            padding: UiRect::axes(px(14.0 * scale), px(7.0 * scale)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(RADIUS)),
            min_width: px(160.0 * scale),
            ..default()
        },
        TabIndex(0),
        ButtonKey::of(&action),
        action,
        BackgroundColor(bg),
        BorderColor::all(palette::ACCENT),
        children![label(text, Type::Body, scale, ink)],
    )
}

/// A focusable card-like button whose content the caller adds as children.
pub fn tile<A: Component + Debug>(action: A, look: ButtonLook, width: f32) -> impl Bundle {
    let (bg, _) = look.colours(false, false, false);
    let (border, edge) = match look {
        ButtonLook::Selected => (palette::ACCENT, 2.0),
        _ => (palette::BORDER, 1.0),
    };
    (
        Node {
            width: px(width),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::FlexStart,
            padding: UiRect::all(px(GAP_M)),
            row_gap: px(2),
            border: UiRect::all(px(edge)),
            border_radius: BorderRadius::all(px(RADIUS)),
            ..default()
        },
        Button,
        ActivateOnPress,
        Hovered::default(),
        TabIndex(0),
        ButtonKey::of(&action),
        action,
        look,
        BackgroundColor(bg),
        BorderColor::all(border),
    )
}

/// A button that cannot be used now, still focusable so that its reason can be read.
pub fn disabled_button<A: Component + Debug>(
    text: impl Into<String>,
    action: A,
    scale: f32,
) -> impl Bundle {
    let text = format!("× {}", text.into());
    (
        button_in(text, action, ButtonLook::Secondary, scale, true),
        InteractionDisabled,
    )
}

/// A white card with a border and padding, laid out as a column.
pub fn card() -> impl Bundle {
    card_with(Node::default())
}

/// A card whose layout starts from `node` (size, growth, overflow).
pub fn card_with(node: Node) -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(GAP_M + 4.0)),
            row_gap: px(GAP_M / 2.0),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(RADIUS)),
            ..node
        },
        BackgroundColor(palette::SURFACE),
        BorderColor::all(palette::BORDER),
    )
}

/// A whole-screen column that scrolls, with the page's padding.
pub fn page() -> impl Bundle {
    (
        Node {
            padding: UiRect::all(px(GAP_L * 1.5)),
            overflow: Overflow::scroll_y(),
            flex_grow: 1.0,
            min_height: px(0),
            ..column(GAP_L)
        },
        ScrollPosition::default(),
    )
}

/// The bar under a page that never scrolls away: the screen's main buttons stay in reach at
/// any window and text size.
pub fn footer() -> impl Bundle {
    (
        Node {
            flex_shrink: 0.0,
            padding: UiRect::axes(px(GAP_L * 1.5), px(GAP_M + 2.0)),
            border: UiRect::top(px(1)),
            ..row(GAP_M)
        },
        BackgroundColor(palette::SURFACE),
        BorderColor::all(palette::BORDER),
    )
}

/// A page of reading width, centred (briefing, reveal).
pub fn narrow_page() -> impl Bundle {
    (
        Node {
            padding: UiRect::all(px(GAP_L * 1.5)),
            overflow: Overflow::scroll_y(),
            flex_grow: 1.0,
            min_height: px(0),
            max_width: px(980),
            align_self: AlignSelf::Center,
            ..column(GAP_L)
        },
        ScrollPosition::default(),
    )
}

/// A row of items that wraps onto new lines.
pub fn row(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        flex_wrap: FlexWrap::Wrap,
        column_gap: px(gap),
        row_gap: px(gap),
        align_items: AlignItems::Center,
        ..default()
    }
}

/// A column of items.
pub fn column(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(gap),
        ..default()
    }
}

/// A small coloured chip with a sign, for a stance (colour and sign, never colour alone).
pub fn chip(text: impl Into<String>, colour: Color, scale: f32) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(6), px(1)),
            border_radius: BorderRadius::all(px(RADIUS)),
            ..default()
        },
        BackgroundColor(colour),
        children![label(text, Type::Small, scale, Color::WHITE)],
    )
}

/// A stance as a chip: the band's colour, its icon and the number with its sign (−5…+5), so
/// that colour is never the only cue.
pub fn stance_chip(support: i32, scale: f32) -> impl Bundle {
    let band = Stance::of(support);
    (
        Node {
            padding: UiRect::axes(px(6), px(1)),
            border_radius: BorderRadius::all(px(RADIUS)),
            column_gap: px(2),
            align_items: AlignItems::Center,
            ..default()
        },
        BackgroundColor(stance_colour(band)),
        children![
            icon(icons::stance(band), Type::Small, scale, Color::WHITE),
            label(signed(support), Type::Small, scale, Color::WHITE)
        ],
    )
}

/// A number with its sign, using a true minus sign: `+3`, `0`, `−2`.
pub fn signed(v: i32) -> String {
    match v {
        0 => "0".into(),
        v if v > 0 => format!("+{v}"),
        v => format!("−{}", v.unsigned_abs()),
    }
}
