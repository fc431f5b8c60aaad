import type { AggregateModule, Decider } from '../decider.js'
import { decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command } from './commands.js'
import type { Event } from './events.js'
import { streamId as associationStream } from '../association/commands.js'

export * from './events.js'
export * from './commands.js'
export { decide, evolve, initialState }
export { reportDueOn } from './decide.js'
export type { Context, State }

/** An approved report is locked (R33): nothing further is accepted until an unapproval exists. */
export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: (s) => s.status === 'approved' }

export const report: AggregateModule<Command, Event, State, Context> = {
  name: 'report',
  decider,
  streamOf: (c) => streamId(c.data.associationId, c.data.period),
  needs: (c) => (c.type === 'SubmitReport' ? [{ key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) }] : []),
}
