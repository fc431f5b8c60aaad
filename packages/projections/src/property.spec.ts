import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventType } from '@hoi/domain'
import { apply, applyAll, emptyModel, registry, reportRollup, statistics, targets } from './index.js'
import type { Recorded } from './index.js'
import { recorded, type LooseData } from './testing/recorded.js'

const day0 = Date.UTC(2015, 0, 1) / 86_400_000
const date = fc.integer({ min: 0, max: 4000 }).map((n) => new Date((day0 + n) * 86_400_000).toISOString().slice(0, 10))
const assoc = fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4')
const member = fc.constantFrom('m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7')
const club = fc.constantFrom('k0', 'k1', 'k2', 'k3')
const period = fc.constantFrom('2020', '2020Q1', '2020Q2', '2021S1')
const area = fc.constantFrom('12', '12.105', '12.105.03', '12.106.01', '13')
const e = (type: EventType, data: fc.Arbitrary<LooseData>) => data.map((d) => [type, d] as const)

const anyEvent = fc.oneof(
  e(
    'AssociationFounded',
    fc.record(
      {
        associationId: assoc,
        name: fc.constant('Hội'),
        kind: fc.constantFrom('elderly', 'women'),
        regime: fc.constant('decree-45-2010'),
        scope: fc.constantFrom('province', 'district', 'commune'),
        areaCode: area,
        foundedOn: date,
        foundingMembers: fc.constant(20),
        flags: fc.constant([]),
        parentId: assoc,
      },
      { requiredKeys: ['associationId', 'name', 'kind', 'regime', 'scope', 'areaCode', 'foundedOn', 'foundingMembers', 'flags'] },
    ),
  ),
  e('AssociationDissolved', fc.record({ associationId: assoc, dissolvedOn: date, dissolution: fc.constant('voluntary'), ground: fc.constant('no-assets') })),
  e('SpecialStatusGranted', fc.record({ associationId: assoc, grantedOn: date })),
  e('SpecialStatusRevoked', fc.record({ associationId: assoc, revokedOn: date })),
  e('AssociationRenamed', fc.record({ associationId: assoc, name: fc.constantFrom('Hội mới', 'Hội cũ'), renamedOn: date })),
  e(
    'MemberAdmitted',
    fc.record({
      memberId: member,
      associationId: assoc,
      personId: member,
      fullName: fc.constantFrom('Lò Văn A', 'Nguyễn Thị B'),
      birthDate: fc.constant('1950-01-01'),
      gender: fc.constantFrom('male', 'female'),
      category: fc.constantFrom('official', 'associate'),
      admittedOn: date,
      flags: fc.constant([]),
    }),
  ),
  e('MemberResigned', fc.record({ memberId: member, associationId: assoc, resignedOn: date })),
  e('MemberCategoryChanged', fc.record({ memberId: member, associationId: assoc, category: fc.constantFrom('official', 'honorary'), changedOn: date })),
  e(
    'ClubLaunched',
    fc.record({
      clubId: club,
      name: fc.constant('CLB'),
      model: fc.constantFrom('ishc', 'other'),
      hostAssociationId: assoc,
      areaCode: area,
      launchedOn: date,
      programme: fc.constant('1336'),
      roster: fc.constant({ total: 50, older: 30, women: 30, homeCareVolunteers: 5 }),
      flags: fc.constant([]),
    }),
  ),
  e('ClubClosed', fc.record({ clubId: club, closedOn: date })),
  e('ClubActivityRecorded', fc.record({ clubId: club, activityId: fc.constant('x'), area: fc.constantFrom('rights', 'self-help'), heldOn: date, title: fc.constant('t'), participants: fc.nat(50) })),
  e('ReportSubmitted', fc.record({ associationId: assoc, period, submittedOn: date, indicators: fc.record({ activities: fc.nat(9) }), dueOn: date, late: fc.boolean() })),
  e('ReportCorrected', fc.record({ associationId: assoc, period, correctedOn: date, indicators: fc.record({ activities: fc.nat(9) }), reason: fc.constant('r') })),
  e('ReportReturned', fc.record({ associationId: assoc, period, returnedOn: date, reason: fc.constant('r') })),
  e(
    'TargetSet',
    fc.record({
      targetId: fc.constantFrom('t0', 't1'),
      ownerAssociationId: assoc,
      title: fc.constant('T'),
      metric: fc.oneof(
        fc.record({ kind: fc.constant('clubs-launched'), model: fc.constantFrom('ishc', 'any'), areaCode: area }),
        fc.record({ kind: fc.constant('members-admitted'), associationId: assoc }),
      ),
      counting: fc.constantFrom('cumulative', 'new-since-start'),
      goal: fc.nat(5),
      startOn: fc.constant('2016-01-01'),
      dueOn: fc.constant('2024-12-31'),
      milestones: fc.constant([{ label: 'M', goal: 2, dueOn: '2019-12-31' }]),
      setOn: fc.constant('2016-01-01'),
    }),
  ),
  e('TargetRevised', fc.record({ targetId: fc.constantFrom('t0', 't1'), revisedOn: date, reason: fc.constant('r'), goal: fc.nat(9) })),
)

const logOf = (events: ReadonlyArray<readonly [EventType, LooseData]>): Recorded[] => events.map(([t, d], i) => recorded(t, d, { position: i + 1 }))
const views = (m: ReturnType<typeof emptyModel>) => ({
  registry: registry(m, { asOf: '2020-06-30' }),
  all: registry(m),
  stats: statistics(m, { year: 2020 }),
  targets: targets(m, { asOf: '2021-01-01' }),
  rollup: reportRollup(m, { associationId: 'a0', period: '2020', asOf: '2021-06-01' }),
})

describe('fold properties', () => {
  it('folding in one go = in two chunks = with random redeliveries of earlier events', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 60 }), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), (raw, cut, again) => {
        const events = logOf(raw)
        const whole = applyAll(emptyModel(), events)
        const k = events.length === 0 ? 0 : cut % (events.length + 1)
        const chunked = applyAll(applyAll(emptyModel(), events.slice(0, k)), events.slice(k))
        const redelivered = emptyModel()
        events.forEach((ev, i) => {
          apply(redelivered, ev)
          for (const [after, which] of again) if (after % events.length === i) apply(redelivered, events[which % (i + 1)]!)
        })
        expect(chunked).toEqual(whole)
        expect(redelivered).toEqual(whole)
        expect(views(redelivered)).toEqual(views(whole))
      }),
      { numRuns: 300 },
    )
  })

  it('queries never mutate the model', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 60 }), (raw) => {
        const m = applyAll(emptyModel(), logOf(raw))
        const copy = applyAll(emptyModel(), logOf(raw))
        views(m)
        expect(m).toEqual(copy)
      }),
      { numRuns: 100 },
    )
  })
})
