#!/usr/bin/env bash
# Part of `npm run demo` (issue 6): an algorithm filing draft from the generated dataset, then the
# signed dossier of the case the workflow demo opened (its alert's finding, the platform's answer,
# the audit trail, the stored lines with their ingestion hashes), built by the worker, downloaded
# and verified offline.
# Needs API, DATASET and DEMO from demo.sh; FAIRMARKET_TOKEN (the case handler's) when the API
# requires sign-in; CASE_ID, or $DEMO/workflow.json written by demo-workflow.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${API:?}" "${DATASET:?}" "${DEMO:=var/demo}"
CLI="node dist/apps/cli/src/main.js"
auth=(); [ -n "${FAIRMARKET_TOKEN:-}" ] && auth=(-H "authorization: Bearer $FAIRMARKET_TOKEN")
json() { node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>{const b=JSON.parse(s);console.log(new Function("b","return "+process.argv[1])(b))})' "$1"; }

# The filing of the first algorithm with a filing_inconsistency finding (else the first declared).
read -r ALGO PLATFORM < <(node -e '
  const f = require(process.argv[1]).findings.find((x) => x.detector === "filing_inconsistency");
  if (f) { console.log(f.subject.algorithm_id, f.platform_id); process.exit(0); }
  const line = require("fs").readFileSync(process.argv[2], "utf8").split("\n").find(Boolean);
  const a = JSON.parse(line); console.log(a.algorithm_id, a.platform_id);' "$PWD/$DEMO/findings.json" "$DEMO/dataset/algorithms.ndjson")
$CLI filing --input "$DEMO/dataset" --algorithm "$ALGO" --platform "$PLATFORM" --out "$DEMO/filing"

if [ -z "${CASE_ID:-}" ]; then
  [ -s "$DEMO/workflow.json" ] || { echo "no case to build a dossier of: set CASE_ID, or run scripts/demo-workflow.sh first (it writes $DEMO/workflow.json)" >&2; exit 1; }
  CASE_ID=$(tail -n 1 "$DEMO/workflow.json" | json 'b.case')
fi
DOSSIER=$(curl -sf "${auth[@]}" -X POST "$API/v1/cases/$CASE_ID/dossiers" | json 'b.id') || {
  echo "the API refused the dossier of case $CASE_ID (signed in as its handler? DOSSIER_SIGNING_KEY set?): see $DEMO/api.log" >&2; exit 1; }
for _ in $(seq 1 240); do
  STATUS=$(curl -sf "${auth[@]}" "$API/v1/cases/$CASE_ID/dossiers/$DOSSIER" | json 'b.status+" "+JSON.stringify(b.progress)')
  echo "dossier $DOSSIER of case $CASE_ID: $STATUS" >&2
  case "$STATUS" in done*) break ;; failed*) echo "the dossier job failed: see $DEMO/worker.log" >&2; exit 1 ;; esac
  sleep 0.5
done
case "$STATUS" in done*) ;; *) echo "the dossier was not built within 2 minutes: see $DEMO/worker.log" >&2; exit 1 ;; esac
curl -sf "${auth[@]}" -o "$DEMO/dossier.zip" "$API/v1/cases/$CASE_ID/dossiers/$DOSSIER/download"
$CLI verify-dossier "$DEMO/dossier.zip"
echo "filing: $DEMO/filing/ (filing.json, filing.zh.md, filing.en.md, filing.pdf)   case dossier: $DEMO/dossier.zip" >&2
