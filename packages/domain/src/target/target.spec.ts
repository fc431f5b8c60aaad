import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { idempotencyProperty } from '../testing/properties.js'
import { founded } from '../testing/fixtures.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import { decider, target, Command as CommandCodec, type Command, type Event } from './index.js'

const owner = Association.evolve(Association.initialState, founded({ associationId: 'nct-tinh', kind: 'elderly', scope: 'province', areaCode: '12', foundedOn: '2010-03-01' }))
const ctx = { policy: defaultPolicy, owner }
const after = (state: Association.State, event: unknown) => Association.evolve(state, event as AssociationEvent)
const suspended = after(owner, { type: 'AssociationSuspended', data: { associationId: 'nct-tinh', suspendedOn: '2021-07-01', until: '2021-12-01', reason: 'Chậm báo cáo' } })
const dissolved = after(owner, { type: 'AssociationDissolved', data: { associationId: 'nct-tinh', dissolvedOn: '2021-07-01', dissolution: 'voluntary', ground: 'members-request' } })

const setData = {
  targetId: 'ishc-72',
  ownerAssociationId: 'nct-tinh',
  title: '72 CLB Liên thế hệ tự giúp nhau đến năm 2025',
  metric: { kind: 'clubs-launched', model: 'ishc', areaCode: '12' },
  counting: 'cumulative',
  goal: 72,
  startOn: '2021-07-01',
  dueOn: '2025-12-31',
  setOn: '2021-07-15',
  sourceResolutionId: 'nq-dh3',
  milestones: [{ label: '9 CLB mới trước 1/7/2022', goal: 9, dueOn: '2022-06-30', counting: 'new-since-start' }],
}
const setting = (data: object) => ({ type: 'SetTarget', data: { ...setData, ...data } }) as unknown as Command
const set = setting({})
const targetSet = { type: 'TargetSet', data: setData } as unknown as Event
const revising = (data: object) => ({ type: 'ReviseTarget', data: { targetId: 'ishc-72', revisedOn: '2023-01-10', reason: 'Nghị quyết giữa nhiệm kỳ', ...data } }) as unknown as Command
const withdraw = { type: 'WithdrawTarget', data: { targetId: 'ishc-72', withdrawnOn: '2024-02-01', reason: 'Sáp nhập đơn vị hành chính' } } as unknown as Command
const withdrawn = { type: 'TargetWithdrawn', data: withdraw.data } as Event

