#!/usr/bin/env bash
# The load benchmark: bare Spring Cloud Gateway against apigw, in one run, on loopback.
#
# Starts a Reactor Netty backend answering 200 bytes of JSON, then for each variant starts the
# gateway (java -Xmx512m, G1), warms it up with wrk, measures peak throughput (req/s, p50, p99)
# and the gateway's peak RSS, then measures p99 at about half of bare SCG's peak (a per-request delay
# paces each connection), and stops it. Prints one table with every figure next to bare
# Spring Cloud Gateway's from the same run, and writes it to target/bench-results.md.
#
# usage: apigw-samples/benchmark/bench.sh [--smoke] [--duration S] [--warmup S] [--latency S]
#                                         [--connections N] [--rounds N] [variant ...]
# variants: direct scg apigw-proxy apigw-full apigw-mock apigw-cache scg-3000 apigw-3000 (default: all)
# needs: JDK 17+, Maven, wrk (Debian package "wrk"), curl
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
module=apigw-samples/benchmark

duration=10
warmup=45
latency=6
connections=64
latency_connections=32
rounds=1
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) duration=2; warmup=2; latency=2; shift ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --latency) latency=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) variants+=("$1"); shift ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || variants=(direct scg apigw-proxy apigw-full apigw-mock apigw-cache scg-3000 apigw-3000)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

backend_port=18081
gateway_port=18080
work=$module/target/bench
mkdir -p "$work"

echo "building..." >&2
mvn -q -B -DskipTests -pl "$module" -am install
mvn -q -B -pl "$module" dependency:build-classpath -Dmdep.outputFile="$root/$work/classpath.txt" >/dev/null
cp="$module/target/classes:$(cat "$work/classpath.txt")"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java -Xmx256m -cp "$cp" dev.apigw.samples.benchmark.load.BenchmarkBackend $backend_port >"$work/backend.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$backend_port/pets" >/dev/null; do sleep 0.2; done

path_of() {
  case "$1" in
    direct|scg) echo /pets ;;
    apigw-proxy|apigw-cache) echo /live/pets ;;
    apigw-full) echo /live/full/42 ;;
    apigw-mock) echo /live/mock ;;
    scg-3000) echo /r2999/pets ;;
    apigw-3000) echo /live/r2999/pets ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

# wrk script: the API key for the full pipeline, and an optional pause before each request
script() { # variant delay-ms
  local file="$work/$1.lua"
  {
    [ "$1" = apigw-full ] && echo 'wrk.headers["x-api-key"] = "bench-key-0123456789abcdef"'
    if [ "$2" != 0 ]; then echo "function delay() return $2 end"; fi
  } >"$file"
  echo "$file"
}

