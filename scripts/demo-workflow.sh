#!/usr/bin/env bash
# The regulator workflow part of `npm run demo` (issue 5): one alert of the demo submission
# walked from triage to a case decided by a second person, then the audit chain verified.
# Needs API, DATASET and DEMO, and the users `node scripts/demo-workflow.mjs accounts` created.
# Leaves the walk's result ({"alert","case","case_ref",...}) in $DEMO/workflow.json, where
# demo-dossier.sh finds the case whose dossier it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO="${DEMO:-var/demo}"
rm -f "$DEMO/workflow.json"
DEMO="$DEMO" node scripts/demo-workflow.mjs walk > "$DEMO/workflow.json.partial"
mv "$DEMO/workflow.json.partial" "$DEMO/workflow.json"
cat "$DEMO/workflow.json"
node dist/apps/cli/src/main.js audit:verify >/dev/null
