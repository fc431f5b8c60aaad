import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import type { EventMetadata, RecordedEvent } from '@hoi/domain'
import { chained, GENESIS } from './chain.js'
import type { UpgradeOutcome } from './chain-upgrade.js'
import { checkImported, type ImportResult } from './import-check.js'
import { COLUMNS, notifySql, rowToRecorded } from './postgres-schema.js'
import { insertSql, lockHead, prevHashOf, Rows, unchained } from './postgres-write.js'
import type { StoreError } from './store.js'

type EventRow = [string, string, string, number, string, number, string, string]

/**
 * See EventStore.restoreEvents: one transaction under the head lock, every event checked against
 * the chain before it (checkImported), then all new events in one INSERT and the head moved to
 * the last one's position and hash. Throws on driver errors; the caller rolls back.
 */
export const restoreInto = async (client: pg.ClientBase, events: ReadonlyArray<RecordedEvent>): Promise<E.Either<StoreError, ImportResult>> => {
  const head = await lockHead(client)
  let prev = prevHashOf(head)
  if (prev === undefined) {
    await client.query('ROLLBACK')
    return E.left(unchained)
  }
  const strings = (xs: unknown[]): string[] => [...new Set(xs.filter((x): x is string => typeof x === 'string'))]
  const ids = strings(events.map((e) => (e as Partial<RecordedEvent> | null)?.eventId))
  const streamIds = strings(events.map((e) => (e as Partial<RecordedEvent> | null)?.streamId))
  const found = await client.query<EventRow>({ text: `SELECT ${COLUMNS} FROM events WHERE event_id = ANY($1::text[])`, values: [ids], rowMode: 'array' })
  const stored = new Map(found.rows.map((r) => [r[1], rowToRecorded(r)]))
  const revs = await client.query<[string, number]>({ text: 'SELECT stream_id, revision FROM streams WHERE stream_id = ANY($1::text[])', values: [streamIds], rowMode: 'array' })
  const revisions = new Map(revs.rows.map(([s, r]) => [s, r]))
  const rows = new Rows()
  let position = head.position
  let imported = 0
  let skipped = 0
  for (const e of events) {
    const verdict = checkImported(e, { head: position, prevHash: prev, stored: (id) => stored.get(id), revision: (s) => revisions.get(s) ?? -1 })
    if (E.isLeft(verdict)) {
      await client.query('ROLLBACK')
      return verdict
    }
    if (verdict.right === 'stored') {
      skipped++
      continue
    }
    rows.push(e, JSON.stringify(e.data ?? null))
    // a later event of the same import with this id must be seen as stored here, not as new
    stored.set(e.eventId, e)
    revisions.set(e.streamId, e.revision)
    position = e.position
    prev = e.metadata.hash!
    imported++
  }
  if (imported === 0) {
    await client.query('ROLLBACK')
    return E.right({ imported, skipped, head: head.position })
  }
  const touched = [...new Set(rows.streamId)]
  await client.query(`${insertSql(
    rows,
    touched,
    touched.map((t) => revisions.get(t)!),
    '0',
  )};
UPDATE head SET position = ${position}, hash = '${prev}';
${notifySql(position)};
COMMIT`)
  return E.right({ imported, skipped, head: position })
}

const PAGE = 2000

/**
 * Chains a PostgreSQL log written before events carried hashes, in one transaction under the head
 * lock, so the store is left either as it was or fully chained. Some events chained and others not
 * is a damaged store, refused. Throws on driver errors and refusals; the caller rolls back.
 */
export const upgradePostgresChain = async (client: pg.ClientBase, onProgress: (done: number, total: number) => void): Promise<UpgradeOutcome> => {
  const head = await lockHead(client)
  const counts = await client.query<[string, string]>({ text: "SELECT count(*), count(metadata->>'hash') FROM events", rowMode: 'array' })
  const total = Number(counts.rows[0]![0])
  const withHash = Number(counts.rows[0]![1])
  if (total === 0) {
    await client.query('ROLLBACK')
    return { _tag: 'Empty' }
  }
  if (withHash === total && head.hash !== null) {
    await client.query('ROLLBACK')
    return { _tag: 'AlreadyChained', head: head.position, hash: head.hash }
  }
  if (withHash > 0)
    throw new Error(
      `${withHash} of ${total} events carry a hash and the others do not (or the head has no hash): this store is damaged, not old; run \`hoi verify\` and restore from a backup or export`,
    )
  let prev = GENESIS
  let last = 0
  let done = 0
  for (;;) {
    const page = await client.query<EventRow>({ text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, values: [last, PAGE], rowMode: 'array' })
    if (page.rows.length === 0) break
    const positions: number[] = []
    const metadata: string[] = []
    for (const [p, eventId, streamId, revision, type, schemaVersion, data, meta] of page.rows) {
      const position = Number(p)
      if (position !== last + 1) throw new Error(`position ${last + 1} is missing (the next is ${position}): the log has a gap, so it cannot be sealed as it is`)
      const m = chained({ eventId, type, schemaVersion, streamId, revision, position, data: JSON.parse(data) as unknown }, JSON.parse(meta) as EventMetadata, prev)
      positions.push(position)
      metadata.push(JSON.stringify(m))
      prev = m.hash
      last = position
    }
    await client.query('UPDATE events SET metadata = u.m::json FROM unnest($1::bigint[], $2::text[]) AS u (p, m) WHERE events.position = u.p', [positions, metadata])
    done += page.rows.length
    onProgress(done, total)
  }
  if (last !== head.position) throw new Error(`the head says ${head.position} but the last event is at ${last}: the store is damaged`)
  await client.query('UPDATE head SET hash = $1', [prev])
  await client.query('COMMIT')
  return { _tag: 'Upgraded', events: done, head: last, hash: prev }
}
