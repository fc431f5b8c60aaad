import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '@hoi/adapters'
import { baseSeed, member, runSetup, type Raw } from '../api/support/cases.js'
import { hoi } from '../support/cli.js'

let dir = ''
let store = ''

const unit = (unitId: string, name: string, level: string, parentId?: string): Raw => ({
  type: 'CreateAdminUnit',
  data: { unitId, name, level, createdOn: '2004-01-01', ...(parentId === undefined ? {} : { parentId }) },
})

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoi-cli-units-'))
  store = `sqlite:${join(dir, 'hoi.sqlite')}`
  const s = await openStore(store)
  await runSetup(s, [
    ...baseSeed,
    {
      type: 'FoundAssociation',
      data: {
        associationId: 'a2-commune',
        name: 'Hội Người cao tuổi xã A2',
        kind: 'elderly',
        scope: 'commune',
        areaCode: '12.105.02',
        foundedOn: '2012-03-01',
        foundingMembers: 12,
        parentId: 'prov-a',
      },
    },
    member('u-m1', 'a-commune'),
    member('u-m2', 'a2-commune'),
    unit('12', 'Lai Châu', 'province'),
    unit('12.105', 'Huyện Tam Đường', 'district', '12'),
    unit('12.105.01', 'Xã Bình Lư', 'commune', '12.105'),
    unit('12.105.02', 'Xã Bản Bo', 'commune', '12.105'),
    { type: 'MergeAdminUnit', data: { unitId: '12.105.02', intoId: '12.105.01', mergedOn: '2025-07-01' } },
    { type: 'ReparentAdminUnit', data: { unitId: '12.105.01', parentId: '12', reparentedOn: '2025-07-01' } },
    { type: 'AbolishAdminUnit', data: { unitId: '12.105', abolishedOn: '2025-07-01' } },
  ])
  await s.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) => hoi([...args, '--store', store])

describe('hoi query units and statistics by geography', () => {
  it('R30, R37: the units tree of a date, in Vietnamese, indented; no district after 2025-07-01', () => {
    const before = run('query', 'units', '--as-of', '2024-12-31')
    expect(before.code, before.stderr).toBe(0)
    expect(before.stdout).toMatch(/Huyện Tam Đường/u)
    expect(before.stdout).toMatch(/ {4}Xã Bản Bo/u)
    const after = run('query', 'units', '--as-of', '2025-07-01', '--json')
    expect(JSON.parse(after.stdout)).toEqual([
      { unitId: '12', name: 'Lai Châu', level: 'province', depth: 0, createdOn: '2004-01-01', absorbed: [] },
      { unitId: '12.105.01', name: 'Xã Bình Lư', level: 'commune', parentId: '12', depth: 1, createdOn: '2004-01-01', absorbed: ['12.105.02'] },
    ])
  })

  it('R30: --geography today counts a merged commune under the commune it went into; a date keeps them apart', () => {
    const today = JSON.parse(run('query', 'statistics', '--year', '2024', '--area-code', '12.105.01', '--geography', 'today', '--json').stdout)
    expect(today).toMatchObject({ associations: { total: 2 }, members: { total: 2 } })
    const then = run('query', 'statistics', '--year', '2024', '--area-code', '12.105.01', '--geography', '2024-12-31')
    expect(then.stdout).toMatch(/đơn vị hành chính ngày 31\/12\/2024/u)
    expect(then.stdout).toMatch(/Hội viên \(members\): 1 /u)
    const bad = run('query', 'statistics', '--geography', 'soon')
    expect(bad.code).toBe(64)
    expect(bad.stderr).toMatch(/--geography must be today or a date/u)
  })

  it('R19, R30: completeness --area-code counts the area in the geography asked, and its export total counts the same', () => {
    const owed = (...o: string[]) => JSON.parse(run('query', 'completeness', '2024', '--as-of', '2025-12-31', '--area-code', '12.105.01', ...o, '--json').stdout).counts.owed
    expect(owed('--geography', '2024-12-31')).toBe(1)
    expect(owed()).toBe(2)
    const text = run('query', 'completeness', '2024', '--as-of', '2025-12-31', '--area-code', '12.105.01', '--geography', '2024-12-31')
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/Địa bàn 12\.105\.01 theo đơn vị hành chính ngày 31\/12\/2024/u)
    const file = join(dir, 'completeness.csv')
    expect(run('query', 'completeness', '2024', '--as-of', '2025-12-31', '--area-code', '12.105.01', '--format', 'csv', '--out', file).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toMatch(/,Tổng cộng,2,/u)
    expect(JSON.parse(run('query', 'completeness', '2024', '--as-of', '2025-12-31', '--json').stdout).counts.owed).toBe(5)
  })

  it('R4, R30: foundings take --geography and say how areas are placed', () => {
    const r = run('query', 'foundings', '--area-code', '12.105.01', '--geography', 'today')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/--area-code gồm cả địa bàn đã sáp nhập/u)
    expect(run('query', 'foundings', '--geography', 'soon').code).toBe(64)
  })
})
