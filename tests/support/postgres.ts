import { randomUUID } from 'node:crypto'

type Client = { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> }
type Pg = { Client: new (o: { connectionString: string; connectionTimeoutMillis: number }) => Client }

/** The server the tests may use: HOI_TEST_PG_URL, or the machine's PostgreSQL that .ci/run starts. */
export const PG_ADMIN_URL = process.env['HOI_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const pgModule = 'pg' // loaded by name: only the tests that reach a server need it
const client = async (): Promise<Client> => {
  const { default: pg } = (await import(pgModule)) as { default: Pg }
  return new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 1500 })
}

/** undefined when PostgreSQL answers within 1.5 s; otherwise why not. */
export const postgresUnreachable = async (): Promise<string | undefined> => {
  const c = await client()
  try {
    await c.connect()
    await c.query('SELECT 1')
    return undefined
  } catch (e) {
    return `PostgreSQL at ${PG_ADMIN_URL.replace(/\/\/[^@/]*@/u, '//…@')} is not reachable (${(e as Error).message})`
  } finally {
    await c.end().catch(() => undefined)
  }
}

/** A fresh database for one test, and the function that drops it. */
export const freshDatabase = async (prefix = 'hoi_test'): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const c = await client()
  await c.connect()
  try {
    await c.query(`CREATE DATABASE ${name}`)
  } finally {
    await c.end()
  }
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const d = await client()
      await d.connect()
      try {
        await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await d.end()
      }
    },
  }
}
