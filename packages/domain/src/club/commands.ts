import * as t from 'io-ts'
import { Count, Id, IsoDate, Name, Text, message, taggedUnion } from '../codecs.js'
import { AreaCode } from '../association/events.js'
import { ActivityArea, ClubModel, ClubProgramme, Roster } from './events.js'
import { idStream } from '../streams.js'

const id = { clubId: Id }

export const LaunchClub = message('LaunchClub', {
  ...id,
  name: Name,
  model: ClubModel,
  hostAssociationId: Id,
  areaCode: AreaCode,
  launchedOn: IsoDate,
  programme: ClubProgramme,
  roster: Roster,
})
export const ReportClubRoster = message('ReportClubRoster', { ...id, reportedOn: IsoDate, roster: Roster })
export const RecordClubActivity = message('RecordClubActivity', { ...id, activityId: Id, area: ActivityArea, heldOn: IsoDate, title: Name, participants: Count })
export const CloseClub = message('CloseClub', { ...id, closedOn: IsoDate }, { reason: Text })

const members = { LaunchClub, ReportClubRoster, RecordClubActivity, CloseClub }
export const Command = taggedUnion('ClubCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
const stream = idStream('club')
export const streamId: (clubId: string) => string = stream.format
/** The clubId id of a stream id of this aggregate; undefined for any other stream. */
export const parseStreamId: (streamId: string) => string | undefined = stream.parse
