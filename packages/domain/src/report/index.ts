import type { AggregateModule, Decider, Need } from '../decider.js'
import { decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command } from './commands.js'
import type { Event } from './events.js'
import { streamId as associationStream } from '../association/commands.js'

export * from './events.js'
export * from './commands.js'
export * from './catalogue.js'
export { decide, evolve, initialState }
export { indicatorsMustFit, lockedAfter, reportDueOn, templateOf } from './rules.js'
export { owesReport } from './approval.js'
export type { Context, State }

/** An approved report can be reopened by unapproval (R33), so no state is final. */
export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: () => false }

const needs = (c: Command): ReadonlyArray<Need> => {
  const own: Need = { key: 'association', aggregate: 'association', streamId: associationStream(c.data.associationId) }
  switch (c.type) {
    case 'SubmitReport':
    case 'CorrectReport':
    case 'GrantLockException':
    case 'RevokeLockException':
      return [own]
    case 'ApproveReport':
      return [
        own,
        ...(c.data.childAssociationIds ?? []).flatMap((id, i): Need[] => [
          { key: `childAssociation.${i}`, aggregate: 'association', streamId: associationStream(id) },
          { key: `childReport.${i}`, aggregate: 'report', streamId: streamId(id, c.data.period) },
        ]),
      ]
    case 'UnapproveReport':
      return c.data.parentAssociationId === undefined ? [own] : [own, { key: 'parentReport', aggregate: 'report', streamId: streamId(c.data.parentAssociationId, c.data.period) }]
    default:
      return []
  }
}

export const report: AggregateModule<Command, Event, State, Context> = { name: 'report', decider, streamOf: (c) => streamId(c.data.associationId, c.data.period), needs }
