import { migrationSides } from './personal/sealed.js'
import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { DEFAULT_PAGE_SIZE, type EventStore, type ImportedEvent, type ImportItem } from './store.js'

/**
 * One event as text that two stores must agree on: every field but the position (each store
 * numbers its own log), with object keys sorted, so the same event gives the same line anywhere.
 */
export const canonicalEvent = (e: RecordedEvent): string =>
  canonicalJson({ eventId: e.eventId, streamId: e.streamId, revision: e.revision, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })

const canonicalJson = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (typeof v === 'object' && v !== null)
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v ?? null)
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError'
}

export type MigrationProgress = {
  /** source events dealt with so far: found already copied, or copied now */
  readonly done: number
  readonly copied: number
  /** how far through the source log, 0..1 (by position: exact on a dense log, an estimate on a sparse one) */
  readonly fraction: number
}
export type MigrationOptions = { pageSize?: number; onProgress?: (p: MigrationProgress) => void }

const toImported = (e: RecordedEvent): ImportedEvent => {
  const { recordedAt, ...metadata } = e.metadata
  return { eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata, recordedAt }
}

/** Consecutive events of one stream become one item, whose expected revision pins the revisions. */
const itemsOf = (events: ReadonlyArray<RecordedEvent>): ImportItem[] => {
  const items: Array<{ streamId: string; events: ImportedEvent[]; expected: ImportItem['expected'] }> = []
  for (const e of events) {
    const last = items[items.length - 1]
    if (last !== undefined && last.streamId === e.streamId) last.events.push(toImported(e))
    else items.push({ streamId: e.streamId, events: [toImported(e)], expected: e.revision === 0 ? 'no-stream' : e.revision - 1 })
  }
  return items
}

/**
 * Copies the whole log of `from` into `to`, in the source's order, keeping ids, streams, revisions,
 * record times and metadata (importEvents). Resumable: what the target already holds must be a
 * prefix of the source, checked event by event and skipped, so a migration killed at any moment
 * and run again ends with the same copy and nothing twice. A target holding anything else is
 * refused before a single write.
 */
export const migrate = async (source: EventStore, target: EventStore, opts: MigrationOptions = {}): Promise<{ copied: number; alreadyThere: number }> => {
  // the log as written on both sides, the persons' keys copied with it: the target has the same hashes
  const { from, to, beforeWrite } = migrationSides(source, target)
  const pageSize = Math.max(1, opts.pageSize ?? DEFAULT_PAGE_SIZE)
  const head = await from.head()
  const existing = to.readAll({ pageSize })[Symbol.asyncIterator]()
  let targetDone = false
  let done = 0
  let copied = 0
  let alreadyThere = 0
  let buffer: RecordedEvent[] = []
  const report = (position: number) => opts.onProgress?.({ done, copied, fraction: head > 0 ? Math.min(1, position / head) : 1 })
  const flush = async () => {
    if (buffer.length === 0) return
    await beforeWrite(buffer)
    const written = await to.importEvents(itemsOf(buffer))
    if (E.isLeft(written)) throw new MigrationError(`the target refused events ${done - buffer.length + 1}–${done} of the source: ${JSON.stringify(written.left)}`)
    copied += buffer.length
    report(buffer[buffer.length - 1]!.position)
    buffer = []
  }
  for await (const e of from.readAll({ pageSize })) {
    done++
    if (!targetDone) {
      const next = await existing.next()
      if (next.done !== true) {
        if (canonicalEvent(next.value) !== canonicalEvent(e))
          throw new MigrationError(
            `the target already holds other events (event ${done}: source ${e.streamId}@${e.revision} ${e.eventId}, target ${next.value.streamId}@${next.value.revision} ${next.value.eventId}): migrate into an empty store, or into the one an interrupted migration of this source left`,
          )
        alreadyThere++
        if (done % pageSize === 0) report(e.position)
        continue
      }
      targetDone = true
    }
    buffer.push(e)
    if (buffer.length >= pageSize) await flush()
  }
  if (!targetDone && (await existing.next()).done !== true) throw new MigrationError('the target holds more events than the source: it is not a copy of this source')
  await flush()
  opts.onProgress?.({ done, copied, fraction: 1 })
  return { copied, alreadyThere }
}

export type Verification = {
  readonly equal: boolean
  readonly sourceEvents: number
  readonly targetEvents: number
  /** sha256 over the canonical events, one per line, in log order */
  readonly sourceDigest: string
  readonly targetDigest: string
  readonly firstDifference?: string
}

/** Reads both logs side by side: event-by-event equality (positions aside) and a digest of each side. */
export const verify = async (from: EventStore, to: EventStore, opts: { pageSize?: number; onProgress?: (checked: number) => void } = {}): Promise<Verification> => {
  const pageSize = Math.max(1, opts.pageSize ?? DEFAULT_PAGE_SIZE)
  const a = from.readAll({ pageSize })[Symbol.asyncIterator]()
  const b = to.readAll({ pageSize })[Symbol.asyncIterator]()
  const ha = createHash('sha256')
  const hb = createHash('sha256')
  let na = 0
  let nb = 0
  let firstDifference: string | undefined
  for (;;) {
    const [x, y] = await Promise.all([a.next(), b.next()])
    if (x.done === true && y.done === true) break
    const ca = x.done === true ? undefined : canonicalEvent(x.value)
    const cb = y.done === true ? undefined : canonicalEvent(y.value)
    if (ca !== undefined) {
      ha.update(`${ca}\n`)
      na++
    }
    if (cb !== undefined) {
      hb.update(`${cb}\n`)
      nb++
    }
    if (firstDifference === undefined && ca !== cb) firstDifference = `event ${Math.max(na, nb)}: source ${ca ?? '(none)'} / target ${cb ?? '(none)'}`
    if ((na + nb) % (2 * pageSize) === 0) opts.onProgress?.(Math.max(na, nb))
  }
  const sourceDigest = ha.digest('hex')
  const targetDigest = hb.digest('hex')
  return {
    equal: firstDifference === undefined && sourceDigest === targetDigest,
    sourceEvents: na,
    targetEvents: nb,
    sourceDigest,
    targetDigest,
    ...(firstDifference === undefined ? {} : { firstDifference }),
  }
}
