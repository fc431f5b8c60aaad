import pg from 'pg'
import type { NewEvent } from '@hoi/adapters'
import { Database, type Db } from './env.js'

/**
 * The limit with the minimal schema: one events table with only the keys an event store's
 * guarantees need (a position key, a unique event id, a unique stream + revision) and nothing else.
 * The expected revision is checked by the unique key itself: the insert of revision expected+1
 * fails when another writer took it. Measuring against this (and not a copy of hoi's own tables)
 * shows what hoi's schema and code cost together.
 */
export type Appender = {
  readonly name: string
  /** appends `events` after revision `expected` (-1: a new stream); resolves to the stream's new last revision */
  append(streamId: string, events: ReadonlyArray<NewEvent>, expected: number): Promise<number> | number
  /** reads one stream whole and parses its rows; resolves to the number of events */
  read(streamId: string): Promise<number> | number
  /** the stream's last revision (-1: none), for retries after a conflict */
  revision(streamId: string): Promise<number> | number
  close(): Promise<void> | void
}

export class Conflict extends Error {}

const SQLITE_MINIMAL = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  event_id  TEXT    NOT NULL UNIQUE,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
)`

const isUnique = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505'
}

export const minimalSqlite = (file: string): Appender => {
  const db: Db = new Database(file, { timeout: 5000 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(SQLITE_MINIMAL)
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
  const select = db.prepare('SELECT type, revision, data, metadata FROM events WHERE stream_id = ? ORDER BY revision').raw()
  const last = db.prepare('SELECT max(revision) FROM events WHERE stream_id = ?').pluck()
  const tx = db.transaction((streamId: string, events: ReadonlyArray<NewEvent>, expected: number, recordedAt: string) => {
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!
      insert.run(e.eventId, streamId, expected + 1 + i, e.type, JSON.stringify(e.data), JSON.stringify({ ...e.metadata, recordedAt }))
    }
    return expected + events.length
  })
  return {
    name: 'raw minimal',
    append: (streamId, events, expected) => {
      try {
        return tx.immediate(streamId, events, expected, new Date().toISOString())
      } catch (e) {
        if (isUnique(e)) throw new Conflict(streamId)
        throw e
      }
    },
    read: (streamId) => {
      const rows = select.all(streamId) as Array<[string, number, string, string]>
      let n = 0
      for (const r of rows) if (JSON.parse(r[2]) !== undefined && JSON.parse(r[3]) !== undefined) n++
      return n
    },
    revision: (streamId) => (last.get(streamId) as number | null) ?? -1,
    close: () => {
      db.close()
    },
  }
}

const PG_MINIMAL = `
CREATE TABLE IF NOT EXISTS events (
  position  bigserial PRIMARY KEY,
  event_id  text  NOT NULL UNIQUE,
  stream_id text  NOT NULL,
  revision  integer NOT NULL,
  type      text  NOT NULL,
  data      jsonb NOT NULL,
  metadata  jsonb NOT NULL,
  UNIQUE (stream_id, revision)
)`

/** One multi-row INSERT per append (one round trip, autocommit with synchronous_commit on). */
export const minimalPostgres = async (url: string, connections: number): Promise<Appender> => {
  const pool = new pg.Pool({ connectionString: url, max: connections })
  await pool.query(PG_MINIMAL)
  return {
    name: 'raw minimal',
    append: async (streamId, events, expected) => {
      const recordedAt = new Date().toISOString()
      try {
        await pool.query(
          `INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
           SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[])`,
          [
            events.map((e) => e.eventId),
            events.map(() => streamId),
            events.map((_, i) => expected + 1 + i),
            events.map((e) => e.type),
            events.map((e) => JSON.stringify(e.data)),
            events.map((e) => JSON.stringify({ ...e.metadata, recordedAt })),
          ],
        )
      } catch (e) {
        if (isUnique(e)) throw new Conflict(streamId)
        throw e
      }
      return expected + events.length
    },
    read: async (streamId) => {
      // text columns, parsed here: the same work the store does with its rows
      const r = await pool.query<{ data: string; metadata: string }>('SELECT type, revision, data::text AS data, metadata::text AS metadata FROM events WHERE stream_id = $1 ORDER BY revision', [
        streamId,
      ])
      let n = 0
      for (const row of r.rows) if (JSON.parse(row.data) !== undefined && JSON.parse(row.metadata) !== undefined) n++
      return n
    },
    revision: async (streamId) => {
      const r = await pool.query<{ m: number | null }>('SELECT max(revision) AS m FROM events WHERE stream_id = $1', [streamId])
      return r.rows[0]?.m ?? -1
    },
    close: () => pool.end(),
  }
}
