#!/usr/bin/env bash
# order-service benchmark: not part of ./mvnw verify. Needs MariaDB/MySQL on 127.0.0.1:3306 (root,
# empty password) and openssl. Builds the service, starts it on port 18082 against its own
# database (storeops_order_bench, or BENCH_DB) with a throwaway signing key, runs Bench.java, stops the
# service. BENCH_APP runs an already built quarkus-app directory instead (e.g. a copy of an older
# build, to compare in one session); BENCH_LOG keeps the service's log, which has each metric
# source's time per call (OrderMetricsService at DEBUG).
# The bench database is throwaway: Flyway repair realigns the checksums of migrations rewritten in
# place before release (V2/V3, made portable to H2; the schema is the same).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$(mktemp -d)
PORT=${BENCH_PORT:-18082}
DB_URL="jdbc:mysql://127.0.0.1:3306/${BENCH_DB:-storeops_order_bench}?createDatabaseIfNotExist=true"
APP=${BENCH_APP:-order-service/target/quarkus-app}
LOG=${BENCH_LOG:-}
ISSUER=https://bench.storeops.local

if [ -z "${BENCH_APP:-}" ]; then
  ./mvnw -B -q install -DskipTests -pl common,testing
  ./mvnw -B -q package -DskipTests -pl order-service
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"

DB_URL="$DB_URL" JWT_ISSUER=$ISSUER JWT_PUBLIC_KEY_LOCATION="file:$WORK/public.pem" \
  QUARKUS_HTTP_PORT=$PORT STOREOPS_ORDER_JOBS_EVERY=off QUARKUS_LOG_LEVEL=WARN QUARKUS_FLYWAY_REPAIR_AT_START=true \
  java -Dquarkus.log.category.\"storeops.order.service.OrderMetricsService\".level=DEBUG -jar "$APP/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
SERVICE=$!
stop() {
  kill "$SERVICE" 2>/dev/null || true
  wait "$SERVICE" 2>/dev/null || true
  if [ -n "$LOG" ]; then cp "$WORK/service.log" "$LOG"; fi
  rm -rf "$WORK"
}
trap stop EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done

DRIVER=$(ls "$APP"/lib/main/com.mysql.mysql-connector-j-*.jar)
java -Xmx1g -cp "$DRIVER" bench/order/Bench.java "http://127.0.0.1:$PORT" \
  "$DB_URL&rewriteBatchedStatements=true" "$WORK/private.pem" "$ISSUER"
