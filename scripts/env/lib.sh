# shellcheck shell=bash disable=SC2034
# Shared settings and helpers for scripts/env/setup and scripts/env/stop.
# Sourced, never run directly. See docs/environment.md.

# --- Settings (the environment variables are overrides, mainly for testing) -------------------

RUSTCARGO_CACHE_DIR="${RUSTCARGO_CACHE_DIR:-$HOME/.cache/rustcargo}"
REGISTRY_ADDR="${RUSTCARGO_REGISTRY_ADDR:-127.0.0.1:5000}"
BUILDKIT_VERSION="v0.32.2"

RUN_DIR="$RUSTCARGO_CACHE_DIR/run"
BUILDKIT_BIN_DIR="$RUSTCARGO_CACHE_DIR/buildkit-$BUILDKIT_VERSION/bin"
BUILDKITD_ROOT="$RUSTCARGO_CACHE_DIR/buildkitd-root"
BUILDKITD_SOCK="$RUN_DIR/buildkitd.sock"
BUILDKITD_ADDR="unix://$BUILDKITD_SOCK"
BUILDKITD_CONFIG="$RUN_DIR/buildkitd.toml"
BUILDKITD_PIDFILE="$RUN_DIR/buildkitd.pid"
BUILDKITD_LOG="$RUN_DIR/buildkitd.log"
REGISTRY_STORAGE="$RUSTCARGO_CACHE_DIR/registry"
REGISTRY_CONFIG="$RUN_DIR/registry.yml"
REGISTRY_PIDFILE="$RUN_DIR/registry.pid"
REGISTRY_LOG="$RUN_DIR/registry.log"
DOCKERD_ROOT="$RUSTCARGO_CACHE_DIR/docker-root"
DOCKERD_SOCK="$RUN_DIR/docker.sock"
DOCKERD_HOST="unix://$DOCKERD_SOCK"
DOCKERD_PIDFILE="$RUN_DIR/dockerd.pid"
DOCKERD_LOG="$RUN_DIR/dockerd.log"
# buildkitd packaged as a Docker image, for the docker-container:// address mode.
BUILDKIT_DOCKER_IMAGE="rustcargo/buildkitd:$BUILDKIT_VERSION"
ENV_SH="$RUN_DIR/env.sh"
LOCK_FILE="$RUN_DIR/setup.lock"

# Daemons and debootstrap live in the sbin directories, which non-login shells may lack.
export PATH="$BUILDKIT_BIN_DIR:$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# --- Messages ----------------------------------------------------------------------------------

# All messages go to stderr, so that stdout stays free for `setup --print-env`.
log() { printf '[%s] %s\n' "${PROG:-env}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# "12.3s" for a duration given in milliseconds.
fmt_ms() { printf '%d.%ds' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }

# "12.3s" since a start time taken with now_ms.
since() { fmt_ms $(( $(now_ms) - $1 )); }

# Show the last lines of a log file, indented, to explain a failure.
show_log_tail() {
  local file=$1 lines=${2:-25}
  [[ -s $file ]] || return 0
  log "last $lines lines of $file:"
  tail -n "$lines" "$file" | sed 's/^/    /' >&2
}

require_root() {
  [[ $EUID -eq 0 ]] || die "must run as root (buildkitd, runc and debootstrap need it)"
}

# Serialise setup and stop runs that share a cache directory. Uses fd 9, which every daemon
# start closes again (a daemon holding it would block the next run forever).
take_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$LOCK_FILE"
  if ! flock -n 9; then
    log "waiting for another setup/stop run to finish ($LOCK_FILE)"
    flock 9
  fi
}

# --- Processes ---------------------------------------------------------------------------------

# Print the pid recorded in PIDFILE if that process is alive and its command line contains
# MARKER (a path unique to this cache directory), so a recycled pid is never mistaken for ours.
running_pid() {
  local pidfile=$1 marker=$2 pid cmdline
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$marker"* ]] || return 1
  echo "$pid"
}

# Start a daemon in its own session, detached from the caller's terminal and process group.
# Usage: start_daemon PIDFILE LOGFILE COMMAND [ARGS...]; prints the pid.
start_daemon() {
  local pidfile=$1 logfile=$2 i
  shift 2
  rm -f "$pidfile"
  [[ -f $logfile ]] && mv -f "$logfile" "$logfile.1"
  printf '=== %s: %s\n' "$(date -u +%FT%TZ)" "$*" >"$logfile"
  # The inner shell records its own pid, then execs the daemon under that same pid.
  # shellcheck disable=SC2016
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && break
    sleep 0.1
  done
  [[ -s $pidfile ]] || die "could not start $1 (no pid file $pidfile)"
  cat "$pidfile"
}

# Stop a daemon recorded in PIDFILE: SIGTERM, wait up to TIMEOUT seconds, then SIGKILL.
# Removes the pid file. Safe when nothing runs. Prints what it did.
stop_daemon() {
  local name=$1 pidfile=$2 marker=$3 timeout=$4 pid t0 i
  if ! pid=$(running_pid "$pidfile" "$marker"); then
    if [[ -e $pidfile ]]; then
      rm -f "$pidfile"
      log "$name: not running (removed stale $pidfile)"
    else
      log "$name: not running"
    fi
    return 0
  fi
  t0=$(now_ms)
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: pid $pid ignored SIGTERM for ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$pidfile"
  log "$name: stopped pid $pid ($(since "$t0"))"
}

# --- Probes ------------------------------------------------------------------------------------

registry_answers() {
  curl -sf -o /dev/null --max-time 2 "http://$REGISTRY_ADDR/v2/"
}

dockerd_answers() {
  [[ -S $DOCKERD_SOCK ]] || return 1
  DOCKER_HOST=$DOCKERD_HOST timeout 5 /usr/bin/docker version >/dev/null 2>&1
}

buildkitd_answers() {
  [[ -S $BUILDKITD_SOCK ]] || return 1
  timeout 5 "$BUILDKIT_BIN_DIR/buildctl" --addr "$BUILDKITD_ADDR" debug workers >/dev/null 2>&1
}
