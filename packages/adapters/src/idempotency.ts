import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { canonicalData, type CanonicalText } from './chain.js'
import type { AppendItem, AppendResult, ExpectedRevision, StoreError } from './store.js'

/** Does the expected revision hold for a stream whose last revision is `current` (-1 = none)? */
export const expectedHolds = (expected: ExpectedRevision, current: number): boolean => {
  switch (expected) {
    case 'any':
      return true
    case 'no-stream':
      return current === -1
    case 'stream-exists':
      return current >= 0
    default:
      return expected === current
  }
}

export const revisionConflict = (streamId: string, expected: ExpectedRevision, actual: number): StoreError => ({ _tag: 'RevisionConflict', streamId, expected, actual })

const idConflict = (streamId: string, eventId: string, message: string): StoreError => ({ _tag: 'IdConflict', streamId, eventId, message })

/** The first event id used twice in one request, if any (a request never stores the same id twice). */
const duplicateId = (items: ReadonlyArray<AppendItem>): { streamId: string; eventId: string } | undefined => {
  if (items.length === 1 && items[0]!.events.length < 2) return undefined
  const seen = new Set<string>()
  for (const item of items)
    for (const e of item.events) {
      if (seen.has(e.eventId)) return { streamId: item.streamId, eventId: e.eventId }
      seen.add(e.eventId)
    }
  return undefined
}

const duplicateIdConflict = (d: { streamId: string; eventId: string }): StoreError => idConflict(d.streamId, d.eventId, `event id ${d.eventId} appears more than once in one append`)

/** An append's items, each with the JSON text of its events' data, once no event id is used twice in it. */
export const checkedAppend = (items: ReadonlyArray<AppendItem>): E.Either<StoreError, Array<{ readonly item: AppendItem; readonly dataJson: string[] }>> => {
  const dup = duplicateId(items)
  if (dup !== undefined) return E.left(duplicateIdConflict(dup))
  try {
    return E.right(items.map((item) => ({ item, dataJson: item.events.map((e) => JSON.stringify(e.data ?? null)) })))
  } catch (e) {
    return E.left({ _tag: 'StoreFailure', message: `event data is not JSON: ${(e as Error).message}` })
  }
}

/** checkedAppend's plans with the canonical text of each event's data (what the hash chain covers), computed once outside the write lock. */
export const canonicalPlans = (
  checked: ReturnType<typeof checkedAppend>,
): E.Either<StoreError, Array<{ readonly item: AppendItem; readonly dataJson: string[]; readonly dataCanonical: CanonicalText[] }>> =>
  E.isLeft(checked) ? checked : E.right(checked.right.map((p) => ({ ...p, dataCanonical: p.item.events.map((e, i) => canonicalData(e.data, p.dataJson[i]!)) })))

/** A stored event next to the exact JSON text of its data, for comparing a retried append byte for byte. */
export type StoredForCompare = { readonly recorded: RecordedEvent; readonly dataJson: string }

/**
 * Some of the ids of an append are already stored (or the expected revision failed). The append
 * is a retry — a no-op success returning the stored events — only if every id is stored, in this
 * stream at consecutive revisions, with the same type, schema version and data, and the expected
 * revision held where the original append happened (RELIABILITY A2). Anything else is a conflict
 * and nothing is stored (A3).
 */
export const resolveRetry = (item: AppendItem, dataJson: ReadonlyArray<string>, found: ReadonlyArray<StoredForCompare | undefined>, current: number): E.Either<StoreError, AppendResult> => {
  const { streamId, events, expected } = item
  const firstFound = found.findIndex((f) => f !== undefined)
  if (firstFound < 0) return E.left(revisionConflict(streamId, expected, current))
  const missing = found.findIndex((f) => f === undefined)
  if (missing >= 0) {
    const id = events[firstFound]!.eventId
    return E.left(idConflict(streamId, id, `event id ${id} is already stored but ${events[missing]!.eventId} is not: a retry must repeat the original append exactly`))
  }
  const stored = found as ReadonlyArray<StoredForCompare>
  const first = stored[0]!.recorded.revision
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    const s = stored[i]!
    const r = s.recorded
    if (r.streamId !== streamId) return E.left(idConflict(streamId, e.eventId, `event id ${e.eventId} is already stored in stream ${r.streamId}`))
    if (r.revision !== first + i) return E.left(idConflict(streamId, e.eventId, `event id ${e.eventId} is already stored at revision ${r.revision}, not ${first + i}`))
    if (r.type !== e.type || r.schemaVersion !== e.schemaVersion || s.dataJson !== dataJson[i])
      return E.left(idConflict(streamId, e.eventId, `event id ${e.eventId} is already stored with different content`))
  }
  if (!expectedHolds(expected, first - 1)) return E.left(revisionConflict(streamId, expected, current))
  const last = stored[stored.length - 1]!.recorded
  return E.right({ streamId, revision: last.revision, position: last.position, events: stored.map((s) => s.recorded) })
}

/**
 * undefined when the item is a fresh append (none of its ids stored, its expected revision holds);
 * otherwise it is settled as a retry or a conflict by resolveRetry.
 */
export const settleIfRetry = (
  item: AppendItem,
  dataJson: ReadonlyArray<string>,
  found: ReadonlyArray<StoredForCompare | undefined>,
  current: number,
): E.Either<StoreError, AppendResult> | undefined => (found.some((f) => f !== undefined) || !expectedHolds(item.expected, current) ? resolveRetry(item, dataJson, found, current) : undefined)
