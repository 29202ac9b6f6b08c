import { alertApiQuery, alertFiltersToQuery, DEFAULT_FILTERS, parseAlertFilters, toggleSort } from './alert-filters';

describe('alert queue filters in the address bar', () => {
  it('round-trips every filter through the query string', () => {
    const f = { status: 'triaged', severity: 'high', detector: 'fake_promotion', platform_id: 'shop.a', assignee: 'me' as const, overdue: true, sort: 'severity' as const, order: 'asc' as const, page: 3 };
    expect(parseAlertFilters(alertFiltersToQuery(f))).toEqual(f);
  });

  it('leaves defaults out so the plain queue has a plain address', () => {
    expect(alertFiltersToQuery(DEFAULT_FILTERS)).toBe('');
    expect(alertFiltersToQuery({ ...DEFAULT_FILTERS, severity: 'low' })).toBe('?severity=low');
  });

  it('ignores a sort column or page the API would refuse', () => {
    const f = parseAlertFilters('?sort=password&page=-2&order=sideways');
    expect(f.sort).toBe('created_at');
    expect(f.page).toBe(1);
    expect(f.order).toBe('desc');
  });

  it('sorts a new column descending and flips the order of the current one, back to page 1', () => {
    const bySeverity = toggleSort({ ...DEFAULT_FILTERS, page: 4 }, 'severity');
    expect(bySeverity).toMatchObject({ sort: 'severity', order: 'desc', page: 1 });
    expect(toggleSort(bySeverity, 'severity').order).toBe('asc');
  });

  it('always sends sort, order and paging to the API', () => {
    expect(alertApiQuery({ ...DEFAULT_FILTERS, status: 'new' }, 50)).toBe('?status=new&sort=created_at&order=desc&page=1&per_page=50');
  });

  it('turns "mine" into my user id and passes overdue on', () => {
    const q = new URLSearchParams(alertApiQuery({ ...DEFAULT_FILTERS, assignee: 'me', overdue: true }, 50, 'u-1'));
    expect([q.get('assignee_id'), q.get('overdue'), q.get('assignee')]).toEqual(['u-1', 'true', null]);
  });
});
