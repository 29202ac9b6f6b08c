import { useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import type { AlertFilters } from '../lib/alert-filters';
import { ALERT_STATUSES, DETECTOR_NAMES, SEVERITIES } from '../lib/domain';

/** Selects apply at once; the platform box applies on Enter or the button. */
export function AlertFiltersForm({ filters, onApply, canAssign }: { filters: AlertFilters; onApply: (f: AlertFilters) => void; canAssign: boolean }) {
  const { t, tv } = useApp();
  const [platform, setPlatform] = useState(filters.platform_id);
  useEffect(() => setPlatform(filters.platform_id), [filters.platform_id]);
  const set = (key: keyof AlertFilters, value: string) => onApply({ ...filters, [key]: value, page: 1 });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('platform_id', platform.trim());
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t('filters')}>
      <label>
        {t('status')}
        <select value={filters.status} onChange={(e) => set('status', e.target.value)} data-testid="filter-status">
          <option value="">{t('all')}</option>
          {ALERT_STATUSES.map((s) => (
            <option key={s} value={s}>{tv('status', s)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('severity')}
        <select value={filters.severity} onChange={(e) => set('severity', e.target.value)} data-testid="filter-severity">
          <option value="">{t('all')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{tv('severity', s)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('detector')}
        <select value={filters.detector} onChange={(e) => set('detector', e.target.value)} data-testid="filter-detector">
          <option value="">{t('all')}</option>
          {DETECTOR_NAMES.map((d) => (
            <option key={d} value={d}>{tv('detector', d)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('platform')}
        <input value={platform} onChange={(e) => setPlatform(e.target.value)} data-testid="filter-platform" />
      </label>
      {canAssign && (
        <label className="checkbox">
          <input type="checkbox" checked={filters.assignee === 'me'} onChange={(e) => onApply({ ...filters, assignee: e.target.checked ? 'me' : '', page: 1 })} data-testid="filter-mine" />
          {t('assignedToMe')}
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => onApply({ ...filters, overdue: e.target.checked, page: 1 })} data-testid="filter-overdue" />
        {t('overdueOnly')}
      </label>
      <button type="submit" data-testid="filter-apply">{t('apply')}</button>
    </form>
  );
}
