import { occurredOn } from '@hoi/domain'
import { governanceTypes, type Recorded } from '../model.js'
import { insert, text, type ProjectionDefinition, type RowChange } from './changes.js'

/**
 * Governance events of associations (R16–R18, R20, R25, R27), one row each, as the fold keeps them:
 * the governance view reads them back in business-date then log order.
 */
const changes = (e: Recorded): ReadonlyArray<RowChange> => [insert('governance_facts', { association_id: text(e.data, 'associationId'), fact: e.type, valid_from: occurredOn(e), value: e.data })]

export const governanceProjection: ProjectionDefinition = {
  name: 'governance',
  version: 1,
  handles: governanceTypes,
  tables: {
    governance_facts: {
      columns: { association_id: 'text', fact: 'text', valid_from: 'text', value: 'json' },
      indexes: [['association_id', 'valid_from']],
    },
  },
  changes,
}
