import { landingFor, mayOpen, navFor } from './roles';

describe('role navigation', () => {
  it('lands each role on its own first page', () => {
    expect(landingFor('regulator')).toBe('/console/alerts');
    expect(landingFor('platform_compliance')).toBe('/console/self-audit');
    expect(landingFor('consumer_group')).toBe('/console/complaints');
    expect(landingFor('admin')).toBe('/console/');
  });

  it('keeps regulators-only pages from other roles', () => {
    expect(mayOpen('regulator', '/console/cases/x')).toBe(true);
    expect(mayOpen('consumer_group', '/console/cases')).toBe(false);
    expect(mayOpen('platform_compliance', '/console/complaints')).toBe(false);
    expect(mayOpen('consumer_group', '/console/complaints/new')).toBe(true);
    expect(mayOpen('regulator', '/console/self-audit')).toBe(false);
    expect(navFor('admin')).toEqual([]);
  });
});
