import { useApp } from '../components/app-context';
import { SeverityBadge } from '../components/severity-badge';
import { formatNumber } from '../lib/format';
import { findingStatistics } from '../lib/metrics';
import type { Finding } from './alert-types';

export interface FindingsDocument {
  rule_pack: string;
  generated_at: string;
  findings: Finding[];
}

/** What a self-audit found: counts first (severity, detector), then each finding with its key statistic. */
export function FindingsView({ doc }: { doc: FindingsDocument }) {
  const { t, tv, lang } = useApp();
  const bySeverity = (s: string) => doc.findings.filter((f) => f.severity === s).length;
  const byDetector = [...new Set(doc.findings.map((f) => f.detector))].map((d) => [d, doc.findings.filter((f) => f.detector === d).length] as const);
  return (
    <div>
      <h3>{t('findings')}</h3>
      <div data-testid="findings-summary" className="summary">
        <p data-testid="findings-count">{t('findingsCount', { n: doc.findings.length })}</p>
        <ul className="plain inline">
          {(['high', 'medium', 'low', 'info'] as const).map((s) => (
            <li key={s} data-testid={`summary-severity-${s}`} data-count={bySeverity(s)}>
              <SeverityBadge severity={s} /> {bySeverity(s)}
            </li>
          ))}
        </ul>
        <ul className="plain">
          {byDetector.map(([d, n]) => (
            <li key={d} data-testid="summary-detector" data-detector={d}>
              {tv('detector', d)}: {n}
            </li>
          ))}
        </ul>
      </div>
      <table className="data" data-testid="findings-list">
        <thead>
          <tr>
            <th scope="col">{t('severity')}</th>
            <th scope="col">{t('summary')}</th>
            <th scope="col">{t('detector')}</th>
            <th scope="col">{t('effect')}</th>
            <th scope="col">{t('qValue')}</th>
            <th scope="col">{t('legalBasis')}</th>
          </tr>
        </thead>
        <tbody>
          {doc.findings.map((f) => {
            const s = findingStatistics(f.metrics);
            return (
              <tr key={f.id} data-testid="finding-row" data-finding-id={f.id} data-severity={f.severity}>
                <td><SeverityBadge severity={f.severity} /></td>
                <td>{lang === 'zh' && f.summary_zh ? f.summary_zh : f.summary}</td>
                <td>{tv('detector', f.detector)}</td>
                <td>{formatNumber(s.effect)}</td>
                <td>{formatNumber(s.qValue)}</td>
                <td>{f.legal_basis.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
