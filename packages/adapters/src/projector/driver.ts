import type Database from 'better-sqlite3'
import type { RecordedEvent } from '@hoi/domain'

export type SqlValue = string | number | null
export type Stmt = {
  readonly sql: string
  readonly params: ReadonlyArray<SqlValue>
  /** the statement must change exactly this many rows, else its part is rolled back (a stale checkpoint) */
  readonly expect?: number
}

export class StaleCheckpoint extends Error {
  constructor(sql: string) {
    super(`another writer moved the checkpoint first (${sql.slice(0, 60)}…)`)
    this.name = 'StaleCheckpoint'
  }
}

/**
 * What the projection runner needs from a database: SQL in, rows out, and a transaction over a
 * list of statements. Statements use `?` placeholders; the PostgreSQL driver numbers them.
 * Each part of a transaction runs in its own savepoint, so one projection's failure rolls back
 * only its own rows and checkpoint while the others' parts commit.
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres'
  exec(sql: string): Promise<void>
  all<T = Record<string, unknown>>(sql: string, params?: ReadonlyArray<SqlValue>): Promise<T[]>
  transaction(parts: ReadonlyArray<ReadonlyArray<Stmt>>): Promise<Array<Error | undefined>>
  /**
   * A page of the log read straight from the store's table in the same database, with only what
   * projections read (no metadata): the rebuild's read path. Without it the runner uses the store.
   */
  readonly readLog?: (after: number, limit: number) => Promise<ReadonlyArray<LogEvent>>
  /** The log's last position, read in the same database (with readLog). */
  readonly head?: () => Promise<number>
  /**
   * Gathers the planner's statistics of view tables (all of them, or with `onlyNew` those that have
   * none yet): without them SQLite drives a join from the wrong side, e.g. every member probed
   * for changes instead of the few changes probing members.
   */
  readonly analyze?: (tables: ReadonlyArray<string>, onlyNew: boolean) => Promise<void>
}

/** What a projection reads of an event. */
export type LogEvent = Pick<RecordedEvent, 'position' | 'streamId' | 'type' | 'schemaVersion' | 'data'>

/**
 * better-sqlite3 is synchronous: a whole page is one uninterrupted transaction, so no append of this
 * process can interleave. With `log: false` the file holds views only (of a KurrentDB store): the
 * runner then reads the log through the store.
 */
export const sqliteDriver = (db: Database.Database, o: { readonly log?: boolean } = {}): SqlDriver => {
  // a rebuild writes indexes of 100,000s of rows: a larger page cache keeps them off the disk until the commit
  if (Number(db.pragma('cache_size', { simple: true })) > -65536) db.pragma('cache_size = -65536')
  const wal = String(db.pragma('journal_mode', { simple: true })) === 'wal'
  const cache = new Map<string, Database.Statement>()
  const prepare = (sql: string): Database.Statement => {
    let s = cache.get(sql)
    if (s === undefined) {
      if (cache.size > 500) cache.clear()
      s = db.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
  const runPart = (part: ReadonlyArray<Stmt>): void => {
    for (const st of part) {
      // bound from the array itself: spreading a 3,000-value batch into arguments costs more than the insert
      const r = prepare(st.sql).run(st.params)
      if (st.expect !== undefined && r.changes !== st.expect) throw new StaleCheckpoint(st.sql)
    }
  }
  const tx = db.transaction((parts: ReadonlyArray<ReadonlyArray<Stmt>>): Array<Error | undefined> =>
    parts.map((part) => {
      try {
        // a nested better-sqlite3 transaction is a savepoint
        db.transaction(runPart)(part)
        return undefined
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e))
      }
    }),
  )
  const logged = o.log !== false
  const page = logged ? db.prepare('SELECT position, stream_id, type, schema_version, data FROM events WHERE position > ? ORDER BY position LIMIT ?').raw() : undefined
  const last = logged ? db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck() : undefined
  const analyzed = (): Set<string> => {
    const hasStats = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get() !== undefined
    return new Set(hasStats ? (db.prepare('SELECT DISTINCT tbl FROM sqlite_stat1').pluck().all() as string[]) : [])
  }
  return {
    dialect: 'sqlite',
    async analyze(tables, onlyNew) {
      const known = onlyNew ? analyzed() : new Set<string>()
      const todo = tables.filter((t) => !known.has(t))
      if (todo.length === 0) return
      // a sample of each index is enough for the planner, and keeps this to milliseconds on big tables
      db.pragma('analysis_limit = 1000')
      for (const t of todo) db.exec(`ANALYZE ${t}`)
    },
    ...(page === undefined || last === undefined
      ? {}
      : {
          async head() {
            return last.get() as number
          },
          async readLog(after: number, limit: number) {
            return (page.all(after, limit) as Array<[number, string, string, number, string]>).map((r) => ({
              position: r[0],
              streamId: r[1],
              type: r[2],
              schemaVersion: r[3],
              data: JSON.parse(r[4]) as unknown,
            }))
          },
        }),
    async exec(sql) {
      db.exec(sql)
    },
    async all<T>(sql: string, params: ReadonlyArray<SqlValue> = []) {
      return prepare(sql).all(...params) as T[]
    },
    async transaction(parts) {
      // View rows are derived from the log and commit with their checkpoint: a page lost to a power
      // cut is applied again. In WAL mode NORMAL keeps the file consistent and skips the page's
      // fsync; the next FULL commit (an append) syncs the WAL with these frames in it.
      const sync = Number(db.pragma('synchronous', { simple: true }))
      if (!wal || sync <= 1) return tx.immediate(parts)
      db.pragma('synchronous = NORMAL')
      try {
        return tx.immediate(parts)
      } finally {
        db.pragma(`synchronous = ${sync}`)
      }
    },
  }
}
