import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel, statistics } from './index.js'
import { ev, log } from './testing/recorded.js'

const m = applyAll(
  emptyModel(),
  log(
    ev.founded('p1', { scope: 'province', areaCode: '12', foundedOn: '1995-01-01' }),
    ev.founded('p2', { scope: 'province', areaCode: '12', foundedOn: '2000-01-01', kind: 'red-cross' }),
    ev.founded('ccb', { scope: 'province', areaCode: '12', foundedOn: '2004-01-15', kind: 'veterans' }),
    ev.admitted('v', 'ccb', '2010-01-01'),
    ev.founded('d1', { scope: 'district', areaCode: '12.105', parentId: 'p1', foundedOn: '2020-03-01' }),
    ev.founded('c1', { scope: 'commune', areaCode: '12.105.03', parentId: 'd1', foundedOn: '2020-05-01' }),
    ev.founded('c2', { scope: 'commune', areaCode: '12.105.04', parentId: 'd1', foundedOn: '2019-05-01' }),
    ev.founded('x', { scope: 'province', areaCode: '11', foundedOn: '2020-01-01' }),
    ['SpecialStatusGranted', { associationId: 'p1', grantedOn: '2010-01-01' }],
    ['SpecialStatusGranted', { associationId: 'd1', grantedOn: '2020-03-01' }],
    ['SpecialStatusRevoked', { associationId: 'd1', revokedOn: '2021-02-01' }],
    ev.admitted('a', 'p1', '2019-01-01'),
    ev.admitted('b', 'p1', '2020-02-01'),
    ev.admitted('c', 'p2', '2020-03-01'),
    ev.admitted('d', 'c2', '2019-06-01'),
    ev.admitted('e', 'x', '2020-01-02'),
    ['MemberResigned', { memberId: 'a', associationId: 'p1', resignedOn: '2020-09-09' }],
    ['AssociationDissolved', { associationId: 'c2', dissolvedOn: '2021-01-15', dissolution: 'compulsory', ground: 'inactive-12-months' }],
    ev.launched('k1', '2019-04-01', { areaCode: '12.105.03' }),
    ev.launched('k2', '2020-04-01', { areaCode: '12.105.04', model: 'other' }),
    ev.launched('k3', '2020-05-01', { areaCode: '11.001.01' }),
    ['ClubClosed', { clubId: 'k1', closedOn: '2020-12-01' }],
  ),
)

describe('statistics', () => {
  it('counts associations by scope, special by scope and founded in the year at the end of the year', () => {
    const s = statistics(m, { year: 2020, areaCode: '12' })
    expect(s.asOf).toBe('2020-12-31')
    expect(s.associations).toEqual({ total: 5, byScope: { national: 0, province: 2, district: 1, commune: 2 } })
    expect(s.special).toEqual({ total: 2, byScope: { national: 0, province: 1, district: 1, commune: 0 } })
    expect(s.foundedInYear).toEqual({ total: 2, byScope: { national: 0, province: 0, district: 1, commune: 1 } })
  })

  it('counts active members of active associations, admissions and departures in the year', () => {
    const s = statistics(m, { year: 2020, areaCode: '12' })
    expect(s.members).toMatchObject({ total: 3, admittedInYear: 2, leftInYear: 1 })
    expect(s.members.byKind).toMatchObject({ elderly: 2, 'red-cross': 1, veterans: 0 })
    expect(statistics(m, { year: 2020 }).members.total).toBe(4)
  })

  it('takes effect of dissolution and revocation in later years', () => {
    const s = statistics(m, { year: 2021, areaCode: '12' })
    expect(s.associations.byScope).toEqual({ national: 0, province: 2, district: 1, commune: 1 })
    expect(s.special.byScope).toEqual({ national: 0, province: 1, district: 0, commune: 0 })
    expect(s.foundedInYear.total).toBe(0)
    expect(s.members).toMatchObject({ total: 2, admittedInYear: 0, leftInYear: 0 })
  })

  it('asOf earlier than the year end takes the figures on that date', () => {
    const s = statistics(m, { year: 2020, areaCode: '12', asOf: '2020-04-30' })
    expect(s.asOf).toBe('2020-04-30')
    expect(s.foundedInYear.byScope).toEqual({ national: 0, province: 0, district: 1, commune: 0 })
    expect(s.clubs).toEqual({ total: 2, ishc: 1, launchedInYear: 1 })
    expect(statistics(m, { year: 2020, asOf: '2024-01-01' }).asOf).toBe('2020-12-31')
  })

  it('R1: counts decree-regime associations by default; the own-charter bodies on request', () => {
    expect(statistics(m, { year: 2020, areaCode: '12' })).toMatchObject({ regime: 'decree', associations: { total: 5 } })
    const own = statistics(m, { year: 2020, areaCode: '12', regime: 'own-charter' })
    expect(own).toMatchObject({ associations: { total: 1, byScope: { province: 1 } }, members: { total: 1, byKind: { veterans: 1 } }, foundedInYear: { total: 0 } })
    expect(statistics(m, { year: 2020, areaCode: '12', regime: 'all' })).toMatchObject({ associations: { total: 6 }, members: { total: 4 } })
  })

  it('counts open clubs and ISHCs in the area', () => {
    expect(statistics(m, { year: 2020, areaCode: '12' }).clubs).toEqual({ total: 1, ishc: 0, launchedInYear: 1 })
    expect(statistics(m, { year: 2020 }).clubs).toEqual({ total: 2, ishc: 1, launchedInYear: 2 })
  })
})
