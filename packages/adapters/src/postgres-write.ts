import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import type { RecordedEvent } from '@hoi/domain'
import { chained, GENESIS, HASH, UNCHAINED_MESSAGE, type CanonicalText } from './chain.js'
import { canonicalPlans, checkedAppend, settleIfRetry, type StoredForCompare } from './idempotency.js'
import { COLUMNS, notifySql, rowToRecorded } from './postgres-schema.js'
import type { AppendItem, AppendResult, ImportedEvent, NewEvent, StoreError } from './store.js'

/** `keepRecordedAt`: an import (hoi migrate), whose events bring their own recordedAt */
export type Plan = {
  readonly item: AppendItem
  readonly dataJson: ReadonlyArray<string>
  /** the data's canonical text, which the hash covers: encoded before the write lock */
  readonly dataCanonical: ReadonlyArray<CanonicalText>
  readonly keepRecordedAt?: boolean
}
/** One call of append or appendMany, all-or-nothing on its own. */
export type Queued = {
  readonly plans: ReadonlyArray<Plan>
  readonly size: number
  readonly resolve: (r: E.Either<StoreError, ReadonlyArray<AppendResult>>) => void
}
/** 'alone': the call repeats an id that an earlier call of the same group writes; it is settled after the commit, on its own */
export type Outcome = E.Either<StoreError, ReadonlyArray<AppendResult>> | 'alone'

const nulIn = (e: NewEvent): string | undefined => (e.eventId.includes('\u0000') ? 'event id' : e.type.includes('\u0000') ? 'type' : e.metadata.commandId.includes('\u0000') ? 'command id' : undefined)

/** Checks what can be checked before any round trip: ids unique within the call, data serialisable (once). */
export const plansOf = (items: ReadonlyArray<AppendItem>): E.Either<StoreError, Plan[]> => {
  for (const { streamId, events } of items) {
    const bad = streamId.includes('\u0000') ? 'stream id' : events.map((e) => nulIn(e)).find((f) => f !== undefined)
    if (bad !== undefined)
      return E.left({ _tag: 'StoreFailure', message: `the ${bad} of an event for stream ${JSON.stringify(streamId)} contains the NUL character, which PostgreSQL text cannot hold` })
  }
  return canonicalPlans(checkedAppend(items))
}

/**
 * Stream revisions (position NULL), stored events with one of the ids, and the head (event id NULL:
 * its position, and its hash in the data column), in one round trip and so in one snapshot.
 */
const STATE = `SELECT NULL::bigint, NULL, stream_id, revision, NULL, NULL::int, NULL, NULL FROM streams WHERE stream_id = ANY($1::text[])
UNION ALL SELECT ${COLUMNS} FROM events WHERE event_id = ANY($2::text[])
UNION ALL SELECT position, NULL, NULL, NULL, NULL, NULL, hash, NULL FROM head`

/** The column arrays of one multi-row INSERT: one round trip however many events the group holds. */
export class Rows {
  readonly position: number[] = []
  readonly eventId: string[] = []
  readonly streamId: string[] = []
  readonly revision: number[] = []
  readonly type: string[] = []
  readonly schemaVersion: number[] = []
  readonly data: string[] = []
  readonly metadata: string[] = []
  readonly commandId: string[] = []
  readonly recordedAt: string[] = []
  push(e: RecordedEvent, dataJson: string): void {
    this.position.push(e.position)
    this.eventId.push(e.eventId)
    this.streamId.push(e.streamId)
    this.revision.push(e.revision)
    this.type.push(e.type)
    this.schemaVersion.push(e.schemaVersion)
    this.data.push(dataJson)
    this.metadata.push(JSON.stringify(e.metadata))
    this.commandId.push(e.metadata.commandId)
    this.recordedAt.push(e.metadata.recordedAt)
  }
}

/** The last position and its hash; `hash` null: an empty store, or one written before the chain if `position` > 0. */
export type Head = { readonly position: number; readonly hash: string | null }
type State = { readonly revisions: Map<string, number>; readonly stored: Map<string, StoredForCompare>; readonly head: Head }

