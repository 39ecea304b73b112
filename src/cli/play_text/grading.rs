//! The grading step of `play --text` (客户的分级), before week 1: the company's accounts with
//! the four indicator groups, what each grade of this customer grants, and one line of grades
//! typed in the listed order (`A B C`, `abc`) or by number (`1A 2B 3C`).

use std::io::BufRead;

use lost_order_core::engine::{Decision, Session, SessionError};
use lost_order_core::narrate::{self, grade_name, grading_title, indicator_name};
use lost_order_core::scenario::{Grade, Grading, Id, Indicator};
use lost_order_core::text::fill;

use super::super::screen::{self, colon, t};
use super::ask;

/// Shows the accounts (when `full`) and reads one line of grades until it is a grade for
/// each account; `None` on `q` or at the end of input.
pub(super) fn step(
    s: &Session,
    lang: &str,
    input: &mut impl BufRead,
    full: bool,
) -> anyhow::Result<Option<Decision>> {
    let Some(grading) = s.grading() else {
        return Ok(Some(Decision::Grade(Vec::new())));
    };
    if full {
        show(s, grading, lang);
    }
    let prompt = grading_title(lang);
    loop {
        let Some(line) = ask(prompt, input)? else {
            return Ok(None);
        };
        match line.as_str() {
            "" => {}
            "q" | "Q" => return Ok(None),
            "h" | "H" | "?" => show(s, grading, lang),
            _ => match parse(&line, grading.accounts.len()) {
                Ok(picked) => {
                    let grades: Vec<(Id, Grade)> = picked
                        .into_iter()
                        .map(|(i, g)| (grading.accounts[i].id.clone(), g))
                        .collect();
                    match refusal(grading, &grades) {
                        None => return Ok(Some(Decision::Grade(grades))),
                        Some(e) => println!("! {}", narrate::error(s.scenario(), &e, lang)),
                    }
                }
                Err(why) => println!("! {}", why.words(grading.accounts.len(), lang)),
            },
        }
    }
}

/// The step's title, the intro, each account with its four indicator groups (the case's
/// customer marked), what each grade of this customer grants, and how to answer.
fn show(s: &Session, grading: &Grading, lang: &str) {
    let c = colon(lang);
    // No space after the full stop that ends a Chinese text.
    let bar = t(lang, "｜", " | ");
    println!("\n══ {} ══", grading_title(lang));
    if let Some(intro) = &grading.intro {
        println!("{}", intro.get(lang));
    }
    for (n, a) in grading.accounts.iter().enumerate() {
        let this = if a.id == grading.this {
            t(lang, "（本案客户）", " (this case's customer)")
        } else {
            ""
        };
        println!(
            "{}. {}{this}{c}{}",
            n + 1,
            a.name.get(lang),
            a.description.get(lang)
        );
        // The four groups, two a line.
        for pair in Indicator::ALL.chunks(2) {
            let facts: Vec<String> = pair
                .iter()
                .map(|&g| format!("{}{c}{}", indicator_name(g, lang), a.indicator(g).get(lang)))
                .collect();
            println!("   {}", facts.join(bar));
        }
    }
    println!("{}", grants(s, grading, lang));
    let example: Vec<&str> = (0..grading.accounts.len())
        .map(|i| ["B", "A", "C"][i % 3])
        .collect();
    let numbered: Vec<String> = example
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}{g}", i + 1))
        .collect();
    let scale: Vec<String> = Grade::ALL
        .iter()
        .map(|&g| format!("{g} {}", grade_name(g, lang)))
        .collect();
    println!(
        "{}",
        fill(
            t(
                lang,
                "按列出的顺序给每个客户评级，例如 {ex} 或 {num}（{scale}；q 退出）：",
                "Grade each account in the listed order, e.g. {ex} or {num} ({scale}; q quits):"
            ),
            &[
                ("ex", &example.join(" ")),
                ("num", &numbered.join(" ")),
                ("scale", &scale.join(" · ")),
            ]
        )
    );
}

/// What each grade given to this customer grants, one line:
/// `你给本案客户的等级决定你的资源：A 级 每周 3 个行动点、预算 60 千元 · B 级 …`.
fn grants(s: &Session, grading: &Grading, lang: &str) -> String {
    let settings = &s.scenario().settings;
    let each: Vec<String> = Grade::ALL
        .iter()
        .filter_map(|&g| {
            let r = grading.resources_for(g)?;
            let points = r.action_points.unwrap_or(settings.action_points);
            let budget = r.budget.unwrap_or(settings.budget);
            Some(fill(
                t(
                    lang,
                    "{g} 级 每周 {p}、预算 {b}",
                    "{g}: {p} a week, budget {b}",
                ),
                &[
                    ("g", g.letter()),
                    ("p", &screen::points_text(points, lang)),
                    ("b", &screen::money_text(s, budget, lang)),
                ],
            ))
        })
        .collect();
    format!(
        "{}{}{}",
        t(
            lang,
            "你给本案客户的等级决定你的资源",
            "The grade you give this case's customer sets your resources"
        ),
        colon(lang),
        each.join(" · ")
    )
}

