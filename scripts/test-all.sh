#!/usr/bin/env bash
# The whole test suite: types, unit, integration on PGlite AND on PostgreSQL, then the
# browser journeys in Chromium. Prints one closing line "N passed, N failed".
# PostgreSQL: HAVEN_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres);
# each integration test file creates and drops its own database there.
set -uo pipefail
cd "$(dirname "$0")/.."
export HAVEN_TEST_PG_URL="${HAVEN_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
results=$(mktemp -d)
status=0

step() { echo; echo "── $1"; }

step "type check"
npx tsc --noEmit -p tsconfig.json || status=1

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$results/unit.json" || status=1

step "integration tests on PGlite (embedded)"
HAVEN_TEST_DB=pglite npx vitest run --project integration --reporter=default --reporter=json --outputFile="$results/pglite.json" || status=1

step "integration tests on PostgreSQL ($HAVEN_TEST_PG_URL)"
if node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.env.HAVEN_TEST_PG_URL});c.connect().then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})"; then
  HAVEN_TEST_DB=postgres npx vitest run --project integration --reporter=default --reporter=json --outputFile="$results/postgres.json" || status=1
else
  echo "PostgreSQL is not reachable at HAVEN_TEST_PG_URL: the suite needs it"; status=1
fi

step "end-to-end journeys in Chromium"
if [ -x "${HAVEN_CHROMIUM:-/usr/bin/chromium}" ]; then
  npx vite build --config web/vite.config.ts --logLevel warn || status=1
  npx vitest run --project e2e --reporter=default --reporter=json --outputFile="$results/e2e.json" || status=1
else
  echo "Chromium not found at ${HAVEN_CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium)"; status=1
fi

node -e '
const fs = require("fs"), path = require("path");
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(process.argv[1])) {
  const r = JSON.parse(fs.readFileSync(path.join(process.argv[1], f), "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + (r.numFailedTestSuites || 0); skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
rm -rf "$results"
exit $status
