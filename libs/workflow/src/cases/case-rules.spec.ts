import { caseClock, caseDueDates, checkCaseTransition, checkParticipants } from './case-lifecycle';
import { addWorkingDays, isWorkingDay, parseDayList, type WorkingCalendar } from './working-days';

const china: WorkingCalendar = { offsetMinutes: 480, holidays: parseDayList('2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07'), makeUpDays: parseDayList('2026-10-10') };

describe('working days', () => {
  it('skips weekends: 15 working days from a Monday end on the Monday three weeks later', () => {
    const due = addWorkingDays(new Date('2026-03-02T09:00:00+08:00'), 15, china);
    expect(due.toISOString()).toBe('2026-03-23T15:59:59.999Z'); // 23:59:59.999 in Beijing
  });

  it('counts the day in the regulator time zone, not UTC', () => {
    // 2026-03-06 20:00 UTC is Saturday 04:00 in Beijing: the first working day after is Monday.
    expect(addWorkingDays(new Date('2026-03-06T20:00:00Z'), 1, china).toISOString()).toBe('2026-03-09T15:59:59.999Z');
  });

  it('skips public holidays and counts make-up working days', () => {
    expect(isWorkingDay(new Date('2026-10-01T00:00:00Z'), china)).toBe(false);
    expect(isWorkingDay(new Date('2026-10-10T00:00:00Z'), china)).toBe(true); // a Saturday worked
    // From Wed 30 Sep: Oct 1-2 holidays, 3-4 weekend, 5-7 holidays, 8 Thu, 9 Fri, 10 Sat make-up.
    expect(addWorkingDays(new Date('2026-09-30T10:00:00+08:00'), 3, china).toISOString()).toBe('2026-10-10T15:59:59.999Z');
  });
});

describe('case lifecycle', () => {
  const people = { handler_id: 'h', approver_id: 'a' };

  it('lets the handler work the case and only the approver decide it', () => {
    expect(checkCaseTransition('lead', 'investigating', 'h', people)).toBeNull();
    expect(checkCaseTransition('lead', 'investigating', 'a', people)?.code).toBe('handler_only');
    expect(checkCaseTransition('decision_pending', 'decided', 'h', people, 'fine')?.code).toBe('approver_only');
    expect(checkCaseTransition('decision_pending', 'decided', 'a', people)?.code).toBe('decision_required');
    expect(checkCaseTransition('decision_pending', 'decided', 'a', people, 'fine of 50,000 yuan')).toBeNull();
    expect(checkCaseTransition('closed', 'lead', 'h', people)?.code).toBe('invalid_transition');
  });

  it('refuses one person as both handler and approver', () => {
    expect(checkParticipants({ handler_id: 'x', approver_id: 'x' })?.code).toBe('same_handler_and_approver');
    expect(checkParticipants(people)).toBeNull();
  });

  it('sets the lead and decision clocks and flags them when overdue', () => {
    const opened = new Date('2026-03-02T09:00:00+08:00');
    const due = caseDueDates(opened, { leadWorkingDays: 15, decisionDays: 90, calendar: china });
    expect(due.decision_due_at.toISOString()).toBe('2026-05-31T15:59:59.999Z');
    expect(caseClock({ status: 'lead', ...due }, new Date('2026-03-24T00:00:00Z'))).toEqual({ lead_overdue: true, decision_overdue: false });
    expect(caseClock({ status: 'investigating', ...due }, new Date('2026-03-24T00:00:00Z'))).toEqual({ lead_overdue: false, decision_overdue: false });
    expect(caseClock({ status: 'decision_pending', ...due }, new Date('2026-06-01T00:00:00Z')).decision_overdue).toBe(true);
    expect(caseClock({ status: 'decided', ...due }, new Date('2026-06-01T00:00:00Z')).decision_overdue).toBe(false);
  });
});
