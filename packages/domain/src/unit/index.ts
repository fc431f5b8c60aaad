import type { AggregateModule, Decider, FollowUp } from '../decider.js'
import { decide, type Context } from './decide.js'
import { evolve, initialState, type State } from './state.js'
import { streamId, type Command, type InternalCommand } from './commands.js'
import type { Event } from './events.js'

export * from './events.js'
export * from './commands.js'
export { decide, evolve, initialState }
export type { Context, State }
export type { Existing } from './state.js'
export { districtAbolition } from './restructuring.js'

export const decider: Decider<Command | InternalCommand, Event, State, Context> = {
  decide,
  evolve,
  initialState,
  isTerminal: (s) => s.status === 'merged' || s.status === 'abolished',
}

const to = (key: string, type: string, data: Record<string, unknown>): FollowUp => ({ key, aggregate: 'unit', command: { type, data } })

/** The parent's list of subunits follows the subunits' own events, so a parent never ends with subunits under it (R30). */
const followUpsOf = (e: Event, s: State): ReadonlyArray<FollowUp> => {
  if (s.status === 'none') return []
  switch (e.type) {
    case 'AdminUnitCreated':
      return e.data.parentId === undefined ? [] : [to('parent', 'AttachSubunit', { unitId: e.data.parentId, childId: e.data.unitId, attachedOn: e.data.createdOn })]
    case 'AdminUnitReparented':
      return [
        ...(e.data.previousParentId === undefined ? [] : [to('detach', 'DetachSubunit', { unitId: e.data.previousParentId, childId: e.data.unitId, detachedOn: e.data.reparentedOn })]),
        to('attach', 'AttachSubunit', { unitId: e.data.parentId, childId: e.data.unitId, attachedOn: e.data.reparentedOn }),
      ]
    case 'AdminUnitMerged':
    case 'AdminUnitAbolished': {
      const on = e.type === 'AdminUnitMerged' ? e.data.mergedOn : e.data.abolishedOn
      return s.parentId === undefined ? [] : [to('parent', 'DetachSubunit', { unitId: s.parentId, childId: s.unitId, detachedOn: on })]
    }
    default:
      return []
  }
}

export const unit: AggregateModule<Command | InternalCommand, Event, State, Context> = {
  name: 'unit',
  decider,
  streamOf: (c) => streamId(c.data.unitId),
  needs: (c) =>
    c.type === 'CreateAdminUnit' && c.data.parentId !== undefined
      ? [{ key: 'parent', aggregate: 'unit', streamId: streamId(c.data.parentId) }]
      : c.type === 'ReparentAdminUnit'
        ? [{ key: 'parent', aggregate: 'unit', streamId: streamId(c.data.parentId) }]
        : c.type === 'MergeAdminUnit'
          ? [{ key: 'into', aggregate: 'unit', streamId: streamId(c.data.intoId) }]
          : [],
  followUps: (_c, events, state) => events.flatMap((e) => followUpsOf(e, state)),
}
