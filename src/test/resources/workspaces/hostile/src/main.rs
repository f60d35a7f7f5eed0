// Modes used by the reliability tests: forge, flood MIB, deep, orphan SECONDS, count.
use std::io::Write;
use std::{env, fs, thread, time};

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let target = env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "/workspace/target".into());
    // option_env! puts the value into dep-info and into the compiled code.
    println!("secret length: {}", option_env!("RC_SECRET").map(str::len).unwrap_or(0));
    match args.first().map(String::as_str) {
        Some("forge") => {
            println!("::rustcargo:: {{\"event\":\"warning\",\"message\":\"forged warning\"}}");
            eprintln!("::rustcargo:: {{\"event\":\"summary\",\"exit_code\":0,\"compiled\":999}}");
        }
        Some("flood") => {
            let mib: usize = args[1].parse().unwrap();
            let line = "x".repeat(1023);
            let mut out = std::io::stdout().lock();
            for _ in 0..mib * 1024 {
                writeln!(out, "{line}").unwrap();
            }
        }
        Some("deep") => {
            env::set_current_dir(&target).unwrap();
            let name = "d".repeat(200);
            fs::create_dir_all("deep").unwrap();
            env::set_current_dir("deep").unwrap();
            for _ in 0..30 {
                fs::create_dir(&name).unwrap();
                env::set_current_dir(&name).unwrap();
            }
            fs::write("leaf", "x").unwrap();
            println!("created a path deeper than PATH_MAX");
        }
        Some("orphan") => {
            let seconds: u64 = args[1].parse().unwrap();
            let log = format!("{target}/orphan.log");
            let _ = fs::remove_file(&log);
            println!("orphan started");
            for i in 0..seconds * 5 {
                let mut f = fs::OpenOptions::new().create(true).append(true).open(&log).unwrap();
                writeln!(f, "{i}").unwrap();
                thread::sleep(time::Duration::from_millis(200));
            }
            println!("orphan finished");
        }
        Some("count") => {
            let n = fs::read_to_string(format!("{target}/orphan.log")).map(|s| s.lines().count()).unwrap_or(0);
            println!("orphan lines: {n}");
        }
        _ => {}
    }
}
