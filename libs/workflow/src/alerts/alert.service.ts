import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '@fairmarket/audit';
import type { Principal } from '@fairmarket/identity';
import { alertClock } from './alert-deadlines';
import { checkTransition, type AlertStatus, type CloseReason } from './alert-lifecycle';

export interface AlertFilters {
  status?: AlertStatus[];
  severity?: string[];
  platform_id?: string;
  detector?: string;
  assignee_id?: string;
  overdue?: boolean;
  sort?: 'created_at' | 'due_at' | 'severity' | 'updated_at';
  order?: 'asc' | 'desc';
  page?: number;
  per_page?: number;
}

const SORT_SQL: Record<NonNullable<AlertFilters['sort']>, string> = {
  created_at: 'created_at',
  due_at: 'due_at',
  updated_at: 'updated_at',
  severity: `array_position(ARRAY['low','medium','high'], severity)`,
};
const LIST_COLUMNS = 'id, dataset_id, rule_pack, finding_id, platform_id, detector, severity, summary, summary_zh, status, close_reason, assignee_id, finding_present, runs_seen, due_at, notified_at, responded_at, created_at, updated_at';

const notFound = (id: string) => new NotFoundException({ code: 'alert_not_found', message: `No alert ${id} that you may see.`, message_zh: `告警 ${id} 不存在或无权查看。` });

/**
 * Alerts as people work them. Row-level security already limits what each caller sees (a
 * platform: its own alerts once notified), so "not found" and "not yours" look the same.
 * Every change writes a history entry and an audit entry in the same transaction.
 */