describe('target: not set', () => {
  it('sets a target exactly as given: no progress is stored', () => {
    const r = given(decider, []).when(set, ctx)
    expect(r).toEqual(E.right([targetSet]))
    expect(Object.keys(E.isRight(r) ? r.right[0]!.data : {}).sort()).toEqual(Object.keys(setData).sort())
  })
  it('accepts milestones on the start and due dates', () => {
    const milestones = [
      { label: 'Khởi động', goal: 1, dueOn: '2021-07-01' },
      { label: 'Về đích', goal: 72, dueOn: '2025-12-31' },
    ]
    expect(given(decider, []).when(setting({ milestones }), ctx)).toMatchObject(E.right([{ type: 'TargetSet' }]))
  })
  it('rejects a goal of 0', () => {
    expect(given(decider, []).when(setting({ goal: 0 }), ctx)).toMatchObject(E.left({ code: 'GoalMustBePositive', field: 'data.goal' }))
  })
  it.each(['2021-07-01', '2021-06-30'])('rejects a due date %s not after the start', (dueOn) => {
    expect(given(decider, []).when(setting({ dueOn, milestones: [] }), ctx)).toMatchObject(E.left({ code: 'DueNotAfterStart', field: 'data.dueOn' }))
  })
  it('rejects a target set after its due date', () => {
    expect(given(decider, []).when(setting({ setOn: '2026-01-01' }), ctx)).toMatchObject(E.left({ code: 'SetAfterDue', field: 'data.setOn' }))
  })
  it('rejects milestones outside the target, naming the milestone', () => {
    const early = [{ label: 'Sớm', goal: 1, dueOn: '2021-06-30' }]
    const late = [...setData.milestones, { label: 'Muộn', goal: 80, dueOn: '2026-01-01' }]
    expect(given(decider, []).when(setting({ milestones: early }), ctx)).toMatchObject(E.left({ code: 'MilestoneOutsideTarget', field: 'data.milestones.0.dueOn' }))
    expect(given(decider, []).when(setting({ milestones: late }), ctx)).toMatchObject(E.left({ code: 'MilestoneOutsideTarget', field: 'data.milestones.1.dueOn' }))
  })
  it('rejects an owner that does not exist', () => {
    expect(given(decider, []).when(set, { policy: defaultPolicy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.ownerAssociationId' }))
  })
  it('R24: rejects a dissolved owner', () => {
    expect(given(decider, []).when(set, { ...ctx, owner: dissolved })).toMatchObject(E.left({ code: 'AssociationDissolved', rule: 'R24' }))
  })
  it('a suspended owner may still set targets (it must exist, not be open)', () => {
    expect(given(decider, []).when(set, { ...ctx, owner: suspended })).toEqual(E.right([targetSet]))
  })
  it.each([revising({ goal: 80 }), withdraw])('rejects $type for a target never set', (command) => {
    expect(given(decider, []).when(command, ctx)).toMatchObject(E.left({ code: 'TargetNotSet', field: 'data.targetId' }))
  })
})

describe('target: set', () => {
  it('setting again with the same facts is already satisfied, even after a revision', () => {
    expect(given(decider, [targetSet]).when(set, ctx)).toEqual(E.right([]))
    const revised = { type: 'TargetRevised', data: { ...revising({ goal: 80 }).data } } as Event
    expect(given(decider, [targetSet, revised]).when(set, ctx)).toEqual(E.right([]))
  })
  it('refuses a set under the same id with other facts', () => {
    expect(given(decider, [targetSet]).when(setting({ goal: 80 }), ctx)).toMatchObject(E.left({ code: 'TargetAlreadySet', field: 'data.targetId' }))
  })
  it('revises the goal once; the same revision again yields nothing', () => {
    const revise = revising({ goal: 80 })
    const revised = { type: 'TargetRevised', data: revise.data } as Event
    expect(given(decider, [targetSet]).when(revise, ctx)).toEqual(E.right([revised]))
    expect(given(decider, [targetSet, revised]).when(revise, ctx)).toEqual(E.right([]))
    expect(given(decider, [targetSet, revised]).state).toMatchObject({ goal: 80, dueOn: '2025-12-31', revisedOn: '2023-01-10' })
  })
  it('a revision that changes nothing yields nothing', () => {
    expect(given(decider, [targetSet]).when(revising({}), ctx)).toEqual(E.right([]))
    expect(given(decider, [targetSet]).when(revising({ goal: 72, dueOn: '2025-12-31', milestones: setData.milestones }), ctx)).toEqual(E.right([]))
  })
  it('rejects a revised goal of 0', () => {
    expect(given(decider, [targetSet]).when(revising({ goal: 0 }), ctx)).toMatchObject(E.left({ code: 'GoalMustBePositive', field: 'data.goal' }))
  })
  it('rejects a revised due date not after the start', () => {
    expect(given(decider, [targetSet]).when(revising({ dueOn: '2021-06-01', milestones: [] }), ctx)).toMatchObject(E.left({ code: 'DueNotAfterStart', field: 'data.dueOn' }))
  })
  it('rejects a revised due date before the target was set', () => {
    expect(given(decider, [targetSet]).when(revising({ dueOn: '2021-07-10', milestones: [] }), ctx)).toMatchObject(E.left({ code: 'SetAfterDue', field: 'data.dueOn' }))
  })
  it('rejects a revised due date that leaves a kept milestone outside the target', () => {
    expect(given(decider, [targetSet]).when(revising({ dueOn: '2022-01-01' }), ctx)).toMatchObject(E.left({ code: 'MilestoneOutsideTarget', field: 'data.dueOn' }))
  })
  it('rejects revised milestones outside the target, naming the milestone', () => {
    const milestones = [...setData.milestones, { label: 'Sau hạn', goal: 72, dueOn: '2026-03-01' }]
    expect(given(decider, [targetSet]).when(revising({ milestones }), ctx)).toMatchObject(E.left({ code: 'MilestoneOutsideTarget', field: 'data.milestones.1.dueOn' }))
  })
  it('rejects a revision dated before the target was set', () => {
    expect(given(decider, [targetSet]).when(revising({ goal: 80, revisedOn: '2021-07-14' }), ctx)).toMatchObject(E.left({ code: 'RevisionBeforeSet', field: 'data.revisedOn' }))
  })
  it('withdraws', () => {
    expect(given(decider, [targetSet]).when(withdraw, ctx)).toEqual(E.right([withdrawn]))
  })
  it('rejects a withdrawal dated before the target was set', () => {
    const early = { ...withdraw, data: { ...withdraw.data, withdrawnOn: '2021-07-01' } } as Command
    expect(given(decider, [targetSet]).when(early, ctx)).toMatchObject(E.left({ code: 'WithdrawalBeforeSet', field: 'data.withdrawnOn' }))
  })
})

describe('target: withdrawn', () => {
  const history = [targetSet, withdrawn]
  it('is terminal', () => {
    expect(decider.isTerminal(given(decider, history).state)).toBe(true)
  })
  it('refuses a revision', () => {
    expect(given(decider, history).when(revising({ goal: 80 }), ctx)).toMatchObject(E.left({ code: 'TargetWithdrawn' }))
  })
  it('withdrawing again, or setting again with the same facts, is already satisfied', () => {
    expect(given(decider, history).when(withdraw, ctx)).toEqual(E.right([]))
    expect(given(decider, history).when(set, ctx)).toEqual(E.right([]))
  })
})

describe('target: module', () => {
  it('setting needs the owner; other commands need nothing', () => {
    expect(target.needs(set)).toEqual([{ key: 'owner', aggregate: 'association', streamId: 'association-nct-tinh' }])
    expect(target.needs(withdraw)).toEqual([])
    expect(target.streamOf(revising({ goal: 1 }))).toBe('target-ishc-72')
  })
})

const valid = (raw: unknown): Command => {
  const r = CommandCodec.decode(raw)
  if (E.isLeft(r)) throw new Error(`generated an invalid command: ${JSON.stringify(raw)}`)
  return r.right
}
const date = fc.constantFrom('2021-06-01', '2021-07-01', '2021-07-15', '2022-06-30', '2024-02-01', '2025-12-31', '2026-06-30')
const milestones = fc.array(fc.record({ label: fc.constantFrom('Mốc 1', 'Mốc 2'), goal: fc.integer({ min: 0, max: 80 }), dueOn: date }), { maxLength: 2 })
const optional = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: undefined })
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ goal: fc.constantFrom(0, 72, 80), dueOn: date, setOn: date }).map((d) => valid({ type: 'SetTarget', data: { ...setData, ...d, milestones: [] } })),
  fc
    .record({ revisedOn: date, goal: optional(fc.integer({ min: 0, max: 90 })), dueOn: optional(date), milestones: optional(milestones) })
    .map((d) => valid({ type: 'ReviseTarget', data: { targetId: 'ishc-72', reason: 'Điều chỉnh', ...d } })),
  date.map((withdrawnOn) => valid({ type: 'WithdrawTarget', data: { targetId: 'ishc-72', withdrawnOn, reason: 'Hủy' } })),
)

describe('target: properties', () => {
  it('a command that produced events produces none when decided again on the resulting state', () => {
    idempotencyProperty({ decider, command, context: () => ctx, maxLength: 12, expectTypes: ['ReviseTarget', 'SetTarget', 'WithdrawTarget'] })
  })
})
