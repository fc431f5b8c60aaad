import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { Recorded } from '../model.js'
import { insert, text, update, type ProjectionDefinition, type RowChange } from './changes.js'

const exists = (unitId: string) => ({ table: 'admin_units', key: { unit_id: unitId } })
/** A dated fact of a unit (its name or its parent), known only once the unit is. */
const fact = (unitId: string, kind: 'name' | 'parent', on: string, value: string | undefined, o: { when?: ReturnType<typeof exists>; unless?: ReturnType<typeof exists> }): RowChange =>
  insert('admin_unit_facts', { unit_id: unitId, fact: kind, valid_from: on, value }, o)

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const id = text(e.data, 'unitId')
  switch (e.type) {
    case 'AdminUnitCreated': {
      const d = e.data
      // a second creation of the same id changes nothing, so every row waits on the first
      const unless = exists(id)
      return [
        fact(id, 'name', d.createdOn, d.name, { unless }),
        fact(id, 'parent', d.createdOn, d.parentId, { unless }),
        insert('admin_units', { unit_id: id, level: d.level, created_on: d.createdOn, ended_on: undefined, merged_into: undefined, ord: e.position }, { unless }),
      ]
    }
    case 'AdminUnitRenamed':
      return [fact(id, 'name', e.data.renamedOn, e.data.name, { when: exists(id) })]
    case 'AdminUnitReparented':
      return [fact(id, 'parent', e.data.reparentedOn, e.data.parentId, { when: exists(id) })]
    // the first end recorded stands
    case 'AdminUnitMerged':
      return [update('admin_units', { unit_id: id }, { ended_on: e.data.mergedOn, merged_into: e.data.intoId }, { onlyIfNull: 'ended_on' })]
    case 'AdminUnitAbolished':
      return [update('admin_units', { unit_id: id }, { ended_on: e.data.abolishedOn }, { onlyIfNull: 'ended_on' })]
    // the parent's list of subunits: the subunits' own rows date every parent already
    default:
      return []
  }
}

/** Administrative units over valid time (names and parents by date, merges), as the fold's `units`. */
export const unitsProjection: ProjectionDefinition = {
  name: 'units',
  version: 1,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'unit'),
  tables: {
    admin_units: {
      columns: { unit_id: 'text', level: 'text', created_on: 'text', ended_on: 'text', merged_into: 'text', ord: 'int' },
      key: ['unit_id'],
      indexes: [['merged_into']],
    },
    admin_unit_facts: {
      columns: { unit_id: 'text', fact: 'text', valid_from: 'text', value: 'json' },
      indexes: [['unit_id', 'fact', 'valid_from']],
    },
  },
  changes,
}
