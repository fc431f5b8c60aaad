import { aggregateOfEvent, eventTypes } from '@hoi/domain'
import type { Recorded } from '../model.js'
import { close, insert, text, update, type ProjectionDefinition, type RowChange } from './changes.js'

const club = (clubId: string) => ({ table: 'clubs', key: { club_id: clubId } })

const changes = (e: Recorded): ReadonlyArray<RowChange> => {
  const id = text(e.data, 'clubId')
  switch (e.type) {
    case 'ClubActivityRecorded': {
      const d = e.data
      return [insert('club_activities', { club_id: id, held_on: d.heldOn, area: d.area }, { when: club(id) })]
    }
    case 'ClubLaunched': {
      const d = e.data
      const row = { name: d.name, model: d.model, host_association_id: d.hostAssociationId, area_code: d.areaCode, launched_on: d.launchedOn, programme: d.programme, closed_on: null }
      // a launch under a known id starts the club afresh but keeps its place in launch order, as the fold's Map.set does
      return [
        close('club_rosters', { club_id: id }),
        close('club_activities', { club_id: id }),
        update('clubs', { club_id: id }, row),
        insert('clubs', { club_id: id, ...row, ord: e.position }, { unless: club(id) }),
        insert('club_rosters', { club_id: id, valid_from: d.launchedOn, roster: d.roster, flags: d.flags }),
      ]
    }
    case 'ClubRosterReported': {
      const d = e.data
      return [insert('club_rosters', { club_id: id, valid_from: d.reportedOn, roster: d.roster, flags: d.flags }, { when: club(id) })]
    }
    case 'ClubClosed':
      return [update('clubs', { club_id: id }, { closed_on: e.data.closedOn }, { onlyIfNull: 'closed_on' })]
    default:
      return []
  }
}

export const clubsProjection: ProjectionDefinition = {
  name: 'clubs',
  version: 1,
  handles: eventTypes.filter((t) => aggregateOfEvent[t] === 'club'),
  tables: {
    clubs: {
      columns: {
        club_id: 'text',
        name: 'text',
        model: 'text',
        host_association_id: 'text',
        area_code: 'text',
        launched_on: 'text',
        programme: 'text',
        closed_on: 'text',
        ord: 'int',
      },
      key: ['club_id'],
      indexes: [['area_code'], ['host_association_id']],
    },
    club_rosters: { columns: { club_id: 'text', valid_from: 'text', roster: 'json', flags: 'json' }, key: ['club_id'], indexes: [] },
    club_activities: { columns: { club_id: 'text', held_on: 'text', area: 'text' }, key: ['club_id'], indexes: [['club_id', 'held_on']] },
  },
  changes,
}
