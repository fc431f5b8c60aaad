import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { Recorded } from '../model.js'
import { close, insert, text, update, type ProjectionDefinition, type RowChange } from './changes.js'

const movement = (movementId: string) => ({ table: 'movements', key: { movement_id: movementId } })

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const id = text(e.data, 'movementId')
  switch (e.type) {
    case 'EmulationMovementLaunched': {
      const d = e.data
      const row = {
        owner_association_id: d.ownerAssociationId,
        title: d.title,
        cycle_start: d.cycleStart,
        cycle_end: d.cycleEnd,
        launched_on: d.launchedOn,
        concluded_on: null,
      }
      return [close('awards', { movement_id: id }), update('movements', { movement_id: id }, row), insert('movements', { movement_id: id, ...row, ord: e.position }, { unless: movement(id) })]
    }
    case 'CommendationAwarded': {
      const d = e.data
      return [
        insert(
          'awards',
          {
            movement_id: id,
            commendation_id: d.commendationId,
            recipient: d.recipient,
            form: d.form,
            valid_from: d.awardedOn,
          },
          { when: movement(id) },
        ),
      ]
    }
    case 'EmulationMovementConcluded':
      return [update('movements', { movement_id: id }, { concluded_on: e.data.concludedOn }, { onlyIfNull: 'concluded_on' })]
    default:
      return []
  }
}

export const movementsProjection: ProjectionDefinition = {
  name: 'movements',
  version: 1,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'movement'),
  tables: {
    movements: {
      columns: {
        movement_id: 'text',
        owner_association_id: 'text',
        title: 'text',
        cycle_start: 'int',
        cycle_end: 'int',
        launched_on: 'text',
        concluded_on: 'text',
        ord: 'int',
      },
      key: ['movement_id'],
      indexes: [],
    },
    awards: { columns: { movement_id: 'text', commendation_id: 'text', recipient: 'json', form: 'text', valid_from: 'text' }, key: ['movement_id'], indexes: [] },
  },
  changes,
}
