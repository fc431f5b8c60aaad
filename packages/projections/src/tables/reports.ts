import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { Recorded } from '../model.js'
import { defined, insert, text, update, type ProjectionDefinition, type RowChange, type Value } from './changes.js'

const keyOf = (associationId: string, period: string) => ({ association_id: associationId, period })
/** A dated fact of a report (values, statuses, return reasons), known only once the report is. */
const fact = (key: { association_id: string; period: string }, kind: string, on: string, value: Value): RowChange =>
  insert('report_facts', { ...key, fact: kind, valid_from: on, value }, { when: { table: 'reports', key } })

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const key = keyOf(text(e.data, 'associationId'), text(e.data, 'period'))
  switch (e.type) {
    case 'ReportSubmitted': {
      const d = e.data
      const set = defined({ submitted_on: d.submittedOn, due_on: d.dueOn, late: d.late, narrative: d.narrative })
      return [
        update('reports', key, set),
        insert('reports', { ...key, ...set, ord: e.position }, { unless: { table: 'reports', key } }),
        fact(key, 'value', d.submittedOn, d.indicators),
        fact(key, 'status', d.submittedOn, 'submitted'),
      ]
    }
    case 'ReportCorrected': {
      const d = e.data
      return [
        fact(key, 'value', d.correctedOn, d.indicators),
        update('reports', key, defined({ narrative: d.narrative })),
        // a corrected returned report goes back for review
        fact(key, 'status', d.correctedOn, 'submitted'),
      ]
    }
    case 'ReportApproved':
      return [fact(key, 'status', e.data.approvedOn, 'approved')]
    // an unapproved report is open again, as submitted (R33)
    case 'ReportUnapproved':
      return [fact(key, 'status', e.data.unapprovedOn, 'submitted')]
    case 'ReportReturned': {
      const d = e.data
      return [fact(key, 'status', d.returnedOn, 'returned'), fact(key, 'return', d.returnedOn, d.reason)]
    }
    default:
      return []
  }
}

export const reportsProjection: ProjectionDefinition = {
  name: 'reports',
  // 2: unapproval (R33)
  version: 2,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'report'),
  tables: {
    reports: {
      columns: { association_id: 'text', period: 'text', submitted_on: 'text', due_on: 'text', late: 'bool', narrative: 'text', ord: 'int' },
      key: ['association_id', 'period'],
      indexes: [['period']],
    },
    report_facts: {
      columns: { association_id: 'text', period: 'text', fact: 'text', valid_from: 'text', value: 'json' },
      key: ['association_id', 'period'],
      indexes: [],
    },
  },
  changes,
}
