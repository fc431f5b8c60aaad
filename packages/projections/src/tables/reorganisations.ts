import type { Recorded } from '../model.js'
import { insert, type RowChange, type Value } from './changes.js'

/**
 * Reorganisations (R21) as dated facts of the associations projection, read back by the loaders
 * as the fold holds them: `origin` (from the founding), `successor` and a `dissolved` status (the
 * source's end), `predecessor` (what the heir took over).
 */
const fact = (associationId: string, kind: string, on: string, value: Value): RowChange =>
  insert('association_facts', { association_id: associationId, fact: kind, valid_from: on, value }, { when: { table: 'associations', key: { association_id: associationId } } })

export const reorganisationChanges = (e: Recorded): ReadonlyArray<RowChange> => {
  switch (e.type) {
    case 'AssociationReorganised': {
      const d = e.data
      return [fact(d.associationId, 'status', d.reorganisedOn, 'dissolved'), fact(d.associationId, 'successor', d.reorganisedOn, { how: d.how, on: d.reorganisedOn, heirId: d.heirId })]
    }
    case 'AssociationTookOver':
      return [fact(e.data.associationId, 'predecessor', e.data.takenOverOn, e.data.fromId)]
    default:
      return []
  }
}

/** The origin of a body founded by a reorganisation, stored with its founding rows (same condition). */
export const originRow = (e: Recorded, unless: { table: string; key: Readonly<Record<string, Value>> }): ReadonlyArray<RowChange> =>
  e.type === 'AssociationFounded' && e.data.origin !== undefined
    ? [insert('association_facts', { association_id: e.data.associationId, fact: 'origin', valid_from: e.data.foundedOn, value: e.data.origin }, { unless })]
    : []
