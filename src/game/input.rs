//! Keyboard and mouse beyond the widgets, the same on every screen: focus ring, arrow keys,
//! wheel scrolling. Keys that mean something on one screen (Esc, typing) are that screen's.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::input_focus::tab_navigation::{NavAction, TabNavigation};
use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::picking::hover::{HoverMap, Hovered};
use bevy::prelude::*;
use bevy::ui::{InteractionDisabled, Pressed};

use super::theme::palette;
use super::widgets::{ButtonKey, ButtonLook};

pub(super) fn plugin(app: &mut App) {
    app.add_observer(on_scroll).add_systems(
        Update,
        (
            button_colours,
            focus_ring,
            arrows,
            scroll_wheel,
            scroll_focus_into_view,
        ),
    );
}

/// A button's look and what the pointer is doing to it.
type ButtonParts<'a> = (
    &'a ButtonLook,
    Option<&'a Hovered>,
    Has<Pressed>,
    Has<InteractionDisabled>,
    &'a mut BackgroundColor,
);

fn button_colours(mut buttons: Query<ButtonParts>) {
    for (look, hovered, pressed, disabled, mut bg) in &mut buttons {
        let (colour, _) = look.colours(hovered.is_some_and(|h| h.get()), pressed, disabled);
        if bg.0 != colour {
            bg.0 = colour;
        }
    }
}

/// A visible outline on the focused button, so keyboard users always see where they are.
fn focus_ring(
    focus: Res<InputFocus>,
    mut commands: Commands,
    buttons: Query<(Entity, Has<Outline>), With<ButtonKey>>,
) {
    if !focus.is_changed() {
        return;
    }
    for (e, has) in &buttons {
        if focus.get() == Some(e) {
            commands.entity(e).try_insert(Outline {
                width: px(3),
                offset: px(2),
                color: palette::FOCUS,
            });
        } else if has {
            commands.entity(e).try_remove::<Outline>();
        }
    }
}

/// The arrow keys move the focus like Tab and Shift+Tab.
fn arrows(
    mut events: MessageReader<KeyboardInput>,
    mut focus: ResMut<InputFocus>,
    mut visible: ResMut<InputFocusVisible>,
    nav: TabNavigation,
) {
    for ev in events.read() {
        if ev.state != ButtonState::Pressed {
            continue;
        }
        match ev.key_code {
            KeyCode::ArrowDown | KeyCode::ArrowRight => {
                move_focus(&mut focus, &mut visible, &nav, NavAction::Next)
            }
            KeyCode::ArrowUp | KeyCode::ArrowLeft => {
                move_focus(&mut focus, &mut visible, &nav, NavAction::Previous)
            }
            _ => {}
        }
    }
}

fn move_focus(
    focus: &mut InputFocus,
    visible: &mut InputFocusVisible,
    nav: &TabNavigation,
    action: NavAction,
) {
    visible.0 = true;
    if let Ok(e) = nav.navigate(focus, action) {
        focus.set(e, bevy::input_focus::FocusCause::Navigated);
    }
}

/// Scrolls whatever the pointer is over (as in Bevy's scroll example).
#[derive(EntityEvent, Debug)]
#[entity_event(propagate, auto_propagate)]
struct Scroll {
    entity: Entity,
    delta: Vec2,
}

fn scroll_wheel(
    mut wheel: MessageReader<MouseWheel>,
    hover_map: Res<HoverMap>,
    mut commands: Commands,
) {
    for ev in wheel.read() {
        let mut delta = -Vec2::new(ev.x, ev.y);
        if ev.unit == MouseScrollUnit::Line {
            delta *= 24.0;
        }
        for pointer in hover_map.values() {
            for entity in pointer.keys().copied() {
                commands.trigger(Scroll { entity, delta });
            }
        }
    }
}

fn on_scroll(
    mut scroll: On<Scroll>,
    mut query: Query<(&mut ScrollPosition, &Node, &ComputedNode)>,
) {
    let Ok((mut position, node, computed)) = query.get_mut(scroll.entity) else {
        return;
    };
    let max = (computed.content_size() - computed.size()) * computed.inverse_scale_factor();
    if node.overflow.y == OverflowAxis::Scroll && scroll.delta.y != 0.0 {
        let at_end = if scroll.delta.y > 0.0 {
            position.y >= max.y
        } else {
            position.y <= 0.0
        };
        if !at_end {
            position.y = (position.y + scroll.delta.y).clamp(0.0, max.y.max(0.0));
            scroll.propagate(false);
        }
    }
}

/// Keeps the focused button visible inside its scrolling column.
fn scroll_focus_into_view(
    focus: Res<InputFocus>,
    visible: Res<InputFocusVisible>,
    nodes: Query<(&ComputedNode, &UiGlobalTransform)>,
    parents: Query<&ChildOf>,
    mut scrollers: Query<(&Node, &mut ScrollPosition)>,
) {
    // Only keyboard navigation scrolls; a mouse user keeps their place.
    if !focus.is_changed() || !visible.0 {
        return;
    }
    let Some(focused) = focus.get() else { return };
    let Ok((node, transform)) = nodes.get(focused) else {
        return;
    };
    let mut current = focused;
    while let Ok(parent) = parents.get(current) {
        current = parent.parent();
        let Ok((container, container_transform)) = nodes.get(current) else {
            continue;
        };
        let Ok((style, mut position)) = scrollers.get_mut(current) else {
            continue;
        };
        if style.overflow.y != OverflowAxis::Scroll {
            continue;
        }
        let k = container.inverse_scale_factor();
        let top = (transform.translation.y - node.size().y / 2.0) * k;
        let bottom = (transform.translation.y + node.size().y / 2.0) * k;
        let view_top = (container_transform.translation.y - container.size().y / 2.0) * k;
        let view_bottom = view_top + container.size().y * k;
        if top < view_top {
            position.y = (position.y - (view_top - top) - 8.0).max(0.0);
        } else if bottom > view_bottom {
            position.y += bottom - view_bottom + 8.0;
        }
        break;
    }
}
