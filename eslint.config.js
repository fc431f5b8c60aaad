import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** The core stays pure: no Node built-ins, no drivers, no framework, nothing from the packages above it. */
const pure = (above) => ({
  patterns: [
    { group: ['node:*'], message: 'domain and projections are pure: time, ids and IO arrive in commands' },
    { group: ['better-sqlite3', 'pg', '@eventstore/*', '@nestjs/*', 'fastify', 'fastify/*', '@fastify/*', ...above], message: 'the core imports no driver, framework or outer package' },
  ],
  paths: ['fs', 'path', 'crypto', 'os', 'child_process', 'http', 'net', 'url', 'util', 'events', 'stream'].map((name) => ({ name, message: 'domain and projections are pure' })),
})

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'bench/data/**', 'test-output/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: ['packages/*/tsconfig.json', 'tsconfig.specs.json', 'tests/tsconfig.json', 'bench/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // the port's methods are async so that synchronous drivers (better-sqlite3, memory) and networked ones share one interface
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // tests read JSON answers of the API and CLI: typing every probe would only restate the assertions
    files: ['tests/**/*.ts', 'packages/*/src/**/*.spec.ts', 'packages/api/src/dashboard/client.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pure(['@hoi/projections', '@hoi/projections/*', '@hoi/adapters', '@hoi/adapters/*', '@hoi/api', '@hoi/api/*'])] },
  },
  { files: ['packages/projections/src/**/*.ts'], rules: { 'no-restricted-imports': ['error', pure(['@hoi/adapters', '@hoi/adapters/*', '@hoi/api', '@hoi/api/*'])] } },
  {
    files: ['packages/adapters/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@hoi/api', '@hoi/api/*', '@nestjs/*'], message: 'adapters do not import the API' }] }] },
  },
)
