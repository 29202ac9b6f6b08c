import { useId } from 'react';
import { useApp } from '../components/app-context';
import { formatNumber } from '../lib/format';
import { scaleWithZero, type FindingStatistics } from '../lib/metrics';

const WIDTH = 560;
const LEFT = 170;
const ROW = 28;

/**
 * The effect with its 95 % interval against zero, or, for detectors without an effect, bars of
 * their numeric metrics. Drawn as plain SVG; the same numbers follow as a table for screen readers.
 */
export function MetricChart({ stats }: { stats: FindingStatistics }) {
  const { t } = useApp();
  const titleId = useId();
  const rows = stats.effect !== null ? [{ name: t('effect'), value: stats.effect, ci: stats.ci95 }] : stats.others.slice(0, 8).map((o) => ({ name: o.name, value: o.value, ci: null as [number, number] | null }));
  if (rows.length === 0) return null;
  const values = rows.flatMap((r) => (r.ci ? [r.value, ...r.ci] : [r.value]));
  const plot = WIDTH - LEFT - 60;
  const { x } = scaleWithZero(values, plot);
  const height = rows.length * ROW + 30;
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" data-testid="chart">
        <title id={titleId}>{stats.effect !== null ? t('chartEffectTitle') : t('chartMetricsTitle')}</title>
        <line x1={LEFT + x(0)} x2={LEFT + x(0)} y1={4} y2={height - 20} className="chart-zero" />
        {rows.map((r, i) => {
          const y = 10 + i * ROW;
          const from = Math.min(x(0), x(r.value));
          return (
            <g key={r.name}>
              <text x={LEFT - 8} y={y + 14} textAnchor="end" className="chart-label">{r.name}</text>
              {r.ci ? (
                <>
                  <line x1={LEFT + x(r.ci[0])} x2={LEFT + x(r.ci[1])} y1={y + 10} y2={y + 10} className="chart-ci" />
                  <line x1={LEFT + x(r.ci[0])} x2={LEFT + x(r.ci[0])} y1={y + 4} y2={y + 16} className="chart-ci" />
                  <line x1={LEFT + x(r.ci[1])} x2={LEFT + x(r.ci[1])} y1={y + 4} y2={y + 16} className="chart-ci" />
                  <circle cx={LEFT + x(r.value)} cy={y + 10} r={6} className="chart-point" />
                </>
              ) : (
                <rect x={LEFT + from} y={y + 2} width={Math.max(1, Math.abs(x(r.value) - x(0)))} height={ROW - 10} className="chart-bar" />
              )}
              <text x={LEFT + Math.max(x(r.value), r.ci ? x(r.ci[1]) : 0) + 8} y={y + 14} className="chart-label">{formatNumber(r.value)}</text>
            </g>
          );
        })}
        <text x={LEFT + x(0)} y={height - 4} textAnchor="middle" className="chart-label">0</text>
      </svg>
      <table className="visually-hidden" data-testid="chart-table">
        <caption>{t('chartTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metric')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('ci95')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{formatNumber(r.value)}</td>
              <td>{r.ci ? `[${formatNumber(r.ci[0])}, ${formatNumber(r.ci[1])}]` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
