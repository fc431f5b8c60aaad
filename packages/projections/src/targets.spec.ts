import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel, statusOf, targetProgress, targets } from './index.js'
import { ev, log, type LooseData } from './testing/recorded.js'
import type { EventType } from '@hoi/domain'

const newClubs = ['2021-03-01', '2021-05-01', '2021-07-01', '2021-09-01', '2021-11-01', '2022-01-10', '2022-03-01', '2022-04-01', '2022-05-15']
const target = (targetId: string, goal: number, milestones: ReadonlyArray<LooseData> = []) =>
  [
    'TargetSet',
    {
      targetId,
      ownerAssociationId: 'nct',
      title: `${goal} CLB LTHTGN đến 2025`,
      metric: { kind: 'clubs-launched', model: 'ishc', areaCode: '12' },
      counting: 'cumulative',
      goal,
      startOn: '2021-01-01',
      dueOn: '2025-12-31',
      milestones,
      setOn: '2021-01-01',
      sourceResolutionId: 'nq-iii',
    },
  ] as const
const ninth = { label: '9 CLB mới trước 7/2022', goal: 9, dueOn: '2022-06-30', counting: 'new-since-start' }

// Lai Châu: 20 ISHCs before the term, 9 new ones by 2022-05-15, one old one closed on 2022-08-01
const events: Array<readonly [EventType, LooseData]> = [
  ...Array.from({ length: 20 }, (_, i) => ev.launched(`b${i + 1}`, `2018-01-${String(i + 1).padStart(2, '0')}`, { programme: '1533' })),
  ...newClubs.map((d, i) => ev.launched(`n${i + 1}`, d, { areaCode: `12.10${i % 3}.01` })),
  ev.launched('elsewhere', '2021-04-01', { areaCode: '13.001.01' }),
  ev.launched('not-ishc', '2021-04-01', { model: 'other' }),
  ['ClubClosed', { clubId: 'b1', closedOn: '2022-08-01' }],
  target('lc-72', 72, [ninth]),
  target('lc-30', 30),
  target('lc-25', 25),
  target('lc-w', 72),
  ['TargetWithdrawn', { targetId: 'lc-w', withdrawnOn: '2022-01-01', reason: 'thay bằng chỉ tiêu mới' }],
  target('lc-10', 72, [{ label: '10 CLB mới trước 7/2022', goal: 10, dueOn: '2022-06-30', counting: 'new-since-start' }]),
  ev.launched('n10', '2022-09-01', { areaCode: '12.200.01' }),
  ['TargetRevised', { targetId: 'lc-72', revisedOn: '2023-01-01', reason: 'Nghị quyết bổ sung', goal: 80 }],
]
const m = applyAll(emptyModel(), log(...events))
const at = (id: string, d: string) => targetProgress(m, id, d)!

