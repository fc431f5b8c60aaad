import * as t from 'io-ts'
import { Id, IsoDate, Name, Text, message, taggedUnion } from '../codecs.js'
import { Recipient, Year } from './events.js'
import { idStream } from '../streams.js'

const id = { movementId: Id }

export const LaunchEmulationMovement = message('LaunchEmulationMovement', { ...id, ownerAssociationId: Id, title: Name, cycleStart: Year, cycleEnd: Year, launchedOn: IsoDate })
export const AwardCommendation = message('AwardCommendation', { ...id, commendationId: Id, recipient: Recipient, form: Name, awardedOn: IsoDate }, { citation: Text })
export const ConcludeEmulationMovement = message('ConcludeEmulationMovement', { ...id, concludedOn: IsoDate }, { summary: Text })

const members = { LaunchEmulationMovement, AwardCommendation, ConcludeEmulationMovement }
export const Command = taggedUnion('MovementCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
const stream = idStream('movement')
export const streamId: (movementId: string) => string = stream.format
/** The movementId id of a stream id of this aggregate; undefined for any other stream. */
export const parseStreamId: (streamId: string) => string | undefined = stream.parse
