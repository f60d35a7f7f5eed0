#!/bin/sh
# Run inside the build by bench/shared-target/run.
# Alternates two configurations in ONE shared target dir, counts "Compiling" lines per build.
cd /ws
cargo fetch -q
count() { label="$1"; shift; n=$(env "$@" 2>&1 | grep -c '^ *Compiling'); echo "MEASURE $label compiled=$n"; }
for round in 1 2 3; do
  count "r$round rustflags=A" RUSTFLAGS="-C debug-assertions=on" cargo build
  count "r$round rustflags=B" RUSTFLAGS="-C overflow-checks=off" cargo build
done
for round in 1 2 3; do
  count "r$round profile=dev" cargo build
  count "r$round profile=release" cargo build --release
done
T=$(rustc -vV | sed -n 's/host: //p')
for round in 1 2 3; do
  count "r$round target=implicit-host" cargo build
  count "r$round target=--target $T" cargo build --target "$T"
done
for round in 1 2 3; do
  count "r$round env CARGO_PROFILE_DEV_OPT_LEVEL=0" CARGO_PROFILE_DEV_OPT_LEVEL=0 cargo build
  count "r$round env CARGO_PROFILE_DEV_OPT_LEVEL=1" CARGO_PROFILE_DEV_OPT_LEVEL=1 cargo build
done
for round in 1 2 3; do
  count "r$round features=default" cargo build -p tiny-core
  count "r$round features=fail" cargo build -p tiny-core --features fail
done
rustup toolchain list; cargo -V; rustc -vV
