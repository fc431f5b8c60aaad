import type pg from 'pg'
import type { SqliteStore } from '../sqlite.js'
import type { PostgresStore } from '../postgres.js'
import type { EventStore } from '../store.js'

export type Scrubbed = { readonly rows: number; readonly tables: ReadonlyArray<string> }
type Sql = {
  tables(): Promise<ReadonlyArray<{ name: string; columns: ReadonlySet<string> }>>
  all(sql: string, params: ReadonlyArray<unknown>): Promise<ReadonlyArray<unknown>>
  run(sql: string, params: ReadonlyArray<unknown>): Promise<number>
  /** after the rewrite: nothing of the old values left in the database's files that can be helped */
  settle(tables: ReadonlyArray<string>): Promise<void>
}

/** Tables that are not views: the log keeps ciphertext, and the key table is the erasure itself. */
const NOT_VIEWS = new Set(['events', 'streams', 'person_keys', 'head', 'store_version'])
const quote = (name: string): string => `"${name.replace(/"/gu, '""')}"`

const sqlite = (db: SqliteStore['db']): Sql => ({
  tables: async () =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).map((name) => ({
      name,
      columns: new Set((db.prepare(`PRAGMA table_info(${quote(name)})`).all() as Array<{ name: string }>).map((c) => c.name)),
    })),
  all: async (sql, params) =>
    db
      .prepare(sql)
      .pluck()
      .all(...params),
  run: async (sql, params) => db.prepare(sql).run(...params).changes,
  // secure_delete (set when the store opened) zeroed the old cells; the WAL's older page images go with a truncating checkpoint
  settle: async () => {
    db.pragma('wal_checkpoint(TRUNCATE)')
  },
})

const postgres = (pool: pg.Pool): Sql => {
  const n = (sql: string): string => {
    let i = 0
    return sql.replace(/\?/gu, () => `$${++i}`)
  }
  return {
    tables: async () => {
      const r = await pool.query<{ t: string; c: string }>('SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()')
      const m = new Map<string, Set<string>>()
      for (const row of r.rows) m.set(row.t, (m.get(row.t) ?? new Set()).add(row.c))
      return [...m].map(([name, columns]) => ({ name, columns }))
    },
    all: async (sql, params) => (await pool.query({ text: n(sql), values: [...params], rowMode: 'array' })).rows.map((r: unknown[]) => r[0]),
    run: async (sql, params) => (await pool.query(n(sql), [...params])).rowCount ?? 0,
    // the old row versions are dead tuples until vacuumed
    settle: async (tables) => {
      for (const t of tables) await pool.query(`VACUUM ${quote(t)}`)
    },
  }
}

/**
 * Rewrites, in every view table, the personal columns of the person's rows (every row version):
 * rows with `person_id`, and rows of the person's member ids (found through those rows) by
 * `member_id`; the reasons of parked events of the person's member streams are replaced too.
 * Undefined for stores whose views are not tables (memory: rebuilt from the log instead).
 */
export const viewScrubber = (store: EventStore) => {
  const sql = store.kind === 'sqlite' ? sqlite((store as SqliteStore).db) : store.kind === 'postgres' ? postgres((store as PostgresStore).pool) : undefined
  if (sql === undefined) return undefined
  return async (personId: string, marker: string, personal: ReadonlyArray<string>, memberStream: (memberId: string) => string): Promise<Scrubbed> => {
    const views = (await sql.tables()).filter((t) => !NOT_VIEWS.has(t.name))
    const memberIds = new Set<string>()
    for (const t of views)
      if (t.columns.has('person_id') && t.columns.has('member_id'))
        for (const id of await sql.all(`SELECT DISTINCT member_id FROM ${quote(t.name)} WHERE person_id = ?`, [personId])) if (typeof id === 'string') memberIds.add(id)
    const ids = [...memberIds]
    const inList = (n: number): string => Array.from({ length: n }, () => '?').join(', ')
    let rows = 0
    const touched: string[] = []
    for (const t of views) {
      const cols = personal.filter((c) => t.columns.has(c))
      const set = cols.map((c) => `${quote(c)} = CASE WHEN ${quote(c)} IS NULL THEN NULL ELSE ? END`).join(', ')
      let n = 0
      if (cols.length > 0 && t.columns.has('person_id')) n += await sql.run(`UPDATE ${quote(t.name)} SET ${set} WHERE person_id = ?`, [...cols.map(() => marker), personId])
      else if (cols.length > 0 && t.columns.has('member_id') && ids.length > 0)
        n += await sql.run(`UPDATE ${quote(t.name)} SET ${set} WHERE member_id IN (${inList(ids.length)})`, [...cols.map(() => marker), ...ids])
      if (t.columns.has('stream_id') && t.columns.has('reason') && ids.length > 0)
        n += await sql.run(`UPDATE ${quote(t.name)} SET reason = ? WHERE stream_id IN (${inList(ids.length)})`, [marker, ...ids.map(memberStream)])
      if (n > 0) touched.push(t.name)
      rows += n
    }
    await sql.settle(touched)
    return { rows, tables: touched }
  }
}
