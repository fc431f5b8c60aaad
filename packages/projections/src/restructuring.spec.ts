import { describe, expect, it } from 'vitest'
import { defaultPolicy } from '@hoi/domain'
import { applyAll, association, emptyModel, registry } from './index.js'
import { ev, log } from './testing/recorded.js'
import type { LooseData } from './testing/recorded.js'

const unit = (unitId: string, level: string, parentId?: string): readonly ['AdminUnitCreated', LooseData] => [
  'AdminUnitCreated',
  { unitId, name: `Đơn vị ${unitId}`, level, createdOn: '2004-01-01', ...(parentId === undefined ? {} : { parentId }) },
]
const merged = (unitId: string, intoId: string): readonly ['AdminUnitMerged', LooseData] => ['AdminUnitMerged', { unitId, intoId, mergedOn: '2025-07-01' }]

/** Lai Châu, 2025: communes 01 and 02 become 01 (two communes), 03–06 become 03 (four); 07 stays; the district level ends. */
const m = applyAll(
  emptyModel(),
  log(
    unit('12', 'province'),
    unit('12.105', 'district', '12'),
    ...['01', '02', '03', '04', '05', '06', '07'].map((c) => unit(`12.105.${c}`, 'commune', '12.105')),
    merged('12.105.02', '12.105.01'),
    merged('12.105.04', '12.105.03'),
    merged('12.105.05', '12.105.03'),
    merged('12.105.06', '12.105.03'),
    ev.founded('d', { scope: 'district', areaCode: '12.105' }),
    ev.founded('c1', { scope: 'commune', areaCode: '12.105.01' }),
    ev.founded('c2', { scope: 'commune', areaCode: '12.105.02' }),
    ev.founded('c4', { scope: 'commune', areaCode: '12.105.04' }),
    ev.founded('c7', { scope: 'commune', areaCode: '12.105.07' }),
    ev.founded('c5', { scope: 'commune', areaCode: '12.105.05' }),
    // c5 is renamed after the merge: the outcome is recorded
    ['AssociationRenamed', { associationId: 'c5', name: 'Hội NCT xã mới', renamedOn: '2025-08-01' }],
  ),
)
const awaiting = (asOf: string, abolished = defaultPolicy.abolishedScopes) =>
  Object.fromEntries(
    registry(m, { asOf }, undefined, abolished).map((r) => [
      r.associationId,
      r.awaitingReorganisation === undefined ? null : [r.awaitingReorganisation.code, r.awaitingReorganisation.since, r.awaitingReorganisation.continues ?? null],
    ]),
  )

describe('R37: the 2025 restructuring in the registry', () => {
  it('R37: before 2025-07-01 nothing awaits reorganisation', () => {
    expect(Object.values(awaiting('2025-06-30')).every((x) => x === null)).toBe(true)
  })
  it('R37: a district association still open after 2025-07-01 awaits reorganisation; a commune association continues with ≥⅓ of the merged communes, and needs a decision below', () => {
    expect(awaiting('2025-07-01')).toEqual({
      d: ['LevelAbolished', '2025-07-01', null],
      c1: ['CommuneMerged', '2025-07-01', true],
      c2: ['CommuneMerged', '2025-07-01', true],
      c4: ['CommuneMerged', '2025-07-01', false],
      c7: null,
      c5: ['CommuneMerged', '2025-07-01', false],
    })
    expect(registry(m, { asOf: '2025-07-01' }).find((r) => r.associationId === 'c4')?.awaitingReorganisation).toMatchObject({
      rule: 'R37',
      mergedCommunes: 4,
      vi: expect.stringContaining('một phần ba'),
    })
    // renamed after the merge, c5's outcome is recorded
    expect(awaiting('2025-08-01')['c5']).toBeNull()
    expect(association(m, 'd', '2026-01-01')?.awaitingReorganisation).toMatchObject({ code: 'LevelAbolished', since: '2025-07-01' })
  })
  it('R37: a policy that abolishes no level flags no district association', () => {
    expect(awaiting('2026-01-01', [])['d']).toBeNull()
    expect(association(m, 'd', '2026-01-01', undefined, [])?.awaitingReorganisation).toBeUndefined()
  })
})
