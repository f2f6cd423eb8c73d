#!/usr/bin/env bash
# N Streamlit replicas of app.py behind HAProxy (cookie affinity) on one machine.
#
#   tools/serve-scaled.sh start N PORT    # replicas on PORT+1..PORT+N, HAProxy on PORT; waits until healthy
#   tools/serve-scaled.sh stop            # stops what `start` started (pid files in $RUN_DIR)
#
# The replicas run with the production settings (deploy/streamlit/config.toml, as flags) and share one
# cookie secret, so the XSRF cookie one replica sets is valid on the others. WARM_UP=1 (default) runs
# app.py once per replica before printing the URL (load tests then measure sessions, not the first load
# of the evidence base); nothing depends on it (WARM_UP=0).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="${RUN_DIR:-$ROOT/.run/scaled}"
PY="${PY:-$ROOT/.venv/bin/python}"
BIND="${BIND:-127.0.0.1}"
WARM_UP="${WARM_UP:-1}"
START_TIMEOUT="${START_TIMEOUT:-120}"

healthy() { "$PY" - "$1" <<'PY'
import sys, urllib.request
try:
    sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)
except OSError:
    sys.exit(1)
PY
}

wait_healthy() {  # wait_healthy URL NAME
    local deadline=$(( $(date +%s) + START_TIMEOUT ))
    until healthy "$1"; do
        if [ "$(date +%s)" -gt "$deadline" ]; then
            echo "serve-scaled: $2 not healthy at $1 after ${START_TIMEOUT}s; logs in $RUN_DIR" >&2
            return 1
        fi
        sleep 0.3
    done
}

stop() {
    local stopped=0
    for pidfile in "$RUN_DIR"/*.pid; do
        [ -e "$pidfile" ] || continue
        local pid; pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" && stopped=$((stopped + 1))
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        fi
        rm -f "$pidfile"
    done
    echo "serve-scaled: stopped $stopped process(es)"
}

start() {
    local replicas=$1 port=$2
    [[ "$replicas" =~ ^[1-9][0-9]*$ && "$port" =~ ^[0-9]+$ ]] || { echo "usage: $0 start N PORT" >&2; exit 2; }
    command -v haproxy >/dev/null || { echo "serve-scaled: haproxy is not installed (tools/system-packages.sh test)" >&2; exit 1; }
    if compgen -G "$RUN_DIR/*.pid" >/dev/null; then
        echo "serve-scaled: already running (pid files in $RUN_DIR); run \`make stop-scaled\` first" >&2
        exit 1
    fi
    mkdir -p "$RUN_DIR"
    trap 'echo "serve-scaled: start failed, stopping what was started" >&2; stop >&2' ERR

    local secret flags servers=""
    secret=$("$PY" -c 'import secrets; print(secrets.token_hex(32))')
    read -r -a flags <<<"$("$PY" "$ROOT/tools/config_flags.py" "$ROOT/deploy/streamlit/config.toml" \
        --except server.address server.port)"
    for i in $(seq "$replicas"); do
        local replica_port=$((port + i))
        STREAMLIT_SERVER_COOKIE_SECRET="$secret" nohup "$PY" -m streamlit run "$ROOT/app.py" "${flags[@]}" \
            --server.address 127.0.0.1 --server.port "$replica_port" \
            >"$RUN_DIR/replica-$i.log" 2>&1 </dev/null &
        echo $! >"$RUN_DIR/replica-$i.pid"
        servers+="    server replica$i 127.0.0.1:$replica_port cookie replica$i"$'\n'
    done
    sed -e "s/@PORT@/$port/" -e "s/@BIND@/$BIND/" -e "s|@ROOT@|$ROOT|" "$ROOT/deploy/haproxy.cfg.in" \
        | awk -v servers="$servers" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' \
        >"$RUN_DIR/haproxy.cfg"
    haproxy -c -q -f "$RUN_DIR/haproxy.cfg"
    haproxy -D -p "$RUN_DIR/haproxy.pid" -f "$RUN_DIR/haproxy.cfg"

    for i in $(seq "$replicas"); do
        wait_healthy "http://127.0.0.1:$((port + i))/_stcore/health" "replica $i"
        if [ "$WARM_UP" = 1 ]; then
            "$PY" "$ROOT/tools/warm_up.py" "http://127.0.0.1:$((port + i))" --timeout "$START_TIMEOUT" 2>/dev/null
        fi
    done
    wait_healthy "http://$BIND:$port/_stcore/health" "HAProxy"
    trap - ERR
    echo "serve-scaled: $replicas replica(s) behind HAProxy at http://$BIND:$port/ (stop: make stop-scaled)"
}

case "${1:-}" in
    start) start "${2:-2}" "${3:-8700}" ;;
    stop) stop ;;
    *) echo "usage: $0 start N PORT | stop" >&2; exit 2 ;;
esac
