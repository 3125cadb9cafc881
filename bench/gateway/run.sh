#!/usr/bin/env bash
# Benchmark of the gateway's composed KPIs (not part of ./mvnw verify).
# Builds nothing: run `./mvnw -B install -DskipTests` first. Starts the three services and the
# gateway from their packaged jars on ports 18180-18183 against fresh MariaDB databases
# (storeops_bench_*), loads DAYS x VISITORS through the public APIs, times 50 calls, stops everything.
# Usage from the repository root: bench/gateway/run.sh   (env: DAYS=30 VISITORS=100000 CHATS=200 CALLS=50 DB=127.0.0.1:3306 BUFFER_POOL=2G)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${DB:-127.0.0.1:3306}
LOGS=$(mktemp -d)
KEY=testing/src/main/resources/test-keys/public.pem
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

start() { # name module port [extra -D...]
  local name=$1 module=$2 port=$3; shift 3
  local profile=()
  if [ -n "${PROFILE:-}" ]; then # a JFR recording per process, e.g. for `jfr print --events jdk.ExecutionSample`
    mkdir -p "$PROFILE"; profile=(-XX:StartFlightRecording=filename="$PROFILE/$name.jfr",settings=profile)
  fi
  java -Xmx512m "${profile[@]}" -Dquarkus.http.port="$port" \
    -Dquarkus.datasource.jdbc.url="jdbc:mysql://$DB/storeops_bench_$name?createDatabaseIfNotExist=true" \
    -Dquarkus.datasource.username=root -Dquarkus.datasource.password= \
    -Dquarkus.flyway.clean-at-start=${CLEAN:-true} -Dquarkus.flyway.clean-disabled=false \
    -Dmp.jwt.verify.issuer=https://test.storeops.local -Dmp.jwt.verify.publickey.location="file:$PWD/$KEY" \
    "$@" -jar "$module/target/quarkus-app/quarkus-run.jar" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
}
ready() { for i in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return 0; sleep 0.5; done; echo "port $1 not ready, logs in $LOGS"; exit 1; }

# The server's buffer pool decides whether the joins read their indexes from memory: MariaDB's
# default 128 MB holds a fraction of 30 x 100,000 visitors' events. BUFFER_POOL=2G sets it first.
if [ -n "${BUFFER_POOL:-}" ]; then
  mysql -h "${DB%:*}" -P "${DB#*:}" -uroot -e "SET GLOBAL innodb_buffer_pool_size = $(numfmt --from=iec "$BUFFER_POOL")"
fi
echo "innodb_buffer_pool_size: $(mysql -h "${DB%:*}" -P "${DB#*:}" -uroot -N -e 'SELECT @@innodb_buffer_pool_size' | numfmt --to=iec)"
start traffic traffic-service 18181
start order order-service 18182
start desk service-desk-service 18183
start gateway gateway 18180 -Dquarkus.rest-client.traffic.url=http://127.0.0.1:18181 \
  -Dquarkus.rest-client.order.url=http://127.0.0.1:18182 -Dquarkus.rest-client.desk.url=http://127.0.0.1:18183
for port in 18181 18182 18183 18180; do ready $port; done
echo "services up (logs in $LOGS)"
if [ "${HOLD:-false}" = true ]; then # keep the suite up for a profiler or curl until interrupted
  echo "pids: gateway ${PIDS[3]} traffic ${PIDS[0]} order ${PIDS[1]} desk ${PIDS[2]}"; wait
fi
java -Xmx512m bench/gateway/Bench.java
