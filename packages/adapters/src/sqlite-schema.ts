import type Database from 'better-sqlite3'
import type { EventMetadata, RecordedEvent } from '@hoi/domain'
import type { StoreError } from './store.js'

export const SCHEMA_VERSION = 1

/** The store's tables; the benchmark's raw baseline creates the very same ones. */
export const schema = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  command_id     TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_command_id ON events (command_id);
`

/**
 * WAL and synchronous=FULL on every connection (RELIABILITY C4). better-sqlite3 is built with WAL
 * synchronous defaulting to NORMAL for a connection that opens an existing WAL database, and
 * switching into WAL can apply that default, so FULL is set after the journal mode, every time.
 */
export const configure = (db: Database.Database, busyTimeoutMs: number, readonly: boolean): void => {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
  if (!readonly || db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('cache_size = -16000')
  db.pragma('temp_store = MEMORY')
  if (!readonly) {
    db.exec(schema)
    if (db.pragma('user_version', { simple: true }) === 0) db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }
}

export const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata'
export type Row = [number, string, string, number, string, number, string, string]

/**
 * A stored row as an envelope. Metadata is parsed on first use: loading an aggregate folds only
 * `type` and `data`, and parsing every event's metadata was a third of a 10,000-event load (W4).
 * It stays an own enumerable property, so spreads, JSON and equality see an ordinary envelope.
 */
export const toRecorded = (r: Row): RecordedEvent => {
  const e = { eventId: r[1], type: r[4], schemaVersion: r[5], streamId: r[2], revision: r[3], position: r[0], data: JSON.parse(r[6]) as unknown }
  const json = r[7]
  return Object.defineProperty(e, 'metadata', {
    enumerable: true,
    configurable: true,
    get(): EventMetadata {
      const value = JSON.parse(json) as EventMetadata
      Object.defineProperty(e, 'metadata', { value, enumerable: true, writable: false, configurable: false })
      return value
    },
  }) as RecordedEvent
}

export const isUniqueViolation = (e: unknown, column: string): boolean => {
  const code = (e as { code?: unknown }).code
  return (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && String((e as Error).message).includes(column)
}

/** Driver exceptions become values at the edge: busy/locked/closed is unavailable, everything else a failure. */
export const toStoreError = (e: unknown): StoreError => {
  const code = (e as { code?: unknown }).code
  const message = e instanceof Error ? e.message : String(e)
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_CANTOPEN')) return { _tag: 'StoreUnavailable', message: `${code}: ${message}` }
    return { _tag: 'StoreFailure', message: `${code}: ${message}` }
  }
  if (e instanceof TypeError && /not open/u.test(message)) return { _tag: 'StoreUnavailable', message: 'the store is closed' }
  return { _tag: 'StoreFailure', message }
}
