import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { HASH, hashOf } from './chain.js'
import type { StoreError } from './store.js'

export type ImportResult = {
  /** events stored by this call */
  readonly imported: number
  /** events that were already stored at the same place with the same hash */
  readonly skipped: number
  /** the store's last position afterwards */
  readonly head: number
}

/** What a store knows at the point an imported event would be written (inside its write transaction). */
export type ImportContext = {
  readonly head: number
  readonly prevHash: string
  readonly stored: (eventId: string) => RecordedEvent | undefined
  readonly revision: (streamId: string) => number
}

const refuse = (e: RecordedEvent, why: string): E.Either<StoreError, never> =>
  E.left({ _tag: 'StoreFailure', message: `import refused at position ${String(e.position)} (event ${String(e.eventId)}): ${why}` })

const isIndex = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min

/**
 * Is an imported event already stored at its place ('stored'), a correct continuation of the log
 * ('new'), or refused? An import keeps positions, so it can only continue the chain of the store
 * it goes into, event by event; nothing is ever written out of place or with a wrong hash.
 */
export const checkImported = (e: RecordedEvent, ctx: ImportContext): E.Either<StoreError, 'stored' | 'new'> => {
  if (typeof e !== 'object' || e === null) return E.left({ _tag: 'StoreFailure', message: 'import refused: an event is not an object' })
  if (typeof e.eventId !== 'string' || e.eventId === '') return refuse(e, 'eventId must be a non-empty string')
  if (typeof e.streamId !== 'string' || e.streamId === '') return refuse(e, 'streamId must be a non-empty string')
  if (typeof e.type !== 'string' || e.type === '') return refuse(e, 'type must be a non-empty string')
  if (!isIndex(e.position, 1)) return refuse(e, 'position must be an integer ≥ 1')
  if (!isIndex(e.revision, 0)) return refuse(e, 'revision must be an integer ≥ 0')
  if (!isIndex(e.schemaVersion, 1)) return refuse(e, 'schemaVersion must be an integer ≥ 1')
  const m = e.metadata as Partial<RecordedEvent['metadata']> | undefined
  if (typeof m !== 'object' || m === null) return refuse(e, 'metadata must be an object')
  for (const f of ['occurredOn', 'recordedAt', 'actor', 'commandId', 'correlationId', 'causationId'] as const) if (typeof m[f] !== 'string') return refuse(e, `metadata.${f} must be a string`)
  if (typeof m.hash !== 'string' || !HASH.test(m.hash)) return refuse(e, 'metadata.hash must be 64 lowercase hex digits')
  if (typeof m.prevHash !== 'string' || !HASH.test(m.prevHash)) return refuse(e, 'metadata.prevHash must be 64 lowercase hex digits')
  let computed: string
  try {
    computed = hashOf(e)
  } catch (err) {
    return refuse(e, (err as Error).message)
  }
  if (computed !== m.hash) return refuse(e, 'its content does not match its hash')
  const stored = ctx.stored(e.eventId)
  if (stored !== undefined) {
    if (stored.position === e.position && stored.metadata.hash === m.hash) return E.right('stored')
    return E.left({
      _tag: 'IdConflict',
      streamId: e.streamId,
      eventId: e.eventId,
      message: `event id ${e.eventId} is already stored at position ${stored.position} with hash ${String(stored.metadata.hash)}, not at ${e.position} with hash ${m.hash}`,
    })
  }
  if (e.position <= ctx.head) return refuse(e, `the store already holds a different event at position ${e.position}`)
  if (e.position !== ctx.head + 1) return refuse(e, `the store's head is ${ctx.head}: positions ${ctx.head + 1}–${e.position - 1} are missing`)
  if (m.prevHash !== ctx.prevHash) return refuse(e, `its prevHash does not link to the hash of position ${ctx.head} (${ctx.prevHash})`)
  const current = ctx.revision(e.streamId)
  if (e.revision !== current + 1) return refuse(e, `${e.streamId} is at revision ${current}, so the next revision is ${current + 1}, not ${e.revision}`)
  return E.right('new')
}
