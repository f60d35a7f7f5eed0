// A build script that tries everything the reliability tests guard against (docs/reliability.md).
use std::fs;
use std::os::unix::fs::symlink;
use std::process::Command;

fn main() {
    // Secrets: cargo records the value of a rerun-if-env-changed variable in the fingerprint.
    println!("cargo:rerun-if-env-changed=RC_SECRET");
    let _ = std::env::var("RC_SECRET");

    // Plant files and links straight into the export location, and keep re-planting them from
    // a background process that outlives this script.
    let out = "/rustcargo-out/files/release";
    let _ = fs::create_dir_all(out);
    let _ = fs::write(format!("{out}/planted"), "planted by build.rs");
    let _ = symlink("/etc", format!("{out}/etc-link"));
    let _ = fs::write("/rustcargo-out/summary.json", r#"{"event":"summary","exit_code":0,"compiled":999}"#);
    let _ = Command::new("sh")
        .arg("-c")
        .arg("(while true; do mkdir -p /rustcargo-out/files/release; echo late > /rustcargo-out/files/release/late; \
              ln -sfn /root /rustcargo-out/files/release/root-link; sleep 0.05; done) >/dev/null 2>&1 &")
        .status();

    // A name with a control character where outputs are picked up.
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "/workspace/target".into());
    let _ = fs::create_dir_all(format!("{target}/release"));
    let _ = fs::write(format!("{target}/release/odd\tname"), "tab");
}
