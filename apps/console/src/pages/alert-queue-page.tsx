import { useCallback, useState } from 'react';
import { useApp } from '../components/app-context';
import { navigate, useLocation } from '../components/router';
import { useLoad } from '../components/use-load';
import { alertApiQuery, alertFiltersToQuery, parseAlertFilters, type AlertFilters } from '../lib/alert-filters';
import { AlertFiltersForm } from './alert-filters-form';
import { AlertTable } from './alert-table';
import type { AlertPage } from './alert-types';
import { BulkBar } from './bulk-bar';

const PER_PAGE = 50;

/** The triage queue: filters live in the address, so a filtered view can be shared or bookmarked. */
export function AlertQueuePage() {
  const { api, t, user } = useApp();
  const { search } = useLocation();
  const filters = parseAlertFilters(search);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkCounts, setBulkCounts] = useState<{ ok: number; failed: number } | null>(null);
  const { data, loading, reload } = useLoad(() => api.get<AlertPage>(`/v1/alerts${alertApiQuery(filters, PER_PAGE, user?.id)}`), [api, search, user?.id]);
  const go = useCallback((next: AlertFilters) => {
    setSelected(new Set());
    navigate(`/console/alerts${alertFiltersToQuery(next)}`);
  }, []);
  const canTriage = user?.role === 'regulator';
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;

  return (
    <section>
      <h1>{t('alertQueueTitle')}</h1>
      <AlertFiltersForm filters={filters} onApply={go} canAssign={canTriage} />
      <p data-testid="alert-total" aria-live="polite">
        {loading ? t('loading') : t('alertTotal', { n: data?.total ?? 0 })}
      </p>
      {canTriage && selected.size > 0 && <BulkBar ids={[...selected]} onDone={(counts) => { setBulkCounts(counts); setSelected(new Set()); void reload(); }} />}
      {/* Its own live region, present before the result arrives so the result is announced. */}
      <p data-testid="bulk-result" aria-live="polite">{bulkCounts ? t('bulkResult', bulkCounts) : ''}</p>
      {data && <AlertTable items={data.items} filters={filters} onSort={go} selectable={canTriage} selected={selected} onSelect={setSelected} />}
      <nav className="pager" aria-label={t('pagination')}>
        <button type="button" disabled={filters.page <= 1} onClick={() => go({ ...filters, page: filters.page - 1 })} data-testid="page-prev">
          {t('previous')}
        </button>
        <span>{t('pageOf', { page: filters.page, pages })}</span>
        <button type="button" disabled={filters.page >= pages} onClick={() => go({ ...filters, page: filters.page + 1 })} data-testid="page-next">
          {t('next')}
        </button>
      </nav>
    </section>
  );
}
