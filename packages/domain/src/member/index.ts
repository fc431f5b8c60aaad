import type { AggregateModule, Decider } from '../decider.js'
import { decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command } from './commands.js'
import type { Event } from './events.js'
import { streamId as associationStream } from '../association/commands.js'

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
        return [{ key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) }]
      case 'TransferMemberOut':
        return [{ key: 'destination', aggregate: 'association', streamId: associationStream(c.data.toAssociationId) }]
      case 'TransferMemberIn':
        return [
          { key: 'source', aggregate: 'member', streamId: streamId(c.data.fromMemberId) },
          { key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) },
        ]
      default:
        return []
    }
  },
}
