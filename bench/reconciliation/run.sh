#!/usr/bin/env bash
# Reconciliation benchmark (not part of ./mvnw verify): reconciles a GBK export of ROWS orders
# against as many orders in MariaDB and prints rows/s beside baselines measured in the same run.
# Usage: bench/reconciliation/run.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-100000}"
RUNS="${2:-3}"
export TEST_DB_URL="${BENCH_DB_URL:-jdbc:mysql://127.0.0.1:3306/storeops_order_bench_recon?createDatabaseIfNotExist=true&rewriteBatchedStatements=true}"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if ! ./mvnw -B test -pl order-service -Dtest=ReconciliationBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.rows="$ROWS" -Dbench.runs="$RUNS" >"$LOG" 2>&1; then
  tail -40 "$LOG" >&2
  exit 1
fi
grep -A3 '^reconciliation of' "$LOG"
