import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { AuditLogService } from '@fairmarket/audit';
import type { Principal } from '@fairmarket/identity';
import { caseClock, caseDueDates, checkCaseTransition, checkParticipants, type CaseDeadlines, type CaseStatus } from './case-lifecycle';
import { parseDayList } from './working-days';

const notFound = (id: string) => new NotFoundException({ code: 'case_not_found', message: `No case ${id}.`, message_zh: `案件 ${id} 不存在。` });

/**
 * Cases as regulators work them. Every change adds a timeline event and an audit entry in
 * the same transaction; row policies keep cases to regulators.
 */
@Injectable()
export class CaseService {
  private readonly deadlines: CaseDeadlines;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) config: Environment,
  ) {
    this.deadlines = {
      leadWorkingDays: config.CASE_LEAD_WORKING_DAYS,
      decisionDays: config.CASE_DECISION_DAYS,
      calendar: { offsetMinutes: config.CASE_TZ_OFFSET_MINUTES, holidays: parseDayList(config.CASE_HOLIDAYS), makeUpDays: parseDayList(config.CASE_MAKEUP_WORKDAYS) },
    };
  }

  async open(input: { title: string; alert_ids?: string[]; complaint_ids?: string[]; handler_id: string; approver_id: string }, actor: Principal) {
    const problem = checkParticipants(input);
    if (problem) throw new UnprocessableEntityException(problem);
    const alertIds = input.alert_ids ?? [];
    const complaintIds = input.complaint_ids ?? [];
    if (alertIds.length + complaintIds.length === 0) {
      throw new UnprocessableEntityException({ code: 'nothing_to_open_from', message: 'Open a case from at least one alert or complaint.', message_zh: '立案须基于至少一条告警或投诉。' });
    }
    return this.dataSource.transaction(async (em) => {
      await this.requireRegulators(em, [input.handler_id, input.approver_id]);
      const platform = await this.subjectsPlatform(em, alertIds, complaintIds);
      const opened = new Date();
      const due = caseDueDates(opened, this.deadlines);
      const [row] = await em.query(
        `INSERT INTO cases (title, platform_id, handler_id, approver_id, opened_at, lead_due_at, decision_due_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, ref`,
        [input.title, platform, input.handler_id, input.approver_id, opened, due.lead_due_at, due.decision_due_at, actor.userId],
      );
      await this.event(em, row.id, actor, 'opened', { title: input.title, handler_id: input.handler_id, approver_id: input.approver_id, ...due });
      if (alertIds.length) await this.link(em, row.id, alertIds, actor);
      for (const complaintId of complaintIds) await em.query(`INSERT INTO case_links (case_id, kind, subject_id, added_by) VALUES ($1, 'complaint', $2, $3)`, [row.id, complaintId, actor.userId]);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'case.open', subjectType: 'case', subjectId: row.id, detail: { ref: row.ref, alert_ids: alertIds, complaint_ids: complaintIds } }, em);
      return this.load(em, row.id);
    });
  }

  mergeAlerts(id: string, alertIds: string[], actor: Principal) {
    return this.change(id, actor, 'alerts_merged', async (em, current) => {
      const platform = await this.alertsPlatform(em, alertIds);
      if (platform !== current.platform_id) {
        throw new UnprocessableEntityException({ code: 'other_platform', message: `These alerts concern ${platform}, the case concerns ${current.platform_id}; open a separate case.`, message_zh: '告警所涉平台与案件不一致，请另立案件。' });
      }
      await this.link(em, id, alertIds, actor);
      return { alert_ids: alertIds };
    });
  }

  transition(id: string, to: CaseStatus, decision: string | undefined, actor: Principal) {
    return this.change(id, actor, 'status', async (em, current) => {
      const problem = checkCaseTransition(current.status, to, actor.userId, { handler_id: current.handler_id, approver_id: current.approver_id }, decision);
      if (problem) throw new ConflictException(problem);
      await em.query(
        `UPDATE cases SET status = $2, decision = coalesce($3, decision), decided_at = CASE WHEN $2 = 'decided' THEN now() ELSE decided_at END,
           closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END, updated_at = now() WHERE id = $1`,
        [id, to, decision ?? null],
      );
      return { from: current.status, to, decision: decision ?? null };
    });
  }

  note(id: string, text: string, actor: Principal) {
    return this.change(id, actor, 'note', async () => ({ text }));
  }

  addParty(id: string, party: { role: string; name: string; organisation_id?: string; detail?: string }, actor: Principal) {
    return this.change(id, actor, 'party_added', async (em) => {
      const [row] = await em.query(`INSERT INTO case_parties (case_id, role, name, organisation_id, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [id, party.role, party.name, party.organisation_id ?? null, party.detail ?? null]);
      return { party_id: row.id, ...party };
    });
  }

  addTask(id: string, task: { title: string; assignee_id?: string; due_at?: string }, actor: Principal) {
    return this.change(id, actor, 'task_added', async (em) => {
      if (task.assignee_id) await this.requireRegulators(em, [task.assignee_id]);
      const [row] = await em.query(`INSERT INTO case_tasks (case_id, title, assignee_id, due_at) VALUES ($1, $2, $3, $4) RETURNING id`, [id, task.title, task.assignee_id ?? null, task.due_at ?? null]);
      return { task_id: row.id, ...task };
    });
  }

  completeTask(id: string, taskId: string, actor: Principal) {
    return this.change(id, actor, 'task_done', async (em) => {
      const [rows] = await em.query(`UPDATE case_tasks SET done_at = now() WHERE id = $1 AND case_id = $2 AND done_at IS NULL RETURNING id`, [taskId, id]);
      if (rows.length === 0) throw new NotFoundException({ code: 'task_not_found', message: `Case ${id} has no open task ${taskId}.`, message_zh: '该案件没有此待办任务。' });
      return { task_id: taskId };
    });
  }

  async list(filters: { status?: CaseStatus[]; overdue?: boolean; page?: number; per_page?: number }) {
    const perPage = filters.per_page ?? 50;
    const page = filters.page ?? 1;
    const rows = await this.dataSource.query(
      `SELECT id, ref, title, platform_id, status, handler_id, approver_id, opened_at, lead_due_at, decision_due_at, decided_at, closed_at FROM cases
       WHERE ($1::text[] IS NULL OR status = ANY($1)) ORDER BY opened_at DESC, id`,
      [filters.status?.length ? filters.status : null],
    );
    const now = new Date();
    const withClocks = rows.map((r: Record<string, any>) => ({ ...r, ...caseClock(r as never, now) }));
    const filtered = filters.overdue === undefined ? withClocks : withClocks.filter((c: { lead_overdue: boolean; decision_overdue: boolean }) => (c.lead_overdue || c.decision_overdue) === filters.overdue);
    return { total: filtered.length, page, per_page: perPage, items: filtered.slice((page - 1) * perPage, page * perPage) };
  }

  async get(id: string, actor: Principal) {
    return this.dataSource.transaction(async (em) => {
      const found = await this.load(em, id);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'evidence.read', subjectType: 'case', subjectId: id }, em);
      return found;
    });
  }

  private async load(em: EntityManager, id: string) {
    const [row] = await em.query(`SELECT * FROM cases WHERE id = $1`, [id]);
    if (!row) throw notFound(id);
    const [links, parties, tasks, timeline] = await Promise.all([
      em.query(`SELECT l.kind, l.subject_id, l.added_at, a.severity, a.detector, a.status AS alert_status, a.summary, a.summary_zh FROM case_links l LEFT JOIN alerts a ON l.kind = 'alert' AND a.id = l.subject_id WHERE l.case_id = $1 ORDER BY l.added_at`, [id]),
      em.query(`SELECT id, role, name, organisation_id, detail, added_at FROM case_parties WHERE case_id = $1 ORDER BY added_at`, [id]),
      em.query(`SELECT id, title, assignee_id, due_at, done_at, created_at FROM case_tasks WHERE case_id = $1 ORDER BY created_at`, [id]),
      em.query(`SELECT id, at, actor_id, kind, body FROM case_events WHERE case_id = $1 ORDER BY id`, [id]),
    ]);
    return { ...row, ...caseClock(row, new Date()), links, parties, tasks, timeline };
  }

  private async change(id: string, actor: Principal, kind: string, apply: (em: EntityManager, current: Record<string, any>) => Promise<Record<string, unknown>>) {
    return this.dataSource.transaction(async (em) => {
      const [current] = await em.query(`SELECT * FROM cases WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw notFound(id);
      const body = await apply(em, current);
      await this.event(em, id, actor, kind, body);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: `case.${kind}`, subjectType: 'case', subjectId: id, detail: body }, em);
      return this.load(em, id);
    });
  }

  private async event(em: EntityManager, caseId: string, actor: Principal, kind: string, body: Record<string, unknown>) {
    await em.query(`INSERT INTO case_events (case_id, actor_id, kind, body) VALUES ($1, $2, $3, $4)`, [caseId, actor.userId, kind, JSON.stringify(body)]);
  }

  /** Links alerts; an alert belongs to one case at most (merging a linked alert is refused). */
  private async link(em: EntityManager, caseId: string, alertIds: string[], actor: Principal) {
    const taken = await em.query(`SELECT subject_id, case_id FROM case_links WHERE kind = 'alert' AND subject_id = ANY($1)`, [alertIds]);
    if (taken.length > 0) {
      throw new ConflictException({ code: 'alert_in_other_case', message: `Alert ${taken[0].subject_id} is already in case ${taken[0].case_id}; merge into that case instead.`, message_zh: '该告警已归入其他案件。', details: taken });
    }
    for (const alertId of alertIds) await em.query(`INSERT INTO case_links (case_id, kind, subject_id, added_by) VALUES ($1, 'alert', $2, $3)`, [caseId, alertId, actor.userId]);
    await em.query(`UPDATE alerts SET status = 'escalated', updated_at = now() WHERE id = ANY($1) AND status IN ('triaged', 'investigating')`, [alertIds]);
  }

  private alertsPlatform(em: EntityManager, alertIds: string[]): Promise<string> {
    return this.subjectsPlatform(em, alertIds, []);
  }

  /** The one platform a set of alerts and complaints concerns; they must all exist and concern the same one. */
  private async subjectsPlatform(em: EntityManager, alertIds: string[], complaintIds: string[]): Promise<string> {
    const rows = await em.query(`SELECT id, platform_id FROM alerts WHERE id = ANY($1) UNION ALL SELECT id, platform_id FROM complaints WHERE id = ANY($2)`, [alertIds, complaintIds]);
    const missing = [...alertIds, ...complaintIds].filter((id) => !rows.some((r: { id: string }) => r.id === id));
    if (missing.length > 0) throw new NotFoundException({ code: 'subject_not_found', message: `No alert or complaint ${missing.join(', ')}.`, message_zh: '告警或投诉不存在。' });
    const platforms = [...new Set(rows.map((r: { platform_id: string }) => r.platform_id))];
    if (platforms.length !== 1) {
      throw new UnprocessableEntityException({ code: 'several_platforms', message: `The alerts and complaints concern ${platforms.join(', ')}; a case concerns one platform.`, message_zh: '一个案件只能涉及一个平台。' });
    }
    return platforms[0] as string;
  }

  private async requireRegulators(em: EntityManager, ids: string[]) {
    const rows = await em.query(`SELECT id FROM users WHERE id = ANY($1) AND role = 'regulator' AND active`, [ids]);
    if (rows.length !== new Set(ids).size) {
      throw new UnprocessableEntityException({ code: 'not_a_regulator', message: 'Handlers, approvers and task assignees must be active regulators.', message_zh: '承办人、审批人和任务负责人须为在职监管人员。' });
    }
  }
}
