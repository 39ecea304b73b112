//! The people of the buying center: their hidden truth and what the player knows at the start.

use serde::{Deserialize, Serialize};

use super::Effect;

use super::{Amount, Id};
use crate::text::Text;

/// One person in the customer's organization.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: Text,
    pub title: Text,
    pub department: Text,
    pub layer: Layer,
    /// The true buying role (it may change during the story).
    pub role: BuyingRole,
    /// Weight in the decision, 0 to 10.
    pub influence: Amount,
    /// Support for us, −5 (hostile) to +5 (champion).
    pub stance: Amount,
    /// Support for the competitor, −5 to +5.
    pub rival_stance: Amount,
    /// Ids of the decision criteria this person cares about.
    #[serde(default)]
    pub criteria: Vec<Id>,
    pub personality: Text,
    #[serde(default)]
    pub reports_to: Option<Id>,
    /// Whether this person can become our coach (教练).
    #[serde(default)]
    pub coachable: bool,
    /// Whom this person can introduce us to.
    #[serde(default)]
    pub introduces: Vec<Id>,
    /// What the player knows of this person when the session starts.
    #[serde(default)]
    pub known: Vec<Fact>,
    /// Shown as an unknown silhouette on the map from the start.
    #[serde(default)]
    pub hinted: bool,
    /// A role the player believes at the start, right or wrong.
    #[serde(default)]
    pub believed_role: Option<BuyingRole>,
    /// The coach's quiet support (暗中支持): while this person is the player's coach, these
    /// effects happen at the start of every week after they became one, unseen by the player,
    /// e.g. `[Support(Person("wang"), 1)]` (they speak for us to a colleague). None by default.
    #[serde(default)]
    pub quiet_support: Vec<Effect>,
}

/// The three layers of the buying organization (决策层, 管理层, 执行层).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layer {
    Decision,
    Management,
    Execution,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Decision, Layer::Management, Layer::Execution];
}

/// The four buying roles of the course, plus people who only influence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BuyingRole {
    DecisionMaker,
    Technical,
    Purchaser,
    User,
    Influencer,
}

impl BuyingRole {
    /// The four roles a seller must cover.
    pub const FOUR: [BuyingRole; 4] = [
        BuyingRole::DecisionMaker,
        BuyingRole::Technical,
        BuyingRole::Purchaser,
        BuyingRole::User,
    ];
}

/// A kind of fact about a person that the player can know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Fact {
    /// Name, title and department: the person is on the map.
    Identity,
    Role,
    Stance,
    Influence,
    Criteria,
}

impl Fact {
    pub const ALL: [Fact; 5] = [
        Fact::Identity,
        Fact::Role,
        Fact::Stance,
        Fact::Influence,
        Fact::Criteria,
    ];
}

/// A decision criterion a person may care about, e.g. performance or price.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: Id,
    pub name: Text,
}
