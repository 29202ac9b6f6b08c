#!/usr/bin/env bash
# The regulator workflow part of `npm run demo` (issue 5): one alert of the demo submission
# walked from triage to a case decided by a second person, then the audit chain verified.
# Needs API, DATASET and DEMO, and the users `node scripts/demo-workflow.mjs accounts` created.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO="${DEMO:-var/demo}" node scripts/demo-workflow.mjs walk
node dist/apps/cli/src/main.js audit:verify >/dev/null
