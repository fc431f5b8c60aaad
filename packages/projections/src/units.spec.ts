import { describe, expect, it } from 'vitest'
import { applyAll, clubsByArea, emptyModel, geographyAt, statistics, unitContaining, units } from './index.js'
import { ev, log } from './testing/recorded.js'
import type { LooseData } from './testing/recorded.js'

const unit = (unitId: string, level: string, createdOn: string, parentId?: string): readonly ['AdminUnitCreated', LooseData] => [
  'AdminUnitCreated',
  { unitId, name: `Đơn vị ${unitId}`, level, createdOn, ...(parentId === undefined ? {} : { parentId }) },
]

/** Lai Châu before and after the 2025 restructuring: communes 03 and 04 of district 105 merge into 03, then the district ends. */
const m = applyAll(
  emptyModel(),
  log(
    unit('12', 'province', '2004-01-01'),
    unit('12.105', 'district', '2004-01-01', '12'),
    unit('12.105.03', 'commune', '2004-01-01', '12.105'),
    unit('12.105.04', 'commune', '2004-01-01', '12.105'),
    unit('12.106', 'district', '2008-01-01', '12'),
    unit('12.106.01', 'commune', '2008-01-01', '12.106'),
    ['AdminUnitRenamed', { unitId: '12.105.03', name: 'Xã Bình Lư', renamedOn: '2025-07-01' }],
    ['AdminUnitMerged', { unitId: '12.105.04', intoId: '12.105.03', mergedOn: '2025-07-01' }],
    ['SubunitDetached', { unitId: '12.105', childId: '12.105.04', detachedOn: '2025-07-01' }],
    ['AdminUnitReparented', { unitId: '12.105.03', parentId: '12', reparentedOn: '2025-07-01', previousParentId: '12.105' }],
    ['AdminUnitReparented', { unitId: '12.106.01', parentId: '12', reparentedOn: '2025-07-01', previousParentId: '12.106' }],
    ['AdminUnitAbolished', { unitId: '12.105', abolishedOn: '2025-07-01' }],
    // a second creation and the end of an unknown unit change nothing
    ['AdminUnitCreated', { unitId: '12.105.03', name: 'Khác', level: 'commune', createdOn: '2030-01-01' }],
    ['AdminUnitMerged', { unitId: '99', intoId: '12', mergedOn: '2025-07-01' }],
    ev.founded('p', { scope: 'province', areaCode: '12', foundedOn: '2000-01-01' }),
    ev.founded('c3', { scope: 'commune', areaCode: '12.105.03', foundedOn: '2010-01-01' }),
    ev.founded('c4', { scope: 'commune', areaCode: '12.105.04', foundedOn: '2010-01-01' }),
    ev.admitted('a', 'c3', '2011-01-01'),
    ev.admitted('b', 'c4', '2011-01-01'),
    ev.admitted('c', 'c4', '2012-01-01'),
    ev.launched('k3', '2015-01-01', { areaCode: '12.105.03' }),
    ev.launched('k4', '2015-01-01', { areaCode: '12.105.04' }),
  ),
)

