use std::sync::Arc;
use lost_order_core::load::check_source;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::play;

#[test]
fn scratch() {
    let src = std::fs::read_to_string("/tmp/icu.ron").unwrap();
    let s = Arc::new(check_source("x", &src).into_scenario().unwrap());
    let pol: Policy = std::env::var("POL").unwrap_or("full-coverage".into()).parse().unwrap();
    for seed in 1..=3 {
        let run = play(s.clone(), pol, seed).unwrap();
        println!("== seed {seed}");
        for m in run.session.decisions() { println!("w{} {:?} -> {:?}", m.week, m.decision, m.result); }
        for (p, t) in s.people.iter().zip(&run.session.truth().people) { println!("{} sup {} riv {} met {} coach {}", p.id, t.support, t.rival_support, t.met, t.coach); }
        let t = run.session.tender().unwrap();
        for st in &t.stages { println!("{} judge {} ours {} ({:?}) rival {} tallies {} {} center {:?}", st.stage, st.judge, st.ours.total(), st.ours.missed, st.rival.total(), st.our_tally, st.rival_tally, st.center); }
        println!("won {} margin {} ending {} score {}", t.won, t.margin, t.ending, t.score.total);
    }
}
