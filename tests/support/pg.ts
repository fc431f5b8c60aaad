import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { request } from 'node:http'
import pg from 'pg'
import { afterAll } from 'vitest'

/**
 * Where the PostgreSQL suites run, in this order: a Testcontainers PostgreSQL when a container
 * runtime answers, else HOI_TEST_PG_URL, else the machine's server (the one `.ci/run` starts).
 * Each test file gets its own database with a random name, dropped after the file; when no server
 * answers, the suites are skipped with the reason.
 */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export type TestDatabase = { readonly url: string; readonly via: string; drop(): Promise<void> }

const dockerSocket = (): string | undefined => {
  const host = process.env['DOCKER_HOST']
  if (host !== undefined && host.startsWith('unix://')) return host.slice('unix://'.length)
  if (host === undefined && existsSync('/var/run/docker.sock')) return '/var/run/docker.sock'
  return undefined
}

/** Does a container engine answer its ping within `timeoutMs`? (a docker client alone is not enough) */
const containerRuntimeAnswers = (timeoutMs = 1500): Promise<boolean> =>
  new Promise((resolve) => {
    const socketPath = dockerSocket()
    if (socketPath === undefined) return resolve(false)
    const req = request({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })

/** undefined when the server answers, else why not */
export const whyNot = async (url: string, timeoutMs = 2000): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('SELECT 1')
    return undefined
  } catch (e) {
    const err = e as Error & { errors?: Error[] }
    return err.message !== '' ? err.message : (err.errors ?? []).map((x) => x.message).join('; ')
  } finally {
    await client.end().catch(() => undefined)
  }
}

const withDatabase = (url: string, db: string): string => {
  const u = new URL(url)
  u.pathname = `/${db}`
  return u.toString()
}

const admin = async <A>(url: string, f: (c: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

/** A fresh database for one test file, or the reason there is none. */
export const testDatabase = async (): Promise<TestDatabase | { skip: string }> => {
  let server = process.env['HOI_TEST_PG_URL'] ?? DEFAULT_PG_URL
  let via = process.env['HOI_TEST_PG_URL'] !== undefined ? 'HOI_TEST_PG_URL' : 'the local server'
  let stopContainer = async (): Promise<void> => undefined
  if (await containerRuntimeAnswers()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql')
    const container = await new PostgreSqlContainer('postgres:15-alpine').start()
    server = container.getConnectionUri()
    via = 'Testcontainers'
    stopContainer = async () => {
      await container.stop()
    }
  }
  const why = await whyNot(server)
  if (why !== undefined) {
    await stopContainer()
    return { skip: `no PostgreSQL answers at ${server} (${why}); set HOI_TEST_PG_URL or start one` }
  }
  const name = `hoi_test_${randomBytes(6).toString('hex')}`
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}`))
  return {
    url: withDatabase(server, name),
    via: `${via}, database ${name}`,
    drop: async () => {
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      await stopContainer()
    },
  }
}

/** A URL of `db` whose connections see only a new, empty schema: one empty store per call, without a new database. */
export const freshSchema = async (db: TestDatabase): Promise<string> => {
  const schema = `s_${randomBytes(6).toString('hex')}`
  await admin(db.url, (c) => c.query(`CREATE SCHEMA ${schema}`))
  const u = new URL(db.url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

/** One statement on a connection of its own, closed after it. */
export const sql = async (url: string, text: string): Promise<pg.QueryResult> => {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await c.query(text)
  } finally {
    await c.end()
  }
}

/**
 * The database of one test file, dropped after the file; `skip` (logged under `label`) when no
 * server answers, for `describe.skipIf`.
 */
export const fileDatabase = async (label: string): Promise<{ db: TestDatabase; skip: string | undefined }> => {
  const found = await testDatabase()
  if ('skip' in found) {
    console.log(`${label} skipped: ${found.skip}`)
    // never used: the file's suites are skipped
    return { db: { url: 'postgres://unavailable/', via: found.skip, drop: async () => undefined }, skip: found.skip }
  }
  afterAll(() => found.drop())
  return { db: found, skip: undefined }
}
