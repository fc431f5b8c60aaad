import * as E from 'fp-ts/lib/Either.js'
import { aggregates as registry, defaultPolicy, type DomainCommand, type DomainEvent, type Need, type Policy, type Rejection } from '@hoi/domain'
import { asStoreError, contextFor, moduleNamed, moduleOf, type Aggregates, type AnyAggregate, type Loaded } from './handle.js'
import type { EventStore, StoreError } from './store.js'
import { readRecorded } from './upcast.js'

/** A stream folded from the events stored before global position `before` (exclusive). */
const foldBefore = async (store: EventStore, module: AnyAggregate, streamId: string, before: number): Promise<E.Either<StoreError, Loaded>> => {
  let state: unknown = module.decider.initialState
  let revision = -1
  try {
    for await (const r of store.readStream(streamId)) {
      // positions only increase along a stream, so the first one at or past the bound ends it
      if (r.position >= before) break
      const event = readRecorded(r)
      if (E.isLeft(event)) return E.left({ _tag: 'StoreFailure', message: `stored event ${r.streamId}@${r.revision} cannot be read` })
      state = module.decider.evolve(state, event.right)
      revision = r.revision
    }
  } catch (e) {
    return E.left(asStoreError(e))
  }
  return E.right({ state, revision })
}

/**
 * What the command would have decided on the store as it stood before position `before`: nothing is
 * written. A batch run again uses it for a line it passed without storing anything, so that the line
 * is answered as it was then, not decided afresh on what later lines stored.
 */
export const decideAsOf = async (
  store: EventStore,
  command: DomainCommand,
  before: number,
  opts: { policy?: Policy; aggregates?: Aggregates } = {},
): Promise<E.Either<Rejection | StoreError, { readonly streamId: string; readonly revision: number; readonly events: ReadonlyArray<DomainEvent> }>> => {
  const aggregates = opts.aggregates ?? registry
  const module = moduleOf(aggregates, command)
  const streamId = module.streamOf(command)
  const loaded = await foldBefore(store, module, streamId, before)
  if (E.isLeft(loaded)) return loaded
  const context = await contextFor(module, command, opts.policy ?? defaultPolicy, (need: Need) => foldBefore(store, moduleNamed(aggregates, need.aggregate), need.streamId, before))
  if (E.isLeft(context)) return context
  const decision = module.decider.decide(command, loaded.right.state, context.right)
  return E.isLeft(decision) ? decision : E.right({ streamId, revision: loaded.right.revision, events: decision.right })
}
