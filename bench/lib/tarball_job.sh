#!/bin/bash
# The tarball-cache strategy's job, run inside the build container (see bench/run, docs/benchmarks.md).
# It does what a GitHub Actions job with Swatinem/rust-cache does on an ephemeral runner:
#   restore (extract the archive the harness picked, if any; pre-clean after a partial match)
#   -> cargo ARGS -> (when the key was not an exact hit, and cargo succeeded) clean + save.
# Usage: tarball_job.sh SAVE(0|1) PARTIAL(0|1) CARGO_ARGS...
# The archive comes in at /cache-in/cache.tar.zst; a new one goes to /cache-out/cache.tar.zst.
# Timings are printed as "::bench:: {json}" lines for the harness.
set -u
save=$1 partial=$2
shift 2
ms() { date +%s%3N; }
mark() { echo "::bench:: $1"; }
CARGO_HOME=${CARGO_HOME:-/usr/local/cargo}
mkdir -p /cache-out

t0=$(ms)
in_bytes=0
if [ -f /cache-in/cache.tar.zst ]; then
  in_bytes=$(stat -c %s /cache-in/cache.tar.zst)
  # actions/cache: tar -xf cache.tzst -P --use-compress-program "unzstd --long=30"
  tar -x -P -f /cache-in/cache.tar.zst --use-compress-program 'zstd -d --long=30' || exit 125
  if [ "$partial" = 1 ]; then
    python3 /bench/rust_cache_clean.py preclean /workspace/target || exit 125
  fi
fi
t1=$(ms)
mark "{\"phase\":\"restore\",\"ms\":$((t1 - t0)),\"bytes\":$in_bytes}"

cargo "$@"
code=$?
t2=$(ms)
mark "{\"phase\":\"cargo\",\"ms\":$((t2 - t1)),\"exit\":$code}"

# rust-cache saves only when the key was not an exact hit, and (cache-on-failure: false) only
# after a successful job.
if [ "$save" = 1 ] && [ "$code" = 0 ]; then
  python3 /bench/rust_cache_clean.py save /workspace /workspace/target "$CARGO_HOME" || exit 125
  t3=$(ms)
  mark "{\"phase\":\"clean\",\"ms\":$((t3 - t2))}"
  paths=()
  for p in "$CARGO_HOME/registry" "$CARGO_HOME/git" /workspace/target; do
    [ -e "$p" ] && paths+=("$p")
  done
  # actions/cache: tar --posix -cf cache.tzst -P ... --use-compress-program "zstdmt --long=30"
  tar --posix -c -P -f /cache-out/cache.tar.zst --use-compress-program 'zstd -T0 --long=30' "${paths[@]}" || exit 125
  t4=$(ms)
  mark "{\"phase\":\"save\",\"ms\":$((t4 - t3)),\"bytes\":$(stat -c %s /cache-out/cache.tar.zst)}"
fi
exit "$code"
