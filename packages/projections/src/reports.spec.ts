import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel, reportRollup, reports } from './index.js'
import { ev, log } from './testing/recorded.js'
import type { IndicatorValue } from './indicators.js'

const vals = (xs: ReadonlyArray<IndicatorValue>) => new Map(xs.map((x) => [x.code, x.value]))

const m = applyAll(
  emptyModel(),
  log(
    ev.founded('hlhpn', { kind: 'women', scope: 'province', foundedOn: '2000-01-01' }),
    ev.founded('d1', { kind: 'women', scope: 'district', areaCode: '12.105', parentId: 'hlhpn', foundedOn: '2000-01-01' }),
    ev.founded('d2', { kind: 'women', scope: 'district', areaCode: '12.106', parentId: 'hlhpn', foundedOn: '2000-01-01' }),
    ev.founded('c1', { kind: 'women', scope: 'commune', areaCode: '12.105.01', parentId: 'd1', foundedOn: '2000-01-01' }),
    ev.founded('late-born', { kind: 'women', scope: 'commune', areaCode: '12.105.02', parentId: 'd1', foundedOn: '2023-10-01' }),
    ev.founded('gone', { kind: 'women', scope: 'commune', areaCode: '12.106.02', parentId: 'd2', foundedOn: '2000-01-01' }),
    ['AssociationDissolved', { associationId: 'gone', dissolvedOn: '2023-06-01', dissolution: 'voluntary', ground: 'members-request' }],
    ev.submitted('hlhpn', '2023Q3', '2023-10-12', { 'propaganda-sessions': 100, 'propaganda-participants': 9000 }),
    ev.submitted('d1', '2023Q3', '2023-10-05', { 'propaganda-sessions': 300, 'volunteer-teams': 12 }),
    ev.submitted('c1', '2023Q3', '2023-10-20', { 'propaganda-sessions': 158, 'propaganda-participants': 20774 }, { late: true }),
    ['ReportCorrected', { associationId: 'd1', period: '2023Q3', correctedOn: '2023-10-08', indicators: { 'propaganda-sessions': 300, 'volunteer-teams': 14 }, reason: 'bổ sung' }],
    ['ReportApproved', { associationId: 'd1', period: '2023Q3', approvedOn: '2023-10-25' }],
    ['ReportReturned', { associationId: 'c1', period: '2023Q3', returnedOn: '2023-10-26', reason: 'thiếu số liệu' }],
    ev.submitted('d1', '2023Q2', '2023-07-05', { 'propaganda-sessions': 1 }),
  ),
)

describe('report roll-up (R31, R35)', () => {
  const r = reportRollup(m, { associationId: 'hlhpn', period: '2023Q3', asOf: '2023-10-31' })

  it('R31: sums each indicator over the association and its descendants for the same period, corrected values; a returned report never counts', () => {
    expect(vals(r.totals)).toEqual(
      new Map([
        ['propaganda-sessions', 400],
        ['propaganda-participants', 9000],
        ['volunteer-teams', 14],
      ]),
    )
    expect(r.totals[0]).toMatchObject({ code: 'propaganda-sessions', vi: 'Buổi tuyên truyền', aggregation: 'flow' })
  })

  it('counts expected, submitted, approved, returned; lists late and missing', () => {
    expect(r).toMatchObject({ expected: 4, submitted: 3, approved: 1, returned: 1, missing: ['d2'], completeness: 75, timeliness: 66.7 })
    expect(r.late).toEqual([{ associationId: 'c1', name: 'Hội c1', dueOn: '2023-10-15', submittedOn: '2023-10-20' }])
    expect(r.rows.map((x) => [x.associationId, x.status])).toEqual([
      ['hlhpn', 'submitted'],
      ['d1', 'approved'],
      ['d2', 'missing'],
      ['c1', 'returned'],
    ])
    expect(r.rows[3]?.report?.returnReason).toBe('thiếu số liệu')
  })

  it('as of an earlier date: only what was submitted and corrected by then; before the due date nothing is missing yet', () => {
    const early = reportRollup(m, { associationId: 'hlhpn', period: '2023Q3', asOf: '2023-10-06' })
    expect(early).toMatchObject({ submitted: 1, approved: 0, missing: [], notYetDue: ['hlhpn', 'd2', 'c1'], completeness: 25, timeliness: 100 })
    expect(vals(early.totals)).toEqual(
      new Map([
        ['propaganda-sessions', 300],
        ['volunteer-teams', 12],
      ]),
    )
  })

  it('a sub-tree rolls up on its own', () => {
    const d1 = reportRollup(m, { associationId: 'd1', period: '2023Q3' })
    expect(vals(d1.totals).get('propaganda-sessions')).toBe(300) // c1's 158 was returned
    expect(d1).toMatchObject({ expected: 2, submitted: 2, missing: [] })
  })
})

describe('reports', () => {
  it('lists reports by period, association and status with their latest values', () => {
    expect(reports(m, { period: '2023Q3' }).map((x) => x.associationId)).toEqual(['hlhpn', 'd1', 'c1'])
    expect(reports(m, { associationId: 'd1' }).map((x) => x.period)).toEqual(['2023Q3', '2023Q2'])
    expect(reports(m, { associationId: 'd1', includeDescendants: true, period: '2023Q3' }).map((x) => x.associationId)).toEqual(['d1', 'c1'])
    expect(reports(m, { status: 'approved' })[0]).toMatchObject({
      associationId: 'd1',
      approvedOn: '2023-10-25',
      corrections: 1,
      indicators: expect.arrayContaining([expect.objectContaining({ code: 'volunteer-teams', value: 14 })]),
    })
    expect(reports(m, { status: 'approved', asOf: '2023-10-24' })).toEqual([])
    expect(reports(m, { asOf: '2023-10-07', associationId: 'd1', period: '2023Q3' })[0]).toMatchObject({
      corrections: 0,
      status: 'submitted',
      indicators: expect.arrayContaining([expect.objectContaining({ code: 'volunteer-teams', value: 12 })]),
    })
  })
})
