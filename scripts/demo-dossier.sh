#!/usr/bin/env bash
# Part of `npm run demo` (issue 6): an algorithm filing draft from the generated dataset, then a
# signed dossier of the server's alerts built by the worker, downloaded and verified offline.
# Needs API, DATASET and DEMO from demo.sh; FAIRMARKET_TOKEN when the API requires sign-in.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${API:?}" "${DATASET:?}" "${DEMO:=var/demo}"
CLI="node dist/apps/cli/src/main.js"
auth=(); [ -n "${FAIRMARKET_TOKEN:-}" ] && auth=(-H "authorization: Bearer $FAIRMARKET_TOKEN")

# The filing of the first algorithm with a filing_inconsistency finding (else the first declared).
read -r ALGO PLATFORM < <(node -e '
  const f = require(process.argv[1]).findings.find((x) => x.detector === "filing_inconsistency");
  if (f) { console.log(f.subject.algorithm_id, f.platform_id); process.exit(0); }
  const line = require("fs").readFileSync(process.argv[2], "utf8").split("\n").find(Boolean);
  const a = JSON.parse(line); console.log(a.algorithm_id, a.platform_id);' "$PWD/$DEMO/findings.json" "$DEMO/dataset/algorithms.ndjson")
$CLI filing --input "$DEMO/dataset" --algorithm "$ALGO" --platform "$PLATFORM" --out "$DEMO/filing"

IDS=$(node -e 'const d=require(process.argv[1]);console.log(JSON.stringify(d.findings.filter((f)=>f.severity!=="info").slice(0,5).map((f)=>f.id)))' "$PWD/$DEMO/findings.json")
DOSSIER=$(curl -sf "${auth[@]}" -H 'content-type: application/json' -d "{\"finding_ids\":$IDS,\"case_number\":\"DEMO-2026-001\"}" "$API/v1/datasets/$DATASET/dossiers" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).id))') || {
  echo "the API refused the dossier request (sign-in or DOSSIER_SIGNING_KEY missing?): see $DEMO/api.log" >&2; exit 1; }
for _ in $(seq 1 240); do
  STATUS=$(curl -sf "${auth[@]}" "$API/v1/datasets/$DATASET/dossiers/$DOSSIER" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>{const b=JSON.parse(s);console.log(b.status,JSON.stringify(b.progress))})')
  echo "dossier $DOSSIER: $STATUS" >&2
  case "$STATUS" in done*) break ;; failed*) echo "the dossier job failed: see $DEMO/worker.log" >&2; exit 1 ;; esac
  sleep 0.5
done
curl -sf "${auth[@]}" -o "$DEMO/dossier.zip" "$API/v1/datasets/$DATASET/dossiers/$DOSSIER/download"
$CLI verify-dossier "$DEMO/dossier.zip"
echo "filing: $DEMO/filing/ (filing.json, filing.zh.md, filing.en.md, filing.pdf)   dossier: $DEMO/dossier.zip" >&2
