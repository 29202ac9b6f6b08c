import type { CustodyEntry, PlatformAnswer, TimelineEntry } from '../dossier-input';
import { iso } from './dataset-history';

/** Display names of the people in a case's history, by user id. */
export type PeopleNames = ReadonlyMap<string, string>;

export interface CaseEventRow {
  at: Date | string;
  actor_id: string | null;
  kind: string;
  body: Record<string, any>;
}

export interface AlertEventRow extends CaseEventRow {
  alert_id: string;
}

export interface AlertRow {
  id: string;
  finding_id: string;
  platform_id: string;
}

export interface AuditRow {
  seq: number | string;
  at: Date | string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

const CASE_EVENT: Record<string, [string, string]> = {
  opened: ['case opened', '立案'],
  alerts_merged: ['alerts merged into the case', '并入告警'],
  status: ['status changed', '状态变更'],
  note: ['note', '备注'],
  party_added: ['party added', '增加当事人'],
  task_added: ['task added', '新增任务'],
  task_done: ['task done', '任务完成'],
};

const ALERT_EVENT: Record<string, [string, string]> = {
  created: ['alert raised by detection', '检测生成告警'],
  metrics_updated: ['finding seen again by a later detection run', '后续检测再次发现'],
  finding_gone: ['finding no longer seen by a later detection run', '后续检测未再发现'],
  status: ['alert status changed', '告警状态变更'],
  assigned: ['alert assigned', '告警分派'],
  comment: ['comment on the alert', '告警批注'],
  notified: ['platform notified of the alert', '已通知平台'],
  response: ['platform answered', '平台答复'],
  evidence: ['platform sent evidence files', '平台提交证据材料'],
};

const who = (names: PeopleNames, id: string | null) => (id ? (names.get(id) ?? id) : 'system / 系统');

/** A short, readable account of an event body for a timeline line (long texts cut). */
function gist(kind: string, body: Record<string, any>): string {
  if (kind === 'status') return `${body.from ?? '?'} → ${body.to ?? '?'}${body.reason ? ` (${body.reason})` : ''}${body.decision ? `: ${cut(String(body.decision), 200)}` : ''}`;
  if (kind === 'opened') return cut(String(body.title ?? ''), 200);
  if (kind === 'alerts_merged') return (body.alert_ids ?? []).join(', ');
  if (kind === 'note' || kind === 'comment') return cut(String(body.text ?? ''), 200);
  if (kind === 'party_added') return `${body.role ?? ''}: ${body.name ?? ''}`;
  if (kind === 'task_added') return cut(String(body.title ?? ''), 200);
  if (kind === 'response') return cut(String(body.note ?? ''), 200);
  if (kind === 'created' || kind === 'metrics_updated' || kind === 'finding_gone') return [body.severity, body.run_id && `run ${body.run_id}`].filter(Boolean).join(', ');
  if (kind === 'evidence') return (body.files ?? []).map((f: { file_name: string }) => f.file_name).join(', ');
  return '';
}

export function caseTimeline(events: CaseEventRow[], names: PeopleNames): TimelineEntry[] {
  return events.map((e) => {
    const [en, zh] = CASE_EVENT[e.kind] ?? [e.kind, e.kind];
    const what = gist(e.kind, e.body);
    return { at: iso(e.at), event: `${en}${what ? `: ${what}` : ''} — ${who(names, e.actor_id)}`, event_zh: `${zh}${what ? `：${what}` : ''}` };
  });
}

/** Everything that happened to the case's alerts, from detection on (internal comments included: the dossier is the authority's). */
export function alertTimeline(alerts: AlertRow[], events: AlertEventRow[], names: PeopleNames): TimelineEntry[] {
  const findingOf = new Map(alerts.map((a) => [a.id, a.finding_id]));
  return events.map((e) => {
    const [en, zh] = ALERT_EVENT[e.kind] ?? [e.kind, e.kind];
    const what = gist(e.kind, e.body);
    const about = `alert ${e.alert_id}, finding ${findingOf.get(e.alert_id) ?? '?'}`;
    const aboutZh = `告警 ${e.alert_id}，检测结果 ${findingOf.get(e.alert_id) ?? '?'}`;
    return { at: iso(e.at), event: `${en} (${about})${what ? `: ${what}` : ''} — ${who(names, e.actor_id)}`, event_zh: `${zh}（${aboutZh}）${what ? `：${what}` : ''}` };
  });
}

/** The platform's answers to the case's alerts: each response note and each set of evidence files, as sent. */
export function platformAnswers(alerts: AlertRow[], events: AlertEventRow[], names: PeopleNames): PlatformAnswer[] {
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const answers: PlatformAnswer[] = [];
  for (const e of events) {
    const alert = byId.get(e.alert_id);
    if (!alert || (e.kind !== 'response' && e.kind !== 'evidence')) continue;
    const from = `${alert.platform_id} · ${who(names, e.actor_id)}`;
    if (e.kind === 'response') answers.push({ at: iso(e.at), from, text: String(e.body.note ?? ''), finding_id: alert.finding_id });
    else
      answers.push({
        at: iso(e.at),
        from,
        text: '提交证据材料 / evidence files submitted',
        finding_id: alert.finding_id,
        files: (e.body.files ?? []).map((f: { file_name: string; sha256: string; size_bytes: number }) => ({ name: f.file_name, sha256: f.sha256, bytes: Number(f.size_bytes) })),
      });
  }
  return answers;
}

/** Audit-trail entries as custody steps, each with its chain hash so a reader can match it to `fairmarket audit:verify`. */
export function auditCustody(rows: AuditRow[], names: PeopleNames): CustodyEntry[] {
  return rows.map((r) => {
    const detail = r.detail && Object.keys(r.detail).length > 0 ? ` ${cut(JSON.stringify(r.detail), 240)}` : '';
    return {
      at: iso(r.at),
      actor: `${who(names, r.actor_id)}${r.actor_role ? ` (${r.actor_role})` : ''}`,
      action: r.action,
      detail: `audit #${r.seq}: ${r.subject_type} ${r.subject_id ?? ''}${detail}`,
      sha256: r.hash,
    };
  });
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
