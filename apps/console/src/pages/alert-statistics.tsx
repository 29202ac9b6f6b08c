import { useApp } from '../components/app-context';
import { formatNumber } from '../lib/format';
import { findingStatistics } from '../lib/metrics';
import { MetricChart } from './metric-chart';

/** Effect, its confidence interval and the p/q values, then every other number the detector reported. */
export function AlertStatistics({ metrics }: { metrics: Record<string, unknown> }) {
  const { t } = useApp();
  const s = findingStatistics(metrics);
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('statistics')}</h2>
      <dl className="facts" data-testid="stats">
        <dt>{t('effect')}</dt>
        <dd data-testid="stat-effect">{formatNumber(s.effect)}</dd>
        <dt>{t('ci95')}</dt>
        <dd data-testid="stat-ci">{s.ci95 ? `[${formatNumber(s.ci95[0])}, ${formatNumber(s.ci95[1])}]` : '—'}</dd>
        <dt>{t('pValue')}</dt>
        <dd data-testid="stat-p">{formatNumber(s.pValue)}</dd>
        <dt>{t('qValue')}</dt>
        <dd data-testid="stat-q">{formatNumber(s.qValue)}</dd>
        {s.others.map((o) => (
          <div key={o.name} className="fact-pair">
            <dt>{o.name}</dt>
            <dd>{formatNumber(o.value)}</dd>
          </div>
        ))}
      </dl>
      <MetricChart stats={s} />
    </section>
  );
}
