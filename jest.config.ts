import type { Config } from 'jest';

/**
 * Three tiers (see docs/architecture.md, "Tests"):
 *  - unit:        *.spec.ts beside the code; no network.
 *  - integration: *.int-spec.ts; real PostgreSQL, Redis, Mosquitto, ClickHouse.
 *  - e2e:         test/e2e/*.e2e-spec.ts; the built apps started as processes, driven over HTTP (and a browser).
 * The whole suite runs in band (2-core machines; e2e stacks share one Redis transport).
 */
const moduleNameMapper = {
  '^@app/(contracts|common|postgres|clickhouse|mongo|testing|codecs)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', {}] as [string, Record<string, unknown>] };
const base = { rootDir: '.', moduleNameMapper, transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

const config: Config = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/libs/testing/src/jest-env.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/libs/testing/src/jest-env.ts'],
    },
  ],
};

export default config;
