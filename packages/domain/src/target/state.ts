import type { IsoDate } from '../codecs.js'
import type { Counting, Event, Metric, Milestone } from './events.js'

/** What was set, as set: a repeated SetTarget is compared with this, not with later revisions. */
export type TargetSetData = Extract<Event, { type: 'TargetSet' }>['data']

/** The target as it stands. Progress is not here: it is a view computed from other streams. */
export type State =
  | { readonly status: 'none' }
  | {
      readonly status: 'set' | 'withdrawn'
      readonly targetId: string
      readonly ownerAssociationId: string
      readonly title: string
      readonly metric: Metric
      readonly counting: Counting
      readonly goal: number
      readonly startOn: IsoDate
      readonly dueOn: IsoDate
      readonly milestones: ReadonlyArray<Milestone>
      readonly setOn: IsoDate
      readonly asSet: TargetSetData
      readonly revisedOn: IsoDate | undefined
      readonly withdrawnOn: IsoDate | undefined
    }

export const initialState: State = { status: 'none' }

export const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'TargetSet': {
      const d = event.data
      return {
        status: 'set',
        targetId: d.targetId,
        ownerAssociationId: d.ownerAssociationId,
        title: d.title,
        metric: d.metric,
        counting: d.counting,
        goal: d.goal,
        startOn: d.startOn,
        dueOn: d.dueOn,
        milestones: d.milestones,
        setOn: d.setOn,
        asSet: d,
        revisedOn: undefined,
        withdrawnOn: undefined,
      }
    }
    case 'TargetRevised': {
      if (state.status === 'none') return state
      const d = event.data
      return { ...state, goal: d.goal ?? state.goal, dueOn: d.dueOn ?? state.dueOn, milestones: d.milestones ?? state.milestones, revisedOn: d.revisedOn }
    }
    case 'TargetWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn', withdrawnOn: event.data.withdrawnOn }
  }
}