describe('target progress: "72 ISHCs by 2025" (Lai Châu)', () => {
  it('counts open ISHCs in the area (cumulative) against a straight line from the baseline', () => {
    const p = at('lc-72', '2022-06-30')
    expect(p).toMatchObject({ goal: 72, current: 29, baseline: 20, percent: 40.3, expectedByNow: 35.5, forecast: 50.1, revisions: 0 })
    expect(targetProgress(m, 'lc-72', '2020-12-31')).toBeUndefined() // not set yet
    expect(at('lc-72', '2021-01-01')).toMatchObject({ current: 20, expectedByNow: 20, forecast: 20 })
    expect(at('lc-72', '2022-08-01').current).toBe(28)
    expect(at('lc-72', '2022-09-01').current).toBe(29)
  })

  it('milestone of 9 new clubs before July 2022 is met on the date the 9th club launched', () => {
    expect(at('lc-72', '2022-05-14').milestones[0]).toEqual({ label: ninth.label, goal: 9, dueOn: '2022-06-30', counting: 'new-since-start', current: 8, met: false, missed: false })
    expect(at('lc-72', '2022-05-15').milestones[0]).toMatchObject({ current: 9, met: true, metOn: '2022-05-15', missed: false })
    expect(at('lc-72', '2024-01-01').milestones[0]).toMatchObject({ current: 10, met: true, metOn: '2022-05-15', missed: false })
  })

  it('a milestone reached late is missed, with the date it was reached', () => {
    expect(at('lc-10', '2022-06-30').milestones[0]).toMatchObject({ current: 9, met: false, missed: false })
    expect(at('lc-10', '2022-07-01').milestones[0]).toMatchObject({ current: 9, met: false, missed: true })
    expect(at('lc-10', '2022-07-01').milestones[0]).not.toHaveProperty('metOn')
    expect(at('lc-10', '2022-09-01').milestones[0]).toMatchObject({ current: 10, met: false, metOn: '2022-09-01', missed: true })
  })

  it('series: the value at the start, then at each date it changed, up to asOf', () => {
    expect(at('lc-72', '2022-10-01').series).toEqual([
      { date: '2021-01-01', value: 20 },
      ...newClubs.map((date, i) => ({ date, value: 21 + i })),
      { date: '2022-08-01', value: 28 },
      { date: '2022-09-01', value: 29 },
    ])
    expect(at('lc-72', '2021-06-01').series).toEqual([
      { date: '2021-01-01', value: 20 },
      { date: '2021-03-01', value: 21 },
      { date: '2021-05-01', value: 22 },
    ])
  })

  it('a revision applies from its date', () => {
    expect(at('lc-72', '2022-12-31')).toMatchObject({ goal: 72, revisions: 0 })
    expect(at('lc-72', '2023-01-01')).toMatchObject({ goal: 80, revisions: 1, percent: 36.3 })
  })

  it('statuses: achieved, on-track, at-risk, behind, withdrawn', () => {
    expect(at('lc-25', '2022-06-30').status).toBe('achieved')
    expect(at('lc-25', '2021-07-01').status).toBe('on-track')
    expect(at('lc-30', '2022-06-30').status).toBe('on-track')
    expect(at('lc-72', '2022-06-30').status).toBe('at-risk') // 29 < 35.5 expected but ≥ 80 % of it
    expect(at('lc-72', '2024-12-31').status).toBe('behind') // 29 against 61.6 expected, forecast 31
    expect(at('lc-30', '2026-01-01').status).toBe('missed') // past due, unmet
    expect(at('lc-25', '2026-01-01')).toMatchObject({ status: 'achieved', achievedOn: '2021-11-01' })
    expect(at('lc-10', '2022-07-01').status).toBe('at-risk') // the milestone was missed
    expect(at('lc-w', '2021-12-31').status).toBe('at-risk')
    expect(at('lc-w', '2022-01-01')).toMatchObject({ status: 'withdrawn', withdrawnOn: '2022-01-01' })
  })

  it('the status rule, case by case', () => {
    const base = { withdrawn: false, current: 50, goal: 100, expected: 50, forecast: 100, pastDue: false, missed: false }
    expect(statusOf(base)).toBe('on-track')
    expect(statusOf({ ...base, missed: true })).toBe('at-risk')
    expect(statusOf({ ...base, current: 45 })).toBe('at-risk')
    expect(statusOf({ ...base, current: 39, forecast: 99 })).toBe('behind')
    expect(statusOf({ ...base, current: 39, forecast: 100 })).toBe('at-risk')
    expect(statusOf({ ...base, pastDue: true })).toBe('missed')
    expect(statusOf({ ...base, current: 100, pastDue: true, achievedOn: '2025-06-01', dueOn: '2025-12-31' })).toBe('achieved')
    expect(statusOf({ ...base, current: 100, pastDue: true, achievedOn: '2026-02-01', dueOn: '2025-12-31' })).toBe('achieved-late')
    expect(statusOf({ ...base, current: 100, withdrawn: true })).toBe('withdrawn')
  })

  it('after its due date a target reached late is achieved late, with the date; one never reached is missed', () => {
    const late = applyAll(
      emptyModel(),
      log(...events, [
        'TargetSet',
        {
          targetId: 'lc-29',
          ownerAssociationId: 'nct',
          title: '29 CLB đến 30/4/2022',
          metric: { kind: 'clubs-launched', model: 'ishc', areaCode: '12' },
          counting: 'cumulative',
          goal: 29,
          startOn: '2021-01-01',
          dueOn: '2022-04-30',
          milestones: [],
          setOn: '2021-01-01',
        },
      ]),
    )
    expect(targetProgress(late, 'lc-29', '2022-04-30')).toMatchObject({ status: 'at-risk', current: 28 })
    expect(targetProgress(late, 'lc-29', '2022-05-01')).toMatchObject({ status: 'missed' })
    expect(targetProgress(late, 'lc-29', '2022-06-01')).toMatchObject({ status: 'achieved-late', achievedOn: '2022-05-15' })
  })

  it('lists targets set by the date, by owner', () => {
    expect(targets(m, { asOf: '2020-12-31' })).toEqual([])
    expect(targets(m, { asOf: '2022-01-01' }).map((t) => t.targetId)).toEqual(['lc-72', 'lc-30', 'lc-25', 'lc-w', 'lc-10'])
    expect(targets(m, { asOf: '2022-01-01', ownerAssociationId: 'other' })).toEqual([])
    expect(targetProgress(m, 'nope', '2022-01-01')).toBeUndefined()
  })
})

