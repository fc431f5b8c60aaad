import pg from 'pg'
import { unsealed } from '../personal/sealed.js'
import type { PostgresStore } from '../postgres.js'
import type { EventStore } from '../store.js'
import type { ViewEngine } from '../views.js'
import { StaleCheckpoint, type SqlDriver, type SqlValue, type Stmt } from './driver.js'
import { openDriverViews, withSealing, type SqlViewsOptions } from './engine.js'

/** `?` placeholders numbered for PostgreSQL (the runner's SQL has no `?` inside literals). */
const numbered = (sql: string): string => {
  let i = 0
  return sql.replace(/\?/gu, () => `$${++i}`)
}

/** Counts and sums come back as bigint/numeric text: as numbers (positions stay safe integers by contract). */
const types = {
  getTypeParser: (oid: number): ((v: string) => unknown) => (oid === 20 || oid === 1700 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid) as (v: string) => unknown)),
}

/**
 * The runner's driver on PostgreSQL: each page is one transaction on one pooled connection, each
 * projection's part in a savepoint. Multi-row INSERTs carry the bulk of a page; other changes are
 * one statement each.
 */
/**
 * The log read straight from the store's `events` table (when the views live in the store's own
 * database): one query a page, without the metadata the store's own read carries and converts.
 */
const logReader = (pool: pg.Pool): Pick<SqlDriver, 'readLog' | 'head'> => ({
  async readLog(after, limit) {
    const r = await pool.query<[string, string, string, number, string]>({
      name: 'hoi-views-log',
      text: 'SELECT position, stream_id, type, schema_version, data::text FROM events WHERE position > $1 ORDER BY position LIMIT $2',
      values: [after, limit],
      rowMode: 'array',
    })
    return r.rows.map((x) => ({ position: Number(x[0]), streamId: x[1], type: x[2], schemaVersion: x[3], data: JSON.parse(x[4]) as unknown }))
  },
  async head() {
    const r = await pool.query<[string]>({ name: 'hoi-views-head', text: 'SELECT position FROM head', rowMode: 'array' })
    return Number(r.rows[0]?.[0] ?? 0)
  },
})

export const postgresDriver = (pool: pg.Pool, readsLog = false): SqlDriver => ({
  dialect: 'postgres',
  ...(readsLog ? logReader(pool) : {}),
  async exec(sql) {
    await pool.query(sql)
  },
  async all<T>(sql: string, params: ReadonlyArray<SqlValue> = []) {
    const r = await pool.query({ text: numbered(sql), values: [...params], types })
    return r.rows as T[]
  },
  async transaction(parts: ReadonlyArray<ReadonlyArray<Stmt>>) {
    const client = await pool.connect()
    const errors: Array<Error | undefined> = []
    try {
      await client.query('BEGIN')
      for (let i = 0; i < parts.length; i++) {
        await client.query(`SAVEPOINT part${i}`)
        try {
          for (const st of parts[i]!) {
            const r = await client.query({ text: numbered(st.sql), values: [...st.params], types })
            if (st.expect !== undefined && r.rowCount !== st.expect) throw new StaleCheckpoint(st.sql)
          }
          await client.query(`RELEASE SAVEPOINT part${i}`)
          errors.push(undefined)
        } catch (e) {
          await client.query(`ROLLBACK TO SAVEPOINT part${i}`)
          errors.push(e instanceof Error ? e : new Error(String(e)))
        }
      }
      await client.query('COMMIT')
      return errors
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw e
    } finally {
      client.release()
    }
  },
})

/** The advisory lock that makes processes open (create, rebuild) the views one at a time. */
const OPEN_LOCK = 0x686f6976 // 'hoiv'

/**
 * The view engine with its tables in a PostgreSQL database (the store's own, for a PostgreSQL
 * store, whose log it then reads with its own SQL on the same pool). Processes that open it at once would both create the tables and both rebuild a changed
 * projection: they take turns under an advisory lock, held on a connection of its own (so a pool
 * of one connection still opens).
 */
export const openPostgresViews = async (store: EventStore, pool: pg.Pool, opts: SqlViewsOptions = {}): Promise<ViewEngine> => {
  const lock = new pg.Client(pool.options)
  lock.on('error', () => undefined)
  await lock.connect()
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [OPEN_LOCK])
    const inner = unsealed(store)
    const sameDatabase = inner.kind === 'postgres' && (inner as PostgresStore).pool === pool
    return await openDriverViews(store, withSealing(store, postgresDriver(pool, sameDatabase)), opts)
  } finally {
    // ending the session releases the lock
    await lock.end().catch(() => undefined)
  }
}
