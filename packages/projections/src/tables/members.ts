import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { EventData, LeaveKind, Recorded } from '../model.js'
import { defined, insert, text, update, type ProjectionDefinition, type RowChange, type Value } from './changes.js'

type D<T extends Recorded['type']> = EventData<T>

/** What happens after admission is kept by member id, as in the fold: it holds for every admission of that id. */
const changed = (memberId: string, set: Readonly<Record<string, Value>>, onlyIfNull?: string): RowChange[] => [
  insert('member_changes', { member_id: memberId }, { unless: { table: 'member_changes', key: { member_id: memberId } } }),
  update('member_changes', { member_id: memberId }, defined(set), onlyIfNull === undefined ? {} : { onlyIfNull }),
]
/** Leaving sets the end of the membership's valid time; the first leaving recorded stands (R11). */
const leave = (memberId: string, on: string, by: LeaveKind): RowChange[] => changed(memberId, { valid_to: on, left_by: by }, 'valid_to')

const admitted = (d: D<'MemberAdmitted'> | D<'MemberTransferredIn'>, on: string, via: string, from: string | undefined): RowChange[] => [
  insert('members', {
    member_id: d.memberId,
    association_id: d.associationId,
    person_id: d.personId,
    full_name: d.fullName,
    birth_date: d.birthDate,
    gender: d.gender,
    category: d.category,
    valid_from: on,
    via,
    from_association_id: from,
    card_no: d.cardNo,
    flags: d.flags,
  }),
]

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const id = text(e.data, 'memberId')
  switch (e.type) {
    case 'MemberAdmitted': {
      const d = e.data
      return admitted(d, d.admittedOn, 'admitted', undefined)
    }
    case 'MemberTransferredIn': {
      const d = e.data
      return admitted(d, d.transferredOn, 'transferred-in', d.fromAssociationId)
    }
    case 'MemberCategoryChanged': {
      const d = e.data
      return [insert('member_categories', { member_id: id, valid_from: d.changedOn, category: d.category })]
    }
    case 'MemberDetailsCorrected': {
      const d = e.data
      const set = { full_name: d.fullName, birth_date: d.birthDate, gender: d.gender, card_no: d.cardNo }
      return changed(id, set)
    }
    case 'MemberTransferredOut':
      return leave(id, e.data.transferredOn, 'transferred-out')
    case 'MemberResigned':
      return leave(id, e.data.resignedOn, 'resigned')
    case 'MemberExpelled':
      return leave(id, e.data.expelledOn, 'expelled')
    case 'MemberStruckOff':
      return leave(id, e.data.struckOffOn, 'struck-off')
    case 'MemberDeceased':
      return leave(id, e.data.diedOn, 'deceased')
    case 'MemberReferredToParty':
      return changed(id, { referred_on: e.data.referredOn }, 'referred_on')
    default:
      return []
  }
}

export const membersProjection: ProjectionDefinition = {
  name: 'members',
  version: 1,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'member'),
  tables: {
    members: {
      columns: {
        member_id: 'text',
        association_id: 'text',
        person_id: 'text',
        full_name: 'text',
        birth_date: 'text',
        gender: 'text',
        category: 'text',
        valid_from: 'text',
        via: 'text',
        from_association_id: 'text',
        card_no: 'text',
        flags: 'json',
      },
      // covering for the per-association counts of statistics and registry
      indexes: [['association_id', 'valid_from', 'via', 'known_from', 'known_to'], ['member_id']],
    },
    member_changes: {
      columns: { member_id: 'text', valid_to: 'text', left_by: 'text', referred_on: 'text', full_name: 'text', birth_date: 'text', gender: 'text', card_no: 'text' },
      key: ['member_id'],
      indexes: [],
    },
    member_categories: { columns: { member_id: 'text', valid_from: 'text', category: 'text' }, key: ['member_id'], indexes: [] },
  },
  changes,
}
