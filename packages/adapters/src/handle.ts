import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import {
  aggregateOfCommand,
  aggregates as registry,
  defaultPolicy,
  eventCodecs,
  occurredOn,
  schemaVersions,
  type AggregateName,
  type SomeAggregate,
  type CommandMetadata,
  type DecodeFailure,
  type DomainCommand,
  type DomainEvent,
  type Need,
  type Policy,
  type RecordedEvent,
  type Rejection,
} from '@hoi/domain'
import { StoreErrorException, type EventStore, type ExpectedRevision, type NewEvent, type StoreError } from './store.js'
import { readRecorded } from './upcast.js'
import { runFollowUps, type FollowUpFailure } from './followups.js'

export { decodeRecorded } from './upcast.js'

export type CommandOutcome = {
  _tag: 'Done'
  streamId: string
  revision: number
  events: ReadonlyArray<RecordedEvent>
  /** true when the commandId was seen before: the same answer, nothing stored */
  replayed: boolean
  /** follow-ups another stream refused (the command's own events are stored): rare races, for the operator to settle */
  followUpFailures?: ReadonlyArray<FollowUpFailure>
}
export type RetriesExhausted = { _tag: 'RetriesExhausted'; streamId: string; attempts: number }
export type CommandFailure = Rejection | StoreError | RetriesExhausted

export type AnyAggregate = SomeAggregate
export type Aggregates = Readonly<Partial<Record<AggregateName, AnyAggregate>>>

export type HandleOptions = {
  policy?: Policy
  /** If-Match: the revision the caller saw; a mismatch is a conflict, never retried */
  expectedRevision?: number
  /** retries after a revision conflict (default 3) */
  maxRetries?: number
  aggregates?: Aggregates
}

export type Loaded = { readonly state: unknown; readonly revision: number }

