import type { ReactNode } from 'react';
import { useApp } from './app-context';

/**
 * The table of a list page (complaints, datasets, cases): "loading" until the rows come, one header per
 * column, a "none" row when the list is empty, so every list reads the same to a screen reader.
 */
export function ListTable<T>({ rows, columns, testId, row }: { rows: T[] | null; columns: string[]; testId: string; row: (item: T) => ReactNode }) {
  const { t } = useApp();
  if (!rows) return <p>{t('loading')}</p>;
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(row)}
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length}>{t('none')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
