/** Case shapes as GET /v1/cases and GET /v1/cases/:id return them. */
export interface CaseRow {
  id: string;
  ref: string;
  title: string;
  platform_id: string;
  status: string;
  handler_id: string;
  approver_id: string;
  opened_at: string;
  lead_due_at: string;
  decision_due_at: string;
  decided_at: string | null;
  closed_at: string | null;
  lead_overdue: boolean;
  decision_overdue: boolean;
}

export interface CaseDetail extends CaseRow {
  decision: string | null;
  links: { kind: 'alert' | 'complaint'; subject_id: string; added_at: string; severity: string | null; detector: string | null; alert_status: string | null; summary: string | null; summary_zh?: string | null }[];
  parties: { id: string; role: string; name: string; organisation_id: string | null; detail: string | null; added_at: string }[];
  tasks: { id: string; title: string; assignee_id: string | null; due_at: string | null; done_at: string | null; created_at: string }[];
  timeline: { id: string; at: string; actor_id: string | null; kind: string; body: Record<string, unknown> }[];
}
