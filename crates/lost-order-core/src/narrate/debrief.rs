//! The debrief's real cause in words: what happened behind the scenes, the stages, the
//! turning point, and the verdict last. Every name and number comes from the session.

use super::{plain, role_name, signed, week_label};
use crate::debrief::{SmallestChange, TurningPoint};
use crate::engine::{Decision, Hidden, HiddenEntry, Session, StageVerdict};
use crate::scenario::{BuyingRole, Effect, Id, Scenario, StageRule, Who};
use crate::text::{fill, is_chinese, pick};

/// The debrief's causal story, in parts a front end can head and lay out; [`DebriefCause::lines`]
/// gives them in reading order, the verdict last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DebriefCause {
    /// What happened behind the scenes, week by week ([`hidden_timeline`]).
    pub timeline: Vec<String>,
    /// The tender stage by stage: a disqualification, each stage's figures, the profit.
    pub stages: Vec<String>,
    /// Where a lost order could still have been won, or what would have lost a won one
    /// ([`turning_point`]).
    pub turning_point: Option<String>,
    /// The one change that would have been enough ([`smallest_change`]); `None` when won or
    /// when no single change wins.
    pub smallest_change: Option<String>,
    /// Why the score was capped, if it was (`cap_reason`).
    pub cap: Option<String>,
    /// The verdict: won or lost, and the totals. Always shown last.
    pub verdict: String,
}

impl DebriefCause {
    /// Every line in reading order: the timeline, the stages, the turning point, the cap,
    /// then the verdict.
    pub fn lines(&self) -> Vec<String> {
        let mut out = self.timeline.clone();
        out.extend(self.stages.iter().cloned());
        out.extend(self.turning_point.iter().cloned());
        out.extend(self.smallest_change.iter().cloned());
        out.extend(self.cap.iter().cloned());
        out.push(self.verdict.clone());
        out
    }

    /// Headings for the parts, in order: behind the scenes, the tender, the turning point (for
    /// a won order: what could have lost it).
    pub fn headings(won: bool, lang: &str) -> [&'static str; 3] {
        [
            pick(lang, "幕后发生了什么", "What happened behind the scenes"),
            pick(lang, "评标经过", "How the tender went"),
            if won {
                pick(lang, "差一点输在哪里", "What could have lost it")
            } else {
                pick(lang, "转折点", "The turning point")
            },
        ]
    }
}

/// The debrief's causal story of an ended session, computing the turning point (which plays
/// up to one session per week; a front end that switches language may compute it once with
/// `Session::turning_point` and call [`debrief_cause_with`]). Empty before the tender.
pub fn debrief_cause(s: &Session, lang: &str) -> DebriefCause {
    let tp = s.turning_point();
    let smallest = s.smallest_change();
    debrief_cause_with(s, tp.as_ref(), smallest.as_ref(), lang)
}

/// [`debrief_cause`] with the turning point and the smallest change already computed (`None`:
/// none found or none sought).
pub fn debrief_cause_with(
    s: &Session,
    tp: Option<&TurningPoint>,
    smallest: Option<&SmallestChange>,
    lang: &str,
) -> DebriefCause {
    let mut stages = super::explain(s, lang);
    let Some(verdict) = stages.pop() else {
        return DebriefCause::default();
    };
    DebriefCause {
        timeline: hidden_timeline(s, lang),
        stages,
        turning_point: turning_point(s, tp, lang),
        smallest_change: smallest.map(|c| smallest_change(s, c, lang)),
        cap: super::cap_reason(s, lang),
        verdict,
    }
}

/// The hidden timeline in words, one line per kind of happening with the weeks it happened
/// in, marked as known or not known to the player at the time: `第 1 周至第 4 周：对手拜访了王总工
/// ——你当时不知道。` / `Weeks 1 to 4: The competitor called on Wang — you did not know.`
pub fn hidden_timeline(s: &Session, lang: &str) -> Vec<String> {
    let mut groups: Vec<(&HiddenEntry, Vec<u32>)> = Vec::new();
    for e in s.hidden_timeline() {
        match groups
            .iter_mut()
            .find(|(g, _)| g.what == e.what && g.seen == e.seen)
        {
            Some((_, weeks)) => weeks.push(e.week),
            None => groups.push((e, vec![e.week])),
        }
    }
    groups
        .into_iter()
        .filter_map(|(e, weeks)| hidden_line(s, e, &weeks, lang))
        .collect()
}