/** The head as read; a hash that is not 64 hex digits is refused (it is also written into SQL text). */
const headOf = (position: string | number, hash: string | null): Head => {
  if (hash !== null && !HASH.test(hash)) throw new Error(`the head row's hash is not 64 lowercase hex digits (${JSON.stringify(hash.slice(0, 80))}): the store is damaged; run \`hoi verify\``)
  return { position: Number(position), hash }
}

/** The hash the next event links to, or undefined when the store holds unchained events. */
export const prevHashOf = (head: Head): string | undefined => (head.hash !== null ? head.hash : head.position === 0 ? GENESIS : undefined)
export const unchained: StoreError = { _tag: 'StoreFailure', message: UNCHAINED_MESSAGE }

/** Every stream revision and stored event the group's calls depend on, in one query. */
const readState = async (client: pg.ClientBase, group: ReadonlyArray<Queued>): Promise<State> => {
  const streamIds = [...new Set(group.flatMap((q) => q.plans.map((p) => p.item.streamId)))]
  const ids = group.flatMap((q) => q.plans.flatMap((p) => p.item.events.map((e) => e.eventId)))
  const state = await client.query<[string | null, string | null, string, number, string, number, string, string]>({ name: 'hoi-state', text: STATE, values: [streamIds, ids], rowMode: 'array' })
  const revisions = new Map<string, number>()
  const stored = new Map<string, StoredForCompare>()
  let head: Head = { position: 0, hash: null }
  for (const r of state.rows) {
    if (r[0] === null) revisions.set(r[2], r[3])
    else if (r[1] === null) head = headOf(r[0], r[6])
    else stored.set(r[1], { recorded: rowToRecorded(r as [string, string, string, number, string, number, string, string]), dataJson: r[6] })
  }
  return { revisions, stored, head }
}

type Planned = { outcomes: Outcome[]; rows: Rows; head: number; hash: string; revisions: Map<string, number>; clean: boolean }

/**
 * Decides every call of the group against `state`, giving positions after `head` and chaining
 * each written event to the one before it in commit order, from `prevHash`: a call whose
 * expected revision fails or whose ids are stored is settled by resolveRetry and writes nothing;
 * the others' events go into one set of rows. `clean`: no call needed resolveRetry.
 */
const plan = (group: ReadonlyArray<Queued>, state: State, head: number, prevHash: string, recordedAt: string): Planned => {
  const revisions = new Map(state.revisions)
  const rows = new Rows()
  const taken = new Set<string>()
  const outcomes: Outcome[] = []
  let next = head
  let hash = prevHash
  let clean = true
  for (const q of group) {
    const staged = new Map<string, number>()
    const pending: Array<{ recorded: RecordedEvent; dataJson: string }> = []
    const results: AppendResult[] = []
    let failure: StoreError | 'alone' | undefined
    let pos = next
    let prev = hash
    for (const p of q.plans) {
      const { streamId, events } = p.item
      const current = staged.get(streamId) ?? revisions.get(streamId) ?? -1
      if (events.some((e) => taken.has(e.eventId))) {
        failure = 'alone'
        break
      }
      const found = events.map((e) => state.stored.get(e.eventId))
      const settled = settleIfRetry(p.item, p.dataJson, found, current)
      if (settled !== undefined) {
        clean = false
        if (E.isLeft(settled)) {
          failure = settled.left
          break
        }
        results.push(settled.right)
        continue
      }
      const recorded = events.map((e, i): RecordedEvent => {
        const envelope = { eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, streamId, revision: current + 1 + i, position: pos + 1 + i }
        // hashed as stored: the canonical text of the data, encoded before the lock
        const metadata = chained({ ...envelope, data: p.dataCanonical[i]! }, { ...e.metadata, recordedAt: p.keepRecordedAt === true ? (e as ImportedEvent).recordedAt : recordedAt }, prev)
        prev = metadata.hash
        return { ...envelope, data: e.data, metadata }
      })
      recorded.forEach((r, i) => pending.push({ recorded: r, dataJson: p.dataJson[i]! }))
      pos += events.length
      staged.set(streamId, current + events.length)
      results.push({ streamId, revision: current + events.length, position: pos, events: recorded })
    }
    if (failure !== undefined) {
      clean = false
      outcomes.push(failure === 'alone' ? 'alone' : E.left(failure))
      continue
    }
    next = pos
    hash = prev
    for (const [s, r] of staged) revisions.set(s, r)
    for (const { recorded, dataJson } of pending) {
      rows.push(recorded, dataJson)
      taken.add(recorded.eventId)
    }
    outcomes.push(E.right(results))
  }
  return { outcomes, rows, head: next, hash, revisions, clean }
}

