import { useApp } from '../components/app-context';
import { daysLeft, formatDateTime } from '../lib/format';
import type { CaseDetail } from './case-types';

/** The two legal clocks: verify the lead in time, decide in time. Stopped clocks say so. */
export function CaseClocks({ c }: { c: CaseDetail }) {
  const { t, lang } = useApp();
  const now = new Date();
  const clock = (id: string, label: string, due: string, overdue: boolean, running: boolean) => {
    const left = daysLeft(due, now);
    return (
      <li data-testid={id} data-overdue={String(overdue)} className={overdue ? 'overdue' : undefined}>
        <strong>{label}</strong>: {formatDateTime(due, lang)} —{' '}
        {overdue ? <span className="overdue-flag">{t('overdue')}</span> : running ? t('daysLeft', { n: Math.max(0, left) }) : t('clockStopped')}
      </li>
    );
  };
  const open = c.status !== 'decided' && c.status !== 'closed';
  return (
    <section aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">{t('legalClocks')}</h2>
      <ul data-testid="clocks" className="plain">
        {clock('clock-lead', t('leadDue'), c.lead_due_at, c.lead_overdue, c.status === 'lead')}
        {clock('clock-decision', t('decisionDue'), c.decision_due_at, c.decision_overdue, open)}
      </ul>
    </section>
  );
}
