export const ALERT_STATUSES = ['new', 'triaged', 'investigating', 'escalated', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const CLOSE_REASONS = ['no_violation', 'rectified', 'penalised', 'duplicate'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Where an alert may go from each state. A closed alert can be reopened to triage, never deleted. */
const NEXT: Record<AlertStatus, AlertStatus[]> = {
  new: ['triaged', 'closed'],
  triaged: ['investigating', 'escalated', 'closed'],
  investigating: ['escalated', 'closed', 'triaged'],
  escalated: ['investigating', 'closed'],
  closed: ['triaged'],
};

export interface TransitionProblem {
  code: string;
  message: string;
  message_zh: string;
}

/** Null when `from → to` is allowed with this reason; otherwise what is wrong and what to do. */
export function checkTransition(from: AlertStatus, to: AlertStatus, reason?: CloseReason | null): TransitionProblem | null {
  if (!NEXT[from].includes(to)) {
    return { code: 'invalid_transition', message: `An alert cannot go from ${from} to ${to}; from ${from} it can go to ${NEXT[from].join(', ')}.`, message_zh: `告警不能从 ${from} 变为 ${to}；可变为 ${NEXT[from].join('、')}。` };
  }
  if (to === 'closed' && !reason) {
    return { code: 'close_reason_required', message: `Closing needs a reason: one of ${CLOSE_REASONS.join(', ')}.`, message_zh: `关闭告警须说明理由：${CLOSE_REASONS.join('、')}。` };
  }
  if (to !== 'closed' && reason) {
    return { code: 'reason_only_when_closing', message: 'A close reason is given only when closing; leave it out.', message_zh: '仅在关闭时填写关闭理由。' };
  }
  return null;
}

export function nextStatuses(from: AlertStatus): AlertStatus[] {
  return [...NEXT[from]];
}