/** A dollar-quoted constant: no per-character escaping of megabytes of JSON (NUL is refused before). */
const quoted = (text: string): string => {
  let tag = '$hoi$'
  for (let i = 0; text.includes(tag); i++) tag = `$hoi${i}$`
  return `${tag}${text}${tag}`
}

/**
 * One array literal per column ('{"a","b"}'::text[]): a single constant for the parser, where
 * ARRAY[…] of thousands of elements made PostgreSQL analyse each one.
 */
export const texts = (xs: ReadonlyArray<string>): string => `${quoted(`{${xs.map((x) => `"${x.replace(/[\\"]/gu, '\\$&')}"`).join(',')}}`)}::text[]`
export const ints = (xs: ReadonlyArray<number>): string => `'{${xs.map((x) => String(Math.trunc(x))).join(',')}}'::bigint[]`

/**
 * The INSERT of every event and stream revision. `base` is the SQL of the position the rows'
 * positions count from. `guard`, if given, makes the statement fail (division by zero) unless
 * every listed stream still has the listed revision and the head is the listed one (a hash is hex).
 */
export const insertSql = (
  rows: Rows,
  streams: ReadonlyArray<string>,
  revisions: ReadonlyArray<number>,
  base: string,
  guard?: { streams: ReadonlyArray<string>; revisions: ReadonlyArray<number>; head: { position: number; hash: string } },
): string => `WITH ${
  guard === undefined
    ? ''
    : `g AS (
  SELECT 1 / (CASE WHEN EXISTS (SELECT 1 FROM unnest(${texts(guard.streams)}, ${ints(guard.revisions)}) AS x (s, r)
    LEFT JOIN streams ON streams.stream_id = x.s WHERE coalesce(streams.revision, -1) <> x.r)
    OR NOT EXISTS (SELECT 1 FROM head WHERE position = ${Math.trunc(guard.head.position)} AND hash = '${guard.head.hash}') THEN 0 ELSE 1 END) AS ok
), `
}e AS (
  INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at)
  SELECT p + ${base}, i, s, r, t, v, d::json, m::json, c, ra::timestamptz
  FROM unnest(${ints(rows.position)}, ${texts(rows.eventId)}, ${texts(rows.streamId)}, ${ints(rows.revision)}, ${texts(rows.type)},
    ${ints(rows.schemaVersion)}, ${texts(rows.data)}, ${texts(rows.metadata)}, ${texts(rows.commandId)}, ${texts(rows.recordedAt)}) AS u (p, i, s, r, t, v, d, m, c, ra)${
      guard === undefined
        ? ''
        : `
  WHERE (SELECT ok FROM g) = 1`
    }
)
INSERT INTO streams (stream_id, revision) SELECT * FROM unnest(${texts(streams)}, ${ints(revisions)})
ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision`

/** Guard failed (another writer moved a stream) or an id was stored meanwhile: decide again under the lock. */
const RACED = new Set(['22012', '23505'])

/**
 * The common case in one message, with the head lock held only inside the server: the head and
 * the state are read in one snapshot without the lock, and if every call is clean (no conflict, no
 * retry) the events are numbered and chained after that head here, then one message runs BEGIN;
 * UPDATE head to the new position and hash where it is still the head that was read (the lock);
 * the INSERT, whose fresh snapshot checks that no stream moved and that the head is now ours;
 * COMMIT. No round trip to this process happens while the lock is held, which is what bounds
 * throughput across processes. undefined: not clean, unchained, or another writer committed
 * since the read; nothing was written.
 */
