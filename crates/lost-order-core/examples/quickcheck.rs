fn main() {
    for p in std::env::args().skip(1) {
        let c = lost_order_core::load::check_file(std::path::Path::new(&p)).unwrap();
        print!("{}", c.render());
        println!("{} errors, {} warnings", c.errors(), c.warnings());
    }
}