describe('target progress: members and report indicators', () => {
  const tree = [
    ev.founded('p', { foundedOn: '2000-01-01' }),
    ev.founded('c', { scope: 'commune', parentId: 'p', areaCode: '12.105.03', foundedOn: '2000-01-01' }),
    ev.founded('x', { foundedOn: '2000-01-01' }),
  ] as const
  const metric = (kind: string, counting: string, extra: LooseData = {}) =>
    [
      'TargetSet',
      {
        targetId: `${kind}-${counting}`,
        ownerAssociationId: 'p',
        title: 'Chỉ tiêu',
        metric: { kind, associationId: 'p', ...extra },
        counting,
        goal: 10,
        startOn: '2021-01-01',
        dueOn: '2021-12-31',
        milestones: [],
        setOn: '2021-01-01',
      },
    ] as const

  it('members-admitted: cumulative counts active members of the tree; new-since-start counts admissions, not moves inside it', () => {
    const mm = applyAll(
      emptyModel(),
      log(
        ...tree,
        ev.admitted('a', 'p', '2020-01-01'),
        ev.admitted('b', 'c', '2021-02-01'),
        ev.admitted('z', 'x', '2021-02-01'),
        ['MemberTransferredOut', { memberId: 'b', associationId: 'c', personId: 'p-b', toAssociationId: 'p', toMemberId: 'b2', transferredOn: '2021-03-01' }],
        [
          'MemberTransferredIn',
          {
            memberId: 'b2',
            associationId: 'p',
            personId: 'p-b',
            fullName: 'B',
            birthDate: '1950-01-01',
            gender: 'male',
            category: 'official',
            fromAssociationId: 'c',
            fromMemberId: 'b',
            transferredOn: '2021-03-01',
            flags: [],
          },
        ],
        [
          'MemberTransferredIn',
          {
            memberId: 'y2',
            associationId: 'c',
            personId: 'p-y',
            fullName: 'Y',
            birthDate: '1950-01-01',
            gender: 'male',
            category: 'official',
            fromAssociationId: 'x',
            fromMemberId: 'y',
            transferredOn: '2021-04-01',
            flags: [],
          },
        ],
        ['MemberResigned', { memberId: 'a', associationId: 'p', resignedOn: '2021-05-01' }],
        metric('members-admitted', 'cumulative'),
        metric('members-admitted', 'new-since-start'),
      ),
    )
    expect(targetProgress(mm, 'members-admitted-cumulative', '2021-12-31')).toMatchObject({ baseline: 1, current: 2 })
    expect(targetProgress(mm, 'members-admitted-cumulative', '2021-12-31')?.series).toEqual([
      { date: '2021-01-01', value: 1 },
      { date: '2021-02-01', value: 2 },
      { date: '2021-04-01', value: 3 },
      { date: '2021-05-01', value: 2 },
    ])
    expect(targetProgress(mm, 'members-admitted-new-since-start', '2021-12-31')).toMatchObject({ baseline: 0, current: 2 })
  })

  it('report-indicator: sums submitted reports of the tree at their corrected values; a year supersedes its quarters', () => {
    const mm = applyAll(
      emptyModel(),
      log(
        ...tree,
        metric('report-indicator', 'new-since-start', { indicator: 'new-members' }),
        metric('report-indicator', 'cumulative', { indicator: 'new-members' }),
        ev.submitted('p', '2020Q4', '2021-01-10', { 'new-members': 100 }),
        ev.submitted('p', '2021Q1', '2021-04-10', { 'new-members': 3 }),
        ev.submitted('c', '2021Q1', '2021-04-12', { 'new-members': 2, activities: 9 }),
        ev.submitted('x', '2021Q1', '2021-04-12', { 'new-members': 50 }),
        ['ReportCorrected', { associationId: 'c', period: '2021Q1', correctedOn: '2021-05-01', indicators: { 'new-members': 4 }, reason: 'sai số' }],
        ev.submitted('p', '2021Q2', '2021-07-10', { 'new-members': 1 }),
        ev.submitted('p', '2021', '2021-12-20', { 'new-members': 6 }),
      ),
    )
    const n = (d: string) => targetProgress(mm, 'report-indicator-new-since-start', d)!.current
    expect([n('2021-04-09'), n('2021-04-10'), n('2021-04-12'), n('2021-05-01'), n('2021-07-10'), n('2021-12-20')]).toEqual([0, 3, 5, 7, 8, 10])
    expect(targetProgress(mm, 'report-indicator-new-since-start', '2021-12-31')?.status).toBe('achieved')
    expect(targetProgress(mm, 'report-indicator-cumulative', '2021-04-12')?.current).toBe(105)
  })
})

