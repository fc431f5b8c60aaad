import type { RecordedEvent } from '@hoi/domain'
import { GENESIS, HASH, hashOf } from './chain.js'
import type { EventStore } from './store.js'

/** A head an auditor keeps: a position and the hash of the event there. */
export type ChainHead = { readonly position: number; readonly hash: string }

export type BreakKind =
  /** content (data or metadata) differs from what was hashed */
  | 'changed'
  /** a position of a dense log has no event */
  | 'missing'
  /** an intact event that does not link to the one before it */
  | 'unlinked'
  /** neither its hash nor its link fit: an event inserted, moved or swapped in */
  | 'displaced'
  /** an event without a hash: written before the chain, or its hash removed */
  | 'unchained'
  /** positions not increasing */
  | 'order'
  /** the log ends before the auditor's head */
  | 'truncated'
  /** the chain is consistent but differs from the auditor's head there: rewritten and re-hashed */
  | 'rewritten'

export type ChainBreak = { readonly position: number; readonly kind: BreakKind; readonly message: string }

export type VerifyReport =
  | { readonly ok: true; readonly events: number; readonly head: ChainHead | undefined; readonly expected?: ChainHead }
  | { readonly ok: false; readonly events: number; readonly break: ChainBreak; readonly expected?: ChainHead }

export type VerifyOptions = {
  /** positions are 1, 2, 3, … (EventStore.capabilities.densePositions): a gap is a deleted event */
  readonly dense: boolean
  /** an auditor-held head: history up to it must be exactly that */
  readonly expect?: ChainHead
  /** called now and then with the number of events checked and the last position */
  readonly onProgress?: (events: number, position: number) => void
  readonly progressEvery?: number
}

/** Parses `POSITION:HASH` as printed by `hoi head`. */
export const parseHead = (text: string): ChainHead | string => {
  const m = /^(\d{1,16})[: ]([0-9a-f]{64})$/u.exec(text.trim())
  if (m === null) return `expected POSITION:HASH (an integer, a colon and 64 lowercase hex digits, as \`hoi head\` prints), got ${JSON.stringify(text)}`
  const position = Number(m[1])
  if (!Number.isSafeInteger(position) || position < 1) return `the position of ${JSON.stringify(text)} must be an integer ≥ 1`
  return { position, hash: m[2]! }
}

const broken = (events: number, b: ChainBreak, expected: ChainHead | undefined): VerifyReport => ({ ok: false, events, break: b, ...(expected === undefined ? {} : { expected }) })

/**
 * Recomputes the chain over events in global order and stops at the first position where it
 * breaks, saying why. Without an auditor-held head a removed tail cannot be seen (the shorter log
 * is a consistent chain); with one, every event up to it must be exactly what was sealed.
 */
