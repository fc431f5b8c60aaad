import type pg from 'pg'
import type { RecordedEvent } from '@hoi/domain'
import { toRecorded } from './sqlite-schema.js'
import { StoreErrorException, type StoreError } from './store.js'

/** The version of the tables below; a database written by a newer hoi is refused, never guessed at. */
export const PG_SCHEMA_VERSION = 1

/**
 * `head` is the one row every write transaction locks first (see postgres.ts): its `position` is
 * the last position committed, and `hash` is kept for the audit chain's head.
 * `data` and `metadata` are `json`, not `jsonb`: json keeps the exact text, which a retried append
 * is compared against byte for byte.
 */
const tables = `
CREATE TABLE store_version (
  one     boolean PRIMARY KEY DEFAULT true CHECK (one),
  version integer NOT NULL
);
CREATE TABLE events (
  position       bigint      PRIMARY KEY,
  event_id       text        NOT NULL UNIQUE,
  stream_id      text        NOT NULL,
  revision       integer     NOT NULL,
  type           text        NOT NULL,
  schema_version integer     NOT NULL,
  data           json        NOT NULL,
  metadata       json        NOT NULL,
  command_id     text        NOT NULL,
  recorded_at    timestamptz NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX events_command_id ON events (command_id);
CREATE TABLE streams (
  stream_id text    PRIMARY KEY,
  revision  integer NOT NULL
);
CREATE TABLE head (
  one      boolean PRIMARY KEY DEFAULT true CHECK (one),
  position bigint  NOT NULL,
  hash     text    NULL
);
INSERT INTO head (position) VALUES (0);
`

/** An arbitrary constant: only hoi's schema setup takes this advisory lock. */
export const SETUP_LOCK = 74_110_611

/** The database is not one this hoi may write: never retried, shown to the operator as it is. */
export class SchemaRefused extends Error {
  override readonly name = 'SchemaRefused'
}

/** The URL without its password, for messages. */
export const safeUrl = (url: string): string => url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/iu, '$1:***@')

/**
 * Creates the tables on first open and checks the version on every open. Two processes opening a
 * fresh database at once are serialised by an advisory lock, so exactly one creates the tables.
 */
export const ensureSchema = async (client: pg.ClientBase, url: string): Promise<void> => {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK])
    const found = await client.query<{ version: string | null; events: string | null }>("SELECT to_regclass('store_version')::text AS version, to_regclass('events')::text AS events")
    const { version, events } = found.rows[0]!
    if (version === null) {
      if (events !== null) throw new SchemaRefused(`The PostgreSQL database at ${safeUrl(url)} has an events table but no hoi store_version: it is not a hoi store, and hoi will not write into it`)
      await client.query(tables)
      await client.query('INSERT INTO store_version (version) VALUES ($1)', [PG_SCHEMA_VERSION])
    } else {
      const v = (await client.query<{ version: number }>('SELECT version FROM store_version')).rows[0]?.version
      if (v === undefined) throw new SchemaRefused(`The PostgreSQL database at ${safeUrl(url)} has an empty store_version table: the hoi schema is damaged`)
      if (v > PG_SCHEMA_VERSION)
        throw new SchemaRefused(
          `The PostgreSQL database at ${safeUrl(url)} has hoi schema version ${v}, newer than version ${PG_SCHEMA_VERSION} that this hoi understands: upgrade hoi before using this database`,
        )
    }
    await client.query('COMMIT')
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  }
}

/**
 * The channel every append transaction notifies on commit, with the new head position as payload:
 * followers LISTEN on it instead of polling (a notification sent in a transaction is delivered
 * only if and when it commits, so a follower never hears of events it cannot read yet). Each
 * schema has its own channel (LISTEN/NOTIFY channels are per database): stores in other schemas
 * of the same database do not wake each other's followers. The name is computed by the server
 * from the connection's schema, so writer and listener agree without being told it.
 */
const CHANNEL = `'hoi_events_' || left(md5(coalesce(current_schema(), '')), 16)`
export const channelSql = `SELECT ${CHANNEL} AS channel`
export const notifySql = (head: number): string => `SELECT pg_notify(${CHANNEL}, '${Math.trunc(head)}')`

export const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data::text, metadata::text'
/** position arrives as a string (bigint); it is a safe integer by the port's contract */
type PgRow = [string | number, string, string, number, string, number, string, string]

export const rowToRecorded = (r: PgRow): RecordedEvent => toRecorded([Number(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7]])

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED'])
/** SQLSTATEs that say "try again later": connection exceptions, shutdown, too many connections */
const TRANSIENT = /^(08|57P0[1-3]|53300|40001|40P01)/u

/**
 * Driver exceptions become values at the edge. Anything that says the server cannot be reached or
 * went away is StoreUnavailable (the pool opens a fresh connection on the next call); everything
 * else is a StoreFailure carrying the server's message.
 */
export const toStoreError = (e: unknown): StoreError => {
  if (e instanceof StoreErrorException) return e.error
  const code = (e as { code?: unknown }).code
  const message = e instanceof Error ? e.message : String(e)
  if (typeof code === 'string' && (NETWORK.has(code) || TRANSIENT.test(code))) return { _tag: 'StoreUnavailable', message: `PostgreSQL unavailable (${code}): ${message}` }
  if (e instanceof AggregateError && e.errors.some((x) => NETWORK.has(String((x as { code?: unknown }).code))))
    return { _tag: 'StoreUnavailable', message: `PostgreSQL unavailable: ${e.errors.map((x) => (x as Error).message).join('; ')}` }
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|connection is closed/iu.test(message))
    return { _tag: 'StoreUnavailable', message: `PostgreSQL unavailable: ${message}` }
  return { _tag: 'StoreFailure', message: typeof code === 'string' ? `${code}: ${message}` : message }
}

export const isUniqueViolation = (e: unknown, constraint: string): boolean => (e as { code?: unknown }).code === '23505' && (e as { constraint?: unknown }).constraint === constraint
