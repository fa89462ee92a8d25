#!/usr/bin/env bash
# Throughput of in-process integrations, measured with wrk against the packaged sample:
# the controller called directly, the same controller as an API method (forward:), and a
# Lambda proxy handler. Alternating rounds after a warm-up; figures go to docs/benchmarks.md.
# usage: apigw-samples/lambda-handlers/bench.sh [seconds per run] [rounds]
set -euo pipefail
cd "$(dirname "$0")"
duration=${1:-15}
rounds=${2:-2}
port=18080
jar=target/apigw-sample-lambda-handlers-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests install" >&2; exit 1; }
java -Xmx512m -jar "$jar" --server.port=$port --logging.level.dev.apigw.lambda=warn >/tmp/apigw-bench.log 2>&1 &
pid=$!
trap 'kill $pid' EXIT
until curl -sf "localhost:$port/internal/status" >/dev/null; do sleep 1; done
declare -A urls=([direct]="/internal/status" [forward]="/hello/dev/status" [lambda-proxy]="/hello/dev/greetings?name=Ada")
for name in direct forward lambda-proxy; do
  wrk -t2 -c64 -d30s "http://localhost:$port${urls[$name]}" >/dev/null   # warm-up
done
for round in $(seq "$rounds"); do
  for name in direct forward lambda-proxy; do
    out=$(wrk -t2 -c64 -d"${duration}s" --latency "http://localhost:$port${urls[$name]}")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    echo "round $round  $name  req/s=$rps  p50=$p50  p99=$p99  non2xx=${errors:-0}"
  done
done
