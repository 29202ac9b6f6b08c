#!/usr/bin/env bash
# The whole test suite: type check, build, unit tests, then end-to-end tests against the real
# PostgreSQL, Redis, BullMQ and HTTP stack. Prints one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/services.sh
npx tsc -p tsconfig.json --noEmit
npm run -s build
mkdir -p var/test-results
status=0
npx jest --selectProjects unit --json --outputFile=var/test-results/unit.json || status=$?
npx jest --selectProjects e2e --runInBand --json --outputFile=var/test-results/e2e.json || status=$?
node -e '
  const r = ["unit", "e2e"].map((p) => { try { return require("./var/test-results/" + p + ".json"); } catch { return { numPassedTests: 0, numFailedTests: 1 }; } });
  const passed = r.reduce((s, x) => s + x.numPassedTests, 0), failed = r.reduce((s, x) => s + x.numFailedTests + (x.numRuntimeErrorTestSuites || 0), 0);
  console.log(`${passed} passed, ${failed} failed`);
'
exit $status
