//! Authoring mistakes an instructor makes, each made in a copy of the tutorial
//! (`tests/authoring/tutorial.ron`, kept apart so that polishing the shipped tutorial does not
//! move these positions): each gives exactly one error, with its exact `file:line:col`, message
//! and hint, and the full report says the message once.

use lost_order_core::load::check_source;

/// One mistake: text edits of the tutorial, then the one error expected.
struct Mistake {
    name: &'static str,
    /// `(find, replace)`, each applied to the first place found; a `find` of the form
    /// `"start…end"` replaces everything from `start` through `end`.
    edits: &'static [(&'static str, &'static str)],
    /// The short line after `tutorial.ron:`.
    short: &'static str,
    hint: &'static str,
}

const BASE: &str = include_str!("authoring/tutorial.ron");

const MISTAKES: &[Mistake] = &[
    Mistake {
        name: "only_unknown_person",
        edits: &[(
            "points: 1, purpose: Relationship,",
            "points: 1, purpose: Relationship, targets: Only([\"ownr\"]),",
        )],
        short: "43:59: error: unknown person `ownr`",
        hint: "did you mean `owner`?",
    },
    Mistake {
        name: "only_nobody",
        edits: &[(
            "points: 1, purpose: Relationship,",
            "points: 1, purpose: Relationship, targets: Only([]),",
        )],
        short: "43:53: error: action `visit` may be aimed at nobody: `Only([])` names no person",
        hint: "name the people, e.g. `targets: Only([\"wang\"])`, or write `targets: Nobody`",
    },
    Mistake {
        name: "target_in_choice_text",
        edits: &[("小周爽快地答应了。", "{target}爽快地答应了。")],
        short: "73:67: error: `{target}` is only filled in an action result's text; in this `text` players would read it as written",
        hint: "no person is aimed at here: write the person's name itself",
    },
    Mistake {
        name: "target_in_scene_text",
        edits: &[(
            "\"en\": \"Zhou: \\\"We are",
            "\"en\": \"{target}: \\\"We are",
        )],
        short: "70:102: error: `{target}` is only filled in an action result's text; in this `text` players would read it as written",
        hint: "no person is aimed at here: write the person's name itself",
    },
    Mistake {
        name: "unknown_placeholder_in_result",
        edits: &[(
            "{target}对你的支持多了一分。",
            "{targt}对你的支持多了一分。",
        )],
        short: "44:102: error: unknown placeholder `{targt}`: players would read it as written",
        hint: "did you mean `{target}`? a result's `text` may use `{target}` (the name of the person the action is aimed at)",
    },
    Mistake {
        name: "placeholder_in_ending",
        edits: &[(
            "\"en\": \"You found every key person",
            "\"en\": \"{player}, you found every key person",
        )],
        short: "99:120: error: `{player}` is no placeholder: players would read it as written",
        hint: "no placeholder is filled in this `text`; only an action result's `text` has one, `{target}`",
    },
    Mistake {
        name: "undeclared_language",
        edits: &[(
            "\"en\": \"Tutorial: your first order\"}",
            "\"en\": \"Tutorial: your first order\", \"fr\": \"Tutoriel\"}",
        )],
        short: "9:73: error: `title` has a text in `fr`, a language the case does not declare",
        hint: "the case's languages (`meta.languages`) are `zh`, `en`: write {\"zh\": \"…\", \"en\": \"…\"}",
    },
    Mistake {
        name: "language_misnamed",
        edits: &[("title: {\"zh\": \"新手教程", "title: {\"cn\": \"新手教程")],
        short: "9:17: error: `title` has a text in `cn`, a language the case does not declare, and none in `zh`",
        hint: "the case's languages (`meta.languages`) are `zh`, `en`: write {\"zh\": \"…\", \"en\": \"…\"}",
    },
    Mistake {
        name: "language_missing",
        edits: &[(
            "label: {\"zh\": \"拜访\", \"en\": \"Visit\"}",
            "label: {\"zh\": \"拜访\"}",
        )],
        short: "42:23: error: `label` has no text in `en`",
        hint: "every text needs every declared language: {\"zh\": \"…\", \"en\": \"…\"}",
    },
    Mistake {
        name: "reports_to_circle",
        edits: &[(
            "influence: 8, stance",
            "influence: 8, reports_to: \"tech\", stance",
        )],
        short: "32:74: error: `reports_to` goes round in a circle: owner → tech → owner",
        hint: "someone is at the top and reports to nobody: remove `reports_to` from `owner` or `tech`",
    },
    Mistake {
        name: "reports_to_self",
        edits: &[(
            "reports_to: \"owner\", introduces",
            "reports_to: \"buyer\", introduces",
        )],
        short: "37:14: error: `buyer` reports to themself",
        hint: "name their boss, or leave `reports_to` out for the person at the top",
    },
    Mistake {
        name: "reports_to_unknown",
        edits: &[(
            "reports_to: \"owner\", hinted",
            "reports_to: \"onwer\", hinted",
        )],
        short: "36:91: error: unknown person `onwer`",
        hint: "did you mean `owner`?",
    },
    Mistake {
        name: "decide_weight_huge",
        edits: &[("rule: Decide(2)", "rule: Decide(1000000000)")],
        short: "95:117: error: `Decide` is 1000000000; a stage's weight is 1 to 100",
        hint: "write a whole number from 1 to 100, e.g. `Decide(2)`",
    },
    Mistake {
        name: "decide_weight_zero",
        edits: &[("rule: Decide(2)", "rule: Decide(0)")],
        short: "95:117: error: `Decide` is 0; a stage's weight is 1 to 100",
        hint: "write a whole number from 1 to 100, e.g. `Decide(2)`",
    },
    Mistake {
        name: "veto_out_of_scale",
        edits: &[("rule: Veto(0)", "rule: Veto(9)")],
        short: "94:107: error: `Veto` is 9; a veto threshold is -5 to 5, on the scale of a verdict",
        hint: "write a whole number from -5 to 5, e.g. `Veto(0)`",
    },
    Mistake {
        name: "support_change_huge",
        edits: &[("Support(Target, 1)", "Support(Target, 2147483647)")],
        short: "44:59: error: `Support` is 2147483647; an effect changes support by -10 to 10",
        hint: "write a whole number from -10 to 10, e.g. `Support(Target, 1)`",
    },
    Mistake {
        name: "rival_support_change_large",
        edits: &[(
            "RivalSupport(Person(\"owner\"), 1)",
            "RivalSupport(Person(\"owner\"), -12)",
        )],
        short: "78:108: error: `RivalSupport` is -12; an effect changes support by -10 to 10",
        hint: "write a whole number from -10 to 10, e.g. `Support(Target, 1)`",
    },
    Mistake {
        name: "budget_effect_huge",
        edits: &[(
            "effects: [Introduce(Target)]",
            "effects: [Introduce(Target), Budget(5000000)]",
        )],
        short: "50:75: error: `Budget` is 5000000; an effect changes the budget by -1000000 to 1000000",
        hint: "write a whole number from -1000000 to 1000000, e.g. `Budget(-5)`",
    },
    Mistake {
        name: "weeks_huge",
        edits: &[("weeks: 3,", "weeks: 4294967295,")],
        short: "24:23: error: `weeks` is 4294967295; a case runs 1 to 52 weeks",
        hint: "write a whole number from 1 to 52, e.g. `weeks: 8`",
    },
    Mistake {
        name: "weeks_53",
        edits: &[("weeks: 3,", "weeks: 53,")],
        short: "24:23: error: `weeks` is 53; a case runs 1 to 52 weeks",
        hint: "write a whole number from 1 to 52, e.g. `weeks: 8`",
    },
    Mistake {
        name: "weeks_zero",
        edits: &[("weeks: 3,", "weeks: 0,")],
        short: "24:23: error: `weeks` is 0; a case runs 1 to 52 weeks",
        hint: "write a whole number from 1 to 52, e.g. `weeks: 8`",
    },
    Mistake {
        name: "weeks_past_u32",
        edits: &[("weeks: 3,", "weeks: 4294967296,")],
        short: "24:23: error: `weeks` is 4294967296, far too large",
        hint: "a case runs 1 to 52 weeks, e.g. `weeks: 8`",
    },
    Mistake {
        name: "action_points_zero",
        edits: &[("action_points: 3,", "action_points: 0,")],
        short: "24:41: error: `action_points` is 0; a week has 1 to 20 action points",
        hint: "write a whole number from 1 to 20, e.g. `action_points: 3`",
    },
    Mistake {
        name: "budget_negative",
        edits: &[("budget: 20,", "budget: -5,")],
        short: "24:52: error: `budget` is -5; a budget is 0 to 1000000 in the case's money unit",
        hint: "write a whole number from 0 to 1000000, e.g. `budget: 20`",
    },
    Mistake {
        name: "cost_negative",
        edits: &[("cost: 2,", "cost: -2,")],
        short: "52:27: error: `cost` is -2; a cost is 0 to 1000000 in the case's money unit",
        hint: "write a whole number from 0 to 1000000, e.g. `cost: 2`",
    },
    Mistake {
        name: "action_points_negative",
        edits: &[(
            "points: 1, purpose: Relationship,",
            "points: -1, purpose: Relationship,",
        )],
        short: "43:18: error: `points` cannot be negative",
        hint: "write a whole number of 0 or more, e.g. `points: 1`; docs/scenario-format.md (\"Bounds of numbers\") lists every bound",
    },
    Mistake {
        name: "rubric_points_negative",
        edits: &[("points: 50,", "points: -50,")],
        short: "103:71: error: `points` cannot be negative",
        hint: "write a whole number of 0 or more, e.g. `points: 1`; docs/scenario-format.md (\"Bounds of numbers\") lists every bound",
    },
    Mistake {
        name: "influence_above_ten",
        edits: &[("influence: 8,", "influence: 11,")],
        short: "32:59: error: `influence` is 11; an influence runs 0 to 10",
        hint: "write a whole number from 0 to 10, or a range drawn per session, e.g. `influence: (0, 1)`",
    },
    Mistake {
        name: "stance_below_scale",
        edits: &[(
            "influence: 8, stance: (-1, 0)",
            "influence: 8, stance: (-6, 0)",
        )],
        short: "32:71: error: `stance` is (-6, 0); a stance runs -5 to 5",
        hint: "write a whole number from -5 to 5, or a range drawn per session, e.g. `stance: (-1, 1)`",
    },
    Mistake {
        name: "stance_range_reversed",
        edits: &[(
            "influence: 8, stance: (-1, 0)",
            "influence: 8, stance: (0, -1)",
        )],
        short: "32:62: error: `stance` range (0, -1) has its minimum above its maximum",
        hint: "write `(-1, 0)`",
    },
    Mistake {
        name: "full_margin_zero",
        edits: &[("Won(full_margin: 30)", "Won(full_margin: 0)")],
        short: "103:101: error: `full_margin` is 0; the margin that earns full points is 1 to 10000 points of tally (ours minus the competitor's)",
        hint: "write a whole number from 1 to 10000, e.g. `Won(full_margin: 30)`",
    },
    Mistake {
        name: "cap_above_100",
        edits: &[(
            "    rubric: [",
            "    caps: [(id: \"lost_cap\", max: 150, when: Lost, reason: {\"zh\": \"丢单\", \"en\": \"Order lost\"})],\n    rubric: [",
        )],
        short: "102:34: error: `max` is 150; a cap holds the total at 0 to 100 points",
        hint: "write a whole number from 0 to 100, e.g. `max: 40`",
    },
    Mistake {
        name: "chance_above_one",
        edits: &[("chance: 0.5", "chance: 1.5")],
        short: "78:54: error: chance 1.5 is not between 0 and 1",
        hint: "write a probability, e.g. 0.7 for 70%",
    },
    Mistake {
        name: "strength_above_five",
        edits: &[("addresses: [(\"price\", 2)]", "addresses: [(\"price\", 9)]")],
        short: "83:87: error: the strength of `price` is 9; a bid addresses a criterion with a strength of 0 to 5",
        hint: "write a whole number from 0 to 5, e.g. `(\"quality\", 2)`",
    },
    Mistake {
        name: "competitor_strength_negative",
        edits: &[("bid: [(\"price\", 2)]", "bid: [(\"price\", -3)]")],
        short: "77:83: error: the strength of `price` is -3; a bid addresses a criterion with a strength of 0 to 5",
        hint: "write a whole number from 0 to 5, e.g. `(\"quality\", 2)`",
    },
    Mistake {
        name: "event_week_past_end",
        edits: &[("trigger: (week: At(3))", "trigger: (week: At(4))")],
        short: "64:46: error: week 4 is outside the session's weeks 1 to 3",
        hint: "write a week from 1 to 3 (`settings.weeks`)",
    },
    Mistake {
        name: "found_by_week_past_end",
        edits: &[(
            "measure: FactsUncovered",
            "measure: Found(person: \"owner\", by_week: 9)",
        )],
        short: "109:125: error: `by_week` is 9; the case runs weeks 1 to 3",
        hint: "write a week from 1 to 3, e.g. `by_week: 1`",
    },
    Mistake {
        name: "person_id_wrapped_twice",
        edits: &[(
            "Introduce(Person(\"buyer\"))",
            "Introduce(Person(Person(\"buyer\")))",
        )],
        short: "73:41: error: expected a person id in quotes, found `Person`",
        hint: "a person id in quotes, e.g. \"wang\"",
    },
    Mistake {
        name: "person_id_without_quotes",
        edits: &[("Introduce(Person(\"buyer\"))", "Introduce(Person(buyer))")],
        short: "73:41: error: expected a person id in quotes, found `buyer`",
        hint: "a person id in quotes, e.g. \"wang\"",
    },
    Mistake {
        name: "text_in_one_language_only",
        edits: &[(
            "label: {\"zh\": \"拜访\", \"en\": \"Visit\"}",
            "label: \"Visit\"",
        )],
        short: "42:30: error: `label` needs a text in every language, found `\"Visit\"`",
        hint: "a text in every language: {\"zh\": \"…\", \"en\": \"…\"}",
    },
    Mistake {
        name: "unclosed_string",
        edits: &[("\"en\": \"Visit\"}", "\"en\": \"Visit}")],
        short: "42:49: error: this string is not closed: a `\"` is missing",
        hint: "a string ends with `\"` before the next `,` or `}`, e.g. `\"en\": \"Visit\"`",
    },
    Mistake {
        name: "list_not_closed",
        edits: &[("criteria: [\"delivery\"],", "criteria: [\"delivery\",")],
        short: "32:106: error: the list `criteria` is not closed: a `]` is missing",
        hint: "close it before the next field, e.g. `criteria: [\"a\", \"b\"]`",
    },
    Mistake {
        name: "soft_lock_flag_never_set",
        edits: &[
            (
                "    criteria: [\n",
                "    flags: [\"met\"],\n    criteria: [\n",
            ),
            (
                "(id: \"ask_intro\", label:",
                "(id: \"ask_intro\", when: Flag(\"met\"), label:",
            ),
            (
                "(id: \"thanks\", label:",
                "(id: \"thanks\", when: Flag(\"met\"), label:",
            ),
        ],
        short: "70:14: error: scene `welcome` soft-locks: none of its choices can ever be available, so the player cannot go on",
        hint: "`ask_intro`: flag `met` is never set; `thanks`: flag `met` is never set; give one choice no `when`",
    },
    Mistake {
        name: "soft_lock_flag_set_too_late",
        edits: &[
            (
                "    criteria: [\n",
                "    flags: [\"prepared\"],\n    criteria: [\n",
            ),
            (
                "(id: \"ask_intro\", label:",
                "(id: \"ask_intro\", when: Flag(\"prepared\"), label:",
            ),
            (
                "(id: \"thanks\", label:",
                "(id: \"thanks\", when: Flag(\"prepared\"), label:",
            ),
            (
                "effects: [Introduce(Person(\"buyer\"))]",
                "effects: [Introduce(Person(\"buyer\")), SetFlag(\"prepared\")]",
            ),
        ],
        short: "70:14: error: scene `welcome` soft-locks: none of its choices can ever be available, so the player cannot go on",
        hint: "`ask_intro`: flag `prepared` is only set after it is needed; `thanks`: flag `prepared` is only set after it is needed; give one choice no `when`",
    },
    Mistake {
        name: "scene_loop_exit_never_opens",
        edits: &[
            (
                "    criteria: [\n",
                "    flags: [\"ready\"],\n    criteria: [\n",
            ),
            (
                "text: {\"zh\": \"小周爽快地答应了。\", \"en\": \"Zhou agrees at once.\"}),",
                "text: {\"zh\": \"小周爽快地答应了。\", \"en\": \"Zhou agrees at once.\"}, next: \"again\"),",
            ),
            (
                "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}),",
                "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}, next: \"again\"),\n         ]),\n        (id: \"again\", text: {\"zh\": \"还有事吗？\", \"en\": \"Anything else?\"}, choices: [\n            (id: \"back\", label: {\"zh\": \"再聊聊\", \"en\": \"Talk more\"}, next: \"welcome\"),\n            (id: \"leave\", when: Flag(\"ready\"), label: {\"zh\": \"告辞\", \"en\": \"Leave\"}),",
            ),
        ],
        short: "70:14: error: scene `welcome` leads nowhere: no path of choices from it ever ends",
        hint: "its only way out: choice `leave` of scene `again` can never be available (flag `ready` is never set)",
    },
    Mistake {
        name: "unknown_flag",
        edits: &[(
            "(id: \"thanks\", label:",
            "(id: \"thanks\", when: Flag(\"nope\"), label:",
        )],
        short: "74:39: error: unknown flag `nope`",
        hint: "declare every flag: `flags: [\"nope\"]`",
    },
    Mistake {
        name: "unknown_purpose",
        edits: &[("purpose: Relationship", "purpose: Relation")],
        short: "43:30: error: unknown name `Relation` in `Purpose`",
        hint: "did you mean `Relationship`?",
    },
    Mistake {
        name: "unknown_criterion",
        edits: &[("criteria: [\"delivery\"]", "criteria: [\"deliverv\"]")],
        short: "32:107: error: unknown criterion `deliverv`",
        hint: "did you mean `delivery`?",
    },
    Mistake {
        name: "duplicate_action_id",
        edits: &[("(id: \"needs\", label:", "(id: \"visit\", label:")],
        short: "45:14: error: duplicate action id `visit`",
        hint: "ids must be unique",
    },
    Mistake {
        name: "choice_without_label",
        edits: &[(
            "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}),",
            "(id: \"thanks\"),",
        )],
        short: "74:26: error: missing field `label` in `Choice`",
        hint: "add `label: {\"zh\": \"…\", \"en\": \"…\"}` here (a text in every language)",
    },
    Mistake {
        name: "no_people",
        edits: &[("    people: […    ],\n", "    people: [],\n")],
        short: "30:5: error: the case has no people: the buying center needs at least one person",
        hint: "add the customer's people, e.g. `people: [(id: \"wang\", name: {…}, …)]`",
    },
    Mistake {
        name: "when_given_a_list",
        edits: &[("(id: \"won\", when: Won,", "(id: \"won\", when: [Won],")],
        short: "99:27: error: `when` takes one condition, not a list",
        hint: "write one condition, e.g. `when: Won`, or several in `All([…])`, e.g. `when: All([Won, Flag(\"met\")])`",
    },
    Mistake {
        name: "unknown_field",
        edits: &[(
            "hinted: true),\n        (id: \"tech\"",
            "hidden: true),\n        (id: \"tech\"",
        )],
        short: "33:93: error: unknown field `hidden` in `Person`",
        hint: "expected one of `id`, `name`, `title`, `department`, `layer`, `role`, `influence`, `stance`, `rival_stance`, `criteria`, `personality`, `reports_to`, `coachable`, `introduces`, `known`, `hinted`, `believed_role`, `quiet_support`",
    },
    Mistake {
        name: "target_in_competitor_rule",
        edits: &[(
            "RivalSupport(Person(\"owner\"), 1)",
            "RivalSupport(Target, 1)",
        )],
        short: "78:91: error: `Target` only means something inside an action",
        hint: "name the person: `Person(\"…\")`",
    },
    Mistake {
        name: "default_price_unknown",
        edits: &[("default_price: \"standard\"", "default_price: \"standart\"")],
        short: "85:24: error: unknown price level `standart`",
        hint: "did you mean `standard`?",
    },
    Mistake {
        name: "judge_unknown",
        edits: &[("(who: \"tech\")", "(who: \"teh\")")],
        short: "94:86: error: unknown person `teh`",
        hint: "did you mean `tech`?",
    },
    Mistake {
        name: "next_scene_unknown",
        edits: &[(
            "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}),",
            "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}, next: \"welcom\"),",
        )],
        short: "74:108: error: unknown scene `welcom`",
        hint: "did you mean `welcome`?",
    },
    Mistake {
        name: "outcome_in_requirement",
        edits: &[("when: Known(Target, Criteria)", "when: Won")],
        short: "53:28: error: the tender's outcome is only known in endings and the rubric",
        hint: "before the tender, test what the player did: flags, counters, support",
    },
    Mistake {
        name: "missing_comma",
        edits: &[("points: 1, cost: 2,", "points: 1 cost: 2,")],
        short: "52:20: error: a `,` is missing before `cost`",
        hint: "fields and list items are separated by commas, e.g. `points: 1, cost: 2`",
    },
    Mistake {
        name: "number_in_quotes",
        edits: &[("points: 1, cost: 2,", "points: \"1\", cost: 2,")],
        short: "52:18: error: `points` takes a whole number, found `\"1\"`",
        hint: "write a whole number without quotes, e.g. `points: 1`",
    },
    Mistake {
        name: "speaker_unknown",
        edits: &[("speaker: \"buyer\"", "speaker: \"zhou\"")],
        short: "69:34: error: unknown person `zhou`",
        hint: "expected one of `owner`, `tech`, `buyer`",
    },
    Mistake {
        name: "missing_format",
        edits: &[("    format: 2,\n", "")],
        short: "3:1: error: this case has no `format:`, so it is read as format 1; this program reads format 2",
        hint: "format 2 changed one thing: `when` takes one condition everywhere, so an event trigger's or an ending's `when: [A, B]` becomes `when: All([A, B])`, and `when: [A]` becomes `when: A`; then add `format: 2,` as the first field of `Scenario(`. `lost-order migrate FILE` does both",
    },
    Mistake {
        name: "bool_misspelt",
        edits: &[(
            "hinted: true),\n        (id: \"tech\"",
            "hinted: yes),\n        (id: \"tech\"",
        )],
        short: "33:101: error: `hinted` is `true` or `false`, found `yes`",
        hint: "write `hinted: true` or `hinted: false`",
    },
    Mistake {
        name: "text_not_closed",
        edits: &[(
            "label: {\"zh\": \"拜访\", \"en\": \"Visit\"},",
            "label: {\"zh\": \"拜访\", \"en\": \"Visit\",",
        )],
        short: "42:30: error: the text `label` is not closed: a `}` is missing",
        hint: "close it before the next field, e.g. {\"zh\": \"…\", \"en\": \"…\"}",
    },
    Mistake {
        name: "unclosed_string_at_line_end",
        edits: &[(
            "\"en\": \"Zhou agrees at once.\"}),",
            "\"en\": \"Zhou agrees at once.}),",
        )],
        short: "73:85: error: this string is not closed: a `\"` is missing",
        hint: "a string ends with `\"` before the next `,` or `}`, e.g. `\"en\": \"Visit\"`",
    },
    Mistake {
        name: "file_ends_early",
        edits: &[("    ],\n)\n", "    ],\n")],
        short: "3:9: error: the file ends too early: this `(` of `Scenario` is never closed",
        hint: "a `)` is missing; each bracket needs its closing one",
    },
    Mistake {
        name: "unknown_condition",
        edits: &[("(id: \"won\", when: Won,", "(id: \"won\", when: Win,")],
        short: "99:27: error: unknown name `Win` in `Condition`",
        hint: "expected one of `Flag`, `NotFlag`, `Counter`, `Week`, `Budget`, `Points`, `Support`, `RivalSupport`, `Influence`, `Role`, `Layer`, `Met`, `Known`, `Coach`, `AnyCoach`, `Coachable`, `Cares`, `TargetIs`, `Chance`, `Disqualified`, `Won`, `Lost`, `Eliminated`, `Price`, `BidIncludes`, `StagePassed`, `StageFailed`, `StageAhead`, `Margin`, `GradedAs`, `All`, `Any`, `Not`",
    },
    Mistake {
        name: "unknown_fact",
        edits: &[(
            "known: [Identity, Role, Stance]",
            "known: [Identity, Role, Mood]",
        )],
        short: "39:148: error: unknown name `Mood` in `Fact`",
        hint: "expected one of `Identity`, `Role`, `Stance`, `Influence`, `Criteria`",
    },
    Mistake {
        name: "chance_as_percent",
        edits: &[("chance: 0.5", "chance: 50")],
        short: "78:54: error: chance 50 is not between 0 and 1",
        hint: "write a probability, e.g. 0.7 for 70%",
    },
    Mistake {
        name: "margin_above_100",
        edits: &[(
            "addresses: [(\"price\", 2)]),",
            "addresses: [(\"price\", 2)], margin: 120),",
        )],
        short: "83:100: error: `margin` is 120; a price level's margin is 0 to 100 percent points of the order",
        hint: "write a whole number from 0 to 100, e.g. `margin: 25`",
    },
    Mistake {
        name: "duplicate_choice_id",
        edits: &[("(id: \"thanks\", label:", "(id: \"ask_intro\", label:")],
        short: "74:18: error: duplicate choice id `ask_intro`",
        hint: "ids must be unique",
    },
    Mistake {
        name: "points_effect_large",
        edits: &[(
            "effects: [Introduce(Target)]",
            "effects: [Introduce(Target), Points(50)]",
        )],
        short: "50:75: error: `Points` is 50; an effect changes the week's action points by -20 to 20",
        hint: "write a whole number from -20 to 20, e.g. `Points(1)`",
    },
    Mistake {
        name: "missed_criterion_positive",
        edits: &[(
            "        max_commitments: 1,\n",
            "        max_commitments: 1,\n        missed_criterion: 2,\n",
        )],
        short: "93:27: error: `missed_criterion` is 2; a criterion the bid ignores counts -5 to 0",
        hint: "write a whole number from -5 to 0, e.g. `missed_criterion: -1`",
    },
    Mistake {
        name: "text_after_the_end",
        edits: &[("    ],\n)\n", "    ],\n)\n)\n")],
        short: "114:1: error: `)` after the end of the scenario",
        hint: "the whole case is one `Scenario(…)`: remove what follows its closing `)`, or move it inside",
    },
    Mistake {
        name: "list_expected",
        edits: &[("criteria: [\"delivery\"],", "criteria: \"delivery\",")],
        short: "32:106: error: `criteria` takes a list, found `\"delivery\"`",
        hint: "write a list in brackets, e.g. `criteria: [\"delivery\"]`",
    },
    Mistake {
        name: "field_twice",
        edits: &[("points: 1, cost: 2,", "points: 1, cost: 2, points: 1,")],
        short: "52:30: error: field `points` is given twice in `Action`",
        hint: "give each field once: remove one `points: …`",
    },
    Mistake {
        name: "semicolon",
        edits: &[("points: 1, cost: 2,", "points: 1; cost: 2,")],
        short: "52:19: error: `;` where a `,` belongs",
        hint: "fields and list items are separated by commas, e.g. `points: 1, cost: 2`",
    },
    Mistake {
        name: "influence_in_quotes",
        edits: &[("influence: 8,", "influence: \"8\",")],
        short: "32:59: error: `influence` takes a whole number like `2` or a range like `(-2, 0)`, found `\"8\"`",
        hint: "write a whole number like `2` or a range like `(-2, 0)` without quotes",
    },
    Mistake {
        name: "no_results",
        edits: &[(
            "         results: [(id: \"introduced\", effects: [Introduce(Target)], text: {\"zh\": \"{target}帮你引荐了。\", \"en\": \"{target} introduces you.\"})]),",
            "         results: []),",
        )],
        short: "50:10: error: action `introduce` has no result",
        hint: "add what happens, e.g. `results: [(id: \"done\", text: {…})]`",
    },
    Mistake {
        name: "stray_characters",
        edits: &[("    meta: (\n", "    meta: ( @@@\n")],
        short: "5:13: error: expected a field name, found `@@@`",
        hint: "fields are written `name: value`, e.g. `id: \"visit\"`",
    },
    Mistake {
        name: "weeks_not_a_number",
        edits: &[("weeks: 3,", "weeks: NaN,")],
        short: "24:23: error: `weeks` takes a whole number, found `NaN`",
        hint: "write a whole number, e.g. `weeks: 8`",
    },
    Mistake {
        name: "week_range_reversed",
        edits: &[(
            "trigger: (week: From(2), chance: 0.5)",
            "trigger: (week: Between(3, 2), chance: 0.5)",
        )],
        short: "78:39: error: week range 3 to 2 has its start after its end",
        hint: "write the earlier week first, e.g. `Between(2, 3)`",
    },
    Mistake {
        name: "enum_in_quotes",
        edits: &[("layer: Decision,", "layer: \"Decision\",")],
        short: "32:17: error: `layer` takes a name without quotes, found `\"Decision\"`",
        hint: "write it without quotes: `layer: Decision`",
    },
    Mistake {
        name: "enum_lowercase",
        edits: &[("purpose: Relationship", "purpose: relationship")],
        short: "43:30: error: unknown name `relationship` in `Purpose`",
        hint: "did you mean `Relationship`?",
    },
    Mistake {
        name: "only_not_a_list",
        edits: &[(
            "points: 1, purpose: Relationship,",
            "points: 1, purpose: Relationship, targets: Only(\"owner\"),",
        )],
        short: "43:58: error: `Only(…)` takes a list, found `\"owner\"`",
        hint: "write a list in brackets, e.g. `Only([\"owner\"])`",
    },
    Mistake {
        name: "support_without_amount",
        edits: &[("Support(Target, 1)", "Support(Target)")],
        short: "44:57: error: `Support(…)` takes 2 values, found 1",
        hint: "write every value, separated by commas, e.g. `Support(Target, 1)`; docs/scenario-format.md lists what each takes",
    },
    Mistake {
        name: "money_missing",
        edits: &[(", money: {\"zh\": \"千元\", \"en\": \"k¥\"}", "")],
        short: "24:54: error: missing field `money` in `Settings`",
        hint: "add `money: {\"zh\": \"…\", \"en\": \"…\"}` here (a text in every language)",
    },
    Mistake {
        name: "range_with_dots",
        edits: &[(
            "influence: 8, stance: (-1, 0)",
            "influence: 8, stance: -1..0",
        )],
        short: "32:70: error: `stance` takes a whole number like `2` or a range like `(-2, 0)`, found `-1..0`",
        hint: "write a whole number like `2` or a range like `(-2, 0)`",
    },
    Mistake {
        name: "person_string_for_who",
        edits: &[("Introduce(Person(\"buyer\"))", "Introduce(\"buyer\")")],
        short: "73:34: error: `Introduce(…)` takes a person as `Target` or `Person(\"id\")`, found `\"buyer\"`",
        hint: "write `Person(\"buyer\")`, or `Target` inside an action",
    },
];

