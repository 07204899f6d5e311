#!/usr/bin/env bash
# Load test of the web host on loopback: builds it in Release, starts it with --demo (its own simulated
# upstream on a loopback port), waits until it is ready, then runs wrk against /healthz/live,
# /api/subway?limit=20 and /api/citibike in turn, several rounds, and prints requests per second and
# p50/p99 latency per round, the medians, and the subway/live ratios of the same round.
# Stops the host it started on every exit. Nothing leaves 127.0.0.1.
#
#   benchmarks/load/run.sh [--rounds 3] [--duration 10s] [--threads 2] [--connections 32] [--with-br] [--no-build]
#
# --with-br adds a fourth row: /api/subway?limit=20 asked with "Accept-Encoding: br, gzip".
set -euo pipefail

rounds=3
duration=10s
threads=2
connections=32
with_br=0
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --with-br) with_br=1; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 1 ;;
    esac
done
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: --rounds must be 1..99 (got '$rounds')" >&2; exit 1; }
[[ "$duration" =~ ^[1-9][0-9]*[sm]?$ ]] || { echo "run.sh: --duration must look like 10s or 1m (got '$duration')" >&2; exit 1; }
[[ "$threads" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: --threads must be 1..99 (got '$threads')" >&2; exit 1; }
[[ "$connections" =~ ^[1-9][0-9]{0,3}$ ]] || { echo "run.sh: --connections must be 1..9999 (got '$connections')" >&2; exit 1; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
host_pid=""

cleanup() {
    if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
        kill -TERM "$host_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$host_pid" 2>/dev/null || true
        wait "$host_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v wrk >/dev/null; then
    echo "wrk is missing: installing Debian's package" >&2
    if [[ $(id -u) -ne 0 ]]; then
        echo "run.sh: wrk is not installed and this is not root; run 'sudo apt-get install -y wrk'" >&2
        exit 1
    fi
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

if [[ $build -eq 1 ]]; then
    echo "building the web host (Release)" >&2
    dotnet build -c Release "$repo/samples/TransitDash.Web" -v quiet -nologo >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; exit 1; }
fi
host_dll="$repo/samples/TransitDash.Web/bin/Release/net10.0/TransitDash.Web.dll"
[[ -f "$host_dll" ]] || { echo "run.sh: $host_dll is missing; run without --no-build" >&2; exit 1; }

# Port 0: the host takes a free port and logs it; the repository's config.yaml names the stations.
(cd "$repo" && exec dotnet "$host_dll" --demo --urls http://127.0.0.1:0) >"$work/host.log" 2>&1 &
host_pid=$!

base=""
for _ in $(seq 1 300); do
    kill -0 "$host_pid" 2>/dev/null || { echo "run.sh: the host exited while starting:" >&2; cat "$work/host.log" >&2; exit 1; }
    base="$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/host.log" | head -n1 | sed 's/^Now listening on: //' || true)"
    if [[ -n "$base" ]] && curl -fsS -o /dev/null "$base/healthz/ready" 2>/dev/null; then
        break
    fi
    sleep 0.2
done
if [[ -z "$base" ]] || ! curl -fsS -o /dev/null "$base/healthz/ready"; then
    echo "run.sh: the host did not become ready within 60 s:" >&2
    tail -n 20 "$work/host.log" >&2
    exit 1
fi

names=(live subway citibike)
paths=("/healthz/live" "/api/subway?limit=20" "/api/citibike")
headers=("" "" "")
if [[ $with_br -eq 1 ]]; then
    names+=("subway-br")
    paths+=("/api/subway?limit=20")
    headers+=("Accept-Encoding: br, gzip")
fi

# One wrk run: prints "<requests/s> <p50 ms> <p99 ms> <bad answers>".
measure() {
    local path="$1" header="$2" length="$3" out="$work/wrk.out"
    local args=(-t"$threads" -c"$connections" -d"$length" --latency)
    [[ -n "$header" ]] && args+=(-H "$header")
    wrk "${args[@]}" "$base$path" >"$out"
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { bad += $NF }
        /Socket errors:/ { for (i = 3; i <= NF; i += 2) bad += $(i + 1) }
        END { printf "%.1f %.3f %.3f %d\n", rps, p50, p99, bad + 0 }
    ' "$out"
}

body_bytes() { curl -fsS ${2:+-H "$2"} -o /dev/null -w '%{size_download}' "$base$1"; }

echo "host: $base (pid $host_pid); wrk -t$threads -c$connections -d$duration --latency; $rounds rounds" >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run" >&2
for i in "${!names[@]}"; do
    echo "body of ${names[$i]}: $(body_bytes "${paths[$i]}" "${headers[$i]}") bytes" >&2
done

# Warm-up (JIT tiers, connection pools); not counted.
for i in "${!names[@]}"; do measure "${paths[$i]}" "${headers[$i]}" 3s >/dev/null; done

declare -A rps p50 p99
for round in $(seq 1 "$rounds"); do
    for i in "${!names[@]}"; do
        read -r r a b bad < <(measure "${paths[$i]}" "${headers[$i]}" "$duration")
        if [[ "$bad" -ne 0 ]]; then
            echo "run.sh: ${names[$i]} had $bad non-2xx answers or socket errors in round $round" >&2
            exit 1
        fi
        rps[$round,${names[$i]}]=$r; p50[$round,${names[$i]}]=$a; p99[$round,${names[$i]}]=$b
        printf '  round %d %-10s %10.1f req/s  p50 %7.3f ms  p99 %7.3f ms\n' "$round" "${names[$i]}" "$r" "$a" "$b" >&2
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { local -n table=$1; for round in $(seq 1 "$rounds"); do echo "${table[$round,$2]}"; done | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "| endpoint | req/s (median) | p50 ms | p99 ms |"
echo "|---|---|---|---|"
for i in "${!names[@]}"; do
    n="${names[$i]}"
    printf '| `%s`%s | %.0f | %.3f | %.3f |\n' "${paths[$i]}" "${headers[$i]:+ (${headers[$i]})}" "$(column rps "$n")" "$(column p50 "$n")" "$(column p99 "$n")"
done

echo
echo "| round | subway / live req/s | subway / live p99 |"
echo "|---|---|---|"
rps_ratios=(); p99_ratios=()
for round in $(seq 1 "$rounds"); do
    a="$(ratio "${rps[$round,subway]}" "${rps[$round,live]}")"; b="$(ratio "${p99[$round,subway]}" "${p99[$round,live]}")"
    rps_ratios+=("$a"); p99_ratios+=("$b")
    echo "| $round | $a | $b |"
done
rps_ratio="$(printf '%s\n' "${rps_ratios[@]}" | median)"
p99_ratio="$(printf '%s\n' "${p99_ratios[@]}" | median)"
echo "| median | $rps_ratio | $p99_ratio |"
echo
echo "load average after the run: $load_after ($(nproc) cores, wrk and the host sharing them)"
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v <= t); print ok ? "met" : "NOT met" }'; }
echo "target subway req/s >= 0.8 x live: $(verdict "$rps_ratio" ">=" 0.8) ($rps_ratio)"
echo "target subway p99 <= 2 x live: $(verdict "$p99_ratio" "<=" 2) ($p99_ratio)"
