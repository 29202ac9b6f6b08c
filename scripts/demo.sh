#!/usr/bin/env bash
# `npm run demo`: from a fresh clone, sets everything up and runs the main job on generated data:
# install, services, database, build, a generated marketplace with planted violations, ingestion
# through the API and the queue, detection on the server, and the results on screen.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

say "1/6 Installing dependencies / 安装依赖"
bash scripts/install.sh

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/fairmarket}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export QUEUE_PREFIX="${QUEUE_PREFIX:-fairmarket-demo}"
export UPLOAD_DIR="${UPLOAD_DIR:-var/demo/uploads}"
DEMO="var/demo"
mkdir -p "$DEMO"

say "2/6 PostgreSQL and Redis / 数据库与队列服务"
bash scripts/services.sh

# The pseudonymisation key is a secret kept out of the database: generated once per machine.
if [ -z "${PSEUDONYM_KEY:-}" ]; then
  [ -f "$DEMO/secrets.env" ] || echo "PSEUDONYM_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')" > "$DEMO/secrets.env"
  set -a; . "$DEMO/secrets.env"; set +a
fi
# The dossier signing key (Ed25519), generated once per machine like the pseudonym key.
if [ -z "${DOSSIER_SIGNING_KEY:-}" ]; then
  [ -f "$DEMO/dossier-key.pem" ] || node -e 'process.stdout.write(require("crypto").generateKeyPairSync("ed25519").privateKey.export({format:"pem",type:"pkcs8"}))' > "$DEMO/dossier-key.pem"
  DOSSIER_SIGNING_KEY="$(cat "$DEMO/dossier-key.pem")"; export DOSSIER_SIGNING_KEY
fi

say "3/6 Build and migrate / 编译与数据库迁移"
npm run -s build
node dist/apps/cli/src/main.js migrate

say "4/6 Generating a marketplace with planted violations / 生成含违规样本的模拟市场数据"
rm -rf "$DEMO/dataset"
node dist/apps/cli/src/main.js generate --out "$DEMO/dataset" --seed "${DEMO_SEED:-7}" --scale "${DEMO_SCALE:-0.5}"

say "5/6 Starting the API and a worker / 启动 API 与任务处理进程"
bash scripts/demo-stop.sh >/dev/null 2>&1 || true
PORT="${PORT:-$(node -e 'const s=require("net").createServer();s.listen(3000,"127.0.0.1",()=>{s.close(()=>console.log(3000))});s.on("error",()=>{const t=require("net").createServer();t.listen(0,"127.0.0.1",()=>{const p=t.address().port;t.close(()=>console.log(p))})})')}"
export PORT
nohup node dist/apps/api/src/main.js > "$DEMO/api.log" 2>&1 & echo $! > "$DEMO/api.pid"
nohup node --max-old-space-size=384 dist/apps/worker/src/main.js > "$DEMO/worker.log" 2>&1 & echo $! > "$DEMO/worker.pid"
API="http://127.0.0.1:$PORT"
for _ in $(seq 1 60); do curl -sf "$API/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$API/health" >/dev/null || { echo "the API did not start; see $DEMO/api.log" >&2; exit 1; }

# Every route needs a signed-in user now: one user per role, and the regulator's token for submit.
say "Accounts of every role / 创建各角色账户（管理员、监管、平台、消费者组织）"
eval "$(API="$API" DEMO="$DEMO" node scripts/demo-workflow.mjs accounts)"

say "6/6 Submitting the dataset: upload → queue → ingest → detect / 提交数据集：上传→队列→入库→检测"
DATASET=$(node dist/apps/cli/src/main.js submit --api "$API" --input "$DEMO/dataset" --name "demo marketplace" --out "$DEMO/findings.json")

say "How well the detectors found the planted cases / 检测器对预埋样本的识别效果"
node dist/apps/cli/src/main.js evaluate --findings "$DEMO/findings.json" --labels "$DEMO/dataset/labels.json" || true

if [ -x scripts/demo-workflow.sh ]; then
  say "Regulator workflow / 监管工作流"
  API="$API" DATASET="$DATASET" bash scripts/demo-workflow.sh
fi

say "Algorithm filing and a signed, verified dossier / 算法备案草稿与签名卷宗（含校验）"
API="$API" DATASET="$DATASET" DEMO="$DEMO" bash scripts/demo-dossier.sh

cat >&2 <<TXT

Where to look next / 下一步:
  Regulator console / 监管控制台: $API/console/   (sign in with a user below / 用下列账户登录)
  API and its OpenAPI docs:  $API/docs
  The dataset:               $API/v1/datasets/$DATASET   (report: .../report, findings: .../findings)
  Findings document:         $DEMO/findings.json
  Generated input + labels:  $DEMO/dataset/
  Offline self-audit:        npm run -s fairmarket -- detect --input $DEMO/dataset --out /tmp/findings.json
  Logs:                      $DEMO/api.log, $DEMO/worker.log
  Stop the demo servers:     bash scripts/demo-stop.sh

TXT
API="$API" DEMO="$DEMO" node scripts/demo-workflow.mjs credentials >&2
