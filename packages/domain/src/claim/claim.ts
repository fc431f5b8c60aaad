import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { Id, IsoDate, message, taggedUnion } from '../codecs.js'
import { describeAs } from '../schema.js'
import { accept, nothing, reject, type AggregateModule, type Decider, type Rejection } from '../decider.js'

/**
 * A claim is a key that at most one owner holds at a time: a person's seat in an association (one
 * active membership, R10) or an association kind's place in an area (no duplicate, R30). Deciders
 * read a claim through `needs`; only follow-ups take and release it, so it has no HTTP route.
 */
const pattern = /^[a-z]+~[^\s]{1,200}$/u
export const ClaimId = describeAs(
  new t.Type<string, string, unknown>(
    'ClaimId',
    (u): u is string => typeof u === 'string' && pattern.test(u),
    (u, c) => (typeof u === 'string' && pattern.test(u) ? t.success(u) : t.failure(u, c, 'must be a claim key like membership~a~p')),
    (a) => a,
  ),
  { type: 'string', pattern: pattern.source, description: 'A claim key: namespace~parts' },
)
export const membershipClaim = (associationId: string, personId: string): string => `membership~${associationId}~${personId}`
export const areaClaim = (kind: string, areaCode: string): string => `area~${kind}~${areaCode}`

const held = { claimId: ClaimId, owner: Id }
export const ClaimTaken = message('ClaimTaken', { ...held, takenOn: IsoDate })
export const ClaimReleased = message('ClaimReleased', { ...held, releasedOn: IsoDate })
const events = { ClaimTaken, ClaimReleased }
export const Event = taggedUnion('ClaimEvent', 'type', events)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(events) as ReadonlyArray<Event['type']>

export const TakeClaim = message('TakeClaim', { ...held, takenOn: IsoDate })
export const ReleaseClaim = message('ReleaseClaim', { ...held, releasedOn: IsoDate })
const commands = { TakeClaim, ReleaseClaim }
export const Command = taggedUnion('ClaimCommand', 'type', commands)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = commands

export type State = { readonly owner: string | undefined; readonly since: IsoDate | undefined; readonly releasedOn: IsoDate | undefined }
export const initialState: State = { owner: undefined, since: undefined, releasedOn: undefined }

export const evolve = (state: State, event: Event): State =>
  event.type === 'ClaimTaken'
    ? { owner: event.data.owner, since: event.data.takenOn, releasedOn: undefined }
    : state.owner === event.data.owner
      ? { owner: undefined, since: undefined, releasedOn: event.data.releasedOn }
      : state

/** The owner holding the claim, if another than `owner`. */
export const heldByOther = (claim: State | undefined, owner: string): string | undefined => (claim?.owner !== undefined && claim.owner !== owner ? claim.owner : undefined)

export const decide = (command: Command, state: State): E.Either<Rejection, ReadonlyArray<Event>> => {
  const d = command.data
  if (command.type === 'TakeClaim') {
    if (state.owner === d.owner) return nothing
    if (state.owner !== undefined) return reject('ClaimHeld', 'design', `${d.claimId} is held by ${state.owner}`, `${d.claimId} đang thuộc về ${state.owner}`, 'data.owner')
    return accept({ type: 'ClaimTaken', data: command.data })
  }
  return state.owner === d.owner ? accept({ type: 'ClaimReleased', data: command.data }) : nothing
}

export const streamId = (claimId: string): string => `claim-${claimId}`
/** The claim key of a claim stream id; undefined for any other stream. */
export const parseStreamId = (id: string): string | undefined => {
  const key = id.startsWith('claim-') ? id.slice('claim-'.length) : undefined
  return key !== undefined && pattern.test(key) ? key : undefined
}
export const decider: Decider<Command, Event, State, unknown> = { decide, evolve, initialState, isTerminal: () => false }
export const claim: AggregateModule<Command, Event, State, unknown> = {
  name: 'claim',
  decider,
  streamOf: (c) => streamId(c.data.claimId),
  needs: () => [],
}
export const take = (key: string, claimId: string, owner: string, takenOn: string) => ({ key, aggregate: 'claim', command: { type: 'TakeClaim', data: { claimId, owner, takenOn } } }) as const
export const release = (key: string, claimId: string, owner: string, releasedOn: string) =>
  ({ key, aggregate: 'claim', command: { type: 'ReleaseClaim', data: { claimId, owner, releasedOn } } }) as const
