import type { IsoDate } from '../codecs.js'
import type { Event, UnitLevel } from './events.js'

export type State =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'merged' | 'abolished'
      readonly unitId: string
      readonly name: string
      readonly level: UnitLevel
      readonly parentId: string | undefined
      readonly createdOn: IsoDate
      readonly endedOn: IsoDate | undefined
      readonly mergedInto: string | undefined
      readonly children: ReadonlyArray<string>
    }
export type Existing = Exclude<State, { status: 'none' }>
export const initialState: State = { status: 'none' }

export const evolve = (state: State, event: Event): State => {
  if (event.type === 'AdminUnitCreated') {
    const d = event.data
    return { status: 'active', unitId: d.unitId, name: d.name, level: d.level, parentId: d.parentId, createdOn: d.createdOn, endedOn: undefined, mergedInto: undefined, children: [] }
  }
  if (state.status === 'none') return state
  switch (event.type) {
    case 'AdminUnitRenamed':
      return { ...state, name: event.data.name }
    case 'AdminUnitMerged':
      return { ...state, status: 'merged', endedOn: event.data.mergedOn, mergedInto: event.data.intoId }
    case 'AdminUnitReparented':
      return { ...state, parentId: event.data.parentId }
    case 'AdminUnitAbolished':
      return { ...state, status: 'abolished', endedOn: event.data.abolishedOn }
    case 'SubunitAttached':
      return state.children.includes(event.data.childId) ? state : { ...state, children: [...state.children, event.data.childId] }
    case 'SubunitDetached':
      return { ...state, children: state.children.filter((c) => c !== event.data.childId) }
  }
}
