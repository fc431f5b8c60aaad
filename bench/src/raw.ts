import { sqliteSchema as schema } from '@hoi/adapters/sqlite'
import { Database, type Db } from './env.js'

/**
 * The limit: better-sqlite3 used directly, with the same table shape, indexes, pragmas and per-append
 * work as the SQLite store (a BEGIN IMMEDIATE transaction that checks the stream's revision, inserts
 * the events with their JSON, and upserts the stream row) — and nothing else: no envelopes, no
 * Either, no idempotency bookkeeping, no promise.
 */

export const openRawDb = (file: string, readonly = false): Db => {
  const db = new Database(file, { readonly, timeout: 5000 })
  db.pragma('busy_timeout = 5000')
  if (!readonly) db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('cache_size = -16000')
  db.pragma('temp_store = MEMORY')
  if (!readonly) db.exec(schema)
  return db
}

/** What a raw append writes: the same fields the store writes, JSON encoded in the timed path. */
export type RawEvent = {
  readonly eventId: string
  readonly type: string
  readonly data: unknown
  readonly metadata: { readonly commandId: string }
}

export type RawAppender = {
  /** appends `events` to `streamId` if its revision is `expected` (-1: no stream); returns the new revision */
  append(streamId: string, events: ReadonlyArray<RawEvent>, expected: number): number
  close(): void
}

export const rawAppender = (file: string): RawAppender => {
  const db = openRawDb(file)
  const selRevision = db.prepare('SELECT revision FROM streams WHERE stream_id = ?').pluck()
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const upsert = db.prepare('INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision')
  const tx = db.transaction((streamId: string, events: ReadonlyArray<RawEvent>, expected: number, recordedAt: string): number => {
    const current = (selRevision.get(streamId) as number | undefined) ?? -1
    if (current !== expected) throw new Error(`raw: ${streamId} is at ${current}, expected ${expected}`)
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!
      insert.run(e.eventId, streamId, current + 1 + i, e.type, 1, JSON.stringify(e.data), JSON.stringify({ ...e.metadata, recordedAt }), e.metadata.commandId, recordedAt)
    }
    upsert.run(streamId, current + events.length)
    return current + events.length
  })
  return {
    append: (streamId, events, expected) => tx.immediate(streamId, events, expected, new Date().toISOString()),
    close: () => db.close(),
  }
}

/** One SELECT of a stream's rows and JSON.parse of data and metadata: the floor of loading an aggregate. */
export const rawStreamReader = (file: string): { read(streamId: string): Array<{ type: string; revision: number; data: unknown; metadata: unknown }>; close(): void } => {
  const db = openRawDb(file, true)
  const sel = db.prepare('SELECT type, revision, data, metadata FROM events WHERE stream_id = ? ORDER BY revision').raw()
  return {
    read: (streamId) =>
      (sel.all(streamId) as Array<[string, number, string, string]>).map((r) => ({ type: r[0], revision: r[1], data: JSON.parse(r[2]) as unknown, metadata: JSON.parse(r[3]) as unknown })),
    close: () => db.close(),
  }
}
