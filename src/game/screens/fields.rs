//! Typed fields, for any screen (settings, joining a class, the instructor view): a field is
//! a button until Enter is pressed on it, then takes characters until Enter or Esc; what is
//! typed is saved in the settings at each key.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use super::{Ctx, Screen};
use crate::game::prefs::{Home, Prefs};
use crate::game::widgets::{ButtonLook, button, field, small};

/// A screen's choice of the field that takes typed characters.
pub(super) trait FieldChoice:
    Resource<Mutability = bevy::ecs::component::Mutable> + Copy + PartialEq
{
    /// No field is being edited.
    const NOTHING: Self;

    /// Puts the key `ev` into this field of the settings; returns whether they changed.
    fn apply(self, ev: &KeyboardInput, prefs: &mut Prefs) -> bool;
}

/// The system for the keys on a screen with typed fields chosen by `F`: while a field is
/// edited, each key goes into the settings ([`FieldChoice::apply`]; they are saved when they
/// changed), and Enter or Esc ends the editing (not the Enter that started it); otherwise Esc
/// goes back to the title.
pub(super) fn typing<F: FieldChoice>(
    mut events: MessageReader<KeyboardInput>,
    mut editing: ResMut<F>,
    mut prefs: ResMut<Prefs>,
    home: Res<Home>,
    mut next: ResMut<NextState<Screen>>,
) {
    let just_started = editing.is_changed();
    for ev in events.read() {
        if ev.state != ButtonState::Pressed {
            continue;
        }
        if *editing == F::NOTHING {
            if ev.key_code == KeyCode::Escape {
                next.set(Screen::Title);
            }
            continue;
        }
        // The Enter that started the editing arrives here too; it must not end it.
        if matches!(ev.logical_key, Key::Enter | Key::Escape) && !just_started {
            *editing = F::NOTHING;
        } else if editing.apply(ev, prefs.bypass_change_detection()) {
            prefs.set_changed();
            prefs.save(&home);
        }
    }
}

/// Puts a typed key into `text` (Backspace takes the last character off); returns whether
/// the key was used.
pub(super) fn type_into(text: &mut String, key: &Key, limit: usize) -> bool {
    match key {
        Key::Backspace => text.pop().is_some(),
        Key::Character(s) if text.chars().count() < limit && !s.chars().any(char::is_control) => {
            text.push_str(s);
            true
        }
        Key::Space if text.chars().count() < limit => {
            text.push(' ');
            true
        }
        _ => false,
    }
}

/// A value typed by the player, for any screen: a button carrying `action` (which starts
/// the editing) showing `shown`, or, while `editing`, a field showing `typed` and a caret;
/// `hint` beside it.
pub(super) fn text_field<A: Component + Clone + std::fmt::Debug>(
    r: &mut ChildSpawnerCommands,
    ctx: &Ctx,
    action: A,
    editing: bool,
    shown: String,
    typed: String,
    hint: &str,
) {
    if editing {
        r.spawn(field(format!("{typed}|"), action, ctx.scale));
    } else {
        r.spawn(button(shown, action, ButtonLook::Secondary, ctx.scale));
    }
    r.spawn(small(hint, ctx.scale));
}
