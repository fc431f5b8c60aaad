import type { IsoDate } from '../codecs.js'
import type { Event } from './events.js'
import { addId, noIds, type IdList } from '../ids.js'

export type State =
  | { readonly status: 'none' }
  | {
      readonly status: 'running' | 'concluded'
      readonly movementId: string
      readonly ownerAssociationId: string
      readonly cycleStart: number
      readonly cycleEnd: number
      readonly launchedOn: IsoDate
      readonly commendationIds: IdList
    }

export const initialState: State = { status: 'none' }

export const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'EmulationMovementLaunched': {
      const d = event.data
      return { status: 'running', movementId: d.movementId, ownerAssociationId: d.ownerAssociationId, cycleStart: d.cycleStart, cycleEnd: d.cycleEnd, launchedOn: d.launchedOn, commendationIds: noIds }
    }
    case 'CommendationAwarded':
      return state.status === 'none' ? state : { ...state, commendationIds: addId(state.commendationIds, event.data.commendationId) }
    case 'EmulationMovementConcluded':
      return state.status === 'none' ? state : { ...state, status: 'concluded' }
  }
}
