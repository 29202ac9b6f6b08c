import { loadConfig } from './load-config';

const KEY = 'k'.repeat(32);

describe('loadConfig', () => {
  it('fills defaults and converts numbers', () => {
    const config = loadConfig({ PSEUDONYM_KEY: KEY, PORT: '4100' });
    expect(config.PORT).toBe(4100);
    expect(config.QUEUE_PREFIX).toBe('fairmarket');
  });

  it('names the variable that is missing', () => {
    expect(() => loadConfig({})).toThrow(/PSEUDONYM_KEY/);
  });

  it('names the variable that is malformed', () => {
    expect(() => loadConfig({ PSEUDONYM_KEY: KEY, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ PSEUDONYM_KEY: KEY, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PSEUDONYM_KEY: 'short' })).toThrow(/PSEUDONYM_KEY must be at least 32/);
    expect(() => loadConfig({ PSEUDONYM_KEY: KEY, INGEST_ENCODER_THREADS: 'two' })).toThrow(/INGEST_ENCODER_THREADS must be an integer/);
    expect(loadConfig({ PSEUDONYM_KEY: KEY, INGEST_ENCODER_THREADS: '0' }).INGEST_ENCODER_THREADS).toBe(0);
  });
});
