import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { Recorded } from '../model.js'
import { close, defined, insert, text, update, type ProjectionDefinition, type RowChange } from './changes.js'

const target = (targetId: string) => ({ table: 'targets', key: { target_id: targetId } })

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const id = text(e.data, 'targetId')
  switch (e.type) {
    case 'TargetSet': {
      const d = e.data
      const row = {
        owner_association_id: d.ownerAssociationId,
        title: d.title,
        metric: d.metric,
        counting: d.counting,
        start_on: d.startOn,
        set_on: d.setOn,
        source_resolution_id: d.sourceResolutionId ?? null,
        goal: d.goal,
        due_on: d.dueOn,
        milestones: d.milestones,
        withdrawn_on: null,
      }
      // setting a known id again starts it afresh in its old place, as the fold's Map.set does
      return [close('target_revisions', { target_id: id }), update('targets', { target_id: id }, row), insert('targets', { target_id: id, ...row, ord: e.position }, { unless: target(id) })]
    }
    case 'TargetRevised': {
      const d = e.data
      const change = defined({ goal: d.goal, dueOn: d.dueOn, milestones: d.milestones })
      return [insert('target_revisions', { target_id: id, valid_from: d.revisedOn, change }, { when: target(id) })]
    }
    case 'TargetWithdrawn':
      return [update('targets', { target_id: id }, { withdrawn_on: e.data.withdrawnOn }, { onlyIfNull: 'withdrawn_on' })]
    default:
      return []
  }
}

export const targetsProjection: ProjectionDefinition = {
  name: 'targets',
  version: 1,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'target'),
  tables: {
    targets: {
      columns: {
        target_id: 'text',
        owner_association_id: 'text',
        title: 'text',
        metric: 'json',
        counting: 'text',
        start_on: 'text',
        set_on: 'text',
        source_resolution_id: 'text',
        goal: 'int',
        due_on: 'text',
        milestones: 'json',
        withdrawn_on: 'text',
        ord: 'int',
      },
      key: ['target_id'],
      indexes: [['owner_association_id']],
    },
    target_revisions: { columns: { target_id: 'text', valid_from: 'text', change: 'json' }, key: ['target_id'], indexes: [] },
  },
  changes,
}