describe('administrative units over time', () => {
  it('R30: the units in force on a date, as a tree with the names of that date', () => {
    expect(units(m, { asOf: '2024-12-31' }).map((u) => [u.unitId, u.name, u.parentId, u.depth])).toEqual([
      ['12', 'Đơn vị 12', undefined, 0],
      ['12.105', 'Đơn vị 12.105', '12', 1],
      ['12.105.03', 'Đơn vị 12.105.03', '12.105', 2],
      ['12.105.04', 'Đơn vị 12.105.04', '12.105', 2],
      ['12.106', 'Đơn vị 12.106', '12', 1],
      ['12.106.01', 'Đơn vị 12.106.01', '12.106', 2],
    ])
    expect(units(m, { asOf: '2024-12-31' })[3]).toMatchObject({ level: 'commune', createdOn: '2004-01-01', endsOn: '2025-07-01', mergesInto: '12.105.03', absorbed: [] })
    expect(units(m, { asOf: '2005-01-01' }).map((u) => u.unitId)).toEqual(['12', '12.105', '12.105.03', '12.105.04'])
    expect(units(m, { asOf: '2024-12-31', areaCode: '12.106' }).map((u) => u.unitId)).toEqual(['12.106', '12.106.01'])
  })

  it('R37: from 2025-07-01 no district shows, a merged commune is gone and its survivor lists it', () => {
    const after = units(m, { asOf: '2025-07-01' })
    expect(after.map((u) => [u.unitId, u.name, u.parentId, u.depth])).toEqual([
      ['12', 'Đơn vị 12', undefined, 0],
      ['12.105.03', 'Xã Bình Lư', '12', 1],
      ['12.106.01', 'Đơn vị 12.106.01', '12', 1],
    ])
    expect(after[1]!.absorbed).toEqual(['12.105.04'])
  })

  it('R37: a district level never ended in the log still shows none from 2025-07-01: its communes sit under the province', () => {
    const old = applyAll(emptyModel(), log(unit('12', 'province', '2004-01-01'), unit('12.106', 'district', '2004-01-01', '12'), unit('12.106.01', 'commune', '2004-01-01', '12.106')))
    expect(units(old, { asOf: '2025-06-30' }).map((u) => u.unitId)).toEqual(['12', '12.106', '12.106.01'])
    expect(units(old, { asOf: '2025-07-01' }).map((u) => [u.unitId, u.parentId])).toEqual([
      ['12', undefined],
      ['12.106.01', '12'],
    ])
    expect(units(old, { asOf: '2025-07-01' }, [])).toHaveLength(3)
  })

  it('R30: a merged area stands for the unit it went into in the geography of a later date only', () => {
    expect(geographyAt(m, '2025-06-30')('12.105.04')).toBe('12.105.04')
    expect(geographyAt(m, '2025-07-01')('12.105.04')).toBe('12.105.03')
    expect(geographyAt(m, '2025-07-01')('12.107.01')).toBe('12.107.01')
  })

  it('R30: the unit in force on a date that contains an area, through the merges made by then', () => {
    expect(unitContaining(m, '12.105.04.07', '2024-12-31')?.unitId).toBe('12.105.04')
    expect(unitContaining(m, '12.105.04.07', '2025-07-01')?.unitId).toBe('12.105.03')
    expect(unitContaining(m, '12.105.09', '2024-12-31')?.unitId).toBe('12.105')
    // the district ended on 2025-07-01: the province holds what it held
    expect(unitContaining(m, '12.105.09', '2025-07-01')?.unitId).toBe('12')
    expect(unitContaining(m, '14.001', '2025-07-01')).toBeUndefined()
    expect(unitContaining(m, '12', '2003-12-31')).toBeUndefined()
  })

  it("R30: statistics by geography: two merged communes count together in today's geography, apart in 2024's", () => {
    const today = statistics(m, { year: 2024, areaCode: '12.105.03', geography: '2026-01-01' })
    expect(today).toMatchObject({ geography: '2026-01-01', associations: { total: 2 }, members: { total: 3 }, clubs: { total: 2 } })
    // by default, the geography of the figures' own date
    expect(statistics(m, { year: 2024, areaCode: '12.105.03' })).toMatchObject({ geography: '2024-12-31', associations: { total: 1 }, members: { total: 1 }, clubs: { total: 1 } })
    expect(statistics(m, { year: 2024, areaCode: '12.105.04' })).toMatchObject({ associations: { total: 1 }, members: { total: 2 } })
    expect(statistics(m, { year: 2024, areaCode: '12.105.04', geography: '2026-01-01' })).toMatchObject({ associations: { total: 0 }, members: { total: 0 } })
    // the whole province counts the same in any geography
    expect(statistics(m, { year: 2024, areaCode: '12', geography: '2026-01-01' }).members).toEqual(statistics(m, { year: 2024, areaCode: '12' }).members)
  })

  it('R30: clubs by area group by the geography asked', () => {
    expect(clubsByArea(m, { asOf: '2024-12-31', depth: 3 }).map((r) => [r.areaCode, r.active])).toEqual([
      ['12.105.03', 1],
      ['12.105.04', 1],
    ])
    expect(clubsByArea(m, { asOf: '2024-12-31', depth: 3, geography: '2026-01-01' }).map((r) => [r.areaCode, r.active])).toEqual([['12.105.03', 2]])
  })
})
