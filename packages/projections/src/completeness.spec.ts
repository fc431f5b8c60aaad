import { describe, expect, it } from 'vitest'
import { applyAll, completeness, emptyModel, reportRollup } from './index.js'
import { ev, log } from './testing/recorded.js'
import type { IndicatorValue } from './indicators.js'

const vals = (xs: ReadonlyArray<IndicatorValue>) => new Map(xs.map((x) => [x.code, x.value]))

// the Farmers' Union of a province and two districts, reporting quarters and a nine-month report
const farmers = applyAll(
  emptyModel(),
  log(
    ev.founded('hnd', { kind: 'farmers', scope: 'province', foundedOn: '2000-01-01' }),
    ev.founded('hnd-1', { kind: 'farmers', scope: 'district', areaCode: '12.105', parentId: 'hnd', foundedOn: '2000-01-01' }),
    ev.founded('hnd-2', { kind: 'farmers', scope: 'district', areaCode: '12.106', parentId: 'hnd', foundedOn: '2000-01-01' }),
    ev.submitted('hnd-1', '2023Q1', '2023-04-05', { 'entrusted-loan-balance-vnd': 100, 'borrowing-households': 10, 'new-members': 5 }, { dueOn: '2023-04-15' }),
    ev.submitted('hnd-1', '2023Q2', '2023-07-05', { 'entrusted-loan-balance-vnd': 120, 'borrowing-households': 11, 'new-members': 7 }, { dueOn: '2023-07-15' }),
    ev.submitted('hnd-1', '2023Q3', '2023-10-05', { 'entrusted-loan-balance-vnd': 130, 'borrowing-households': 12, 'new-members': 3 }, { dueOn: '2023-10-15' }),
    ev.submitted('hnd-2', '2023N9', '2023-10-20', { 'entrusted-loan-balance-vnd': 50, 'borrowing-households': 4, 'new-members': 9 }, { dueOn: '2023-10-15', late: true }),
    ev.submitted('hnd-2', '2023Q1', '2023-04-05', { 'entrusted-loan-balance-vnd': 40, 'borrowing-households': 4, 'new-members': 2 }, { dueOn: '2023-04-15' }),
    ev.submitted('hnd', '2023Q3', '2023-10-10', { 'entrusted-loan-balance-vnd': 0, 'borrowing-households': 0, 'new-members': 1 }),
    ['ReportApproved', { associationId: 'hnd-1', period: '2023Q3', approvedOn: '2023-10-20' }],
  ),
)

describe('R31/R36: stocks, flows and ratios in a roll-up', () => {
  it('given quarterly reports, when the nine months are rolled up, then flows are summed over the quarters and a stock is the last quarter’s value', () => {
    const r = reportRollup(farmers, { associationId: 'hnd-1', period: '2023N9', asOf: '2023-12-31' })
    expect(vals(r.totals)).toEqual(
      new Map([
        ['entrusted-loan-balance-vnd', 130],
        ['borrowing-households', 12],
        ['new-members', 15],
      ]),
    )
    expect(r.rows[0]).toMatchObject({ status: 'missing', sources: ['2023Q1', '2023Q2', '2023Q3'] })
  })
  it('given a nine-month report and a quarter inside it, when the nine months are rolled up, then only the nine-month report counts (no double counting)', () => {
    const r = reportRollup(farmers, { associationId: 'hnd-2', period: '2023N9', asOf: '2023-12-31' })
    expect(vals(r.totals).get('new-members')).toBe(9)
    expect(r.rows[0]).toMatchObject({ status: 'submitted', sources: ['2023N9'] })
  })
  it('given the province and its districts, when 2023 is rolled up, then stocks are summed over the hierarchy but never over time', () => {
    const r = reportRollup(farmers, { associationId: 'hnd', period: '2023', asOf: '2023-12-31' })
    // hnd-1: latest Q3 130; hnd-2: the nine months 50 (Q1 lies inside it); hnd: Q3 0
    expect(vals(r.totals).get('entrusted-loan-balance-vnd')).toBe(180)
    expect(vals(r.totals).get('new-members')).toBe(15 + 9 + 1)
    expect(r.children.map((c) => [c.associationId, vals(c.totals).get('entrusted-loan-balance-vnd')])).toEqual([
      ['hnd-1', 130],
      ['hnd-2', 50],
    ])
    expect(vals(r.own).get('new-members')).toBe(1)
  })
  it('given members and a population base, when rolled up, then the ratio is computed from the summed parts, never summed itself', () => {
    const nct = applyAll(
      emptyModel(),
      log(
        ev.founded('nct', { kind: 'elderly', scope: 'province', foundedOn: '2000-01-01' }),
        ev.founded('nct-1', { kind: 'elderly', scope: 'district', areaCode: '12.105', parentId: 'nct', foundedOn: '2000-01-01' }),
        ev.founded('nct-2', { kind: 'elderly', scope: 'district', areaCode: '12.106', parentId: 'nct', foundedOn: '2000-01-01' }),
        ev.submitted('nct-1', '2023', '2023-12-10', { members: 900, 'older-people': 1000 }, { dueOn: '2023-12-31' }),
        ev.submitted('nct-2', '2023', '2023-12-10', { members: 2000, 'older-people': 2000 }, { dueOn: '2023-12-31' }),
      ),
    )
    const rate = reportRollup(nct, { associationId: 'nct', period: '2023', asOf: '2024-01-31' }).totals.find((x) => x.code === 'membership-rate')
    expect(rate).toMatchObject({ aggregation: 'ratio', value: 96.7, numerator: 2900, denominator: 3000 }) // not (90 + 100) / 2
  })
  it('as of a date: a report not yet submitted counts for nothing and the parent says not yet due', () => {
    const r = reportRollup(farmers, { associationId: 'hnd', period: '2023Q3', asOf: '2023-10-07' })
    expect(vals(r.totals).get('new-members')).toBe(3)
    expect(r.rows.map((x) => [x.associationId, x.status])).toEqual([
      ['hnd', 'not-yet-due'],
      ['hnd-1', 'submitted'],
      ['hnd-2', 'not-yet-due'],
    ])
  })
})

