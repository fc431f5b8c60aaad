import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { Recorded } from '../model.js'
import { insert, text, update, type ProjectionDefinition, type RowChange, type Value } from './changes.js'
import { originRow, reorganisationChanges } from './reorganisations.js'

const exists = (associationId: string) => ({ table: 'associations', key: { association_id: associationId } })
/** A dated fact of an association (name, status, …), known only once the association is. */
const fact = (associationId: string, kind: string, on: string, value: Value): RowChange =>
  insert('association_facts', { association_id: associationId, fact: kind, valid_from: on, value }, { when: exists(associationId) })

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const id = text(e.data, 'associationId')
  switch (e.type) {
    case 'AssociationFounded': {
      const d = e.data
      const unless = exists(id)
      // a second founding of the same id changes nothing, so every row waits on the first
      return [
        insert('association_facts', { association_id: id, fact: 'name', valid_from: d.foundedOn, value: d.name }, { unless }),
        insert('association_facts', { association_id: id, fact: 'status', valid_from: d.foundedOn, value: 'active' }, { unless }),
        ...originRow(e, unless),
        insert(
          'associations',
          {
            association_id: id,
            kind: d.kind,
            regime: d.regime,
            scope: d.scope,
            area_code: d.areaCode,
            parent_id: d.parentId,
            founded_on: d.foundedOn,
            founding_members: d.foundingMembers,
            ord: e.position,
          },
          { unless },
        ),
      ]
    }
    case 'AssociationRenamed':
      return [fact(id, 'name', e.data.renamedOn, e.data.name)]
    case 'SpecialStatusGranted':
      return [fact(id, 'special', e.data.grantedOn, true)]
    case 'SpecialStatusRevoked':
      return [fact(id, 'special', e.data.revokedOn, false)]
    case 'StaffQuotaAssigned':
      return [fact(id, 'quota', e.data.assignedOn, e.data.quota)]
    case 'CongressHeld':
      return [fact(id, 'congress', e.data.heldOn, e.data)]
    case 'ResolutionAdopted':
      return [fact(id, 'resolution', e.data.adoptedOn, e.data)]
    case 'ConferenceHeld':
      return [fact(id, 'conference', e.data.heldOn, e.data)]
    case 'AssociationSuspended':
      return [fact(id, 'status', e.data.suspendedOn, 'suspended')]
    case 'AssociationReinstated':
      return [fact(id, 'status', e.data.reinstatedOn, 'active')]
    // the fold keeps one parent, the latest recorded (not dated): the row does the same
    case 'AssociationReparented':
      return [update('associations', { association_id: id }, { parent_id: e.data.parentId })]
    case 'AssociationDissolved':
      return [fact(id, 'status', e.data.dissolvedOn, 'dissolved')]
    case 'OfficerElected': {
      const d = e.data
      return [
        insert(
          'officers',
          {
            association_id: id,
            member_id: d.memberId,
            full_name: d.fullName,
            role: d.role,
            elected_on: d.electedOn,
            relieved_on: undefined,
            ord: e.position,
          },
          { when: exists(id) },
        ),
      ]
    }
    case 'OfficerRelieved': {
      const d = e.data
      // the latest still-serving holder of the role, as the fold does
      return [update('officers', { association_id: id, member_id: d.memberId, role: d.role }, { relieved_on: d.relievedOn }, { onlyIfNull: 'relieved_on', last: true })]
    }
    case 'FoundingCommitteeRecognised': {
      const d = e.data
      return [
        insert(
          'foundings',
          {
            association_id: id,
            name: d.name,
            kind: d.kind,
            scope: d.scope,
            area_code: d.areaCode,
            recognised_on: d.recognisedOn,
            ord: e.position,
          },
          { unless: { table: 'foundings', key: { association_id: id } } },
        ),
      ]
    }
    // each step's first record stands, as in the fold
    case 'AssociationEstablishmentPermitted':
      return [update('foundings', { association_id: id }, { permitted_on: e.data.permittedOn, congress_due_by: e.data.congressDueBy }, { onlyIfNull: 'permitted_on' })]
    case 'EstablishmentPermitExtended':
      return [update('foundings', { association_id: id }, { extended_on: e.data.requestedOn, extended_due_by: e.data.congressDueBy }, { onlyIfNull: 'extended_on' })]
    case 'EstablishmentPermitLapsed':
      return [update('foundings', { association_id: id }, { lapsed_on: e.data.lapsedOn }, { onlyIfNull: 'lapsed_on' })]
    default:
      return reorganisationChanges(e)
  }
}

export const associationsProjection: ProjectionDefinition = {
  name: 'associations',
  version: 4,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'association'),
  tables: {
    associations: {
      columns: {
        association_id: 'text',
        kind: 'text',
        regime: 'text',
        scope: 'text',
        area_code: 'text',
        parent_id: 'text',
        founded_on: 'text',
        founding_members: 'int',
        ord: 'int',
      },
      key: ['association_id'],
      indexes: [['parent_id'], ['area_code']],
    },
    association_facts: {
      columns: { association_id: 'text', fact: 'text', valid_from: 'text', value: 'json' },
      indexes: [
        ['association_id', 'fact', 'valid_from'],
        ['fact', 'valid_from'],
      ],
    },
    foundings: {
      columns: {
        association_id: 'text',
        name: 'text',
        kind: 'text',
        scope: 'text',
        area_code: 'text',
        recognised_on: 'text',
        permitted_on: 'text',
        congress_due_by: 'text',
        extended_on: 'text',
        extended_due_by: 'text',
        lapsed_on: 'text',
        ord: 'int',
      },
      key: ['association_id'],
      indexes: [['recognised_on']],
    },
    officers: {
      columns: { association_id: 'text', member_id: 'text', full_name: 'text', role: 'text', elected_on: 'text', relieved_on: 'text', ord: 'int' },
      key: ['association_id', 'member_id'],
      indexes: [],
    },
  },
  changes,
}
