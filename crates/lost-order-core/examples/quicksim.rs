use std::sync::Arc;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let s = Arc::new(lost_order_core::load::load_file(std::path::Path::new(&path)).unwrap());
    for p in lost_order_core::policy::Policy::ALL {
        let sum = lost_order_core::simulate::simulate(&s, p, 1000, 1, &|_| {}).unwrap();
        println!("{:14} win {:5.1}% score {:5.1} [{}-{}] {:?}", sum.policy, sum.win_rate * 100.0, sum.score.mean, sum.score.min, sum.score.max, sum.endings);
    }
}
