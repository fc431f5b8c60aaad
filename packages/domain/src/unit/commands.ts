import * as t from 'io-ts'
import { IsoDate, Name, Ref, message, taggedUnion } from '../codecs.js'
import { AreaCode } from '../association/events.js'
import { UnitLevel } from './events.js'
import { idStream } from '../streams.js'

const id = { unitId: AreaCode }
export const CreateAdminUnit = message('CreateAdminUnit', { ...id, name: Name, level: UnitLevel, createdOn: IsoDate }, { parentId: AreaCode, decisionRef: Ref })
export const RenameAdminUnit = message('RenameAdminUnit', { ...id, name: Name, renamedOn: IsoDate }, { decisionRef: Ref })
export const MergeAdminUnit = message('MergeAdminUnit', { ...id, intoId: AreaCode, mergedOn: IsoDate }, { decisionRef: Ref })
export const ReparentAdminUnit = message('ReparentAdminUnit', { ...id, parentId: AreaCode, reparentedOn: IsoDate }, { decisionRef: Ref })
export const AbolishAdminUnit = message('AbolishAdminUnit', { ...id, abolishedOn: IsoDate }, { decisionRef: Ref })

const members = { CreateAdminUnit, RenameAdminUnit, MergeAdminUnit, ReparentAdminUnit, AbolishAdminUnit }
export const Command = taggedUnion('AdminUnitCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>

/** Only follow-ups send these: the parent's list of subunits. */
export const AttachSubunit = message('AttachSubunit', { ...id, childId: AreaCode, attachedOn: IsoDate })
export const DetachSubunit = message('DetachSubunit', { ...id, childId: AreaCode, detachedOn: IsoDate })
export const InternalCommand = taggedUnion('AdminUnitInternalCommand', 'type', { AttachSubunit, DetachSubunit })
export type InternalCommand = t.TypeOf<typeof InternalCommand>

const stream = idStream('unit')
export const streamId: (unitId: string) => string = stream.format
/** The unit id (an area code) of a stream id of this aggregate; undefined for any other stream. */
export const parseStreamId = (id: string): string | undefined => {
  const unitId = stream.parse(id)
  return unitId !== undefined && AreaCode.is(unitId) ? unitId : undefined
}
