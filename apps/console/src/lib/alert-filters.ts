/** The alert queue's filters, kept in the address bar so links, reloads and Back all work. */
export interface AlertFilters {
  status: string;
  severity: string;
  detector: string;
  platform_id: string;
  /** 'me' (the signed-in regulator), or empty. */
  assignee: '' | 'me';
  overdue: boolean;
  sort: AlertSort;
  order: 'asc' | 'desc';
  page: number;
}

export const ALERT_SORTS = ['created_at', 'severity', 'due_at', 'updated_at'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

export const DEFAULT_FILTERS: AlertFilters = { status: '', severity: '', detector: '', platform_id: '', assignee: '', overdue: false, sort: 'created_at', order: 'desc', page: 1 };

export function parseAlertFilters(search: string): AlertFilters {
  const q = new URLSearchParams(search);
  const sort = q.get('sort');
  const page = Number(q.get('page'));
  return {
    status: q.get('status') ?? '',
    severity: q.get('severity') ?? '',
    detector: q.get('detector') ?? '',
    platform_id: q.get('platform_id') ?? '',
    assignee: q.get('assignee') === 'me' ? 'me' : '',
    overdue: q.get('overdue') === 'true',
    sort: (ALERT_SORTS as readonly string[]).includes(sort ?? '') ? (sort as AlertSort) : DEFAULT_FILTERS.sort,
    order: q.get('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Only what differs from the defaults, so a plain queue has a plain address. */
export function alertFiltersToQuery(f: AlertFilters): string {
  const q = new URLSearchParams();
  for (const key of ['status', 'severity', 'detector', 'platform_id', 'assignee'] as const) if (f[key]) q.set(key, f[key]);
  if (f.overdue) q.set('overdue', 'true');
  if (f.sort !== DEFAULT_FILTERS.sort) q.set('sort', f.sort);
  if (f.order !== DEFAULT_FILTERS.order) q.set('order', f.order);
  if (f.page !== 1) q.set('page', String(f.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Clicking a column header: sort by it descending, or flip the order if it already sorts. */
export function toggleSort(f: AlertFilters, column: AlertSort): AlertFilters {
  const order = f.sort === column ? (f.order === 'desc' ? 'asc' : 'desc') : 'desc';
  return { ...f, sort: column, order, page: 1 };
}

/** The API query for these filters; "mine" becomes the signed-in user's id. */
export function alertApiQuery(f: AlertFilters, perPage: number, myId?: string): string {
  const q = new URLSearchParams();
  for (const key of ['status', 'severity', 'detector', 'platform_id'] as const) if (f[key]) q.set(key, f[key]);
  if (f.assignee === 'me' && myId) q.set('assignee_id', myId);
  if (f.overdue) q.set('overdue', 'true');
  q.set('sort', f.sort);
  q.set('order', f.order);
  q.set('page', String(f.page));
  q.set('per_page', String(perPage));
  return `?${q.toString()}`;
}
