import * as t from 'io-ts'
import { Count, Flags, Id, IsoDate, Name, Text, message, oneOf, strict, taggedUnion } from '../codecs.js'
import { AreaCode } from '../association/events.js'

export const ClubModel = oneOf('ClubModel', ['ishc', 'other'] as const)
/** National programmes for ISHCs: Decisions 1533/QĐ-TTg (2016–2020), 1336/QĐ-TTg (to 2025), 1648/QĐ-TTg (to 2035). */
export const ClubProgramme = oneOf('ClubProgramme', ['1533', '1336', '1648', 'none'] as const)
/** The 8 ISHC activity areas. */
export const ActivityArea = oneOf('ActivityArea', ['livelihoods', 'health-care', 'home-care', 'self-help', 'rights', 'lifelong-learning', 'culture-arts', 'resource-mobilisation'] as const)
export const Roster = strict({ total: Count, older: Count, women: Count, homeCareVolunteers: Count }, 'Roster')
export type Roster = t.TypeOf<typeof Roster>

const id = { clubId: Id }

export const ClubLaunched = message('ClubLaunched', {
  ...id,
  name: Name,
  model: ClubModel,
  hostAssociationId: Id,
  areaCode: AreaCode,
  launchedOn: IsoDate,
  programme: ClubProgramme,
  roster: Roster,
  flags: Flags,
})
export const ClubRosterReported = message('ClubRosterReported', { ...id, reportedOn: IsoDate, roster: Roster, flags: Flags })
export const ClubActivityRecorded = message('ClubActivityRecorded', { ...id, activityId: Id, area: ActivityArea, heldOn: IsoDate, title: Name, participants: Count })
export const ClubClosed = message('ClubClosed', { ...id, closedOn: IsoDate }, { reason: Text })

const members = { ClubLaunched, ClubRosterReported, ClubActivityRecorded, ClubClosed }
export const Event = taggedUnion('ClubEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