/// Why a line of grades could not be read.
#[derive(Debug, PartialEq)]
enum Unreadable {
    /// A word that is neither a grade nor a numbered grade.
    NotAGrade(String),
    /// A numbered grade for an account the list does not have.
    NoSuchAccount(usize),
    /// Bare grades, but not one for each account.
    WrongCount(usize),
    /// Bare and numbered grades in one line.
    Mixed,
}

impl Unreadable {
    /// The refusal as one sentence, with how to answer.
    fn words(&self, accounts: usize, lang: &str) -> String {
        let n = accounts.to_string();
        match self {
            Unreadable::NotAGrade(w) => fill(
                t(
                    lang,
                    "「{w}」不是等级：等级是 A、B 或 C。",
                    "“{w}” is not a grade: a grade is A, B or C.",
                ),
                &[("w", w)],
            ),
            Unreadable::NoSuchAccount(k) => fill(
                t(
                    lang,
                    "没有第 {k} 个客户：客户编号是 1 到 {n}。",
                    "There is no account {k}: the accounts are 1 to {n}.",
                ),
                &[("k", &k.to_string()), ("n", &n)],
            ),
            Unreadable::WrongCount(got) => fill(
                t(
                    lang,
                    "输入了 {got} 个等级，要为 {n} 个客户各评一个。",
                    "That is {got} grades for {n} accounts: give each one grade.",
                ),
                &[("got", &got.to_string()), ("n", &n)],
            ),
            Unreadable::Mixed => t(
                lang,
                "要么全按顺序（如 A B C），要么全带编号（如 1A 2B 3C）。",
                "Either all in order (e.g. A B C) or all numbered (e.g. 1A 2B 3C).",
            )
            .to_string(),
        }
    }
}

/// A line of grades for `accounts` accounts: `A B C`, `abc`, `a,b,c` in the listed order, or
/// `1A 2b 3C` by number (any order). Each as (account index, grade); a numbered account given
/// twice or left out is kept as it is, for the session's own words to refuse.
fn parse(line: &str, accounts: usize) -> Result<Vec<(usize, Grade)>, Unreadable> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|w| !w.is_empty())
        .collect();
    let numbered = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    if words.iter().all(|w| numbered(w)) {
        return words
            .iter()
            .map(|w| {
                let digits = w.chars().take_while(char::is_ascii_digit).count();
                let (k, letter) = w.split_at(digits);
                let k: usize = k
                    .parse()
                    .map_err(|_| Unreadable::NotAGrade(w.to_string()))?;
                let g = Grade::from_letter(letter.trim_start_matches(['.', ':', '=']))
                    .ok_or_else(|| Unreadable::NotAGrade(w.to_string()))?;
                if k == 0 || k > accounts {
                    return Err(Unreadable::NoSuchAccount(k));
                }
                Ok((k - 1, g))
            })
            .collect();
    }
    if words.iter().any(|w| numbered(w)) {
        return Err(Unreadable::Mixed);
    }
    // Bare grades; letters written together (`abc`) are one each.
    let letters: Vec<String> = if let [one] = words.as_slice()
        && one.chars().count() == accounts
        && accounts > 1
    {
        one.chars().map(String::from).collect()
    } else {
        words.iter().map(|w| w.to_string()).collect()
    };
    let grades = letters
        .iter()
        .map(|w| Grade::from_letter(w).ok_or_else(|| Unreadable::NotAGrade(w.clone())))
        .collect::<Result<Vec<Grade>, _>>()?;
    if grades.len() != accounts {
        return Err(Unreadable::WrongCount(grades.len()));
    }
    Ok(grades.into_iter().enumerate().collect())
}

/// What the session would say to these grades (an account graded twice or left out), before
/// they are applied.
fn refusal(grading: &Grading, grades: &[(Id, Grade)]) -> Option<SessionError> {
    for (i, (id, _)) in grades.iter().enumerate() {
        if grades[..i].iter().any(|(other, _)| other == id) {
            return Some(SessionError::AccountGradedTwice(id.clone()));
        }
    }
    grading
        .accounts
        .iter()
        .find(|a| !grades.iter().any(|(id, _)| *id == a.id))
        .map(|a| SessionError::AccountNotGraded(a.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_read_in_order_or_by_number_in_either_case() {
        let abc = vec![(0, Grade::A), (1, Grade::B), (2, Grade::C)];
        for line in [
            "A B C",
            "a b c",
            "abc",
            "A,B,C",
            "a，b，c",
            "1A 2B 3C",
            "3c 1a 2b",
            "1a, 2B, 3=c",
        ] {
            let mut got = parse(line, 3).unwrap();
            got.sort();
            assert_eq!(got, abc, "{line}");
        }
        assert_eq!(parse("A B", 3), Err(Unreadable::WrongCount(2)));
        assert_eq!(parse("A B D", 3), Err(Unreadable::NotAGrade("D".into())));
        assert_eq!(parse("abd", 3), Err(Unreadable::NotAGrade("d".into())));
        assert_eq!(parse("1A 4B 3C", 3), Err(Unreadable::NoSuchAccount(4)));
        assert_eq!(parse("1A B C", 3), Err(Unreadable::Mixed));
        assert_eq!(parse("1 2 3", 3), Err(Unreadable::NotAGrade("1".into())));
        // Numbered grades that repeat or leave one out are read; the session words the refusal.
        assert_eq!(parse("1A 1B", 3), Ok(vec![(0, Grade::A), (0, Grade::B)]));
    }
}
