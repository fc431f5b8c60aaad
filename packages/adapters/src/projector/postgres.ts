import pg from 'pg'
import type { EventStore } from '../store.js'
import type { ViewEngine } from '../views.js'
import { StaleCheckpoint, type SqlDriver, type SqlValue, type Stmt } from './driver.js'
import { openDriverViews, type SqlViewsOptions } from './engine.js'

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
export const postgresDriver = (pool: pg.Pool): SqlDriver => ({
  dialect: 'postgres',
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
 * store). Processes that open it at once would both create the tables and both rebuild a changed
 * projection: they take turns under an advisory lock, held on a connection of its own (so a pool
 * of one connection still opens).
 */
export const openPostgresViews = async (store: EventStore, pool: pg.Pool, opts: SqlViewsOptions = {}): Promise<ViewEngine> => {
  const lock = new pg.Client(pool.options)
  lock.on('error', () => undefined)
  await lock.connect()
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [OPEN_LOCK])
    return await openDriverViews(store, postgresDriver(pool), opts)
  } finally {
    // ending the session releases the lock
    await lock.end().catch(() => undefined)
  }
}
