import { describe, expect, it } from 'vitest'
import { applyAll, clubs, clubsByArea, emptyModel } from './index.js'
import { ev, log } from './testing/recorded.js'

const r29 = { rule: 'R29', code: 'IshcTooFewWomen', message: 'women 40 %' }
const m = applyAll(
  emptyModel(),
  log(
    ev.launched('k1', '2019-04-01', { areaCode: '12.105.03', host: 'nct-a', total: 55 }),
    ev.launched('k2', '2020-04-01', { areaCode: '12.105.04', model: 'other', programme: 'none', total: 30 }),
    ev.launched('k3', '2021-05-01', { areaCode: '12.106.01', host: 'nct-b', programme: '1648', total: 70 }),
    ev.launched('k4', '2021-06-01', { areaCode: '12', host: 'nct-b', total: 50 }),
    ['ClubRosterReported', { clubId: 'k1', reportedOn: '2021-01-01', roster: { total: 45, older: 30, women: 18, homeCareVolunteers: 3 }, flags: [r29] }],
    ['ClubActivityRecorded', { clubId: 'k1', activityId: 'a1', area: 'health-care', heldOn: '2020-02-01', title: 'Khám sức khỏe', participants: 40 }],
    ['ClubActivityRecorded', { clubId: 'k1', activityId: 'a3', area: 'livelihoods', heldOn: '2021-03-01', title: 'Vay vốn', participants: 20 }],
    ['ClubActivityRecorded', { clubId: 'k1', activityId: 'a2', area: 'health-care', heldOn: '2020-08-01', title: 'Tập dưỡng sinh', participants: 35 }],
    ['ClubClosed', { clubId: 'k2', closedOn: '2022-01-01', reason: 'giải thể' }],
  ),
)
const ids = (rows: ReadonlyArray<{ clubId: string }>) => rows.map((r) => r.clubId)

describe('clubs', () => {
  it('shows clubs launched by the date, open or closed on their dates', () => {
    expect(ids(clubs(m, { asOf: '2020-12-31' }))).toEqual(['k1', 'k2'])
    expect(clubs(m, { asOf: '2021-12-31' }).find((c) => c.clubId === 'k2')?.status).toBe('active')
    const closed = clubs(m, { asOf: '2022-01-01' }).find((c) => c.clubId === 'k2')
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2022-01-01' })
    expect(ids(clubs(m, { status: 'closed' }))).toEqual(['k2'])
    expect(ids(clubs(m, { status: 'active' }))).toEqual(['k1', 'k3', 'k4'])
  })

  it('filters by host, area prefix, programme and model', () => {
    expect(ids(clubs(m, { hostAssociationId: 'nct-b' }))).toEqual(['k3', 'k4'])
    expect(ids(clubs(m, { areaCode: '12.105' }))).toEqual(['k1', 'k2'])
    expect(ids(clubs(m, { programme: '1648' }))).toEqual(['k3'])
    expect(ids(clubs(m, { model: 'other' }))).toEqual(['k2'])
  })

  it('R29: the roster and its composition flags are the latest reported by the date', () => {
    const before = clubs(m, { asOf: '2020-12-31' })[0]!
    expect(before.roster).toEqual({ total: 55, older: 40, women: 40, homeCareVolunteers: 6 })
    expect(before.flags).toEqual([])
    const after = clubs(m, { asOf: '2021-01-01' })[0]!
    expect(after.roster.total).toBe(45)
    expect(after.flags).toEqual([r29])
  })

  it('counts activities by area up to the date, whatever order they were recorded in', () => {
    expect(clubs(m, { asOf: '2020-12-31' })[0]).toMatchObject({ activities: 2, activitiesByArea: { 'health-care': 2 } })
    expect(clubs(m)[0]).toMatchObject({ activities: 3, activitiesByArea: { 'health-care': 2, livelihoods: 1 } })
    expect(clubs(m, { asOf: '2020-05-01' })[0]?.activities).toBe(1)
  })

  it('groups open clubs by area prefix (district by default)', () => {
    expect(clubsByArea(m, { asOf: '2021-12-31' })).toEqual([
      { areaCode: '12', active: 1, ishc: 1, members: 50 },
      { areaCode: '12.105', active: 2, ishc: 1, members: 75 },
      { areaCode: '12.106', active: 1, ishc: 1, members: 70 },
    ])
    expect(clubsByArea(m, { depth: 1 })).toEqual([{ areaCode: '12', active: 3, ishc: 3, members: 165 }])
    expect(clubsByArea(m, { areaCode: '12.105', depth: 3 })).toEqual([{ areaCode: '12.105.03', active: 1, ishc: 1, members: 45 }])
  })
})
