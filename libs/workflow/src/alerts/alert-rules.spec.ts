import { alertClock, alertDueAt, parseDueDays } from './alert-deadlines';
import { checkTransition, nextStatuses } from './alert-lifecycle';

describe('alert lifecycle', () => {
  it('walks new → triaged → investigating → escalated → closed with a reason', () => {
    expect(checkTransition('new', 'triaged')).toBeNull();
    expect(checkTransition('triaged', 'investigating')).toBeNull();
    expect(checkTransition('investigating', 'escalated')).toBeNull();
    expect(checkTransition('escalated', 'closed', 'penalised')).toBeNull();
  });

  it('refuses skipping back to new, closing without a reason, and a reason when not closing', () => {
    expect(checkTransition('triaged', 'new')?.code).toBe('invalid_transition');
    expect(checkTransition('new', 'escalated')?.code).toBe('invalid_transition');
    expect(checkTransition('triaged', 'closed')?.code).toBe('close_reason_required');
    expect(checkTransition('new', 'triaged', 'duplicate')?.code).toBe('reason_only_when_closing');
  });

  it('reopens a closed alert only to triage', () => {
    expect(nextStatuses('closed')).toEqual(['triaged']);
  });
});

describe('alert deadlines', () => {
  it('reads the configured days and falls back to defaults for the rest', () => {
    expect(parseDueDays('high=1,low=40')).toEqual({ high: 1, medium: 10, low: 40 });
  });

  it('dates an alert by severity and flags open alerts past due', () => {
    const created = new Date('2026-03-01T00:00:00Z');
    const due = alertDueAt(created, 'high', parseDueDays('high=2'));
    expect(due.toISOString()).toBe('2026-03-03T00:00:00.000Z');
    const now = new Date('2026-03-04T12:00:00Z');
    expect(alertClock({ created_at: created, due_at: due, status: 'triaged' }, now)).toEqual({ age_days: 3, overdue: true });
    expect(alertClock({ created_at: created, due_at: due, status: 'closed' }, now).overdue).toBe(false);
  });
});
