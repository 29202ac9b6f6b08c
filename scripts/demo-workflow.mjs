// The regulator workflow part of `npm run demo` (issue 5). Two modes:
//   node scripts/demo-workflow.mjs accounts   → creates one user per role (idempotent), prints
//                                                shell exports: FAIRMARKET_TOKEN (a regulator's) etc.
//   node scripts/demo-workflow.mjs walk       → walks one alert from triage to a decided case.
//   node scripts/demo-workflow.mjs credentials → prints the console's address and every demo
//                                                user's e-mail and password (English and Chinese).
// Reads API, DEMO (var/demo) and, for `walk`, DATASET from the environment.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const API = process.env.API;
const DEMO = process.env.DEMO ?? 'var/demo';
const SECRETS = `${DEMO}/accounts.json`;
const log = (en, zh) => process.stderr.write(`  ${en} / ${zh}\n`);

async function call(method, path, token, body) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(`${method} ${path} answered ${res.status}: ${json?.error?.message ?? ''}`), { status: res.status, body: json });
  return json;
}

const login = async (email, password) => (await call('POST', '/v1/auth/login', null, { email, password })).access_token;

// Every demo user, the admin first. `accounts` creates them; `credentials` prints them.
const DEMO_USERS = [
  { key: 'admin', email: 'admin@demo.fairmarket.test', role: 'admin', name: 'Administrator 管理员', use: ['users and organisations, through the API', '用户与机构管理（通过 API）'] },
  { key: 'regulator', email: 'handler@demo.fairmarket.test', role: 'regulator', name: 'Case handler 承办人', use: ['alert queue, triage, cases, dossiers, complaints inbox', '告警队列、分诊、案件、卷宗、投诉受理'] },
  { key: 'approver', email: 'approver@demo.fairmarket.test', role: 'regulator', name: 'Approver 审批人', use: ['decides the cases the handler puts forward', '审批承办人提交的案件决定'] },
  { key: 'platform', email: 'compliance@p1.demo.fairmarket.test', role: 'platform_compliance', name: 'p1 compliance officer 合规专员', use: ['self-audit uploads, answers to notified alerts', '自查数据上传、答复已通知的告警'] },
  { key: 'consumer', email: 'desk@consumers.demo.fairmarket.test', role: 'consumer_group', name: 'Complaints desk 投诉受理', use: ['submits complaints and follows their status', '提交投诉并跟踪处理状态'] },
];

async function accounts() {
  const saved = existsSync(SECRETS) ? JSON.parse(readFileSync(SECRETS, 'utf8')) : { password: randomBytes(12).toString('base64url'), users: {} };
  writeFileSync(SECRETS, JSON.stringify(saved, null, 2), { mode: 0o600 });
  const admin = DEMO_USERS[0].email;
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'accounts:create-admin', '--email', admin, '--password', saved.password], { stdio: ['ignore', 'ignore', 'inherit'] });
  const adminToken = await login(admin, saved.password);
  const orgs = await call('GET', '/v1/admin/organisations', adminToken);
  const org = async (name, kind, platform_id) =>
    (orgs.find((o) => o.kind === kind && (o.platform_id ?? null) === (platform_id ?? null) && o.name === name) ?? (await call('POST', '/v1/admin/organisations', adminToken, { name, kind, ...(platform_id ? { platform_id } : {}) }))).id;
  const regulator = await org('State Administration for Market Regulation (demo) / 市场监管总局（演示）', 'regulator');
  const platform = await org('Platform p1 compliance (demo) / 平台 p1 合规部', 'platform', 'p1');
  const consumers = await org("Consumers' Association (demo) / 消费者协会（演示）", 'consumer_group');
  const users = await call('GET', '/v1/admin/users', adminToken);
  const tokens = { admin: adminToken };
  const orgOf = { regulator, platform, consumer_group: consumers };
  for (const { key, email, role, name } of DEMO_USERS.filter((u) => u.role !== 'admin')) {
    const orgId = orgOf[role === 'platform_compliance' ? 'platform' : role];
    const existing = users.find((u) => u.email === email);
    saved.users[key] = existing?.id ?? (await call('POST', '/v1/admin/users', adminToken, { org_id: orgId, email, display_name: name, password: saved.password, role })).id;
    tokens[key] = await login(email, saved.password);
  }
  writeFileSync(SECRETS, JSON.stringify(saved, null, 2), { mode: 0o600 });
  writeFileSync(`${DEMO}/tokens.json`, JSON.stringify(tokens), { mode: 0o600 });
  log(`users of every role created; passwords in ${SECRETS}`, `已创建各角色用户，密码见 ${SECRETS}`);
  process.stdout.write(`export FAIRMARKET_TOKEN='${tokens.regulator}'\n`);
}

