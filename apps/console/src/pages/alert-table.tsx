import { useApp } from '../components/app-context';
import { Link } from '../components/link';
import { SeverityBadge } from '../components/severity-badge';
import { toggleSort, type AlertFilters, type AlertSort } from '../lib/alert-filters';
import { formatAge, formatDateTime } from '../lib/format';
import type { AlertRow } from './alert-types';
import type { MessageKey } from '../i18n/messages';

interface Props {
  items: AlertRow[];
  filters: AlertFilters;
  onSort: (f: AlertFilters) => void;
  selectable: boolean;
  selected: Set<string>;
  onSelect: (s: Set<string>) => void;
}

export function AlertTable({ items, filters, onSort, selectable, selected, onSelect }: Props) {
  const { t, tv, lang } = useApp();
  const now = new Date();
  const allChecked = items.length > 0 && items.every((a) => selected.has(a.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const sortHeader = (column: AlertSort, label: MessageKey) => (
    <th scope="col" aria-sort={filters.sort === column ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(toggleSort(filters, column))} data-testid={`sort-${column}`}>
        {t(label)}
        <span aria-hidden="true">{filters.sort === column ? (filters.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <table data-testid="alert-table" className="data">
      <caption className="visually-hidden">{t('alertQueueTitle')}</caption>
      <thead>
        <tr>
          {selectable && (
            <th scope="col">
              <input type="checkbox" checked={allChecked} onChange={() => onSelect(allChecked ? new Set() : new Set(items.map((a) => a.id)))} aria-label={t('selectAll')} data-testid="alert-select-all" />
            </th>
          )}
          {sortHeader('severity', 'severity')}
          <th scope="col">{t('summary')}</th>
          <th scope="col">{t('detector')}</th>
          <th scope="col">{t('platform')}</th>
          <th scope="col">{t('status')}</th>
          {sortHeader('created_at', 'age')}
          {sortHeader('due_at', 'due')}
          {sortHeader('updated_at', 'updated')}
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id} data-testid="alert-row" data-alert-id={a.id} className={a.overdue ? 'overdue' : undefined}>
            {selectable && (
              <td>
                <input type="checkbox" checked={selected.has(a.id)} onChange={() => toggle(a.id)} aria-label={t('selectAlert', { summary: a.summary })} data-testid="alert-select" />
              </td>
            )}
            <td><SeverityBadge severity={a.severity} /></td>
            <td>
              <Link href={`/console/alerts/${a.id}`} data-testid="alert-link">
                {lang === 'zh' && a.summary_zh ? a.summary_zh : a.summary}
              </Link>
            </td>
            <td>{tv('detector', a.detector)}</td>
            <td>{a.platform_id}</td>
            <td data-status={a.status}>{tv('status', a.status)}</td>
            <td data-testid="alert-age">
              <time dateTime={a.created_at} title={formatDateTime(a.created_at, lang)}>{formatAge(a.created_at, now, lang)}</time>
            </td>
            <td>
              {formatDateTime(a.due_at, lang)}
              {a.overdue && <span className="overdue-flag"> {t('overdue')}</span>}
            </td>
            <td>{formatDateTime(a.updated_at, lang)}</td>
          </tr>
        ))}
        {items.length === 0 && (
          <tr data-testid="alert-empty">
            <td colSpan={selectable ? 9 : 8}>{t('noAlerts')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
