import * as t from 'io-ts'
import { IsoDate, Name, Ref, message, oneOf, taggedUnion } from '../codecs.js'
import { AreaCode } from '../association/events.js'

/** The levels of Vietnamese local government; the district level ends on 2025-07-01 (policy `abolishedScopes`). */
export const UnitLevel = oneOf('UnitLevel', ['province', 'district', 'commune'] as const)
export type UnitLevel = t.TypeOf<typeof UnitLevel>

const id = { unitId: AreaCode }
export const AdminUnitCreated = message('AdminUnitCreated', { ...id, name: Name, level: UnitLevel, createdOn: IsoDate }, { parentId: AreaCode, decisionRef: Ref })
export const AdminUnitRenamed = message('AdminUnitRenamed', { ...id, name: Name, renamedOn: IsoDate }, { decisionRef: Ref })
/** The unit ends and its territory and people go to `intoId` (a commune merger). */
export const AdminUnitMerged = message('AdminUnitMerged', { ...id, intoId: AreaCode, mergedOn: IsoDate }, { decisionRef: Ref })
export const AdminUnitReparented = message('AdminUnitReparented', { ...id, parentId: AreaCode, reparentedOn: IsoDate }, { previousParentId: AreaCode, decisionRef: Ref })
export const AdminUnitAbolished = message('AdminUnitAbolished', { ...id, abolishedOn: IsoDate }, { decisionRef: Ref })
/** Bookkeeping of the parent, kept by follow-ups of its subunits' events. */
export const SubunitAttached = message('SubunitAttached', { ...id, childId: AreaCode, attachedOn: IsoDate })
export const SubunitDetached = message('SubunitDetached', { ...id, childId: AreaCode, detachedOn: IsoDate })

const members = { AdminUnitCreated, AdminUnitRenamed, AdminUnitMerged, AdminUnitReparented, AdminUnitAbolished, SubunitAttached, SubunitDetached }
export const Event = taggedUnion('AdminUnitEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
