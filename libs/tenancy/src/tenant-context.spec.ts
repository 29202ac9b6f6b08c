import { currentTenant, runAsTenant, tenantSettings } from './tenant-context';

describe('tenant context', () => {
  it('gives no tenant settings when no context is set, so row policies match nothing', () => {
    expect(tenantSettings(undefined)).toEqual(['', '', '']);
    expect(tenantSettings({ kind: 'none' })).toEqual(['', '', '']);
  });

  it('names the platform only for a platform context', () => {
    expect(tenantSettings({ kind: 'platform', platformId: 'p1' })).toEqual(['platform', 'p1', '']);
    expect(tenantSettings({ kind: 'regulator' })).toEqual(['regulator', '', '']);
    expect(tenantSettings({ kind: 'consumer_group', orgId: 'o1' })).toEqual(['consumer_group', '', 'o1']);
  });

  it('keeps each concurrent piece of work in its own context across awaits', async () => {
    const seen: string[] = [];
    const work = (id: string) =>
      runAsTenant({ kind: 'platform', platformId: id }, async () => {
        await new Promise((r) => setTimeout(r, id === 'a' ? 20 : 5));
        seen.push(tenantSettings(currentTenant())[1]);
      });
    await Promise.all([work('a'), work('b')]);
    expect(seen.sort()).toEqual(['a', 'b']);
    expect(currentTenant()).toBeUndefined();
  });
});
