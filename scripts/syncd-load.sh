#!/bin/sh
# Load test of noteward-syncd running as its own process, driven by wrk (Debian package `wrk`):
# small-object puts, then change-feed reads, each for --seconds, with the server's resident
# memory sampled every 5 s throughout. Prints figures; asserts nothing.
#
#   scripts/syncd-load.sh [--seconds S] [--connections C] [--postgresql CONNINFO] [--build DIR]
#
# The store is made fresh in a temporary folder, removed afterwards; with --postgresql give an
# empty database (the store's key file is made anew, and a database sealed with another key is
# refused). Loopback only.
set -eu
seconds=60 connections=8 postgresql= build="$(dirname "$0")/../build/ci"
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --postgresql) postgresql=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--connections C] [--postgresql CONNINFO] [--build DIR]" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
set -- --data-dir "$dir/store" --listen "127.0.0.1:$port" --therapists "$connections"
[ -n "$postgresql" ] && set -- "$@" --postgresql "$postgresql"
config=$("$build/app/noteward-syncd-bench" setup "$@")
"$build/app/noteward-syncd" --config "$config" 2>"${SYNCD_LOAD_STDERR:-/dev/null}" &
server=$!
for _ in $(seq 100); do
    curl -ks "https://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }
( while kill -0 "$server" 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 5; done ) > "$dir/rss" &
sampler=$!
export NOTEWARD_LOAD_SESSIONS="$dir/store/sessions.lua" NOTEWARD_LOAD_SCRIPTS="$here/syncd-load"
echo "noteward-syncd ($([ -n "$postgresql" ] && echo PostgreSQL || echo embedded) store) under wrk: $connections connections, 2 threads, $seconds s per phase"
for phase in put feed; do
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/syncd-load/$phase.lua" "https://127.0.0.1:$port")
    rate=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
    echo "  $phase: $rate requests/s  $(echo "$out" | tail -1)"
done
kill "$sampler" 2>/dev/null || true
sampler=
awk 'NR == 1 {t0 = $1} {printf "%s%d s %.1f MiB", (NR == 1 ? "  server memory (RSS), every 5 s: " : (NR % 6 == 1 ? "\n    " : ", ")), $1 - t0, $2 / 1024} END {print ""}' "$dir/rss"
