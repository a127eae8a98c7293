/** ESM + ts-jest; type-checking is done once by `tsc --noEmit` (npm run typecheck), not per file. */
const project = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  testTimeout: 60000
}

export default {
  globalSetup: '<rootDir>/__tests__/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/helpers/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    { ...project, displayName: 'all', testMatch: ['**/*.test.ts'] },
    // The end-to-end suite again against an emulator whose ListOrders SearchContent matches nothing: DMS does not
    // document what SearchContent searches, so no guarantee of the gate may depend on it (docs/dms-api.md).
    {
      ...project,
      displayName: 'e2e, SearchContent matches nothing',
      testMatch: ['**/e2e/**/*.test.ts'],
      setupFiles: ['<rootDir>/__tests__/helpers/search-content-none.ts']
    }
  ]
}
