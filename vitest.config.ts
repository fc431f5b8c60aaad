import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src`, import.meta.url))

export default defineConfig({
  resolve: {
    // the pure packages are tested from source; @hoi/api resolves to its build (decorators compiled by tsc)
    alias: [
      { find: /^@hoi\/domain$/, replacement: `${src('domain')}/index.ts` },
      { find: /^@hoi\/domain\/(.*)$/, replacement: `${src('domain')}/$1` },
      { find: /^@hoi\/projections$/, replacement: `${src('projections')}/index.ts` },
      { find: /^@hoi\/adapters$/, replacement: `${src('adapters')}/index.ts` },
      { find: /^@hoi\/adapters\/(.*)$/, replacement: `${src('adapters')}/$1` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'tests/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // the JSON report is what .ci/run reads its closing summary line from
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
})
