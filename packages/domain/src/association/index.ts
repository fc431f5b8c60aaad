import type { AggregateModule, Decider } from '../decider.js'
import { decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command } from './commands.js'
import type { Event } from './events.js'
import { streamId as memberStream } from '../member/commands.js'

export * from './events.js'
export * from './commands.js'
export { decide, evolve, initialState }
export type { Context, State }
export type { Existing, Officer, Term, Congress } from './state.js'

export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: (s) => s.status === 'dissolved' }

export const association: AggregateModule<Command, Event, State, Context> = {
  name: 'association',
  decider,
  streamOf: (c) => streamId(c.data.associationId),
  needs: (c) =>
    c.type === 'FoundAssociation' && c.data.parentId !== undefined
      ? [{ key: 'parent', aggregate: 'association', streamId: streamId(c.data.parentId) }]
      : c.type === 'ElectOfficer'
        ? [{ key: 'member', aggregate: 'member', streamId: memberStream(c.data.memberId) }]
        : [],
}
