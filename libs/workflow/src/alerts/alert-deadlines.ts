export type AlertSeverity = 'high' | 'medium' | 'low';

/** `high=3,medium=10,low=20` → days to triage by severity (ALERT_DUE_DAYS). */
export function parseDueDays(spec: string): Record<AlertSeverity, number> {
  const days: Record<AlertSeverity, number> = { high: 3, medium: 10, low: 20 };
  for (const part of spec.split(',')) {
    const [severity, n] = part.split('=');
    if (severity in days) days[severity as AlertSeverity] = Number(n);
  }
  return days;
}

export function alertDueAt(createdAt: Date, severity: string, days: Record<AlertSeverity, number>): Date {
  const n = days[severity as AlertSeverity] ?? days.low;
  return new Date(createdAt.getTime() + n * 86_400_000);
}

/** Age in whole days and whether an open alert is past its due date. */
export function alertClock(alert: { created_at: Date; due_at: Date; status: string }, now: Date): { age_days: number; overdue: boolean } {
  return {
    age_days: Math.floor((now.getTime() - new Date(alert.created_at).getTime()) / 86_400_000),
    overdue: alert.status !== 'closed' && now.getTime() > new Date(alert.due_at).getTime(),
  };
}