fn hidden_line(s: &Session, e: &HiddenEntry, weeks: &[u32], lang: &str) -> Option<String> {
    let sc = s.scenario();
    let zh = is_chinese(lang);
    let (body, mark) = match &e.what {
        Hidden::Event { event } => {
            let ev = sc.events.iter().find(|x| &x.id == event)?;
            let body = ev
                .debrief
                .as_ref()
                .or(ev.text.as_ref())
                .map(|t| t.get(lang).to_string())
                .or_else(|| effect_words(sc, &ev.effects, lang))?;
            (body, true)
        }
        Hidden::RivalMove { rule, blunted_by } => {
            let r = sc.competitor.rules.iter().find(|x| &x.id == rule)?;
            let mut body = r
                .debrief
                .as_ref()
                .or(r.text.as_ref())
                .map(|t| t.get(lang).to_string())
                .or_else(|| effect_words(sc, &r.effects, lang))?;
            if let Some(coach) = blunted_by {
                body = format!(
                    "{}{}",
                    trim_stop(&body),
                    fill(
                        pick(
                            lang,
                            "，但被你的教练{name}挡下了",
                            ", but your coach {name} blunted it"
                        ),
                        &[("name", &sc.person_name(coach, lang))]
                    )
                );
            }
            (body, true)
        }
        Hidden::QuietSupport { coach } => (
            fill(
                pick(
                    lang,
                    "你的教练{name}暗中为你说话",
                    "Your coach {name} quietly spoke up for you",
                ),
                &[("name", &sc.person_name(coach, lang))],
            ),
            false,
        ),
        Hidden::Exposed { .. } => (
            pick(
                lang,
                "你的不当行为被人发现了",
                "Your unethical conduct was found out",
            )
            .to_string(),
            true,
        ),
    };
    let body = trim_stop(&body);
    let weeks = weeks_label(weeks, lang);
    Some(match (mark, e.seen, zh) {
        (false, _, true) => format!("{weeks}：{body}。"),
        (false, _, false) => format!("{weeks}: {body}."),
        (true, true, true) => format!("{weeks}：{body}——你当时知道。"),
        (true, false, true) => format!("{weeks}：{body}——你当时不知道。"),
        (true, true, false) => format!("{weeks}: {body} — you knew at the time."),
        (true, false, false) => format!("{weeks}: {body} — you did not know."),
    })
}

/// `第 3 周`, `第 1、3 周`, `第 1 周至第 4 周` / `Week 3`, `Weeks 1, 3`, `Weeks 1 to 4`.
fn weeks_label(weeks: &[u32], lang: &str) -> String {
    match weeks {
        [] => String::new(),
        [w] => week_label(*w, lang),
        _ => {
            let (first, last) = (weeks[0], weeks[weeks.len() - 1]);
            let contiguous = weeks.windows(2).all(|p| p[1] == p[0] + 1);
            if contiguous && weeks.len() >= 3 {
                fill(
                    pick(lang, "第 {a} 周至第 {b} 周", "Weeks {a} to {b}"),
                    &[("a", &first.to_string()), ("b", &last.to_string())],
                )
            } else {
                let list: Vec<String> = weeks.iter().map(u32::to_string).collect();
                fill(
                    pick(lang, "第 {l} 周", "Weeks {l}"),
                    &[("l", &list.join(pick(lang, "、", ", ")))],
                )
            }
        }
    }
}

/// A text without its final full stop, to go on with.
fn trim_stop(s: &str) -> &str {
    s.trim_end().trim_end_matches(['。', '.', '！', '!'])
}

/// Words made from effects when the author wrote none: whose support moved and by how much,
/// who took which role, what the competitor's bid now answers. `None` when nothing says.
fn effect_words(sc: &Scenario, effects: &[Effect], lang: &str) -> Option<String> {
    let name = |w: &Who| match w {
        Who::Person(id) => Some(sc.person_name(id, lang)),
        Who::Target => None,
    };
    let rival = sc.competitor.name.get(lang);
    let parts: Vec<String> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Support(w, n) => Some(fill(
                pick(lang, "{name}对你的支持 {n}", "{name}'s support for you {n}"),
                &[("name", &name(w)?), ("n", &signed(*n))],
            )),
            Effect::RivalSupport(w, n) => Some(fill(
                pick(
                    lang,
                    "{name}对{rival}的支持 {n}",
                    "{name}'s support for {rival} {n}",
                ),
                &[("name", &name(w)?), ("rival", rival), ("n", &signed(*n))],
            )),
            Effect::Influence(w, n) => Some(fill(
                pick(lang, "{name}的影响力 {n}", "{name}'s influence {n}"),
                &[("name", &name(w)?), ("n", &signed(*n))],
            )),
            Effect::SetRole(w, r) => Some(fill(
                pick(lang, "{name}成为{role}", "{name} became the {role}"),
                &[("name", &name(w)?), ("role", role_name(*r, lang))],
            )),
            Effect::RivalAddresses(c, _) => Some(fill(
                pick(
                    lang,
                    "{rival}的方案开始回应{crit}",
                    "{rival}'s bid now answers {crit}",
                ),
                &[("rival", rival), ("crit", &sc.criterion_name(c, lang))],
            )),
            _ => None,
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(pick(lang, "；", "; ")))
}

