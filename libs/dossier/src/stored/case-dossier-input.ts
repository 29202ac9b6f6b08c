import type { Finding } from '@fairmarket/contract';
import { CITATIONS } from '@fairmarket/rules';
import type { DossierInput, DossierParty, TimelineEntry, CustodyEntry } from '../dossier-input';
import { alertTimeline, auditCustody, caseTimeline, platformAnswers, type AlertEventRow, type AlertRow, type AuditRow, type CaseEventRow } from './case-history';
import { byTime, datasetHistory, iso } from './dataset-history';
import type { SqlQuery } from './sql-query';

export interface CaseDossierRequest {
  caseId: string;
  dossierId: string;
  requestedBy?: string;
  requestedAt: Date;
}

/** What the evidence reader needs besides the input: where each allegation's lines are stored. */
export interface CaseDossier {
  input: DossierInput;
  datasetOf: (finding: Finding) => string;
}

const PARTY_ROLE: Record<string, string> = { respondent: 'respondent / 被调查平台', complainant: 'complainant / 投诉人', witness: 'witness / 证人', other: 'other / 其他' };

export class CaseNotVisibleError extends Error {}

/**
 * The dossier input of a case, read as a regulator: the case's number, title, parties and
 * dates; its timeline (case events, each alert raised and worked, the datasets' history);
 * the allegations (the findings behind its alerts, as the alerts recorded them); the
 * platform's answers; the chain of custody from the audit trail (the case, its alerts and
 * their evidence files, the datasets, the case's dossiers) plus the ingestion hashes.
 */
export async function caseDossierInput(query: SqlQuery, r: CaseDossierRequest): Promise<CaseDossier> {
  const [c] = await query('SELECT id, ref, title, platform_id, status, opened_at, decided_at, decision, closed_at, handler_id, approver_id FROM cases WHERE id = $1', [r.caseId]);
  if (!c) throw new CaseNotVisibleError(`case ${r.caseId} is not visible: it does not exist, or the worker does not run as a regulator`);
  const alerts = (await query(
    `SELECT a.id, a.dataset_id, a.rule_pack, a.finding_id, a.platform_id, a.finding, a.created_at FROM case_links l JOIN alerts a ON a.id = l.subject_id
     WHERE l.case_id = $1 AND l.kind = 'alert' ORDER BY l.added_at, a.created_at, a.id`,
    [r.caseId],
  )) as (AlertRow & { dataset_id: string; rule_pack: string; finding: Finding })[];
  const alertIds = alerts.map((a) => a.id);
  const [caseEvents, alertEvents, parties, evidence] = await Promise.all([
    query('SELECT at, actor_id, kind, body FROM case_events WHERE case_id = $1 ORDER BY id', [r.caseId]) as Promise<CaseEventRow[]>,
    query('SELECT alert_id, at, actor_id, kind, body FROM alert_events WHERE alert_id = ANY($1::uuid[]) ORDER BY id', [alertIds]) as Promise<AlertEventRow[]>,
    query('SELECT role, name, organisation_id FROM case_parties WHERE case_id = $1 ORDER BY added_at', [r.caseId]),
    query('SELECT id FROM alert_evidence WHERE alert_id = ANY($1::uuid[])', [alertIds]),
  ]);
  const datasetIds = [...new Set(alerts.map((a) => a.dataset_id))];
  const audit = (await query(
    `SELECT seq, at, actor_id, actor_role, action, subject_type, subject_id, detail, hash FROM audit_log
     WHERE (subject_type = 'case' AND subject_id = $1) OR (subject_type = 'alert' AND subject_id = ANY($2::text[]))
        OR (subject_type = 'alert_evidence' AND subject_id = ANY($3::text[])) OR (subject_type IN ('dataset', 'dataset_findings') AND subject_id = ANY($4::text[]))
        OR (subject_type = 'dossier' AND detail->>'case_id' = $1)
     ORDER BY seq`,
    [r.caseId, alertIds, evidence.map((e) => e.id), datasetIds],
  )) as AuditRow[];
  const people = new Set<string>([c.handler_id, c.approver_id, ...[...caseEvents, ...alertEvents, ...audit].map((e) => e.actor_id).filter((id): id is string => !!id)]);
  const users = await query('SELECT u.id, u.display_name, o.name AS org FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.id = ANY($1::uuid[])', [[...people]]);
  const names = new Map(users.map((u) => [String(u.id), `${u.display_name} · ${u.org}`]));
  const [respondentOrg] = await query(`SELECT name FROM organisations WHERE kind = 'platform' AND platform_id = $1`, [c.platform_id]);

  const timeline: TimelineEntry[] = [...caseTimeline(caseEvents, names), ...alertTimeline(alerts, alertEvents, names)];
  const custody: CustodyEntry[] = auditCustody(audit, names);
  const runs: string[] = [];
  for (const datasetId of datasetIds) {
    const history = await datasetHistory(query, datasetId);
    if (!history) {
      custody.push({ at: r.requestedAt.toISOString(), actor: 'worker', action: 'dataset not visible', detail: `dataset ${datasetId}: its stored lines are listed as missing` });
      continue;
    }
    timeline.push(...history.timeline);
    custody.push(...history.custody);
    runs.push(...history.runs);
  }
  timeline.push({ at: r.requestedAt.toISOString(), event: `dossier ${r.dossierId} requested`, event_zh: `卷宗 ${r.dossierId} 申请生成` });

  const listed: DossierParty[] = parties.map((p) => ({ role: PARTY_ROLE[p.role] ?? p.role, name: p.name, ...(p.organisation_id ? { id: p.organisation_id } : {}) }));
  const respondent = listed.some((p) => p.role.startsWith('respondent')) ? [] : [{ role: PARTY_ROLE.respondent!, name: respondentOrg?.name ?? c.platform_id, id: c.platform_id }];
  const staff: DossierParty[] = [
    { role: 'handler / 承办人', name: names.get(c.handler_id) ?? c.handler_id, id: c.handler_id },
    { role: 'approver / 审批人', name: names.get(c.approver_id) ?? c.approver_id, id: c.approver_id },
  ];
  const allegations = alerts.map((a) => a.finding);
  const datasetByFinding = new Map(alerts.map((a) => [a.finding, a.dataset_id]));
  const rulePacks = [...new Set(alerts.map((a) => a.rule_pack))].sort();
  const authority = String(names.get(c.handler_id) ?? '').split(' · ')[1];
  return {
    input: {
      case: {
        number: c.ref,
        title: c.title,
        parties: [...respondent, ...listed, ...staff],
        opened_at: iso(c.opened_at),
        closed_at: c.closed_at ? iso(c.closed_at) : null,
        ...(authority ? { authority } : {}),
        rule_pack: rulePacks.join(', ') || 'none',
      },
      timeline: byTime(timeline),
      allegations,
      answers: platformAnswers(alerts, alertEvents, names),
      custody: byTime(custody),
      citations: CITATIONS,
      parameters: {
        subject: 'case',
        case_id: r.caseId,
        case_number: c.ref,
        case_status: c.status,
        decision: c.decision ?? null,
        dossier_id: r.dossierId,
        alert_ids: alertIds,
        finding_ids: allegations.map((f) => f.id),
        datasets: datasetIds,
        rule_packs: rulePacks,
        detection_runs: runs,
        audit_entries: audit.map((a) => Number(a.seq)),
      },
    },
    datasetOf: (finding) => {
      const id = datasetByFinding.get(finding);
      if (!id) throw new Error(`finding ${finding.id} is not one of case ${c.ref}'s allegations`);
      return id;
    },
  };
}
