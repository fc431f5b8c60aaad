import type { AggregateModule, Decider } from '../decider.js'
import { decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command } from './commands.js'
import type { Event } from './events.js'
import { streamId as associationStream } from '../association/commands.js'

export * from './events.js'
export * from './commands.js'
export { decide, evolve, initialState }
export { compositionFlags } from './decide.js'
export type { Context, State }

export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: (s) => s.status === 'closed' }

export const club: AggregateModule<Command, Event, State, Context> = {
  name: 'club',
  decider,
  streamOf: (c) => streamId(c.data.clubId),
  needs: (c) => (c.type === 'LaunchClub' ? [{ key: 'host', aggregate: 'association', streamId: associationStream(c.data.hostAssociationId) }] : []),
}
