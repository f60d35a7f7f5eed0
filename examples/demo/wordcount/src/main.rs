use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let report = wordcount_core::count(&text);
    println!("{}", wordcount_core::to_json(&report));
}
