import { useApp } from '../components/app-context';
import type { FileProgress, IngestReport } from './dataset-types';

/** Each file's ingestion, then the report: what was accepted, and the first rejected lines with why. */
export function DatasetProgress({ files, report }: { files: FileProgress[]; report: IngestReport | null }) {
  const { t, tv } = useApp();
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="ingest-heading">
      <h2 id="ingest-heading">{t('ingestion')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('file')}</th>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('progress')}</th>
            <th scope="col">{t('accepted')}</th>
            <th scope="col">{t('rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id} data-testid="file-progress" data-file-status={f.status}>
              <td>{f.file_name}</td>
              <td>{f.kind}</td>
              <td>{tv('fileStatus', f.status)}{f.error && <span className="danger-text"> {f.error}</span>}</td>
              <td>
                <progress max={100} value={f.percent ?? undefined} aria-label={t('progressOf', { name: f.file_name })} /> {f.percent === null ? '' : `${f.percent}%`}
              </td>
              <td>{f.accepted}</td>
              <td>{f.rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report && (
        <div data-testid="ingest-report">
          <h3>{t('ingestReport')}</h3>
          <ul className="plain">
            {Object.entries(report.files).map(([kind, r]) => (
              <li key={kind}>
                {kind}: {t('reportLine', { lines: r.lines, accepted: r.accepted, rejected: r.rejected })}
              </li>
            ))}
          </ul>
          {report.rejections.length > 0 && (
            <>
              <h4>{t('firstRejections')}</h4>
              <ul className="plain">
                {report.rejections.map((r, i) => (
                  <li key={i} data-testid="rejection-item">
                    {r.file_name ?? r.file}:{r.line} — {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
