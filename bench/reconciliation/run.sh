#!/usr/bin/env bash
# Reconciliation benchmark (not part of ./mvnw verify): reconciles a GBK export of ROWS orders
# against as many orders in MariaDB and prints rows/s beside baselines measured in the same run.
# Usage: bench/reconciliation/run.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-100000}"
RUNS="${2:-3}"
export TEST_DB_URL="${BENCH_DB_URL:-jdbc:mysql://127.0.0.1:3306/storeops_order_bench_recon?createDatabaseIfNotExist=true&rewriteBatchedStatements=true}"
./mvnw -B -q test -pl order-service -Dtest=ReconciliationBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rows="$ROWS" -Dbench.runs="$RUNS" 2>&1 | grep -A4 '^reconciliation of' || {
  echo "benchmark failed; see order-service/target/surefire-reports" >&2; exit 1; }
