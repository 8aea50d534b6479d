// Unit tests (*.spec.ts beside the code) and e2e tests (test/**/*.e2e-spec.ts) in one run.
// @nestjs packages are ESM-only: @swc/jest transforms them to CommonJS (see ../shared/STACK.md).
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
const transformIgnorePatterns = [
  '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
];
module.exports = {
  // Jest reads the timeout from the top level only (not per project); e2e hooks boot an app.
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
