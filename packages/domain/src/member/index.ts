import type { AggregateModule, Decider } from '../decider.js'
import { carriedIds, carriedKey, decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command } from './commands.js'
import type { Event } from './events.js'
import { streamId as associationStream } from '../association/commands.js'
import { membershipClaim, release, streamId as claimStream, take } from '../claim/claim.js'
import type { FollowUp } from '../decider.js'
import type { Leaving } from './state.js'

export * from './events.js'
export * from './commands.js'
export { decide, evolve, initialState }
export type { Context, State }
export type { Existing, Leaving, Person } from './state.js'

/** Never terminal: corrections stay possible after a member has left (R11). */
export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: () => false }

export const member: AggregateModule<Command, Event, State, Context> = {
  name: 'member',
  decider,
  streamOf: (c) => streamId(c.data.memberId),
  needs: (c) => {
    switch (c.type) {
      case 'AdmitMember':
        return [
          { key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) },
          { key: 'membership', aggregate: 'claim', streamId: claimStream(membershipClaim(c.data.associationId, c.data.personId)) },
        ]
      case 'TransferMemberOut':
        return [
          { key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) },
          { key: 'destination', aggregate: 'association', streamId: associationStream(c.data.toAssociationId) },
        ]
      case 'TransferMemberIn':
        return [
          { key: 'source', aggregate: 'member', streamId: streamId(c.data.fromMemberId) },
          { key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) },
          ...(c.data.personId === undefined ? [] : [{ key: 'membership', aggregate: 'claim' as const, streamId: claimStream(membershipClaim(c.data.associationId, c.data.personId)) }]),
        ]
      default:
        // the association named: the member's own, or the heir that took it over (R21), and what R20, R28 read
        return [{ key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) }]
    }
  },
  laterNeeds: (c, context) => {
    const personId = c.type === 'AdmitMember' || c.type === 'TransferMemberIn' ? c.data.personId : undefined
    if (personId === undefined) return []
    // R10 after a reorganisation (R21): the person's seat in each association the heir carries
    return carriedIds(context.association).map((id) => ({ key: carriedKey(id), aggregate: 'claim', streamId: claimStream(membershipClaim(id, personId)) }))
  },
  followUps: (_command, events, state) => events.flatMap((e) => followUpsOf(e, state)),
}

const leaving: Readonly<Partial<Record<Event['type'], Leaving>>> = {
  MemberResigned: 'resigned',
  MemberExpelled: 'expelled',
  MemberStruckOff: 'struck-off',
  MemberDeceased: 'deceased',
  MemberTransferredOut: 'transferred-out',
}

/**
 * Joining claims the person's seat in the association (R10); leaving frees it and ends every office
 * the member held there, on the same date.
 */
const followUpsOf = (e: Event, state: State): ReadonlyArray<FollowUp> => {
  if (state.status === 'none') return []
  if (e.type === 'MemberAdmitted' || e.type === 'MemberTransferredIn') {
    const on = e.type === 'MemberAdmitted' ? e.data.admittedOn : e.data.transferredOn
    return [take('membership', membershipClaim(state.associationId, state.personId), state.memberId, on)]
  }
  const how = leaving[e.type]
  if (how === undefined || state.status !== 'left') return []
  return [
    release('membership', membershipClaim(state.associationId, state.personId), state.memberId, state.leftOn),
    // the offices end where the leaving was recorded: a carried member may have been elected in the heir (R21)
    { key: 'offices', aggregate: 'association', command: { type: 'EndOfficesOfMember', data: { associationId: e.data.associationId, memberId: state.memberId, endedOn: state.leftOn, how } } },
  ]
}