async function walk() {
  const DATASET = process.env.DATASET;
  const tokens = JSON.parse(readFileSync(`${DEMO}/tokens.json`, 'utf8'));
  const ids = JSON.parse(readFileSync(SECRETS, 'utf8')).users;
  let alerts = { total: 0, items: [] };
  for (let i = 0; i < 120 && alerts.total === 0; i++) {
    alerts = await call('GET', `/v1/alerts?platform_id=p1&status=new&sort=severity&order=desc&per_page=5`, tokens.regulator);
    if (alerts.total === 0) await new Promise((r) => setTimeout(r, 500));
  }
  if (alerts.total === 0) throw new Error(`no new alert for platform p1 from dataset ${DATASET}; see ${DEMO}/worker.log`);
  const all = await call('GET', '/v1/alerts?per_page=1', tokens.regulator);
  log(`${all.total} alerts from the submission; walking the most severe of platform p1`, `报送数据共生成 ${all.total} 条告警；处理平台 p1 最严重的一条`);
  const alert = alerts.items[0];
  log(`alert ${alert.id} [${alert.severity}] ${alert.detector}: ${alert.summary_zh ?? alert.summary}`.slice(0, 200), '告警');
  await call('POST', `/v1/alerts/${alert.id}/transition`, tokens.regulator, { to: 'triaged' });
  await call('POST', `/v1/alerts/${alert.id}/assign`, tokens.regulator, { assignee_id: ids.regulator });
  await call('POST', `/v1/alerts/${alert.id}/comments`, tokens.regulator, { text: 'Pattern is consistent across the sample; requesting the platform’s explanation.' });
  await call('POST', `/v1/alerts/${alert.id}/transition`, tokens.regulator, { to: 'investigating' });
  log('triaged, assigned, commented, investigating', '已分诊、分派、批注、调查中');
  await call('POST', `/v1/alerts/${alert.id}/notify`, tokens.regulator);
  const seen = await call('GET', '/v1/alerts', tokens.platform);
  await call('POST', `/v1/alerts/${alert.id}/response`, tokens.platform, { note: 'We have paused the rule concerned and will report the rectification within 10 days. 已暂停相关规则，10日内报告整改。' });
  log(`platform p1 notified; it sees ${seen.total} alert(s) and answered`, `已通知平台 p1；平台可见 ${seen.total} 条告警并已答复`);
  const opened = await call('POST', '/v1/cases', tokens.regulator, { title: `Case from alert ${alert.finding_id} / 由告警立案`, alert_ids: [alert.id], handler_id: ids.regulator, approver_id: ids.approver });
  log(`case ${opened.ref} opened: verify the lead by ${opened.lead_due_at}, decide by ${opened.decision_due_at}`, `已立案 ${opened.ref}：线索核查期限 ${opened.lead_due_at}，决定期限 ${opened.decision_due_at}`);
  await call('POST', `/v1/cases/${opened.id}/parties`, tokens.regulator, { role: 'respondent', name: 'Platform p1 / 平台 p1' });
  await call('POST', `/v1/cases/${opened.id}/transition`, tokens.regulator, { to: 'investigating' });
  await call('POST', `/v1/cases/${opened.id}/transition`, tokens.regulator, { to: 'decision_pending' });
  try {
    await call('POST', `/v1/cases/${opened.id}/transition`, tokens.regulator, { to: 'decided', decision: 'self-approval' });
  } catch (error) {
    log(`the handler may not approve its own decision (${error.body?.error?.code})`, '承办人不得自行审批');
  }
  const decided = await call('POST', `/v1/cases/${opened.id}/transition`, tokens.approver, { to: 'decided', decision: 'Order to rectify within 30 days; warning. 责令30日内整改，予以警告。' });
  log(`case ${decided.ref} decided by the approver`, `案件 ${decided.ref} 已由审批人作出决定`);
  const verdict = await call('GET', '/v1/audit/verify', tokens.regulator);
  log(`audit trail: ${verdict.entries} entries, chain ${verdict.ok ? 'intact' : `broken at ${verdict.first_broken?.seq}`}`, `审计日志 ${verdict.entries} 条，哈希链${verdict.ok ? '完整' : '断裂'}`);
  process.stdout.write(`${JSON.stringify({ alert: alert.id, case: decided.id, case_ref: decided.ref, audit_entries: verdict.entries, audit_ok: verdict.ok })}\n`);
}

/** What a person needs to try the console: where it is and how each role signs in. */
async function credentials() {
  if (!existsSync(SECRETS)) throw new Error(`${SECRETS} is missing: run \`node scripts/demo-workflow.mjs accounts\` (npm run demo does) first`);
  const { password } = JSON.parse(readFileSync(SECRETS, 'utf8'));
  const lines = [
    `Regulator console / 监管控制台:  ${API}/console/`,
    `Demo users (password for all of them: ${password}) / 演示账户（统一密码：${password}）:`,
  ];
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(width)}  ${u.role.padEnd(19)}  ${u.name}: ${u.use[0]} / ${u.use[1]}`);
  lines.push(`The password is kept in ${SECRETS} / 密码保存在 ${SECRETS}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const mode = process.argv[2];
const modes = { accounts, walk, credentials };
(modes[mode] ? modes[mode]() : Promise.reject(new Error('usage: demo-workflow.mjs accounts|walk|credentials'))).catch((error) => {
  process.stderr.write(`demo workflow failed: ${error.message}\n`);
  process.exit(1);
});