/// The turning point in one sentence, built from the what-if run: from which week the course's
/// moves would still have won, whom they would have met and when, and which figure would have
/// changed. For a lost order without a turning point: that the course's moves from week 1 would
/// not have won either. For a won order, what would have lost it ([`super::closest_call`]). `None`
/// before the tender.
pub fn turning_point(s: &Session, tp: Option<&TurningPoint>, lang: &str) -> Option<String> {
    let t = s.tender()?;
    if t.won {
        return super::closest_call(s, lang);
    }
    let Some(tp) = tp else {
        return Some(
            pick(
                lang,
                "即使从第 1 周起就按课程的打法去做，这一局也赢不下来。",
                "Even the course's moves from week 1 on would not have won this one.",
            )
            .to_string(),
        );
    };
    let sc = s.scenario();
    let alt = &tp.run.session;
    let sep = pick(lang, "、", ", ");
    // Whom the run met earlier than the player did (or at all), in the order it met them.
    let first_met = |session: &Session| {
        let mut out: Vec<(Id, u32)> = Vec::new();
        for m in session.decisions() {
            if let Decision::Act {
                target: Some(p), ..
            } = &m.decision
                && !out.iter().any(|(q, _)| q == p)
            {
                out.push((p.clone(), m.week));
            }
        }
        out
    };
    let ours = first_met(s);
    // The people who decide are chosen first: the decision maker, then the technical buyer.
    let rank = |id: &str| match sc.person_index(id).map(|i| alt.truth().people[i].role) {
        Some(BuyingRole::DecisionMaker) => 0,
        Some(BuyingRole::Technical) => 1,
        _ => 2,
    };
    let mut met: Vec<(Id, u32)> = first_met(alt)
        .into_iter()
        .filter(|(p, w)| {
            *w >= tp.week && ours.iter().find(|(q, _)| q == p).is_none_or(|(_, v)| v > w)
        })
        .collect();
    met.sort_by_key(|(p, w)| (rank(p), *w));
    // The three who matter most, told in the order of the weeks (as a story reads).
    met.truncate(3);
    met.sort_by_key(|(_, w)| *w);
    let mut moves: Vec<String> = met
        .into_iter()
        .map(|(p, w)| {
            fill(
                pick(lang, "{week}见到{name}", "meeting {name} in {week_en}"),
                &[
                    ("week", &week_label(w, lang)),
                    ("week_en", &week_label(w, lang).to_lowercase()),
                    ("name", &sc.person_name(&p, lang)),
                ],
            )
        })
        .collect();
    // A coach the run developed and the player did not.
    let coach_of = |session: &Session| session.truth().people.iter().position(|p| p.coach);
    if let (Some(i), None) = (coach_of(alt), coach_of(s)) {
        moves.push(fill(
            pick(lang, "发展{name}为教练", "making {name} your coach"),
            &[("name", sc.people[i].name.get(lang))],
        ));
    }
    // Another price level than the player's.
    if let Some(at) = alt.tender()
        && at.bid.price != t.bid.price
        && let Some(level) = sc.tender.price_levels.iter().find(|l| l.id == at.bid.price)
    {
        moves.push(fill(
            pick(lang, "报「{price}」", "bidding “{price}”"),
            &[("price", level.label.get(lang))],
        ));
    }
    let moves = if moves.is_empty() {
        String::new()
    } else if is_chinese(lang) {
        format!("（{}）", moves.join(sep))
    } else {
        // "a, b and c".
        let (last, rest) = moves.split_last().expect("moves is not empty");
        if rest.is_empty() {
            format!(" ({last})")
        } else {
            format!(" ({} and {last})", rest.join(", "))
        }
    };
    let change = alt
        .tender()
        .and_then(|at| figure_change(s, t.stages.as_slice(), at.stages.as_slice(), lang));
    let change = change.map_or_else(String::new, |c| format!("{}{c}", pick(lang, "，", ", ")));
    let weeks = sc.settings.weeks;
    let mut line = fill(
        pick(
            lang,
            "转折点在第 {n} 周：如果从那一周起按课程的打法去做{moves}{change}，你就会赢得订单。",
            "The turning point was week {n}: had you played the course's moves from then on{moves}{change}, you would have won the order.",
        ),
        &[
            ("n", &tp.week.to_string()),
            ("moves", &moves),
            ("change", &change),
        ],
    );
    if tp.week < weeks {
        line += &fill(
            pick(
                lang,
                "从第 {m} 周起再改，就来不及了。",
                " From week {m} on it was too late.",
            ),
            &[("m", &(tp.week + 1).to_string())],
        );
    }
    Some(line)
}

