import type Database from 'better-sqlite3'

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
}

/** better-sqlite3 is synchronous: a whole page is one uninterrupted transaction, so no append of this process can interleave. */
export const sqliteDriver = (db: Database.Database): SqlDriver => {
  // a rebuild writes indexes of 100,000s of rows: a larger page cache keeps them off the disk until the commit
  if (Number(db.pragma('cache_size', { simple: true })) > -65536) db.pragma('cache_size = -65536')
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
      const r = prepare(st.sql).run(...st.params)
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
    }))
  return {
    dialect: 'sqlite',
    async exec(sql) {
      db.exec(sql)
    },
    async all<T>(sql: string, params: ReadonlyArray<SqlValue> = []) {
      return prepare(sql).all(...params) as T[]
    },
    async transaction(parts) {
      return tx.immediate(parts)
    },
  }
}
