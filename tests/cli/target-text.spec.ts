import { describe, expect, it } from 'vitest'
import type { TargetProgress } from '@hoi/projections'
import { targetVi } from '../../packages/api/dist/cli/reporting-views.js'

/** The text of a target on a terminal (query targets, query target): Vietnamese, with the dates a reader needs. */
const target: TargetProgress = {
  targetId: 'lc-ishc-72',
  title: '72 CLB Liên thế hệ tự giúp nhau đến năm 2025',
  ownerAssociationId: 'lc-nct',
  metric: { kind: 'clubs', areaCode: '12', programme: 'ishc' } as unknown as TargetProgress['metric'],
  counting: 'cumulative',
  goal: 72,
  startOn: '2021-07-15',
  dueOn: '2025-12-31',
  setOn: '2021-07-15',
  status: 'achieved-late',
  achievedOn: '2026-03-02',
  aggregation: 'count',
  unit: 'CLB',
  current: 72,
  percent: 100,
  baseline: 38,
  expectedByNow: 72,
  forecast: 72,
  milestones: [
    { label: 'Thành lập mới 09 CLB trước tháng 7/2022', goal: 9, dueOn: '2022-06-30', counting: 'new-since-start', current: 9, met: false, metOn: '2022-08-15', missed: true },
    { label: 'Không đạt', goal: 99, dueOn: '2023-06-30', counting: 'cumulative', current: 50, met: false, missed: true },
  ],
  series: [],
  revisions: 0,
}

describe('target text output', () => {
  it('after its due date a target reached late reads "Đạt muộn" with the date it was reached', () => {
    expect(targetVi(target, '2026-12-01')).toContain('Đạt muộn (achieved-late), đạt ngày 02/03/2026')
  })
  it('a milestone reached after its date shows "met late, on DATE" in the text too, in Vietnamese first', () => {
    const text = targetVi(target, '2026-12-01')
    expect(text).toContain('mốc "Thành lập mới 09 CLB trước tháng 7/2022": 9 / 9, hạn 30/06/2022 — đạt muộn, ngày 15/08/2022 (met late, on 15/08/2022)')
    expect(text).toContain('— không đạt (missed)')
  })
  it('labels are Vietnamese: no English status words outside the brackets', () => {
    const outside = targetVi({ ...target, status: 'missed', milestones: [] }, '2026-12-01').replace(/\([^)]*\)/gu, '')
    expect(outside).toContain('Không đạt')
    expect(outside).not.toMatch(/\b(status|expected|forecast|milestone|missed|achieved|by \d)/u)
  })
})