export const verifyEvents = async (events: AsyncIterable<RecordedEvent>, opts: VerifyOptions): Promise<VerifyReport> => {
  const { expect, dense } = opts
  const every = Math.max(1, opts.progressEvery ?? 5000)
  let prev = GENESIS
  let prevPrev = GENESIS
  let last = 0
  let n = 0
  for await (const e of events) {
    const p = e.position
    if (!(p > last)) return broken(n, { position: p, kind: 'order', message: `position ${p} comes after position ${last}: the log is out of order` }, expect)
    if (dense && p !== last + 1) {
      const gap = p === last + 2 ? `position ${last + 1} is missing` : `positions ${last + 1}–${p - 1} are missing`
      return broken(n, { position: last + 1, kind: 'missing', message: `${gap} (the next stored event is at ${p}): deleted from the log` }, expect)
    }
    if (expect !== undefined && last < expect.position && p > expect.position)
      return broken(n, { position: expect.position, kind: 'missing', message: `the auditor's head is at position ${expect.position}, which the log does not hold` }, expect)
    const m = e.metadata
    if (typeof m.hash !== 'string' || !HASH.test(m.hash))
      return broken(n, { position: p, kind: 'unchained', message: `event ${p} has no valid hash: written before the chain (run \`hoi chain upgrade\`) or its hash was removed` }, expect)
    let computed: string | undefined
    try {
      computed = hashOf(e)
    } catch {
      computed = undefined
    }
    if (m.prevHash !== prev) {
      const b = diagnose(e, computed, { dense, last, prev, prevPrev })
      return broken(b.position < p ? n - 1 : n, b, expect)
    }
    if (computed !== m.hash)
      return broken(
        n,
        { position: p, kind: 'changed', message: `the content of event ${p} (${e.type} in ${e.streamId}) does not match its hash: its data or metadata was changed after it was written` },
        expect,
      )
    if (expect !== undefined && p === expect.position && m.hash !== expect.hash)
      return broken(
        n,
        {
          position: p,
          kind: 'rewritten',
          message: `the chain is consistent but the hash at position ${p} is ${m.hash}, not the auditor's ${expect.hash}: history up to ${p} was rewritten and re-hashed`,
        },
        expect,
      )
    prevPrev = prev
    prev = m.hash
    last = p
    n++
    if (n % every === 0) opts.onProgress?.(n, p)
  }
  opts.onProgress?.(n, last)
  if (expect !== undefined && last < expect.position)
    return broken(
      n,
      { position: last + 1, kind: 'truncated', message: `the log ends at position ${last}, but the auditor's head is at ${expect.position}: the events after ${last} were removed` },
      expect,
    )
  return { ok: true, events: n, head: last === 0 ? undefined : { position: last, hash: prev }, ...(expect === undefined ? {} : { expected: expect }) }
}

const at = (e: RecordedEvent, position: number): string | undefined => {
  try {
    return hashOf({ ...e, position })
  } catch {
    return undefined
  }
}

/**
 * An event whose link to the previous one fails: where did the chain really break? The hash
 * covers the position, so an event moved by one place still matches its hash at its old position,
 * which tells an inserted event (the one before it) from a deleted one or a rewritten neighbour.
 */
const diagnose = (e: RecordedEvent, computed: string | undefined, c: { dense: boolean; last: number; prev: string; prevPrev: string }): ChainBreak => {
  const p = e.position
  const m = e.metadata
  const before = c.last === 0 ? 'genesis' : `event ${c.last}`
  if (computed === m.hash) {
    // intact and in its place, but the event before it no longer has the hash it was linked to
    if (c.dense && c.last > 0) return { position: c.last, kind: 'changed', message: `event ${c.last} was changed and its hash recomputed: event ${p} still links to its old hash` }
    return { position: p, kind: 'unlinked', message: `event ${p} is intact but does not link to ${before}: an event before it was deleted, inserted or moved, or ${before}'s hash was rewritten` }
  }
  if (c.dense && c.last > 0 && m.prevHash === c.prevPrev && at(e, p - 1) === m.hash)
    return { position: c.last, kind: 'displaced', message: `event ${c.last} was inserted: event ${p} was written at position ${p - 1} and links to the event before ${c.last}` }
  if (c.dense && at(e, p + 1) === m.hash)
    return { position: p, kind: 'displaced', message: `event ${p} was written at position ${p + 1}: the event at ${p} was deleted and later ones renumbered, or two neighbours were swapped` }
  return { position: p, kind: 'displaced', message: `event ${p} neither matches its own hash nor links to ${before}: an event was inserted, moved or swapped in here, or its chain fields were edited` }
}

/** Verifies a store's whole log, read in pages. */
export const verifyStore = (store: EventStore, opts: Omit<VerifyOptions, 'dense'> & { pageSize?: number } = {}): Promise<VerifyReport> =>
  verifyEvents(store.readAll({ pageSize: opts.pageSize ?? 2000 }), { ...opts, dense: store.capabilities.densePositions })

/** The store's last event as a head (undefined for an empty log, or an unchained last event). */
export const chainHead = async (store: EventStore): Promise<ChainHead | undefined> => {
  const head = await store.head()
  if (head === 0) return undefined
  let last: RecordedEvent | undefined
  if (store.capabilities.densePositions) last = (await store.readPage(head - 1, 1))[0]
  else for await (const e of store.readAll({ after: 0 })) last = e
  const hash = last?.metadata.hash
  return last === undefined || typeof hash !== 'string' ? undefined : { position: last.position, hash }
}