fn apply(name: &str, edits: &[(&str, &str)]) -> String {
    let mut source = BASE.to_string();
    for (find, replace) in edits {
        let (start, end) = match find.split_once('…') {
            Some((a, b)) => {
                let start = source.find(a).unwrap_or_else(|| panic!("{name}: no {a:?}"));
                let end = source[start + a.len()..]
                    .find(b)
                    .map(|i| start + a.len() + i + b.len())
                    .unwrap_or_else(|| panic!("{name}: no {b:?}"));
                (start, end)
            }
            None => {
                let start = source
                    .find(find)
                    .unwrap_or_else(|| panic!("{name}: no {find:?}"));
                (start, start + find.len())
            }
        };
        source.replace_range(start..end, replace);
    }
    source
}

#[test]
fn the_base_checks_clean() {
    let checked = check_source("tutorial.ron", BASE);
    assert!(checked.diagnostics.is_empty(), "{}", checked.render());
}

#[test]
fn the_corpus_holds_at_least_forty_mistakes_with_distinct_names() {
    assert!(MISTAKES.len() >= 40, "{}", MISTAKES.len());
    let mut names: Vec<&str> = MISTAKES.iter().map(|m| m.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), MISTAKES.len(), "a name is used twice");
}

#[test]
fn each_mistake_gives_one_error_at_its_spot_with_its_hint() {
    let mut failures = Vec::new();
    for m in MISTAKES {
        let source = apply(m.name, m.edits);
        let checked = check_source("tutorial.ron", &source);
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        let shorts: Vec<String> = errors
            .iter()
            .map(|d| d.short("tutorial.ron", &source))
            .collect();
        let expected = format!("tutorial.ron:{}", m.short);
        if shorts != [expected.clone()] {
            failures.push(format!(
                "{}: expected\n  {expected}\ngot\n  {}",
                m.name,
                shorts.join("\n  ")
            ));
            continue;
        }
        if errors[0].hint.as_deref() != Some(m.hint) {
            failures.push(format!(
                "{}: hint\n  {:?}\nexpected\n  {:?}",
                m.name, errors[0].hint, m.hint
            ));
        }
        // The full report says the message once: the short line, then the snippet.
        let report = errors[0].render("tutorial.ron", &source);
        let message = &errors[0].message;
        if report.matches(message.as_str()).count() != 1 || !report.contains(m.hint) {
            failures.push(format!(
                "{}: the report repeats or drops its words:\n{report}",
                m.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} mistakes:\n{}",
        failures.len(),
        MISTAKES.len(),
        failures.join("\n\n")
    );
}

#[test]
fn a_soft_lock_is_said_once_not_again_as_warnings_on_its_choices() {
    for name in ["soft_lock_flag_never_set", "soft_lock_flag_set_too_late"] {
        let m = MISTAKES.iter().find(|m| m.name == name).unwrap();
        let source = apply(m.name, m.edits);
        let checked = check_source("tutorial.ron", &source);
        assert_eq!(
            checked.diagnostics.len(),
            1,
            "{name}:\n{}",
            checked.render()
        );
    }
}
