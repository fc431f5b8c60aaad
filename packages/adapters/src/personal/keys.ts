import { SETUP_LOCK } from '../postgres-schema.js'
import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { personalFields } from '@hoi/domain'

/**
 * Where persons' keys are kept: a table of its own beside the log (never in it, never exported).
 * `lookup` answers a key, `null` for an erased person, nothing for a person without one.
 */
export interface KeyTable {
  lookup(personIds: ReadonlyArray<string>): Promise<Map<string, Buffer | null>>
  /** a new random key for each person without one, kept (committed) before any event sealed with it */
  ensure(personIds: ReadonlyArray<string>): Promise<Map<string, Buffer | null>>
  /** destroys the person's key for good; the row stays as the mark of the erasure */
  destroy(personId: string, erasedAt: string): Promise<void>
  /** keys copied from another store's table (`hoi migrate`): kept where this table has none, erased ones as erased */
  adopt(keys: ReadonlyMap<string, Buffer | null>): Promise<void>
  /** true when the store was written before personal data was encrypted (`hoi seal` upgrades it) */
  readonly clearText: boolean
}

const newKeys = (ids: ReadonlyArray<string>): Map<string, Buffer> => {
  const bytes = randomBytes(32 * ids.length)
  return new Map(ids.map((id, i) => [id, bytes.subarray(32 * i, 32 * (i + 1))]))
}

export const memoryKeys = (): KeyTable => {
  const keys = new Map<string, Buffer | null>()
  const lookup = async (ids: ReadonlyArray<string>) => new Map(ids.flatMap((id) => (keys.has(id) ? [[id, keys.get(id)!] as const] : [])))
  return {
    clearText: false,
    lookup,
    ensure: async (ids) => {
      for (const [id, k] of newKeys(ids.filter((id) => !keys.has(id)))) keys.set(id, k)
      return lookup(ids)
    },
    destroy: async (id) => {
      keys.get(id)?.fill(0)
      keys.set(id, null)
    },
    adopt: async (found) => {
      for (const [id, k] of found) if (!keys.has(id)) keys.set(id, k === null ? null : Buffer.from(k))
    },
  }
}

/** The event types whose data holds personal fields, for the check that a store is not clear text. */
const personalTypes = [...personalFields.keys()]
const CREATE = 'CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, key BLOB, erased_at TEXT)'

/**
 * SQLite: the table person_keys in the store's file. A store that has personal events but no key
 * table was written in clear text: it is left as it is (no table created) until `hoi seal`.
 */
export const sqliteKeys = (db: Database.Database, readonly: boolean): KeyTable => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person_keys'").pluck().get() !== undefined
  const clearText =
    !exists &&
    db
      .prepare(`SELECT 1 FROM events WHERE type IN (${personalTypes.map(() => '?').join(', ')}) LIMIT 1`)
      .pluck()
      .get(...personalTypes) !== undefined
  if (!exists && !clearText && !readonly) db.exec(CREATE)
  const usable = exists || (!clearText && !readonly)
  const sel = usable ? db.prepare('SELECT person_id, key FROM person_keys WHERE person_id = ?').raw() : undefined
  const ins = usable ? db.prepare('INSERT INTO person_keys (person_id, key) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING') : undefined
  const lookupNow = (ids: ReadonlyArray<string>): Map<string, Buffer | null> => {
    const out = new Map<string, Buffer | null>()
    if (sel === undefined) return out
    for (const id of new Set(ids)) {
      const row = sel.get(id) as [string, Buffer | null] | undefined
      if (row !== undefined) out.set(id, row[1])
    }
    return out
  }
  const ensureTx = db.transaction((fresh: Map<string, Buffer>) => {
    for (const [id, k] of fresh) ins!.run(id, k)
  })
  // New keys are committed without an fsync of their own: the WAL is one file written in order, so
  // the fsync that makes an event sealed with a key durable (synchronous=FULL, after this commit)
  // makes the key durable too; a crash can lose only keys that no durable event uses yet. NORMAL,
  // not OFF: a checkpoint that runs during this commit still syncs. (The view pages do the same.)
  const wal = db.pragma('journal_mode', { simple: true }) === 'wal'
  const keepUnsynced = (fresh: Map<string, Buffer>): void => {
    const sync = Number(db.pragma('synchronous', { simple: true }))
    if (!wal || sync <= 1) return void ensureTx(fresh)
    db.pragma('synchronous = NORMAL')
    try {
      ensureTx(fresh)
    } finally {
      db.pragma(`synchronous = ${sync}`)
    }
  }
  let waiting: Array<{ readonly ids: ReadonlyArray<string>; resolve(keys: Map<string, Buffer | null>): void; reject(e: unknown): void }> = []
  const keepWaiting = (): void => {
    const asked = waiting
    waiting = []
    try {
      const all = asked.flatMap((a) => a.ids)
      const have = lookupNow(all)
      keepUnsynced(newKeys([...new Set(all)].filter((id) => !have.has(id))))
    } catch (e) {
      for (const a of asked) a.reject(e)
      return
    }
    for (const a of asked) a.resolve(lookupNow(a.ids))
  }
  return {
    clearText,
    lookup: async (ids) => lookupNow(ids),
    ensure: async (ids) => {
      const have = lookupNow(ids)
      if (have.size === new Set(ids).size) return have
      if (ins === undefined) throw new Error('the store keeps no keys (clear text or read-only): run `hoi seal`')
      // the keys asked for in one turn of the event loop (concurrent commands) are kept in one transaction
      return new Promise<Map<string, Buffer | null>>((resolve, reject) => {
        waiting.push({ ids, resolve, reject })
        if (waiting.length === 1) setImmediate(keepWaiting)
      })
    },
    destroy: async (id, at) => {
      if (sel === undefined) throw new Error('the store keeps no keys: run `hoi seal` first')
      db.prepare('INSERT INTO person_keys (person_id, key, erased_at) VALUES (?, NULL, ?) ON CONFLICT (person_id) DO UPDATE SET key = NULL, erased_at = excluded.erased_at').run(id, at)
    },
    adopt: async (found) => {
      if (ins === undefined) throw new Error('the store keeps no keys (clear text or read-only): run `hoi seal`')
      ensureTx(new Map([...found].flatMap(([id, k]) => (k === null ? [] : [[id, k] as const]))))
      for (const [id, k] of found) if (k === null) db.prepare("INSERT INTO person_keys (person_id, key, erased_at) VALUES (?, NULL, 'copied') ON CONFLICT (person_id) DO NOTHING").run(id)
    },
  }
}

