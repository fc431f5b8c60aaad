import pg from 'pg'

/** Where the PostgreSQL rows run: HOI_BENCH_PG_URL, else the machine's server. */
export const pgBaseUrl = (): string => process.env['HOI_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export const pgReachable = async (url: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Drops and creates the database `name` on the server of `base`; returns its URL. */
export const freshPgDb = async (base: string, name: string): Promise<string> => {
  if (!/^[a-z_][a-z0-9_]*$/u.test(name)) throw new Error(`not a plain database name: ${name}`)
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const u = new URL(base)
  u.pathname = `/${name}`
  return u.toString()
}
