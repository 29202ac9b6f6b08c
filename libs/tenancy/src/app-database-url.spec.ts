import { appDatabaseUrl } from './app-database-url';

describe('appDatabaseUrl', () => {
  it('swaps the owner for the application role and drops its password', () => {
    expect(appDatabaseUrl({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5432/fm' })).toBe('postgres://fairmarket_app@127.0.0.1:5432/fm');
  });

  it('prefers APP_DATABASE_URL', () => {
    expect(appDatabaseUrl({ DATABASE_URL: 'postgres://postgres@h/fm', APP_DATABASE_URL: 'postgres://app:pw@h/fm' })).toBe('postgres://app:pw@h/fm');
  });
});