ms() { # wrk latency (e.g. 950.00us, 1.20ms, 1.02s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

declare -A rps p50 p99 rss half_rate half_p99 errors
run_variant() {
  local v=$1 pid="" url
  url="http://127.0.0.1:$gateway_port$(path_of "$v")"
  if [ "$v" = direct ]; then
    url="http://127.0.0.1:$backend_port$(path_of "$v")"
  else
    java -Xmx512m -XX:+UseG1GC -cp "$cp" dev.apigw.samples.benchmark.load.BenchmarkGatewayApplication \
      --spring.profiles.active="$v" --server.port=$gateway_port --bench.backend=127.0.0.1:$backend_port \
      >"$work/$v.log" 2>&1 &
    pid=$!
    pids+=($pid)
    local key=()
    [ "$v" = apigw-full ] && key=(-H "x-api-key: bench-key-0123456789abcdef")
    for _ in $(seq 1 300); do
      curl -sf "${key[@]}" "$url" >/dev/null 2>&1 && break
      kill -0 "$pid" 2>/dev/null || { echo "$v did not start, see $work/$v.log" >&2; exit 1; }
      sleep 0.2
    done
  fi
  local plain out
  plain=$(script "$v" 0)
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$plain" "$url" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$plain" "$url")
  rps[$v]=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  p50[$v]=$(ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
  p99[$v]=$(ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
  errors[$v]=$(echo "$out" | awk '/Non-2xx/ {n += $4} /Socket errors/ {n += 1} END {print n + 0}')
  if [ -n "$pid" ]; then
    rss[$v]=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  else
    rss[$v]="-"
  fi
  # latency at half of bare SCG's peak (of this variant's own peak when SCG is not measured):
  # fewer connections, each pausing between requests, the same pause for every variant of
  # the round so that all of them are offered (nearly) the same load
  local delay paced
  delay=${round_delay:-}
  if [ -z "$delay" ]; then
    delay=$(awk -v c="$latency_connections" -v r="${rps[$v]}" 'BEGIN { d = int(c * 1000 / (r / 2) * 0.85); if (d < 1) d = 1; print d }')
    [ "$v" = scg ] && round_delay=$delay
  fi
  paced=$(script "$v" "$delay")
  out=$(wrk -t2 -c"$latency_connections" -d"${latency}s" --latency -s "$paced" "$url")
  half_rate[$v]=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  half_p99[$v]=$(ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
  if [ -n "$pid" ]; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  echo "$v: ${rps[$v]} req/s, p50 ${p50[$v]} ms, p99 ${p99[$v]} ms, RSS ${rss[$v]} MB, errors ${errors[$v]};" \
    "at ${half_rate[$v]} req/s: p99 ${half_p99[$v]} ms" >&2
}

declare -A sum_rps sum_p50 sum_p99 sum_half_rate sum_half_p99 max_rss sum_errors
# bare SCG first: its peak sets the load of every variant's latency measurement; direct last:
# its load (five times any gateway's) leaves the shared backend busier for a while after
ordered=()
for v in "${variants[@]}"; do [ "$v" = scg ] && ordered+=(scg); done
for v in "${variants[@]}"; do [ "$v" = scg ] || [ "$v" = direct ] || ordered+=("$v"); done
for v in "${variants[@]}"; do [ "$v" = direct ] && ordered+=(direct); done
for round in $(seq "$rounds"); do
  echo "round $round of $rounds" >&2
  round_delay=""
  for v in "${ordered[@]}"; do
    run_variant "$v"
    sum_rps[$v]=$(( ${sum_rps[$v]:-0} + rps[$v] ))
    sum_errors[$v]=$(( ${sum_errors[$v]:-0} + errors[$v] ))
    sum_p50[$v]=$(awk -v a="${sum_p50[$v]:-0}" -v b="${p50[$v]}" 'BEGIN { print a + b }')
    sum_p99[$v]=$(awk -v a="${sum_p99[$v]:-0}" -v b="${p99[$v]}" 'BEGIN { print a + b }')
    sum_half_rate[$v]=$(( ${sum_half_rate[$v]:-0} + half_rate[$v] ))
    sum_half_p99[$v]=$(awk -v a="${sum_half_p99[$v]:-0}" -v b="${half_p99[$v]}" 'BEGIN { print a + b }')
    if [ "${rss[$v]}" != "-" ] && [ "${rss[$v]}" -gt "${max_rss[$v]:-0}" ]; then max_rss[$v]=${rss[$v]}; fi
  done
done

avg() { awk -v s="$1" -v n="$rounds" 'BEGIN { printf "%.2f", s / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
base=scg
has() { local x; for x in "${variants[@]}"; do [ "$x" = "$1" ] && return 0; done; return 1; }
result=$module/target/bench-results.md
{
  echo "$(date -u +%Y-%m-%d) · $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)) · $(java -version 2>&1 | head -1)"
  echo "peak: wrk -t2 -c$connections, warm-up ${warmup}s, measured ${duration}s; latency: wrk -t2 -c$latency_connections paced at about half of bare SCG's peak, ${latency}s; rounds $rounds (means)"
  echo
  echo "| variant | req/s | × SCG | p50 ms | p99 ms | peak RSS MB | paced: req/s | p99 ms | Δ p99 vs SCG ms | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for v in "${variants[@]}"; do
    r=$(( sum_rps[$v] / rounds )); hr=$(( sum_half_rate[$v] / rounds ))
    x="-"; d="-"
    if has $base; then
      x=$(ratio "$r" $(( sum_rps[$base] / rounds )))
      d=$(awk -v a="$(avg "${sum_half_p99[$v]}")" -v b="$(avg "${sum_half_p99[$base]}")" 'BEGIN { printf "%+.2f", a - b }')
    fi
    echo "| $v | $r | $x | $(avg "${sum_p50[$v]}") | $(avg "${sum_p99[$v]}") | ${max_rss[$v]:--} | $hr | $(avg "${sum_half_p99[$v]}") | $d | ${sum_errors[$v]} |"
  done
  echo
  target() { # name numerator denominator minimum
    if has "$2" && has "$3"; then
      local value
      value=$(ratio $(( sum_rps[$2] / rounds )) $(( sum_rps[$3] / rounds )))
      echo "- $1: $value (target ≥ $4) $(awk -v v="$value" -v m="$4" 'BEGIN { print (v >= m) ? "met" : "MISSED" }')"
    fi
  }
  target "HTTP_PROXY / bare SCG" apigw-proxy scg 0.95
  target "full pipeline / bare SCG" apigw-full scg 0.85
  target "MOCK / bare SCG proxying" apigw-mock scg 1.5
  target "cache hit / bare SCG proxying" apigw-cache scg 1.5
  target "3,000-method API / 1-method API" apigw-3000 apigw-proxy 0.95
  target "bare SCG 3,000 routes / 1 route" scg-3000 scg 0
  if has $base; then
    for v in "${variants[@]}"; do
      case "$v" in apigw-*) ;; *) continue ;; esac
      awk -v n="$v" -v a="$(avg "${sum_half_p99[$v]}")" -v b="$(avg "${sum_half_p99[$base]}")" \
        'BEGIN { d = a - b; printf "- p99 at half of bare SCG peak, %s vs bare SCG: %+.2f ms (target ≤ +1 ms) %s\n", n, d, (d <= 1) ? "met" : "MISSED" }'
    done
  fi
} | tee "$result"
echo "written to $result" >&2
