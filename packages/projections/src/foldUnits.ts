import type { ReadModel, Recorded } from './model.js'
import { pushDated } from './model.js'

/**
 * Folds an administrative unit's own events; false for any other event. The parent's list of
 * subunits (SubunitAttached/Detached) is bookkeeping of the domain: the subunits' own events
 * already date every parent, so the views read those.
 */
export const applyUnit = (m: ReadModel, e: Recorded): boolean => {
  switch (e.type) {
    case 'AdminUnitCreated': {
      const d = e.data
      // a second creation of the same id changes nothing, as the domain accepts only the first
      if (!m.units.has(d.unitId))
        m.units.set(d.unitId, {
          unitId: d.unitId,
          level: d.level,
          createdOn: d.createdOn,
          names: [{ on: d.createdOn, value: d.name }],
          parents: [{ on: d.createdOn, value: d.parentId }],
          endedOn: undefined,
          mergedInto: undefined,
        })
      return true
    }
    case 'AdminUnitRenamed': {
      const u = m.units.get(e.data.unitId)
      if (u !== undefined) pushDated(u.names, e.data.renamedOn, e.data.name)
      return true
    }
    case 'AdminUnitReparented': {
      const u = m.units.get(e.data.unitId)
      if (u !== undefined) pushDated(u.parents, e.data.reparentedOn, e.data.parentId)
      return true
    }
    case 'AdminUnitMerged': {
      const u = m.units.get(e.data.unitId)
      if (u !== undefined && u.endedOn === undefined) {
        u.endedOn = e.data.mergedOn
        u.mergedInto = e.data.intoId
      }
      return true
    }
    case 'AdminUnitAbolished': {
      const u = m.units.get(e.data.unitId)
      if (u !== undefined && u.endedOn === undefined) u.endedOn = e.data.abolishedOn
      return true
    }
    case 'SubunitAttached':
    case 'SubunitDetached':
      return true
    default:
      return false
  }
}