/// The figure that would have changed: the stage that eliminated the bid, passed in the run;
/// else the final weighted totals.
fn figure_change(
    s: &Session,
    ours: &[StageVerdict],
    alt: &[StageVerdict],
    lang: &str,
) -> Option<String> {
    let sc = s.scenario();
    let stage_name = |id: &str| sc.stage_name(id, lang);
    if let Some(failed) = ours.iter().find(|v| !v.we_pass)
        && let Some(v) = alt.iter().find(|v| v.stage == failed.stage && v.we_pass)
        && let StageRule::Veto(threshold) = v.rule
    {
        return Some(fill(
            pick(
                lang,
                "{judge}的评分会是 {score}（门槛是 {t}），你会通过「{stage}」",
                "{judge}'s verdict would have been {score} (needed {t}) and you would have passed “{stage}”",
            ),
            &[
                ("judge", &sc.person_name(&v.judge, lang)),
                ("score", &plain(v.ours.total())),
                ("t", &plain(threshold)),
                ("stage", &stage_name(&v.stage)),
            ],
        ));
    }
    let last = alt.last()?;
    Some(fill(
        pick(
            lang,
            "总分会是你 {o}、对手 {r}",
            "the totals would have been {o} for you and {r} for the competitor",
        ),
        &[
            ("o", &plain(last.our_tally)),
            ("r", &plain(last.rival_tally)),
        ],
    ))
}

/// The smallest change in words: `最小的改变：第 5 周再对王总工做一次「技术交流」，其余照旧，这一局就能赢。`
/// / `The smallest change that would have won: one more move in week 5, “Technical seminar” with
/// Chief Engineer Wang, everything else as you played it.`; for a bid, its price level and
/// what it stresses and promises.
pub fn smallest_change(s: &Session, change: &SmallestChange, lang: &str) -> String {
    let sc = s.scenario();
    match change {
        SmallestChange::Move {
            week,
            action,
            target,
        } => {
            let action = sc
                .action(action)
                .map_or(action.to_string(), |a| a.label.get(lang).to_string());
            let with = target.as_deref().map_or(String::new(), |p| {
                fill(
                    pick(lang, "对{name}", " with {name}"),
                    &[("name", &sc.person_name(p, lang))],
                )
            });
            if is_chinese(lang) {
                format!(
                    "最小的改变：第 {week} 周再{with}做一次「{action}」，其余照旧，这一局就能赢。"
                )
            } else {
                format!(
                    "The smallest change that would have won: one more move in week {week}, “{action}”{with}, everything else as you played it."
                )
            }
        }
        SmallestChange::Bid(bid) => {
            let t = &sc.tender;
            let ours = s.tender().map(|t| &t.bid);
            let label = |opts: &[crate::scenario::BidOption], id: &str| {
                opts.iter()
                    .find(|o| o.id == id)
                    .map_or(id.to_string(), |o| o.label.get(lang).to_string())
            };
            let price = |id: &str| {
                t.price_levels
                    .iter()
                    .find(|l| l.id == id)
                    .map_or(id.to_string(), |l| l.label.get(lang).to_string())
            };
            // Only what differs from the player's bid: that is the change.
            let mut parts = Vec::new();
            if let Some(o) = ours
                && o.price != bid.price
            {
                parts.push(fill(
                    pick(
                        lang,
                        "报「{new}」而不是「{old}」",
                        "“{new}” instead of “{old}”",
                    ),
                    &[("new", &price(&bid.price)), ("old", &price(&o.price))],
                ));
            }
            let empty = Vec::new();
            let (our_e, our_c) = ours.map_or((&empty, &empty), |o| (&o.emphases, &o.commitments));
            for (mine, theirs, opts, add, drop) in [
                (
                    &bid.emphases,
                    our_e,
                    &t.emphases,
                    ("强调「{x}」", "stressing “{x}”"),
                    ("不再强调「{x}」", "no longer stressing “{x}”"),
                ),
                (
                    &bid.commitments,
                    our_c,
                    &t.commitments,
                    ("承诺「{x}」", "promising “{x}”"),
                    ("不再承诺「{x}」", "no longer promising “{x}”"),
                ),
            ] {
                for id in mine.iter().filter(|i| !theirs.contains(i)) {
                    parts.push(fill(pick(lang, add.0, add.1), &[("x", &label(opts, id))]));
                }
                for id in theirs.iter().filter(|i| !mine.contains(i)) {
                    parts.push(fill(pick(lang, drop.0, drop.1), &[("x", &label(opts, id))]));
                }
            }
            fill(
                pick(
                    lang,
                    "最小的改变：前面各周照旧，标书这样改——{change}，这一局就能赢。",
                    "The smallest change that would have won: the same weeks, and a bid changed so: {change}.",
                ),
                &[("change", &parts.join(pick(lang, "；", "; ")))],
            )
        }
    }
}
