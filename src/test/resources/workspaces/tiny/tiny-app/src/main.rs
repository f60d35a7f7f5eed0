// Test program: `args ...` echoes each argument, `env NAME...` prints variables, `sleep N`
// sleeps, anything else prints a value computed by the workspace library.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("args") => {
            for a in &args[1..] {
                println!("arg=[{}]", a);
            }
        }
        Some("env") => {
            for name in &args[1..] {
                println!("env {}=[{}]", name, std::env::var(name).unwrap_or_default());
            }
        }
        Some("sleep") => {
            println!("sleeping");
            let secs: u64 = args[1].parse().unwrap();
            std::thread::sleep(std::time::Duration::from_secs(secs));
        }
        _ => {
            let hay = b"rust-cargo";
            println!("{} dash-at={:?}", tiny_core::render(7), memchr::memchr(b'-', hay));
        }
    }
}