/** PostgreSQL: the table person_keys in the store's database, same rules as SQLite. */
export const postgresKeys = async (pool: pg.Pool): Promise<KeyTable> => {
  // two processes opening a fresh database at once: the schema's setup lock lets exactly one create the table
  const client = await pool.connect()
  let clearText: boolean
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK])
    const exists = (await client.query<{ e: boolean }>("SELECT to_regclass('person_keys') IS NOT NULL AS e")).rows[0]?.e === true
    clearText = !exists && (await client.query('SELECT 1 FROM events WHERE type = ANY($1) LIMIT 1', [personalTypes])).rowCount !== 0
    if (!exists && !clearText) await client.query('CREATE TABLE IF NOT EXISTS person_keys (person_id text PRIMARY KEY, key bytea, erased_at text)')
    await client.query('COMMIT')
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
  const lookup = async (ids: ReadonlyArray<string>): Promise<Map<string, Buffer | null>> => {
    if (clearText || ids.length === 0) return new Map()
    const r = await pool.query<{ person_id: string; key: Buffer | null }>('SELECT person_id, key FROM person_keys WHERE person_id = ANY($1)', [[...new Set(ids)]])
    return new Map(r.rows.map((row) => [row.person_id, row.key]))
  }
  return {
    clearText,
    lookup,
    ensure: async (ids) => {
      const have = await lookup(ids)
      const missing = [...new Set(ids)].filter((id) => !have.has(id))
      if (missing.length === 0) return have
      if (clearText) throw new Error('the store keeps no keys (clear text): run `hoi seal`')
      const fresh = newKeys(missing)
      await pool.query('INSERT INTO person_keys (person_id, key) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (person_id) DO NOTHING', [[...fresh.keys()], [...fresh.values()]])
      return lookup(ids)
    },
    destroy: async (id, at) => {
      await pool.query('INSERT INTO person_keys (person_id, key, erased_at) VALUES ($1, NULL, $2) ON CONFLICT (person_id) DO UPDATE SET key = NULL, erased_at = excluded.erased_at', [id, at])
    },
    adopt: async (found) => {
      if (found.size === 0) return
      if (clearText) throw new Error('the store keeps no keys (clear text): run `hoi seal`')
      await pool.query(
        "INSERT INTO person_keys (person_id, key, erased_at) SELECT id, k, CASE WHEN k IS NULL THEN 'copied' END FROM unnest($1::text[], $2::bytea[]) AS u(id, k) ON CONFLICT (person_id) DO NOTHING",
        [[...found.keys()], [...found.values()]],
      )
    },
  }
}
