import * as E from 'fp-ts/lib/Either.js'
import { ERASED, Member, Person, personalColumns, type IsoDate, type RecordedEvent, type Rejection } from '@hoi/domain'
import { eventIdFor } from '../handle.js'
import { sealingOf } from './sealed.js'
import { viewScrubber, type Scrubbed } from './scrub.js'
import type { EventStore, StoreError } from '../store.js'

export type EraseRequest = {
  readonly personId: string
  readonly reason: string
  readonly actor: string
  /** the business date of the erasure */
  readonly erasedOn: IsoDate
  readonly now?: () => Date
}
export type Erasure = { readonly personId: string; readonly position: number; readonly scrubbed: Scrubbed; readonly events: ReadonlyArray<RecordedEvent> }

/**
 * H1 (Decree 13/2023): records PersonErased in `person-<id>`, destroys the person's key, then
 * rewrites the view rows that hold the person's personal fields. The event comes first, so an
 * erasure cut short (a crash after the event) is finished by asking again; a finished one is refused.
 */
export const erasePerson = async (store: EventStore, req: EraseRequest): Promise<E.Either<Rejection | StoreError, Erasure>> => {
  const sealing = sealingOf(store)
  if (sealing === undefined) return E.left({ _tag: 'StoreFailure', message: `a ${store.kind} store keeps no personal keys: nothing can be erased` })
  const streamId = Person.streamId(req.personId)
  const key = (await sealing.keys.lookup([req.personId])).get(req.personId)
  const recorded = (await sealing.inner.streamRevision(streamId)) >= 0
  const decided = Person.decideErasure(req.personId, key !== undefined, recorded && key === null)
  if (E.isLeft(decided)) return decided
  let position = await sealing.inner.head()
  let events: ReadonlyArray<RecordedEvent> = []
  if (!recorded) {
    const commandId = `erase-${req.personId}`
    const r = await sealing.inner.append(
      streamId,
      [
        {
          eventId: eventIdFor(commandId, streamId, 0),
          type: 'PersonErased',
          schemaVersion: 1,
          data: { personId: req.personId, erasedOn: req.erasedOn, reason: req.reason },
          metadata: { occurredOn: req.erasedOn, actor: req.actor, commandId, correlationId: commandId, causationId: commandId, reason: req.reason },
        },
      ],
      'no-stream',
    )
    if (E.isLeft(r)) return r
    position = r.right.position
    events = r.right.events
  }
  await sealing.keys.destroy(req.personId, (req.now ?? (() => new Date()))().toISOString())
  sealing.forget(req.personId)
  const scrub = viewScrubber(sealing.inner)
  const scrubbed = scrub === undefined ? { rows: 0, tables: [] } : await scrub(req.personId, ERASED, personalColumns, Member.streamId)
  return E.right({ personId: req.personId, position, scrubbed, events })
}