@Injectable()
export class AlertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async list(filters: AlertFilters) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.status?.length) add('status = ANY(?)', filters.status);
    if (filters.severity?.length) add('severity = ANY(?)', filters.severity);
    if (filters.platform_id) add('platform_id = ?', filters.platform_id);
    if (filters.detector) add('detector = ?', filters.detector);
    if (filters.assignee_id) add('assignee_id = ?', filters.assignee_id);
    if (filters.overdue !== undefined) where.push(filters.overdue ? `status <> 'closed' AND due_at < now()` : `NOT (status <> 'closed' AND due_at < now())`);
    const perPage = filters.per_page ?? 50;
    const page = filters.page ?? 1;
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${SORT_SQL[filters.sort ?? 'created_at']} ${filters.order === 'asc' ? 'ASC' : 'DESC'}, id`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM alerts ${clause}`, params);
    const rows = await this.dataSource.query(`SELECT ${LIST_COLUMNS} FROM alerts ${clause} ORDER BY ${order} LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`, params);
    const now = new Date();
    return { total, page, per_page: perPage, items: rows.map((r: Record<string, unknown>) => ({ ...r, ...alertClock(r as never, now) })) };
  }

  /** One alert with its finding (evidence) and history; the read is audited. */
  async get(id: string, actor: Principal) {
    return this.dataSource.transaction(async (em) => {
      const [alert] = await em.query(`SELECT *, response_note FROM alerts WHERE id = $1`, [id]);
      if (!alert) throw notFound(id);
      const history = await em.query(`SELECT id, at, actor_id, kind, visibility, body FROM alert_events WHERE alert_id = $1 ORDER BY id`, [id]);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'evidence.read', subjectType: 'alert', subjectId: id }, em);
      return { ...alert, ...alertClock(alert, new Date()), history };
    });
  }

  transition(id: string, to: AlertStatus, reason: CloseReason | undefined, actor: Principal) {
    return this.change(id, actor, async (em, alert) => {
      const problem = checkTransition(alert.status, to, reason);
      if (problem) throw new ConflictException(problem);
      await em.query(`UPDATE alerts SET status = $2, close_reason = $3, updated_at = now() WHERE id = $1`, [id, to, to === 'closed' ? reason : null]);
      return { kind: 'status', body: { from: alert.status, to, reason: reason ?? null } };
    });
  }

  assign(id: string, assigneeId: string | null, actor: Principal) {
    return this.change(id, actor, async (em) => {
      if (assigneeId) {
        const [user] = await em.query(`SELECT role FROM users WHERE id = $1 AND active`, [assigneeId]);
        if (user?.role !== 'regulator') throw new UnprocessableEntityException({ code: 'assignee_not_regulator', message: `User ${assigneeId} is not an active regulator; assign alerts to regulators only.`, message_zh: '只能将告警分配给在职的监管人员。' });
      }
      await em.query(`UPDATE alerts SET assignee_id = $2, updated_at = now() WHERE id = $1`, [id, assigneeId]);
      return { kind: 'assigned', body: { assignee_id: assigneeId } };
    });
  }

  comment(id: string, text: string, shared: boolean, actor: Principal) {
    return this.change(id, actor, async () => ({ kind: 'comment', body: { text }, visibility: shared ? 'shared' : 'internal' }));
  }

  /** Tells the platform: from now on it sees the alert and may answer. */
  notify(id: string, actor: Principal) {
    return this.change(id, actor, async (em, alert) => {
      if (alert.notified_at) throw new ConflictException({ code: 'already_notified', message: `The platform was already notified of alert ${id}.`, message_zh: '已通知该平台。' });
      await em.query(`UPDATE alerts SET notified_at = now(), updated_at = now() WHERE id = $1`, [id]);
      return { kind: 'notified', body: { platform_id: alert.platform_id }, visibility: 'shared' };
    });
  }

  /** The platform's rectification note. */
  respond(id: string, note: string, actor: Principal) {
    return this.change(id, actor, async (em) => {
      await em.query(`UPDATE alerts SET response_note = $2, responded_at = now(), updated_at = now() WHERE id = $1`, [id, note]);
      return { kind: 'response', body: { note }, visibility: 'shared' };
    });
  }

  /** Evidence files with the platform's answer; recorded in the alert's shared history. */
  addEvidence(id: string, files: { file_name: string; content_type: string; size_bytes: number; sha256: string; storage_path: string }[], actor: Principal) {
    return this.change(id, actor, async (em) => {
      const rows = [];
      for (const f of files) {
        const [row] = await em.query(
          `INSERT INTO alert_evidence (alert_id, uploaded_by, file_name, content_type, size_bytes, sha256, storage_path) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, file_name, content_type, size_bytes, sha256`,
          [id, actor.userId, f.file_name, f.content_type, f.size_bytes, f.sha256, f.storage_path],
        );
        rows.push(row);
      }
      return { kind: 'evidence', body: { files: rows }, visibility: 'shared' };
    });
  }

  async evidenceCount(id: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT (SELECT count(*) FROM alert_evidence e WHERE e.alert_id = a.id)::int AS n FROM alerts a WHERE a.id = $1`, [id]);
    if (!row) throw notFound(id);
    return row.n;
  }

  /** Where an evidence file is stored, for download; the read is audited. */
  evidenceFile(id: string, evidenceId: string, actor: Principal) {
    return this.dataSource.transaction(async (em) => {
      const [row] = await em.query(`SELECT file_name, content_type, storage_path, sha256 FROM alert_evidence WHERE id = $1 AND alert_id = $2`, [evidenceId, id]);
      if (!row) throw new NotFoundException({ code: 'evidence_not_found', message: `Alert ${id} has no evidence file ${evidenceId} that you may see.`, message_zh: '证据文件不存在或无权查看。' });
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'evidence.read', subjectType: 'alert_evidence', subjectId: evidenceId, detail: { alert_id: id, sha256: row.sha256 } }, em);
      return row as { file_name: string; content_type: string; storage_path: string };
    });
  }

  private async change(
    id: string,
    actor: Principal,
    apply: (em: EntityManager, alert: Record<string, any>) => Promise<{ kind: string; body: Record<string, unknown>; visibility?: 'internal' | 'shared' }>,
  ) {
    return this.dataSource.transaction(async (em) => {
      const [alert] = await em.query(`SELECT * FROM alerts WHERE id = $1 FOR UPDATE`, [id]);
      if (!alert) throw notFound(id);
      const event = await apply(em, alert);
      await em.query(`INSERT INTO alert_events (alert_id, actor_id, kind, visibility, body) VALUES ($1, $2, $3, $4, $5)`, [id, actor.userId, event.kind, event.visibility ?? 'internal', JSON.stringify(event.body)]);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: `alert.${event.kind}`, subjectType: 'alert', subjectId: id, detail: event.body }, em);
      const [after] = await em.query(`SELECT ${LIST_COLUMNS} FROM alerts WHERE id = $1`, [id]);
      return after;
    });
  }
}