describe('R19/R35: completeness', () => {
  const m = applyAll(
    emptyModel(),
    log(
      ev.founded('mttq', { kind: 'fatherland-front', scope: 'province', foundedOn: '2000-01-01' }),
      ev.founded('lhpn', { kind: 'women', scope: 'province', parentId: 'mttq', foundedOn: '2000-01-01' }),
      ev.founded('td', { kind: 'youth', scope: 'province', parentId: 'mttq', foundedOn: '2000-01-01' }),
      ev.founded('ldld', { kind: 'trade-union', scope: 'province', parentId: 'mttq', foundedOn: '2000-01-01' }),
      ev.founded('ctd', { kind: 'red-cross', scope: 'province', foundedOn: '2010-01-01' }),
      ev.founded('ctd-1', { kind: 'red-cross', scope: 'district', areaCode: '12.105', parentId: 'ctd', foundedOn: '2010-01-01' }),
      ev.submitted('lhpn', '2023Q3', '2023-10-10', { 'new-members': 1 }),
      ev.submitted('td', '2023Q3', '2023-10-20', { 'new-members': 1 }, { late: true }),
      ['ReportApproved', { associationId: 'lhpn', period: '2023Q3', approvedOn: '2023-10-24' }],
      ev.submitted('ctd-1', '2023', '2023-11-20', { members: 300, 'new-members': 12 }, { dueOn: '2023-12-01' }),
    ),
  )
  it('given the Front and three bodies, when Q3 is checked on 2023-10-31, then each is approved, late or missing; the Red Cross owes no quarterly report', () => {
    const c = completeness(m, { period: '2023Q3', asOf: '2023-10-31' })
    expect(c.rows.map((r) => [r.associationId, r.status])).toEqual([
      ['mttq', 'missing'],
      ['lhpn', 'approved'],
      ['td', 'late'],
      ['ldld', 'missing'],
    ])
    expect(c.counts).toMatchObject({ owed: 4, approved: 1, late: 1, missing: 2, submitted: 0, 'not-yet-due': 0 })
    expect(c.byRoot).toEqual([{ rootId: 'mttq', name: 'Hội mttq', counts: expect.objectContaining({ owed: 4, missing: 2 }) }])
  })
  it('given the annual report (R19), when checked on 2023-11-25, then it is its own list: the Red Cross owes it by 1 December under Decree 45', () => {
    const c = completeness(m, { period: '2023Q3', asOf: '2023-11-25' })
    expect(c.annual.rows.map((r) => [r.associationId, r.status, r.dueOn])).toEqual([
      ['ctd', 'not-yet-due', '2023-12-01'],
      ['ctd-1', 'submitted', '2023-12-01'],
    ])
    const after = completeness(m, { period: '2023', asOf: '2023-12-02', rootId: 'ctd' })
    expect(after.annual.rows.map((r) => [r.associationId, r.status])).toEqual([
      ['ctd', 'missing'],
      ['ctd-1', 'submitted'],
    ])
    expect(after.annual.counts).toMatchObject({ owed: 2, missing: 1, submitted: 1 })
  })
  it('given a date before the due date, when Q3 is checked, then nothing is missing yet', () => {
    const c = completeness(m, { period: '2023Q3', asOf: '2023-10-12' })
    expect(c.rows.map((r) => r.status)).toEqual(['not-yet-due', 'submitted', 'not-yet-due', 'not-yet-due'])
  })
})
