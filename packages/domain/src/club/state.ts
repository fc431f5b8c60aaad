import type * as t from 'io-ts'
import type { IsoDate } from '../codecs.js'
import type { ClubModel, ClubProgramme, Event, Roster } from './events.js'
import { addId, noIds, type IdList } from '../ids.js'

export type State =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'closed'
      readonly clubId: string
      readonly name: string
      readonly model: t.TypeOf<typeof ClubModel>
      readonly hostAssociationId: string
      readonly areaCode: string
      readonly launchedOn: IsoDate
      readonly programme: t.TypeOf<typeof ClubProgramme>
      /** The figures given at launch: a repeated launch is compared with these, not with later rosters. */
      readonly foundingRoster: Roster
      readonly roster: Roster
      readonly rosterReportedOn: IsoDate
      readonly activityIds: IdList
      readonly closedOn: IsoDate | undefined
    }

export const initialState: State = { status: 'none' }

export const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'ClubLaunched': {
      const d = event.data
      return {
        status: 'open',
        clubId: d.clubId,
        name: d.name,
        model: d.model,
        hostAssociationId: d.hostAssociationId,
        areaCode: d.areaCode,
        launchedOn: d.launchedOn,
        programme: d.programme,
        foundingRoster: d.roster,
        roster: d.roster,
        rosterReportedOn: d.launchedOn,
        activityIds: noIds,
        closedOn: undefined,
      }
    }
    case 'ClubRosterReported':
      return state.status === 'none' ? state : { ...state, roster: event.data.roster, rosterReportedOn: event.data.reportedOn }
    case 'ClubActivityRecorded':
      return state.status === 'none' ? state : { ...state, activityIds: addId(state.activityIds, event.data.activityId) }
    case 'ClubClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed', closedOn: event.data.closedOn }
  }
}