describe('targets on report indicators: stocks and ratios', () => {
  const indicatorTarget = (targetId: string, associationId: string, indicator: string, goal: number, dueOn: string) =>
    [
      'TargetSet',
      {
        targetId,
        ownerAssociationId: associationId,
        title: targetId,
        metric: { kind: 'report-indicator', associationId, indicator },
        counting: 'cumulative',
        goal,
        startOn: '2021-07-15',
        dueOn,
        milestones: [],
        setOn: '2021-07-15',
      },
    ] as const
  const m2 = applyAll(
    emptyModel(),
    log(
      ev.founded('hnd', { kind: 'farmers', scope: 'province', foundedOn: '2000-01-01' }),
      ev.founded('nct', { kind: 'elderly', scope: 'province', foundedOn: '2000-01-01' }),
      ev.founded('nct-1', { kind: 'elderly', scope: 'district', areaCode: '12.105', parentId: 'nct', foundedOn: '2000-01-01' }),
      ev.founded('nct-2', { kind: 'elderly', scope: 'district', areaCode: '12.106', parentId: 'nct', foundedOn: '2000-01-01' }),
      indicatorTarget('loan', 'hnd', 'entrusted-loan-balance-vnd', 150, '2023-12-31'),
      indicatorTarget('rate', 'nct', 'membership-rate', 95, '2024-12-31'),
      ev.submitted('hnd', '2023Q1', '2023-04-05', { 'entrusted-loan-balance-vnd': 100 }),
      ev.submitted('hnd', '2023Q2', '2023-07-05', { 'entrusted-loan-balance-vnd': 120 }),
      ev.submitted('nct-1', '2023', '2023-12-10', { members: 900, 'older-people': 1000 }),
      ev.submitted('nct-2', '2023', '2023-12-10', { members: 1800, 'older-people': 2000 }),
      ev.submitted('nct-1', '2024', '2024-12-10', { members: 980, 'older-people': 1000 }),
      ev.submitted('nct-2', '2024', '2024-12-12', { members: 1920, 'older-people': 2000 }),
      ['ReportReturned', { associationId: 'nct-2', period: '2024', returnedOn: '2024-12-20', reason: 'Sai số liệu dân số' }],
    ),
  )
  it('given a loan balance target, when two quarters are reported, then it compares the latest balance, not the sum', () => {
    expect(targetProgress(m2, 'loan', '2023-08-01')).toMatchObject({ current: 120, aggregation: 'stock', status: 'at-risk' })
    expect(targetProgress(m2, 'loan', '2024-01-01')).toMatchObject({ status: 'missed' })
  })
  it('given a membership-rate target of 95 %, when the districts report members and the population base, then the rate is computed from their sums', () => {
    expect(targetProgress(m2, 'rate', '2023-12-31')).toMatchObject({ current: 90, aggregation: 'ratio', unit: '%' })
    expect(targetProgress(m2, 'rate', '2024-12-15')).toMatchObject({ current: 96.7, status: 'achieved' })
  })
  it('given a returned report, then it stops counting from the day it was returned', () => {
    // nct-2 falls back to its 2023 figures: (980 + 1800) / 3000
    expect(targetProgress(m2, 'rate', '2024-12-20')).toMatchObject({ current: 92.7 })
  })
})
