import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseSeed, member, runSetup, type Raw } from './support/cases.js'
import { call, settle, startTestServer, type TestServer } from './support/server.js'

let s: TestServer

/** Province 12 with district 105 and two of its communes, a second commune association in the commune merged away on 2025-07-01. */
const seed: ReadonlyArray<Raw> = [
  ...baseSeed,
  {
    type: 'FoundAssociation',
    data: { associationId: 'a2-commune', name: 'Hội Người cao tuổi xã A2', kind: 'elderly', scope: 'commune', areaCode: '12.105.02', foundedOn: '2012-03-01', foundingMembers: 12, parentId: 'prov-a' },
  },
  member('u-m1', 'a-commune'),
  member('u-m2', 'a2-commune'),
  member('u-m3', 'a2-commune'),
]

const post = async (path: string, body: unknown) => {
  const r = await call(s.base, 'POST', path, { who: 'admin', body })
  expect(r.status, r.text).toBe(201)
}
const get = (path: string) => call(s.base, 'GET', path, { who: 'anonymous' })

beforeAll(async () => {
  // asked in 2026, so today's geography is the one after the 2025 restructuring
  s = await startTestServer({ clock: () => new Date('2026-01-15T09:00:00Z') })
  await runSetup(s.store, seed)
  await post('/admin-units', { unitId: '12', name: 'Lai Châu', level: 'province', createdOn: '2004-01-01' })
  await post('/admin-units', { unitId: '12.105', name: 'Huyện Tam Đường', level: 'district', createdOn: '2004-01-01', parentId: '12' })
  await post('/admin-units', { unitId: '12.105.01', name: 'Xã Bình Lư', level: 'commune', createdOn: '2004-01-01', parentId: '12.105' })
  await post('/admin-units', { unitId: '12.105.02', name: 'Xã Bản Bo', level: 'commune', createdOn: '2004-01-01', parentId: '12.105' })
  await post('/admin-units/12.105.02/merger', { intoId: '12.105.01', mergedOn: '2025-07-01', decisionRef: 'NQ 1670/NQ-UBTVQH15' })
  await post('/admin-units/12.105.01/parent', { parentId: '12', reparentedOn: '2025-07-01' })
  await post('/admin-units/12.105/abolition', { abolishedOn: '2025-07-01' })
  await settle(s)
})
afterAll(async () => s?.close())

describe('views by the geography of a date', () => {
  it('R30, R37: /views/units lists the units in force as a tree; no district from 2025-07-01', async () => {
    const before = await get('/views/units?asOf=2024-12-31')
    expect(before.status).toBe(200)
    expect(before.json.map((u: { unitId: string; depth: number }) => [u.unitId, u.depth])).toEqual([
      ['12', 0],
      ['12.105', 1],
      ['12.105.01', 2],
      ['12.105.02', 2],
    ])
    const today = (await get('/views/units')).json
    expect(today).toEqual([
      { unitId: '12', name: 'Lai Châu', level: 'province', depth: 0, createdOn: '2004-01-01', absorbed: [] },
      { unitId: '12.105.01', name: 'Xã Bình Lư', level: 'commune', parentId: '12', depth: 1, createdOn: '2004-01-01', absorbed: ['12.105.02'] },
    ])
    expect((await get('/views/units?asOf=2024-12-31&areaCode=12.105.02')).json.map((u: { unitId: string }) => u.unitId)).toEqual(['12.105.02'])
    expect((await get('/views/units?asOf=2024-13-01')).status).toBe(400)
  })

  it("R30: statistics count two merged communes together in today's geography and apart in 2024's", async () => {
    const stats = async (q: string) => (await get(`/views/statistics?year=2024&areaCode=12.105.01${q}`)).json
    expect(await stats('')).toMatchObject({ geography: '2024-12-31', associations: { total: 1 }, members: { total: 1 } })
    expect(await stats('&geography=2024-12-31')).toMatchObject({ associations: { total: 1 }, members: { total: 1 } })
    expect(await stats('&geography=today')).toMatchObject({ geography: '2026-01-15', associations: { total: 2 }, members: { total: 3 } })
    expect((await get('/views/statistics?year=2024&areaCode=12.105.02&geography=today')).json).toMatchObject({ associations: { total: 0 }, members: { total: 0 } })
    const bad = await get('/views/statistics?year=2024&geography=yesterday')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('geography')
  })

  it('R30: the registry and the clubs list take in an area the communes merged into it, by the geography asked', async () => {
    const ids = async (q: string) => {
      const r = await get(`/views/registry?areaCode=12.105.01${q}`)
      expect(r.status, r.text).toBe(200)
      return (r.json.items as Array<{ associationId: string }>).map((a) => a.associationId).sort()
    }
    const then = await ids('&asOf=2024-12-31')
    const now = await ids('&geography=today')
    expect(then).toHaveLength(1)
    expect(now).toHaveLength(2)
    expect(now).toEqual(expect.arrayContaining(then))
    // an old date asked in today's geography: the associations then, placed as today
    expect(await ids('&asOf=2024-12-31&geography=today')).toEqual(now)
    expect((await get('/views/registry?areaCode=12.105.02&geography=today')).json.total).toBe(0)
    expect((await get('/views/clubs?areaCode=12.105.01&geography=2024-12-31')).status).toBe(200)
    expect((await get('/views/registry?geography=yesterday')).status).toBe(400)
  })

  it('R19, R30: completeness counts the associations of an area as the geography asked places them; the export total counts the same', async () => {
    const completeness = async (q: string) => {
      const r = await call(s.base, 'GET', `/views/reports/completeness/2024?asOf=2025-12-31${q}`, { who: 'admin' })
      expect(r.status, r.text).toBe(200)
      return r.json as { rows: Array<{ associationId: string }>; counts: { owed: number }; areaCode?: string; geography: string }
    }
    const all = await completeness('')
    expect(all.counts.owed).toBe(5)
    const then = await completeness('&areaCode=12.105.01&geography=2024-12-31')
    expect(then.rows.map((r) => r.associationId)).toEqual(['a-commune'])
    expect(then).toMatchObject({ areaCode: '12.105.01', geography: '2024-12-31' })
    // by default the units of asOf: Bản Bo was merged into Bình Lư on 2025-07-01
    const now = await completeness('&areaCode=12.105.01')
    expect(now.rows.map((r) => r.associationId).sort()).toEqual(['a-commune', 'a2-commune'])
    expect(now.geography).toBe('2025-12-31')
    expect((await completeness('&areaCode=12.105.01&geography=today')).counts.owed).toBe(2)
    const csv = await call(s.base, 'GET', '/views/reports/completeness/2024?asOf=2025-12-31&areaCode=12.105.01', { who: 'admin', headers: { accept: 'text/csv' } })
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('Địa bàn 12.105.01 theo đơn vị hành chính ngày 2025-12-31')
    expect(csv.text).toMatch(/,Tổng cộng,2,/u)
    expect((await call(s.base, 'GET', '/views/reports/completeness/2024?geography=yesterday', { who: 'admin' })).status).toBe(400)
  })

  it('R4, R30: foundings take the geography parameter too', async () => {
    expect((await get('/views/foundings?areaCode=12.105.01&geography=today')).status).toBe(200)
    expect((await get('/views/foundings?geography=yesterday')).status).toBe(400)
  })
})
