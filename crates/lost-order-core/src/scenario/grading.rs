//! Customer grading (客户的分级) before the case: the company's accounts, their true grades, and what each grade of this customer grants.

use serde::{Deserialize, Serialize};

use super::Id;
use crate::text::Text;

/// A customer's grade, on the course's scale (客户的分级) folded into three letters:
/// `A` is a key account (大客户 / VIP 客户: the 20% of customers that bring 80% of the sales),
/// `B` an ordinary customer (一般客户), `C` a small customer (小型客户).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    /// Key account (大客户 / VIP): the best service and the most resources.
    A,
    /// Ordinary customer (一般客户).
    B,
    /// Small customer (小型客户).
    C,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 3] = [Grade::A, Grade::B, Grade::C];

    /// The grade's letter, as in scripts: `A`.
    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
        }
    }

    /// The grade of a letter (`A`, `b`…), if it is one.
    pub fn from_letter(s: &str) -> Option<Grade> {
        Grade::ALL
            .into_iter()
            .find(|g| g.letter().eq_ignore_ascii_case(s))
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.letter())
    }
}

/// The four grading indicator groups of the course (客户分级四大指标).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Indicator {
    /// 交易类: cumulative amount, cumulative profit, average deal.
    Transaction,
    /// 财务类: collection cycle (收款周期), amount owed (欠款额).
    Financial,
    /// 客户特征: industry and the like.
    Traits,
    /// 需求匹配: value positioning (价值定位), purchasing standards (采购标准).
    Needs,
}

impl Indicator {
    /// The four groups, in the course's order.
    pub const ALL: [Indicator; 4] = [
        Indicator::Transaction,
        Indicator::Financial,
        Indicator::Traits,
        Indicator::Needs,
    ];

    /// The field that holds this group in an account: `transaction`, `financial`, `traits`, `needs`.
    pub fn field(self) -> &'static str {
        match self {
            Indicator::Transaction => "transaction",
            Indicator::Financial => "financial",
            Indicator::Traits => "traits",
            Indicator::Needs => "needs",
        }
    }
}

/// The grading step shown before week 1: the player grades each account from its indicators;
/// the grade given to `this` (the case's customer) sets the resources for the case.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grading {
    /// What the player is asked, shown above the accounts; optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The company's accounts to grade, in the order shown.
    pub accounts: Vec<Account>,
    /// The id of the account that is the case's customer.
    pub this: Id,
    /// What each grade given to `this` grants; one entry per grade.
    pub resources: Vec<GradeResources>,
}

/// One of the company's accounts, with the facts of the four indicator groups and its true grade.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: Id,
    pub name: Text,
    pub description: Text,
    /// 交易类: cumulative amount, cumulative profit, average deal.
    pub transaction: Text,
    /// 财务类: collection cycle, amount owed.
    pub financial: Text,
    /// 客户特征: industry and the like.
    pub traits: Text,
    /// 需求匹配: value positioning, purchasing standards.
    pub needs: Text,
    /// The grade the course would give it (the truth the player's grade is scored against).
    pub grade: Grade,
}

impl Account {
    /// The facts of one indicator group.
    pub fn indicator(&self, group: Indicator) -> &Text {
        match group {
            Indicator::Transaction => &self.transaction,
            Indicator::Financial => &self.financial,
            Indicator::Traits => &self.traits,
            Indicator::Needs => &self.needs,
        }
    }
}

/// What a grade given to the case's customer grants: action points each week and the budget.
/// Either may be left out; then the scenario's `settings` apply.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeResources {
    pub grade: Grade,
    /// Action points each week, instead of `settings.action_points`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_points: Option<u32>,
    /// The budget for the case, instead of `settings.budget` (the scenario's money unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<i64>,
}

impl Grading {
    /// The account with this id.
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// What giving `grade` to this customer grants, if the author wrote it.
    pub fn resources_for(&self, grade: Grade) -> Option<&GradeResources> {
        self.resources.iter().find(|r| r.grade == grade)
    }
}
