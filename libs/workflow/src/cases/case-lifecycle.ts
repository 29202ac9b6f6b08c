import { addCalendarDays, addWorkingDays, type WorkingCalendar } from './working-days';

export const CASE_STATUSES = ['lead', 'investigating', 'decision_pending', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who moves a case where: the handler works it, the approver (another person) decides. */
const NEXT: Record<CaseStatus, { to: CaseStatus; by: 'handler' | 'approver' }[]> = {
  lead: [{ to: 'investigating', by: 'handler' }, { to: 'closed', by: 'handler' }],
  investigating: [{ to: 'decision_pending', by: 'handler' }, { to: 'closed', by: 'approver' }],
  decision_pending: [{ to: 'decided', by: 'approver' }, { to: 'investigating', by: 'approver' }],
  decided: [{ to: 'closed', by: 'handler' }],
  closed: [],
};

export interface CaseParticipants {
  handler_id: string;
  approver_id: string;
}

export interface CaseProblem {
  code: string;
  message: string;
  message_zh: string;
}

export function checkCaseTransition(from: CaseStatus, to: CaseStatus, actorId: string, people: CaseParticipants, decision?: string): CaseProblem | null {
  const step = NEXT[from].find((s) => s.to === to);
  if (!step) {
    const allowed = NEXT[from].map((s) => s.to);
    return { code: 'invalid_transition', message: `A case cannot go from ${from} to ${to}${allowed.length ? `; it can go to ${allowed.join(', ')}` : ''}.`, message_zh: `案件不能从 ${from} 变为 ${to}。` };
  }
  const who = step.by === 'handler' ? people.handler_id : people.approver_id;
  if (actorId !== who) {
    return { code: `${step.by}_only`, message: `Only the case ${step.by} may move it from ${from} to ${to}.`, message_zh: step.by === 'handler' ? '只有案件承办人可执行此操作。' : '只有案件审批人可执行此操作。' };
  }
  if (to === 'decided' && !decision) {
    return { code: 'decision_required', message: 'Deciding a case needs the decision text.', message_zh: '作出决定时须填写决定内容。' };
  }
  return null;
}

/** Handler and approver must be two people: the four-eyes principle. */
export function checkParticipants(people: CaseParticipants): CaseProblem | null {
  return people.handler_id === people.approver_id
    ? { code: 'same_handler_and_approver', message: 'The case handler and the approver must be different people.', message_zh: '案件承办人与审批人不得为同一人。' }
    : null;
}

export interface CaseDeadlines {
  leadWorkingDays: number;
  decisionDays: number;
  calendar: WorkingCalendar;
}

export function caseDueDates(openedAt: Date, d: CaseDeadlines): { lead_due_at: Date; decision_due_at: Date } {
  return { lead_due_at: addWorkingDays(openedAt, d.leadWorkingDays, d.calendar), decision_due_at: addCalendarDays(openedAt, d.decisionDays, d.calendar.offsetMinutes) };
}

/** Overdue flags: the lead must be verified in time, the decision made in time. */
export function caseClock(c: { status: CaseStatus; lead_due_at: Date; decision_due_at: Date }, now: Date) {
  const open = c.status !== 'decided' && c.status !== 'closed';
  return {
    lead_overdue: c.status === 'lead' && now > new Date(c.lead_due_at),
    decision_overdue: open && now > new Date(c.decision_due_at),
  };
}
