# Process helpers shared by scripts/local-cluster.sh and scripts/real-node.sh (sourced, not run).
# The caller sets REPO_ROOT, LOGS, PIDS, TIMEOUT, LOG_TAG and COMPONENTS before using them.

log() { printf '[%s] %s\n' "$LOG_TAG" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

bin() { # bin <name>: the installed tool, else one on PATH
  if [[ -x "${REPO_ROOT}/.tools/bin/$1" ]]; then
    printf '%s\n' "${REPO_ROOT}/.tools/bin/$1"
  elif command -v "$1" >/dev/null; then
    command -v "$1"
  else
    die "$1 not found; run: scripts/install-test-tools.sh"
  fi
}

pid_of() { # prints the pid of a running component, fails when it is not running
  local f="${PIDS}/$1.pid" pid exe
  [[ -f "$f" ]] || return 1
  read -r pid exe <"$f" || true
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # A recycled pid must not be mistaken for ours: the process has to run the binary we started
  # (recorded at start, so a tool re-linked since then does not orphan the process).
  [[ "$(readlink "/proc/${pid}/exe" 2>/dev/null)" == "$exe" ]] || return 1
  printf '%s\n' "$pid"
}

# The pids this shell started, by name: what it can still stop when its pid files are gone.
declare -gA STARTED_PIDS=()

kill_started() { # TERM to every process this shell started (used when the pid files vanished)
  local pid
  for pid in "${STARTED_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
}

start() { # start <name> <args...>: detached from this shell, own session, logs and pid file
  local name="$1"
  shift
  local exe
  exe="$(readlink -f "$(bin "$name")")"
  (
    # The daemons keep no descriptor of ours or of whoever called us beyond their log: not the
    # state lock (fd 8), not a caller's pipe (which would keep its reader waiting for EOF).
    local fd n
    for fd in /proc/self/fd/*; do
      n="${fd##*/}"
      if ((n > 2)); then eval "exec ${n}>&-" 2>/dev/null || true; fi
    done
    exec setsid "$exe" "$@" >"${LOGS}/${name}.log" 2>&1 </dev/null
  ) &
  STARTED_PIDS[$name]=$!
  printf '%s %s\n' "$!" "$exe" >"${PIDS}/${name}.pid"
}

wait_for() { # wait_for <name> <command...>: until the command succeeds, the process dies or time runs out
  local name="$1"
  shift
  local deadline=$((SECONDS + TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if [[ ! -f "${PIDS}/${name}.pid" ]]; then
      kill_started
      die "${name}: its pid file is gone (${PIDS}); another \`down\` of the same state folder ran meanwhile (give each run its own folder and port base)"
    fi
    if ! pid_of "$name" >/dev/null; then
      tail -n 20 "${LOGS}/${name}.log" >&2 || true
      die "${name} exited during start-up (log: ${LOGS}/${name}.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 20 "${LOGS}/${name}.log" >&2 || true
      die "${name} not healthy within ${TIMEOUT}s (log: ${LOGS}/${name}.log)"
    fi
    sleep 0.3
  done
}

stop() { # stop <name...>: TERM to all at once, KILL whatever still runs after 10 seconds
  local name pid i pids=()
  for name in "$@"; do
    if pid="$(pid_of "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "${PIDS}/${name}.pid"
  done
  for ((i = 0; i < 100; i++)); do
    any_alive "${pids[@]}" || return 0
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

any_alive() { # any_alive [pid...]
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

all_running() { # all of COMPONENTS run
  local c
  for c in "${COMPONENTS[@]}"; do pid_of "$c" >/dev/null || return 1; done
}

components_status() { # one line per component of COMPONENTS; fails when one is stopped
  local c pid ok=0
  for c in "${COMPONENTS[@]}"; do
    if pid="$(pid_of "$c")"; then
      printf '%-24s running (pid %s)\n' "$c" "$pid"
    else
      printf '%-24s stopped\n' "$c"
      ok=1
    fi
  done
  return $ok
}

lock_state() { # lock_state <lock file>: one up/down at a time per state folder (parallel test
  # workers may all call `up`); fd 8, held until the script ends
  exec 8>"$1"
  flock -w $((TIMEOUT * 3)) 8 || die "another up/down holds $1"
}
