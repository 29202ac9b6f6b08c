/** Alert shapes as GET /v1/alerts and GET /v1/alerts/:id return them. */
// Type-only: Vite erases it, so no server code reaches the bundle; the finding is the contract's own.
import type { Finding } from '../../../../libs/contract/src/findings';

export type { Finding };
export interface AlertRow {
  id: string;
  dataset_id: string;
  platform_id: string;
  detector: string;
  severity: string;
  summary: string;
  summary_zh: string | null;
  status: string;
  close_reason: string | null;
  assignee_id: string | null;
  due_at: string | null;
  notified_at: string | null;
  responded_at: string | null;
  created_at: string;
  updated_at: string;
  overdue?: boolean;
}

export interface AlertPage {
  total: number;
  page: number;
  per_page: number;
  items: AlertRow[];
}

export interface AlertEvent {
  id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  visibility: string;
  body: Record<string, unknown>;
}

export interface AlertDetail extends AlertRow {
  finding: Finding;
  response_note: string | null;
  history: AlertEvent[];
}
