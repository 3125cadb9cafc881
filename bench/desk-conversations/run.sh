#!/bin/sh
# Conversation ingest and desk metrics of service-desk-service against raw JDBC, measured in one run
# against the test database (MariaDB/MySQL on 127.0.0.1:3306 or TEST_DB_URL). Not part of ./mvnw verify.
# Sizes: BENCH_CONVERSATIONS (default 400), BENCH_MESSAGES (default 10 per conversation).
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q install -DskipTests -pl common,testing
./mvnw -B verify -pl service-desk-service -Dtest=ConversationIngestBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.conversations="${BENCH_CONVERSATIONS:-400}" -Dbench.messages="${BENCH_MESSAGES:-10}" \
  | grep -E '^BENCH|Tests run:|BUILD'