/** A UUID-shaped (version 8) hash of command, stream and index: a retried command writes the same ids. */
export const eventIdFor = (commandId: string, streamId: string, index: number): string => {
  const h = createHash('sha256').update(`${commandId}/${streamId}/${index}`).digest('hex')
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export const asStoreError = (e: unknown): StoreError => (e instanceof StoreErrorException ? e.error : { _tag: 'StoreFailure', message: e instanceof Error ? e.message : String(e) })

/** A missing module is a wiring mistake, not an outcome: it throws. */
export const moduleNamed = (aggregates: Aggregates, name: AggregateName): AnyAggregate => {
  const module = aggregates[name]
  if (module === undefined) throw new Error(`No aggregate module "${name}" was given to the command handler`)
  return module
}

export const moduleOf = (aggregates: Aggregates, command: DomainCommand): AnyAggregate => moduleNamed(aggregates, aggregateOfCommand[command.type])

/**
 * Folds a stream with its aggregate's decider; a stored event that cannot be read (unknown type, a
 * schema version from the future, no upcaster) is a store failure. `read` may be decodeRecorded
 * for a fully validating load.
 */
export const loadStream = async (
  store: EventStore,
  module: AnyAggregate,
  streamId: string,
  read: (r: RecordedEvent) => E.Either<DecodeFailure, DomainEvent> = readRecorded,
): Promise<E.Either<StoreError, Loaded>> => {
  const { evolve } = module.decider
  // a cached fold is only extended, never trusted alone: the events after it are always read
  const cached = read === readRecorded ? states.get(store, module, streamId) : undefined
  let state: unknown = cached?.state ?? module.decider.initialState
  let revision = cached?.revision ?? -1
  try {
    // the stream's head is one key lookup: when nothing came after the fold (or the stream is new) there is nothing to read
    if ((await store.streamRevision(streamId)) === revision) return E.right({ state, revision })
    for await (const r of store.readStream(streamId, { fromRevision: revision + 1 })) {
      const event = read(r)
      if (E.isLeft(event))
        return E.left({
          _tag: 'StoreFailure',
          message: `stored event ${r.streamId}@${r.revision} (position ${r.position}) cannot be read: ${event.left.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
        })
      state = evolve(state, event.right)
      revision = r.revision
    }
  } catch (e) {
    return E.left(asStoreError(e))
  }
  if (read === readRecorded && revision >= 0) states.set(store, module, streamId, { state, revision })
  return E.right({ state, revision })
}

/**
 * Folded states of recently used streams, per store. Events are never rewritten, so a state folded
 * up to revision r stays true up to r; loading then reads only what came after (one indexed query
 * instead of the whole stream), and a command's own events extend it directly.
 */
const states = (() => {
  const LIMIT = 20_000
  const byStore = new WeakMap<EventStore, Map<string, Loaded & { module: AnyAggregate }>>()
  const mapOf = (store: EventStore) => {
    let m = byStore.get(store)
    if (m === undefined) byStore.set(store, (m = new Map<string, Loaded & { module: AnyAggregate }>()))
    return m
  }
  return {
    get: (store: EventStore, module: AnyAggregate, streamId: string): Loaded | undefined => {
      const hit = byStore.get(store)?.get(streamId)
      return hit !== undefined && hit.module === module ? hit : undefined
    },
    set: (store: EventStore, module: AnyAggregate, streamId: string, loaded: Loaded): void => {
      const m = mapOf(store)
      m.delete(streamId) // re-inserted last: the Map's order is the least recently used first
      m.set(streamId, { ...loaded, module })
      if (m.size > LIMIT) m.delete(m.keys().next().value as string)
    },
  }
})()

/** `{ policy, [need.key]: state }`; a needed stream with no events is left out (no such stream). */
export const contextOf = async (needs: ReadonlyArray<Need>, policy: Policy, load: (need: Need) => Promise<E.Either<StoreError, Loaded>>): Promise<E.Either<StoreError, Record<string, unknown>>> => {
  const context: Record<string, unknown> = { policy }
  for (const need of needs) {
    const loaded = await load(need)
    if (E.isLeft(loaded)) return loaded
    if (loaded.right.revision >= 0) context[need.key] = loaded.right.state
  }
  return E.right(context)
}

/** The context of a command: what its module's `needs` name, then what its `laterNeeds` name from that. */
export const contextFor = async (
  module: AnyAggregate,
  command: Parameters<AnyAggregate['needs']>[0],
  policy: Policy,
  load: (need: Need) => Promise<E.Either<StoreError, Loaded>>,
): Promise<E.Either<StoreError, Record<string, unknown>>> => {
  const first = await contextOf(module.needs(command), policy, load)
  if (E.isLeft(first) || module.laterNeeds === undefined) return first
  const later = await contextOf(module.laterNeeds(command, first.right), policy, load)
  if (E.isLeft(later)) return later
  const { policy: _, ...loaded } = later.right
  return E.right({ ...first.right, ...loaded })
}

/** The decided events as envelopes to append: deterministic ids, encoded data, full metadata. */
export const toNewEvents = (events: ReadonlyArray<DomainEvent>, streamId: string, meta: CommandMetadata): NewEvent[] =>
  events.map((event, i) => ({
    eventId: eventIdFor(meta.commandId, streamId, i),
    type: event.type,
    schemaVersion: schemaVersions[event.type],
    data: (eventCodecs[event.type].encode(event) as { data: unknown }).data,
    metadata: {
      occurredOn: occurredOn(event),
      actor: meta.actor,
      commandId: meta.commandId,
      correlationId: meta.correlationId ?? meta.commandId,
      causationId: meta.causationId ?? meta.commandId,
      ...(meta.reason === undefined ? {} : { reason: meta.reason }),
      ...(meta.fingerprint === undefined ? {} : { fingerprint: meta.fingerprint }),
    },
  }))

export const expectedOf = (revision: number): ExpectedRevision => (revision < 0 ? 'no-stream' : revision)

export const replayedOutcome = (events: ReadonlyArray<RecordedEvent>): CommandOutcome => {
  const last = events[events.length - 1]!
  return { _tag: 'Done', streamId: last.streamId, revision: last.revision, events, replayed: true }
}

/**
 * The core loop: load → decide → append with the loaded revision; a revision conflict re-reads and
 * decides again (bounded), unless the caller pinned the revision (If-Match). A commandId already
 * stored answers with its events and stores nothing.
 */
export const handleCommand = async (store: EventStore, command: DomainCommand, meta: CommandMetadata, opts: HandleOptions = {}): Promise<E.Either<CommandFailure, CommandOutcome>> =>
  handleWith(store, moduleOf(opts.aggregates ?? registry, command), command, meta, opts, 0)

/** Follow-ups of follow-ups stop here: a domain that chains deeper is a wiring mistake. */
const MAX_FOLLOW_UP_DEPTH = 4

/** handleCommand with the aggregate given: what follow-ups use, since their commands have no public codec. */
export const handleWith = async (
  store: EventStore,
  module: AnyAggregate,
  command: { type: string; data: unknown },
  meta: CommandMetadata,
  opts: HandleOptions,
  depth: number,
): Promise<E.Either<CommandFailure, CommandOutcome>> => {
  const aggregates = opts.aggregates ?? registry
  const policy = opts.policy ?? defaultPolicy
  const maxRetries = Math.max(0, opts.maxRetries ?? 3)
  let prior: ReadonlyArray<RecordedEvent>
  try {
    prior = await store.eventsOfCommand(meta.commandId)
  } catch (e) {
    return E.left(asStoreError(e))
  }
  const streamId = module.streamOf(command)
  const loadNeed = (need: Need) => loadStream(store, moduleNamed(aggregates, need.aggregate), need.streamId)
  const follow = async (events: ReadonlyArray<DomainEvent>, state: unknown, context: Record<string, unknown>, outcome: CommandOutcome) => {
    if (module.followUps === undefined || depth >= MAX_FOLLOW_UP_DEPTH) return E.right(outcome)
    const failures = await runFollowUps(
      module.followUps(command, events, state, context),
      meta,
      (m, c, fm) => handleWith(store, m, c, fm, { ...opts, expectedRevision: undefined }, depth + 1),
      aggregates,
    )
    if (E.isLeft(failures)) return failures
    return E.right(failures.right.length === 0 ? outcome : { ...outcome, followUpFailures: failures.right })
  }
  if (prior.length > 0) {
    // a retry finishes what a crash may have left undone: the follow-ups are idempotent by their derived command ids
    const outcome = replayedOutcome(prior)
    if (module.followUps === undefined) return E.right(outcome)
    const loaded = await loadStream(store, module, streamId)
    const context = await contextFor(module, command, policy, loadNeed)
    if (E.isLeft(loaded)) return loaded
    if (E.isLeft(context)) return context
    const events = prior
      .filter((r) => r.streamId === streamId)
      .map(readRecorded)
      .flatMap((e) => (E.isRight(e) ? [e.right] : []))
    return follow(events, loaded.right.state, context.right, outcome)
  }
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(store, module, streamId)
    if (E.isLeft(loaded)) return loaded
    const { state, revision } = loaded.right
    if (opts.expectedRevision !== undefined && opts.expectedRevision !== revision) return E.left({ _tag: 'RevisionConflict', streamId, expected: opts.expectedRevision, actual: revision })
    const context = await contextFor(module, command, policy, loadNeed)
    if (E.isLeft(context)) return context
    const decision = module.decider.decide(command, state, context.right)
    if (E.isLeft(decision)) return decision
    if (decision.right.length === 0) return E.right({ _tag: 'Done', streamId, revision, events: [], replayed: false })
    const appended = await store.append(streamId, toNewEvents(decision.right, streamId, meta), expectedOf(revision))
    if (E.isRight(appended)) {
      const after = decision.right.reduce(module.decider.evolve, state)
      states.set(store, module, streamId, { state: after, revision: appended.right.revision })
      return follow(decision.right, after, context.right, { _tag: 'Done', streamId, revision: appended.right.revision, events: appended.right.events, replayed: false })
    }
    if (appended.left._tag !== 'RevisionConflict' || opts.expectedRevision !== undefined) return appended
    if (attempt > maxRetries) return E.left({ _tag: 'RetriesExhausted', streamId, attempts: attempt })
  }
}
