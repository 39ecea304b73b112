use std::sync::Arc;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let policy: lost_order_core::policy::Policy = std::env::args().nth(2).unwrap().parse().unwrap();
    let seed: u64 = std::env::args().nth(3).unwrap().parse().unwrap();
    let s = Arc::new(lost_order_core::load::load_file(std::path::Path::new(&path)).unwrap());
    let run = lost_order_core::simulate::play(s, policy, seed).unwrap();
    for m in run.session.decisions() { println!("w{} {:?} -> {:?}", m.week, m.decision, m.result); }
    let t = run.session.tender().unwrap();
    for st in &t.stages { println!("{} judge {} ours {:?} rival {:?} tally {} vs {}", st.stage, st.judge, st.ours, st.rival, st.our_tally, st.rival_tally); }
    println!("truth {:?}", run.session.truth().people.iter().map(|p| (p.support, p.rival_support, p.influence)).collect::<Vec<_>>());
}
