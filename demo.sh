#!/usr/bin/env bash
# Builds and starts the whole suite with a week of demo data for one shop, then prints where to
# look. Needs nothing but a JDK 17: without MySQL settings every service keeps its data in an
# embedded H2 file database; with MYSQL_HOST (and MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD) set,
# the services use MySQL databases storeops_<service>_demo there. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

SHOP=${DEMO_SHOP:-demo-shop}
STATE=.storeops/demo
TOOL=(java demo/DemoTool.java)

echo "Building the suite (the first build downloads its dependencies from Maven Central)..."
./mvnw -B -q package -DskipTests

rm -rf "$STATE"
mkdir -p "$STATE/logs"
"${TOOL[@]}" keys "$STATE"

if [ -n "${MYSQL_HOST:-}" ]; then
  app=quarkus-app
  db_props() {
    echo "-Dquarkus.datasource.jdbc.url=jdbc:mysql://${MYSQL_HOST}:${MYSQL_PORT:-3306}/storeops_$1_demo?createDatabaseIfNotExist=true"
    echo "-Dquarkus.datasource.username=${MYSQL_USER:-root}"
    echo "-Dquarkus.datasource.password=${MYSQL_PASSWORD:-}"
  }
  echo "Using MySQL at ${MYSQL_HOST}:${MYSQL_PORT:-3306}"
else
  app=quarkus-app-h2
  db_props() { echo "-Dstoreops.demo=$1"; }
  export STOREOPS_DATA_DIR="$PWD/$STATE/data"
  echo "Using embedded H2 databases under $STOREOPS_DATA_DIR (set MYSQL_HOST to use MySQL)"
fi

common=(-Dmp.jwt.verify.issuer=https://demo.storeops.local -Dstoreops.audit.trust-forwarded-for=true
        "-Dmp.jwt.verify.publickey.location=file:$PWD/$STATE/public.pem")
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping the suite..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

start() { # name dir db-name [extra java options...]
  local name=$1 dir=$2 db=$3
  shift 3
  local props=()
  [ -n "$db" ] && mapfile -t props < <(db_props "$db")
  local jar="$dir/target/$app/quarkus-run.jar"
  [ -f "$jar" ] || jar="$dir/target/quarkus-app/quarkus-run.jar"
  java "${common[@]}" "${props[@]}" "$@" -jar "$jar" > "$STATE/logs/$name.log" 2>&1 &
  pids+=($!)
}

start traffic-service traffic-service traffic
start order-service order-service order
start service-desk-service service-desk-service desk
start gateway gateway "" -Dquarkus.rest-client.traffic.url=http://localhost:8081 \
  -Dquarkus.rest-client.order.url=http://localhost:8082 -Dquarkus.rest-client.desk.url=http://localhost:8083

echo "Starting the four services (logs in $STATE/logs)..."
"${TOOL[@]}" wait http://localhost:8081/q/health/ready http://localhost:8082/q/health/ready \
  http://localhost:8083/q/health/ready http://localhost:8080/q/health/ready

echo "Loading a week of demo data for shop $SHOP..."
"${TOOL[@]}" seed --key "$STATE/private.pem" --shop "$SHOP" --traffic http://localhost:8081 \
  --order http://localhost:8082 --desk http://localhost:8083

TOKEN=$("${TOOL[@]}" mint --key "$STATE/private.pem" --shops "$SHOP" --roles operator,analyst,erp,agent,tracker --hours 12)
FROM=$(TZ=Asia/Shanghai date -d '7 days ago' +%F)
TO=$(TZ=Asia/Shanghai date -d 'yesterday' +%F)
echo "$TOKEN" > "$STATE/token"

cat <<EOF

storeops is running.
  Swagger UI (all four specs): http://localhost:8080/q/swagger-ui
  Dashboard:                   http://localhost:8080/dashboard/?shop=$SHOP&from=$FROM&to=$TO&token=$TOKEN
  KPI overview:                http://localhost:8080/shops/$SHOP/kpi/overview?from=$FROM&to=$TO

A token for shop $SHOP with every role (also in $STATE/token), valid 12 hours:
  $TOKEN

Try:
  curl -H "Authorization: Bearer \$(cat $STATE/token)" "http://localhost:8080/shops/$SHOP/kpi/overview?from=$FROM&to=$TO"

Mint a token for other shops or roles with the demo key:
  java demo/DemoTool.java mint --key $STATE/private.pem --shops $SHOP,another-shop --roles analyst

Press Ctrl-C to stop.
EOF
wait
