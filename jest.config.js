/**
 * Two projects: `unit` (pure libraries, no services) and `e2e` (real PostgreSQL, Redis,
 * BullMQ and HTTP). ts-jest only transpiles (type errors are caught by `npm run typecheck`),
 * which keeps the suite fast on two cores.
 */
const shared = {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', transpilation: true, diagnostics: { ignoreCodes: [151002] } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@fairmarket/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/timeout.ts'],
    },
  ],
};
