/** What each role may open in the console, mirroring the API's access rules (the API still decides). */
export type Role = 'regulator' | 'platform_compliance' | 'consumer_group' | 'admin';

export type NavItem = 'alerts' | 'cases' | 'complaints' | 'complaint-new' | 'self-audit';

const NAV: Record<Role, NavItem[]> = {
  regulator: ['alerts', 'cases', 'complaints'],
  platform_compliance: ['self-audit', 'alerts'],
  consumer_group: ['complaint-new', 'complaints'],
  admin: [],
};

export const NAV_PATHS: Record<NavItem, string> = {
  alerts: '/console/alerts',
  cases: '/console/cases',
  complaints: '/console/complaints',
  'complaint-new': '/console/complaints/new',
  'self-audit': '/console/self-audit',
};

export function navFor(role: Role): NavItem[] {
  return NAV[role] ?? [];
}

export function landingFor(role: Role): string {
  const first = role === 'consumer_group' ? 'complaints' : navFor(role)[0];
  return first ? NAV_PATHS[first] : '/console/';
}

/** Whether a console path belongs to a section this role has; unknown sections are allowed (404 page). */
export function mayOpen(role: Role, path: string): boolean {
  const section = path.replace(/^\/console\/?/, '').split('/')[0];
  const owner: Record<string, NavItem> = { alerts: 'alerts', cases: 'cases', complaints: 'complaints', 'self-audit': 'self-audit' };
  if (!owner[section]) return true;
  if (section === 'complaints') return navFor(role).includes('complaints');
  return navFor(role).includes(owner[section]);
}
