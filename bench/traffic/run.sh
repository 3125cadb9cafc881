#!/usr/bin/env bash
# Ingestion and read benchmark of traffic-service against the local MariaDB (not part of ./mvnw verify).
# Usage, from the repository root: [BUFFER_POOL=2G] bench/traffic/run.sh [--events 2000000] [--clients 4] [--batch 5000]
# Uses its own database (storeops_traffic_bench, dropped and re-created) and port 28181.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB_NAME=${BENCH_DB:-storeops_traffic_bench}
PORT=${BENCH_PORT:-28181}
MYSQL=${MYSQL:-mysql -h127.0.0.1 -uroot}

./mvnw -B -q install -DskipTests -pl common,testing
./mvnw -B -q package -DskipTests -pl traffic-service
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use: set BENCH_PORT" >&2
  exit 1
fi
# KEEP_DB=1 with --skip-ingest true measures the reads again on the data of the last run
if [ "${KEEP_DB:-0}" != 1 ]; then
  $MYSQL -e "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME"
fi

# MariaDB's default 128 MB buffer pool holds a fraction of 2,000,000 events' indexes;
# BUFFER_POOL=2G sizes it first, as a deployment would. The figures name the size used.
if [ -n "${BUFFER_POOL:-}" ]; then
  $MYSQL -e "SET GLOBAL innodb_buffer_pool_size = $(numfmt --from=iec "$BUFFER_POOL")"
fi
echo "innodb_buffer_pool_size: $($MYSQL -N -e 'SELECT @@innodb_buffer_pool_size' | numfmt --to=iec)"

DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME" \
JWT_ISSUER=https://bench.storeops.local \
JWT_PUBLIC_KEY_LOCATION="file:$PWD/testing/src/main/resources/test-keys/public.pem" \
QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
  java -Xmx1g -jar traffic-service/target/quarkus-app/quarkus-run.jar > traffic-service/target/bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  kill -0 $SERVICE 2>/dev/null || { echo "traffic-service did not start" >&2; tail -20 traffic-service/target/bench-service.log >&2; exit 1; }
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done

CONNECTOR=$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -1)
java -Xmx3g -cp "$CONNECTOR" bench/traffic/TrafficBench.java \
  --url "http://127.0.0.1:$PORT" --jdbc "jdbc:mysql://127.0.0.1:3306/$DB_NAME" "$@"
