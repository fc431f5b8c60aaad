import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import type { RecordedEvent } from '@hoi/domain'
import { duplicateId, duplicateIdConflict, expectedHolds, resolveRetry, type StoredForCompare } from './idempotency.js'
import { COLUMNS, rowToRecorded } from './postgres-schema.js'
import type { AppendItem, AppendResult, StoreError } from './store.js'

export type Plan = { readonly item: AppendItem; readonly dataJson: ReadonlyArray<string> }
/** One call of append or appendMany, all-or-nothing on its own. */
export type Queued = {
  readonly plans: ReadonlyArray<Plan>
  readonly size: number
  readonly resolve: (r: E.Either<StoreError, ReadonlyArray<AppendResult>>) => void
}
/** 'alone': the call repeats an id that an earlier call of the same group writes; it is settled after the commit, on its own */
export type Outcome = E.Either<StoreError, ReadonlyArray<AppendResult>> | 'alone'

/** Checks what can be checked before any round trip: ids unique within the call, data serialisable (once). */
export const plansOf = (items: ReadonlyArray<AppendItem>): E.Either<StoreError, Plan[]> => {
  const dup = duplicateId(items)
  if (dup !== undefined) return E.left(duplicateIdConflict(dup))
  try {
    return E.right(items.map((item) => ({ item, dataJson: item.events.map((e) => JSON.stringify(e.data ?? null)) })))
  } catch (e) {
    return E.left({ _tag: 'StoreFailure', message: `event data is not JSON: ${(e as Error).message}` })
  }
}

/** Stream revisions (position NULL) and stored events with one of the ids, in one round trip. */
const STATE = `SELECT NULL::bigint, NULL, stream_id, revision, NULL, NULL::int, NULL, NULL FROM streams WHERE stream_id = ANY($1::text[])
UNION ALL SELECT ${COLUMNS} FROM events WHERE event_id = ANY($2::text[])`

const texts = (xs: ReadonlyArray<string>): string => `ARRAY[${xs.map((x) => pg.escapeLiteral(x)).join(',')}]::text[]`
const ints = (xs: ReadonlyArray<number>, type: 'int' | 'bigint'): string => `ARRAY[${xs.map((x) => String(Math.trunc(x))).join(',')}]::${type}[]`

/**
 * The write and the COMMIT as one message (the simple protocol carries several statements but no
 * parameters, hence the escaped literals): the head lock is held for one round trip less.
 */
const insertAndCommit = (rows: Rows, recordedAt: string, streams: ReadonlyArray<string>, revisions: ReadonlyArray<number>, head: number): string => `WITH e AS (
  INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at)
  SELECT p, i, s, r, t, v, d::json, m::json, c, ${pg.escapeLiteral(recordedAt)}::timestamptz
  FROM unnest(${ints(rows.position, 'bigint')}, ${texts(rows.eventId)}, ${texts(rows.streamId)}, ${ints(rows.revision, 'int')}, ${texts(rows.type)},
    ${ints(rows.schemaVersion, 'int')}, ${texts(rows.data)}, ${texts(rows.metadata)}, ${texts(rows.commandId)}) AS u (p, i, s, r, t, v, d, m, c)
), s AS (
  INSERT INTO streams (stream_id, revision) SELECT * FROM unnest(${texts(streams)}, ${ints(revisions, 'int')})
  ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision
)
UPDATE head SET position = ${Math.trunc(head)};
COMMIT`

/** The column arrays of one multi-row INSERT: one round trip however many events the group holds. */
class Rows {
  readonly position: number[] = []
  readonly eventId: string[] = []
  readonly streamId: string[] = []
  readonly revision: number[] = []
  readonly type: string[] = []
  readonly schemaVersion: number[] = []
  readonly data: string[] = []
  readonly metadata: string[] = []
  readonly commandId: string[] = []
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
  }
}

