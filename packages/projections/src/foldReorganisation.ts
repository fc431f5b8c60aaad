import type { ReadModel, Recorded } from './model.js'
import { pushDated } from './model.js'

/**
 * Folds what reorganisations (R21) add to an association: its origin, its end and heir, the
 * predecessors it took over (the origin comes with the founding). False for every other event.
 */
export const applyReorganisation = (m: ReadModel, e: Recorded): boolean => {
  switch (e.type) {
    case 'AssociationReorganised': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a === undefined) return true
      pushDated(a.statuses, d.reorganisedOn, 'dissolved')
      if (a.dissolvedOn === undefined || d.reorganisedOn < a.dissolvedOn) a.dissolvedOn = d.reorganisedOn
      if (a.successor === undefined || d.reorganisedOn < a.successor.on) a.successor = { how: d.how, on: d.reorganisedOn, heirId: d.heirId }
      return true
    }
    case 'AssociationTookOver': {
      const d = e.data
      const a = m.associations.get(d.associationId)
      if (a !== undefined) pushDated((a.predecessors ??= []), d.takenOverOn, d.fromId)
      return true
    }
    case 'AssociationSeparated':
      return true
    default:
      return false
  }
}
