import { useApp } from '../components/app-context';

/** The records the finding rests on (pseudonymised ids from the dataset), capped by the detector. */
export function EvidenceTable({ evidence, total }: { evidence: { file: string; id: string; note?: string }[]; total: number }) {
  const { t } = useApp();
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence')}</h2>
      <p data-testid="evidence-total">{t('evidenceShown', { shown: evidence.length, total })}</p>
      <table className="data" data-testid="evidence-table">
        <thead>
          <tr>
            <th scope="col">{t('file')}</th>
            <th scope="col">{t('recordId')}</th>
            <th scope="col">{t('note')}</th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((e, i) => (
            <tr key={`${e.file}-${e.id}-${i}`}>
              <td>{e.file}</td>
              <td><code>{e.id}</code></td>
              <td>{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
