import { afterEach, describe, expect, it } from 'vitest'
import { applyAll, emptyModel } from '@hoi/projections'
import { openSqlite, type SqliteStore } from '../sqlite.js'
import type { ViewReader } from '../views.js'
import { openSqliteViews } from './sqlite.js'
import { foldReader, writeLog } from './testing.js'
import { ev, log } from '../../../projections/src/testing/recorded.js'

/** Commune 12.105.02 merged into 12.105.01 on 2025-07-01; an association in each, and a founding committee in the merged one. */
const events = log(
  ['AdminUnitCreated', { unitId: '12', name: 'Lai Châu', level: 'province', createdOn: '2004-01-01' }],
  ['AdminUnitCreated', { unitId: '12.105', name: 'Huyện Tam Đường', level: 'district', createdOn: '2004-01-01', parentId: '12' }],
  ['AdminUnitCreated', { unitId: '12.105.01', name: 'Xã Bình Lư', level: 'commune', createdOn: '2004-01-01', parentId: '12.105' }],
  ['AdminUnitCreated', { unitId: '12.105.02', name: 'Xã Bản Bo', level: 'commune', createdOn: '2004-01-01', parentId: '12.105' }],
  ev.founded('p', { scope: 'province', areaCode: '12', foundedOn: '2005-01-01' }),
  ev.founded('c1', { scope: 'commune', areaCode: '12.105.01', parentId: 'p', foundedOn: '2010-01-01' }),
  ev.founded('c2', { scope: 'commune', areaCode: '12.105.02', parentId: 'p', foundedOn: '2010-01-01' }),
  ev.submitted('c1', '2024', '2025-01-10', { members: 40 }, { dueOn: '2025-01-15' }),
  [
    'FoundingCommitteeRecognised',
    {
      associationId: 'f2',
      name: 'Hội Khuyến học xã Bản Bo',
      kind: 'study-promotion',
      scope: 'commune',
      areaCode: '12.105.02',
      recognisedOn: '2025-03-01',
      committee: [
        { personId: 'q0', fullName: 'Lò Văn A' },
        { personId: 'q1', fullName: 'Nguyễn Thị B' },
        { personId: 'q2', fullName: 'Trần Văn C' },
      ],
    },
  ],
  ['AdminUnitMerged', { unitId: '12.105.02', intoId: '12.105.01', mergedOn: '2025-07-01' }],
)

const stores: SqliteStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

/** Both engines over the same log: the tables, and the pure fold. */
const engines = async (): Promise<ReadonlyArray<readonly [string, ViewReader]>> => {
  const store = openSqlite(':memory:')
  stores.push(store)
  writeLog(store, events)
  const tables = await openSqliteViews(store)
  await tables.catchUp()
  return [
    ['tables', tables],
    ['fold', foldReader(applyAll(emptyModel(), events))],
  ]
}

describe('completeness and foundings by the geography of a date, in both engines', () => {
  it("R19, R30: completeness counts only the associations in the area, taking in a commune merged into it in today's geography", async () => {
    const answers = []
    for (const [name, v] of await engines()) {
      const q = { period: '2024', asOf: '2025-12-31', areaCode: '12.105.01' }
      const then = await v.completeness({ ...q, geography: '2024-12-31' })
      const now = await v.completeness(q)
      const all = await v.completeness({ period: '2024', asOf: '2025-12-31' })
      expect(
        then.rows.map((r) => r.associationId),
        name,
      ).toEqual(['c1'])
      expect(then).toMatchObject({ areaCode: '12.105.01', geography: '2024-12-31', counts: { owed: 1, submitted: 1, missing: 0 } })
      // the geography defaults to asOf: after the merger, c2's commune is part of 12.105.01
      expect(now.rows.map((r) => r.associationId).sort(), name).toEqual(['c1', 'c2'])
      expect(now).toMatchObject({ geography: '2025-12-31', counts: { owed: 2, submitted: 1, missing: 1 } })
      expect(now.byRoot).toEqual([{ rootId: 'p', name: 'Hội p', counts: expect.objectContaining({ owed: 2 }) }])
      expect(all.counts.owed).toBe(3)
      expect(all).not.toHaveProperty('areaCode')
      expect((await v.completeness({ ...q, areaCode: '12.105.02' })).counts.owed).toBe(0)
      answers.push([then, now, all])
    }
    expect(answers[0]).toEqual(answers[1])
  })

  it('R4, R30: foundings take in a committee recognised in a commune merged into the area by the geography asked', async () => {
    const answers = []
    for (const [name, v] of await engines()) {
      const ids = async (q: { asOf: string; geography?: string }) => (await v.foundings({ ...q, areaCode: '12.105.01' })).map((f) => f.associationId)
      expect(await ids({ asOf: '2025-06-30' }), name).toEqual([])
      expect(await ids({ asOf: '2025-06-30', geography: '2026-01-15' }), name).toEqual(['f2'])
      expect(await ids({ asOf: '2025-08-01' }), name).toEqual(['f2'])
      expect(await ids({ asOf: '2025-08-01', geography: '2025-06-30' }), name).toEqual([])
      answers.push(await v.foundings({ asOf: '2025-08-01', areaCode: '12.105.01' }))
    }
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0]).toEqual([expect.objectContaining({ associationId: 'f2', areaCode: '12.105.02', stage: 'committee-recognised' })])
  })
})