/**
 * Writes one group of calls in one transaction on `client`:
 * 1. `UPDATE head … RETURNING` locks the one head row: from here until COMMIT no other writer, in
 *    this process or another, can allocate positions, so positions are dense and every transaction
 *    becomes visible before the next one takes its first position (readers never skip);
 * 2. under that lock, a fresh snapshot (a new statement) gives the current revision of every stream and any stored
 *    event with one of the group's ids, so every expected revision and retry is decided here,
 *    before anything is written: a conflicting call is answered on its own and undoes nothing of
 *    the others, with no savepoint round trips;
 * 3. one INSERT … SELECT FROM unnest(…) writes all events, stream revisions and the new head, and
 *    COMMIT follows in the same message (one fsync for the whole group).
 * Three round trips per group, however many calls and events it holds.
 * Throws on any driver error; the caller rolls back and answers.
 */
export const writeGroup = async (client: pg.ClientBase, group: ReadonlyArray<Queued>, recordedAt: string): Promise<Outcome[]> => {
  const locked = (await client.query('BEGIN; UPDATE head SET position = position RETURNING position')) as unknown as pg.QueryResult[]
  let next = Number(locked[1]!.rows[0]!.position)
  const streamIds = [...new Set(group.flatMap((q) => q.plans.map((p) => p.item.streamId)))]
  const ids = group.flatMap((q) => q.plans.flatMap((p) => p.item.events.map((e) => e.eventId)))
  const state = await client.query<[string | null, string, string, number, string, number, string, string]>({ name: 'hoi-state', text: STATE, values: [streamIds, ids], rowMode: 'array' })
  const revisions = new Map<string, number>()
  const stored = new Map<string, StoredForCompare>()
  for (const r of state.rows) {
    if (r[0] === null) revisions.set(r[2], r[3])
    else stored.set(r[1], { recorded: rowToRecorded(r as [string, string, string, number, string, number, string, string]), dataJson: r[6] })
  }
  const rows = new Rows()
  const taken = new Set<string>()
  const outcomes: Outcome[] = []
  for (const q of group) {
    const staged = new Map<string, number>()
    const pending: Array<{ recorded: RecordedEvent; dataJson: string }> = []
    const results: AppendResult[] = []
    let failure: StoreError | 'alone' | undefined
    let pos = next
    for (const p of q.plans) {
      const { streamId, events, expected } = p.item
      const current = staged.get(streamId) ?? revisions.get(streamId) ?? -1
      if (events.some((e) => taken.has(e.eventId))) {
        failure = 'alone'
        break
      }
      const found = events.map((e) => stored.get(e.eventId))
      if (found.some((f) => f !== undefined) || !expectedHolds(expected, current)) {
        const settled = resolveRetry(p.item, p.dataJson, found, current)
        if (E.isLeft(settled)) {
          failure = settled.left
          break
        }
        results.push(settled.right)
        continue
      }
      const recorded = events.map((e, i): RecordedEvent => ({
        eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, streamId, revision: current + 1 + i,
        position: pos + 1 + i, data: e.data, metadata: { ...e.metadata, recordedAt },
      }))
      recorded.forEach((r, i) => pending.push({ recorded: r, dataJson: p.dataJson[i]! }))
      pos += events.length
      staged.set(streamId, current + events.length)
      results.push({ streamId, revision: current + events.length, position: pos, events: recorded })
    }
    if (failure !== undefined) {
      outcomes.push(failure === 'alone' ? 'alone' : E.left(failure))
      continue
    }
    next = pos
    for (const [s, r] of staged) revisions.set(s, r)
    for (const { recorded, dataJson } of pending) {
      rows.push(recorded, dataJson)
      taken.add(recorded.eventId)
    }
    outcomes.push(E.right(results))
  }
  if (rows.position.length === 0) {
    await client.query('ROLLBACK') // nothing to write: release the lock without a commit
    return outcomes
  }
  const touched = [...new Set(rows.streamId)]
  await client.query(insertAndCommit(rows, recordedAt, touched, touched.map((t) => revisions.get(t)!), next))
  return outcomes
}
