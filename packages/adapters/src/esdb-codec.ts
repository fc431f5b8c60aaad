import type { EventMetadata, RecordedEvent } from '@hoi/domain'
import { StoreErrorException, type NewEvent, type StoreError } from './store.js'

/**
 * How hoi's envelopes sit in KurrentDB (EventStoreDB): pure mappings, kept apart from the client
 * so they can be checked without a server.
 */

/** `kurrentdb://` is the new name of `esdb://`; the 6.x client knows only the old one. */
export const clientConnectionString = (url: string): string => {
  const m = /^(esdb|kurrentdb|kurrent)(\+discover)?:\/\//iu.exec(url)
  if (m === null) throw new Error(`Not a KurrentDB URL: ${JSON.stringify(url)} (expected esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://)`)
  return `esdb${m[2] ?? ''}://${url.slice(m[0].length)}`
}

/**
 * One stream per command id holds where that command's events were written (see docs/stores.md,
 * "Replay by command id on KurrentDB"). hoi's own streams never start with this prefix or `$`.
 */
export const COMMAND_INDEX_PREFIX = 'hoi.command-'
export const COMMAND_INDEX_TYPE = 'hoi.CommandWrote'
export const commandIndexStream = (commandId: string): string => `${COMMAND_INDEX_PREFIX}${commandId}`
/** system streams (`$…`, `$$…`) and hoi's command index are not part of the global log */
export const isInternalStream = (streamId: string): boolean => streamId.startsWith('$') || streamId.startsWith(COMMAND_INDEX_PREFIX)

/** data of a command-index record: the stream and the (revision, event id) pairs the command's append claims */
export type CommandWrote = { streamId: string; events: Array<[number, string]> }

export const isCommandWrote = (u: unknown): u is CommandWrote =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as CommandWrote).streamId === 'string' &&
  Array.isArray((u as CommandWrote).events) &&
  (u as CommandWrote).events.every((p) => Array.isArray(p) && Number.isSafeInteger(p[0]) && typeof p[1] === 'string')

const failure = (message: string): StoreErrorException => new StoreErrorException({ _tag: 'StoreFailure', message })

/** A 64-bit value from the server as a JS number, or a loud StoreFailure: positions must stay exact. */
export const safeNumber = (v: bigint | number | undefined, what: string): number => {
  if (v === undefined) throw failure(`the server gave no ${what}`)
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) throw failure(`${what} ${v} is not a whole number hoi can keep exactly`)
    return v
  }
  // 2^64-1 is what servers before EventStoreDB 22.10 send for the position of an event read from its stream
  if (v === 0xffffffffffffffffn) throw failure(`the server does not report the ${what} of events read from a stream: hoi needs EventStoreDB 22.10 or later, or KurrentDB`)
  if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) throw failure(`${what} ${v} is beyond 2^53-1: hoi's global positions are JS numbers and cannot hold it exactly`)
  return Number(v)
}

/** What KurrentDB keeps as an event's metadata: hoi's envelope fields, plus the ids its own projections read. */
export type StoredMetadata = { hoi: { schemaVersion: number; metadata: EventMetadata }; $correlationId: string; $causationId: string }

export const toEventData = (e: NewEvent, recordedAt: string) => {
  const metadata = { ...e.metadata, recordedAt } as EventMetadata
  const stored: StoredMetadata = { hoi: { schemaVersion: e.schemaVersion, metadata }, $correlationId: metadata.correlationId, $causationId: metadata.causationId }
  return { id: e.eventId, contentType: 'application/json' as const, type: e.type, data: (e.data ?? null) as never, metadata: stored as never }
}

/** The fields of a KurrentDB record that hoi reads (the client's RecordedEvent, loosely typed). */
export type EsdbRecord = { streamId: string; id: string; revision: bigint; type: string; data: unknown; metadata: unknown; isJson: boolean; position?: { commit: bigint; prepare: bigint } | undefined }

export const fromRecord = (r: EsdbRecord, position?: bigint): RecordedEvent => {
  const m = r.metadata as Partial<StoredMetadata> | undefined
  const hoi = m?.hoi
  if (!r.isJson || hoi === undefined || typeof hoi.schemaVersion !== 'number' || typeof hoi.metadata !== 'object' || hoi.metadata === null)
    throw failure(`event ${r.id} of ${r.streamId}@${r.revision} was not written by hoi (no hoi envelope in its metadata)`)
  return {
    eventId: r.id,
    type: r.type,
    schemaVersion: hoi.schemaVersion,
    streamId: r.streamId,
    revision: safeNumber(r.revision, 'stream revision'),
    position: safeNumber(position ?? r.position?.commit, 'commit position'),
    data: r.data,
    metadata: hoi.metadata,
  }
}

const GRPC_UNAVAILABLE = 14
const GRPC_DEADLINE_EXCEEDED = 4
const GRPC_CANCELLED = 1

/** Connection trouble is StoreUnavailable (the caller may retry); anything else a StoreFailure. */
export const storeErrorOf = (e: unknown): StoreError => {
  if (e instanceof StoreErrorException) return e.error
  const { type, code, message } = (typeof e === 'object' && e !== null ? e : {}) as { type?: unknown; code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message : String(e)
  if (
    ['unavailable', 'deadline-exceeded', 'timeout', 'cancelled', 'not-leader'].includes(String(type)) ||
    [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED, GRPC_CANCELLED].includes(Number(code)) ||
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH/u.test(text)
  )
    return { _tag: 'StoreUnavailable', message: `KurrentDB is not reachable: ${text}` }
  return { _tag: 'StoreFailure', message: `KurrentDB: ${text}` }
}

export const isWrongExpectedVersion = (e: unknown): boolean => (e as { type?: unknown } | null)?.type === 'wrong-expected-version'
export const isStreamNotFound = (e: unknown): boolean => (e as { type?: unknown } | null)?.type === 'stream-not-found'
