//! The icons the game shows, from the bundled Lucide icon font (scripts/make-icons.sh): one for
//! each buying role, each stance band, each kind of action, the coach, the week and the panels.
//! An icon is always shown beside a word or a sign, never alone.

use lost_order_core::engine::Stance;
use lost_order_core::scenario::{BuyingRole, Purpose};

/// An icon of the bundled icon font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Crown,
    ShieldCheck,
    HandCoins,
    HardHat,
    MessageCircle,
    Star,
    ChevronsUp,
    ChevronUp,
    Minus,
    ChevronDown,
    ChevronsDown,
    Handshake,
    Search,
    Users,
    Presentation,
    Gift,
    Calendar,
    Notebook,
    Scroll,
    Check,
    Cross,
    Trophy,
    Person,
    Lightbulb,
}

impl Icon {
    /// The glyph's code point in the icon font (Lucide's private-use code points).
    pub fn glyph(self) -> char {
        let code = match self {
            Icon::Crown => 0xE1D6,
            Icon::ShieldCheck => 0xE1FF,
            Icon::HandCoins => 0xE5B8,
            Icon::HardHat => 0xE0EE,
            Icon::MessageCircle => 0xE116,
            Icon::Star => 0xE176,
            Icon::ChevronsUp => 0xE074,
            Icon::ChevronUp => 0xE070,
            Icon::Minus => 0xE11C,
            Icon::ChevronDown => 0xE06D,
            Icon::ChevronsDown => 0xE071,
            Icon::Handshake => 0xE5C0,
            Icon::Search => 0xE151,
            Icon::Users => 0xE1A4,
            Icon::Presentation => 0xE4AE,
            Icon::Gift => 0xE0E1,
            Icon::Calendar => 0xE2B9,
            Icon::Notebook => 0xE596,
            Icon::Scroll => 0xE45F,
            Icon::Check => 0xE06C,
            Icon::Cross => 0xE1B2,
            Icon::Trophy => 0xE373,
            Icon::Person => 0xE19F,
            Icon::Lightbulb => 0xE1C2,
        };
        char::from_u32(code).unwrap_or('?')
    }
}

/// The icon of a buying role: the decision maker's crown, the technical buyer's shield (the
/// veto), the purchaser's coins, the user's hard hat, an influencer's voice.
pub fn role(role: BuyingRole) -> Icon {
    match role {
        BuyingRole::DecisionMaker => Icon::Crown,
        BuyingRole::Technical => Icon::ShieldCheck,
        BuyingRole::Purchaser => Icon::HandCoins,
        BuyingRole::User => Icon::HardHat,
        BuyingRole::Influencer => Icon::MessageCircle,
    }
}

/// The icon of a stance band: chevrons up for support, down for opposition.
pub fn stance(stance: Stance) -> Icon {
    match stance {
        Stance::Champion => Icon::ChevronsUp,
        Stance::Supportive => Icon::ChevronUp,
        Stance::Neutral => Icon::Minus,
        Stance::Sceptical => Icon::ChevronDown,
        Stance::Opponent => Icon::ChevronsDown,
    }
}

/// The icon of a kind of action (the scenario's `purpose`).
pub fn purpose(purpose: Purpose) -> Icon {
    match purpose {
        Purpose::Relationship => Icon::Handshake,
        Purpose::Discovery => Icon::Search,
        Purpose::Introduction => Icon::Users,
        Purpose::Coaching => Icon::Star,
        Purpose::Persuasion => Icon::Presentation,
        Purpose::Unethical => Icon::Gift,
    }
}

/// The coach's icon.
pub const COACH: Icon = Icon::Star;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_in_the_bundled_font() {
        let font = skrifa::FontRef::new(include_bytes!("../../assets/fonts/LostOrderIcons.ttf"))
            .expect("the icon font reads");
        use skrifa::MetadataProvider;
        let charmap = font.charmap();
        for icon in [
            Icon::Crown,
            Icon::ShieldCheck,
            Icon::HandCoins,
            Icon::HardHat,
            Icon::MessageCircle,
            Icon::Star,
            Icon::ChevronsUp,
            Icon::ChevronUp,
            Icon::Minus,
            Icon::ChevronDown,
            Icon::ChevronsDown,
            Icon::Handshake,
            Icon::Search,
            Icon::Users,
            Icon::Presentation,
            Icon::Gift,
            Icon::Calendar,
            Icon::Notebook,
            Icon::Scroll,
            Icon::Check,
            Icon::Cross,
            Icon::Trophy,
            Icon::Person,
            Icon::Lightbulb,
        ] {
            assert!(charmap.map(icon.glyph()).is_some(), "{icon:?} has no glyph");
        }
    }
}