const writeFast = async (client: pg.ClientBase, group: ReadonlyArray<Queued>, recordedAt: string): Promise<Outcome[] | undefined> => {
  const state = await readState(client, group)
  const prev = prevHashOf(state.head)
  if (prev === undefined) return undefined
  const planned = plan(group, state, state.head.position, prev, recordedAt)
  const n = planned.rows.position.length
  if (!planned.clean || n === 0) return undefined
  const touched = [...new Set(planned.rows.streamId)]
  const guard = { streams: touched, revisions: touched.map((t) => state.revisions.get(t) ?? -1), head: { position: planned.head, hash: planned.hash } }
  const text = `BEGIN; UPDATE head SET position = ${planned.head}, hash = '${planned.hash}' WHERE position = ${state.head.position} AND hash IS NOT DISTINCT FROM ${state.head.hash === null ? 'NULL' : `'${state.head.hash}'`};
${insertSql(
  planned.rows,
  touched,
  touched.map((t) => planned.revisions.get(t)!),
  '0',
  guard,
)};
${notifySql(planned.head)};
COMMIT`
  try {
    await client.query(text)
  } catch (e) {
    if (!RACED.has(String((e as { code?: unknown }).code))) throw e
    await client.query('ROLLBACK')
    return undefined
  }
  return planned.outcomes
}

/** BEGIN and the head lock: from here until COMMIT or ROLLBACK no other writer can write. */
export const lockHead = async (client: pg.ClientBase): Promise<Head> => {
  const locked = (await client.query('BEGIN; UPDATE head SET position = position RETURNING position, hash')) as unknown as pg.QueryResult[]
  const row = (locked[1] as pg.QueryResult<{ position: string; hash: string | null }>).rows[0]!
  return headOf(row.position, row.hash)
}

/**
 * Writes one group of calls in one transaction, one fsync for all of them: first the one-message
 * path (writeFast); if a call conflicts, retries, or another writer raced, the careful path:
 * 1. `UPDATE head … RETURNING` locks the one head row: from here until COMMIT no other writer, in
 *    this process or another, can allocate positions, so positions are dense and every transaction
 *    becomes visible before the next one takes its first position (readers never skip), and the
 *    head's hash is the one the group's first event links to (an unchained store refuses);
 * 2. under that lock, a fresh snapshot (a new statement) gives the current revision of every
 *    stream and any stored event with one of the group's ids, so every expected revision and
 *    retry is decided before anything is written: a conflicting call is answered on its own and
 *    undoes nothing of the others, with no savepoint round trips;
 * 3. one INSERT … SELECT FROM unnest(…) writes all events and stream revisions, then the new head
 *    position and hash, the notification of followers (their schema's channel) and COMMIT, in one message.
 * Throws on any driver error; the caller rolls back and answers.
 */
export const writeGroup = async (client: pg.ClientBase, group: ReadonlyArray<Queued>, recordedAt: string): Promise<Outcome[]> => {
  const fast = await writeFast(client, group, recordedAt)
  if (fast !== undefined) return fast
  const head = await lockHead(client)
  const prev = prevHashOf(head)
  if (prev === undefined) {
    await client.query('ROLLBACK')
    return group.map(() => E.left(unchained))
  }
  const planned = plan(group, await readState(client, group), head.position, prev, recordedAt)
  if (planned.rows.position.length === 0) {
    await client.query('ROLLBACK') // nothing to write: release the lock without a commit
    return planned.outcomes
  }
  const touched = [...new Set(planned.rows.streamId)]
  await client.query(`${insertSql(
    planned.rows,
    touched,
    touched.map((t) => planned.revisions.get(t)!),
    '0',
  )};
UPDATE head SET position = ${planned.head}, hash = '${planned.hash}';
${notifySql(planned.head)};
COMMIT`)
  return planned.outcomes
}
