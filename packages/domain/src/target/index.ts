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

export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: (s) => s.status === 'withdrawn' }

export const target: AggregateModule<Command, Event, State, Context> = {
  name: 'target',
  decider,
  streamOf: (c) => streamId(c.data.targetId),
  needs: (c) => (c.type === 'SetTarget' ? [{ key: 'owner', aggregate: 'association', streamId: associationStream(c.data.ownerAssociationId) }] : []),
}
