import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { addDays, addYears, type IsoDate } from '../codecs.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { idempotencyProperty } from '../testing/properties.js'
import * as Member from '../member/state.js'
import type { Event as MemberEvent } from '../member/events.js'
import { decider, association, Command as CommandCodec, Event as EventCodec, type Command, type Event, type State } from './index.js'
import { evolve } from './state.js'

const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const stateOf = (...events: Event[]): State => events.reduce(evolve, decider.initialState)
const ctx = { policy: defaultPolicy }

const foundHnct = {
  associationId: 'hnct-qn',
  name: 'Hội Người cao tuổi tỉnh Quảng Ninh',
  kind: 'elderly',
  scope: 'province',
  areaCode: '22',
  foundedOn: '2015-05-01',
  foundingMembers: 120,
}
const founded = ev('AssociationFounded', { ...foundHnct, regime: 'decree-45-2010', flags: [] })
const national = stateOf(
  ev('AssociationFounded', {
    associationId: 'hnct-tw',
    name: 'Hội Người cao tuổi Việt Nam',
    kind: 'elderly',
    regime: 'decree-45-2010',
    scope: 'national',
    areaCode: 'VN',
    foundedOn: '1995-05-10',
    foundingMembers: 500,
    flags: [],
  }),
)

describe('association: not founded', () => {
  it('R1, R2: founds an elderly association under decree 45/2010 before 2024-11-26', () => {
    expect(given(decider, []).when(cmd('FoundAssociation', foundHnct), ctx)).toEqual(E.right([founded]))
  })
  it('R2: an association founded from 2024-11-26 falls under decree 126/2024', () => {
    const r = given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, foundedOn: '2024-11-26' }), ctx)
    expect(r).toEqual(E.right([ev('AssociationFounded', { ...foundHnct, foundedOn: '2024-11-26', regime: 'decree-126-2024', flags: [] })]))
  })
  it('R2: one founded on 2024-11-25 still falls under decree 45/2010', () => {
    const r = given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, foundedOn: '2024-11-25' }), ctx)
    expect(r).toMatchObject(E.right([{ data: { regime: 'decree-45-2010' } }]))
  })
  it("R1: the Women's Union follows its own charter and needs no founding minimum", () => {
    const women = { ...foundHnct, associationId: 'lhpn-qn', name: 'Hội Liên hiệp Phụ nữ tỉnh Quảng Ninh', kind: 'women', foundingMembers: 3 }
    expect(given(decider, []).when(cmd('FoundAssociation', women), ctx)).toEqual(E.right([ev('AssociationFounded', { ...women, regime: 'own-charter', flags: [] })]))
  })
  it('R3: refuses a provincial decree association with 49 founding members', () => {
    expect(given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, foundingMembers: 49 }), ctx)).toMatchObject(
      E.left({ code: 'FoundingMembersBelowMinimum', rule: 'R3', field: 'data.foundingMembers' }),
    )
  })
  it('R3: 50 founding members are enough for a province', () => {
    expect(E.isRight(given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, foundingMembers: 50 }), ctx))).toBe(true)
  })
  it('R3: the minimum comes from the policy', () => {
    const policy = { ...defaultPolicy, foundingMembers: { ...defaultPolicy.foundingMembers, province: 30 } }
    expect(E.isRight(given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, foundingMembers: 30 }), { policy }))).toBe(true)
  })
  it('R30: founds under a parent of broader scope', () => {
    const r = given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, parentId: 'hnct-tw' }), { policy: defaultPolicy, parent: national })
    expect(r).toEqual(E.right([ev('AssociationFounded', { ...foundHnct, parentId: 'hnct-tw', regime: 'decree-45-2010', flags: [] })]))
  })
  it('R30: founds under a parent of the same scope (member organisations of the Front)', () => {
    const province = stateOf(founded)
    const r = given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, associationId: 'hnct-2', parentId: 'hnct-qn' }), { policy: defaultPolicy, parent: province })
    expect(E.isRight(r)).toBe(true)
  })
  it('R30: refuses a parent of narrower scope', () => {
    const province = stateOf(founded)
    const r = given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, associationId: 'hnct-tw2', scope: 'national', parentId: 'hnct-qn' }), { policy: defaultPolicy, parent: province })
    expect(r).toMatchObject(E.left({ code: 'ParentScopeNarrower', rule: 'R30', field: 'data.parentId' }))
  })
  it('R30: refuses an association as its own parent', () => {
    expect(given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, parentId: 'hnct-qn' }), ctx)).toMatchObject(E.left({ code: 'ParentIsItself', rule: 'R30', field: 'data.parentId' }))
  })
  it('refuses a parent that does not exist', () => {
    expect(given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, parentId: 'hnct-tw' }), ctx)).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.parentId' }))
  })
  it('R24: refuses a dissolved parent', () => {
    const parent = evolve(national, ev('AssociationDissolved', { associationId: 'hnct-tw', dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' }))
    expect(given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, parentId: 'hnct-tw' }), { policy: defaultPolicy, parent })).toMatchObject(
      E.left({ code: 'AssociationDissolved', rule: 'R24', field: 'data.parentId' }),
    )
  })
  it('refuses any other command for an association never founded', () => {
    expect(given(decider, []).when(cmd('RenameAssociation', { associationId: 'hnct-qn', name: 'Hội NCT', renamedOn: '2020-01-01' }), ctx)).toMatchObject(
      E.left({ code: 'AssociationNotFound', field: 'data.associationId' }),
    )
  })
  it('loads the parent stream only when a parent is named, and the member stream when electing', () => {
    const area = { key: 'area', aggregate: 'claim', streamId: 'claim-area~elderly~22' }
    expect(association.needs(cmd('FoundAssociation', foundHnct))).toEqual([area])
    expect(association.needs(cmd('FoundAssociation', { ...foundHnct, parentId: 'hnct-tw' }))).toEqual([{ key: 'parent', aggregate: 'association', streamId: 'association-hnct-tw' }, area])
    expect(association.needs(cmd('ElectOfficer', { associationId: 'hnct-qn', memberId: 'm1', role: 'president', electedOn: '2021-06-01' }))).toEqual([
      { key: 'member', aggregate: 'member', streamId: 'member-m1' },
    ])
    expect(association.streamOf(cmd('RenameAssociation', { associationId: 'hnct-qn', name: 'Hội NCT', renamedOn: '2020-01-01' }))).toBe('association-hnct-qn')
  })
})

describe('association: active', () => {
  const id = { associationId: 'hnct-qn' }
  it('founding again with identical facts is already satisfied', () => {
    expect(given(decider, [founded]).when(cmd('FoundAssociation', foundHnct), ctx)).toEqual(E.right([]))
  })
  it('founding again with other facts is refused', () => {
    expect(given(decider, [founded]).when(cmd('FoundAssociation', { ...foundHnct, foundingMembers: 121 }), ctx)).toMatchObject(
      E.left({ code: 'AssociationAlreadyFounded', field: 'data.associationId' }),
    )
  })
  it('renames; the same name again yields nothing', () => {
    const rename = cmd('RenameAssociation', { ...id, name: 'Hội NCT tỉnh Quảng Ninh', renamedOn: '2020-01-01' })
    const renamed = ev('AssociationRenamed', { ...id, name: 'Hội NCT tỉnh Quảng Ninh', renamedOn: '2020-01-01' })
    expect(given(decider, [founded]).when(rename, ctx)).toEqual(E.right([renamed]))
    expect(given(decider, [founded, renamed]).when(rename, ctx)).toEqual(E.right([]))
  })
  it('refuses a rename dated before the founding', () => {
    expect(given(decider, [founded]).when(cmd('RenameAssociation', { ...id, name: 'Hội NCT', renamedOn: '2015-04-30' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeFounding', field: 'data.renamedOn' }),
    )
  })
  it('grants special status once', () => {
    const granted = ev('SpecialStatusGranted', { ...id, grantedOn: '2016-01-01' })
    expect(given(decider, [founded]).when(cmd('GrantSpecialStatus', { ...id, grantedOn: '2016-01-01' }), ctx)).toEqual(E.right([granted]))
    expect(given(decider, [founded, granted]).when(cmd('GrantSpecialStatus', { ...id, grantedOn: '2017-01-01' }), ctx)).toEqual(E.right([]))
  })
  it('refuses special status granted before the founding', () => {
    expect(given(decider, [founded]).when(cmd('GrantSpecialStatus', { ...id, grantedOn: '2010-01-01' }), ctx)).toMatchObject(E.left({ code: 'EventBeforeFounding', field: 'data.grantedOn' }))
  })
  it('revokes special status; the same revocation again yields nothing', () => {
    const granted = ev('SpecialStatusGranted', { ...id, grantedOn: '2016-01-01' })
    const revoked = ev('SpecialStatusRevoked', { ...id, revokedOn: '2019-01-01' })
    const revoke = cmd('RevokeSpecialStatus', { ...id, revokedOn: '2019-01-01' })
    expect(given(decider, [founded, granted]).when(revoke, ctx)).toEqual(E.right([revoked]))
    expect(given(decider, [founded, granted, revoked]).when(revoke, ctx)).toEqual(E.right([]))
  })
  it('refuses to revoke a special status never granted', () => {
    expect(given(decider, [founded]).when(cmd('RevokeSpecialStatus', { ...id, revokedOn: '2019-01-01' }), ctx)).toMatchObject(E.left({ code: 'SpecialStatusNotGranted' }))
  })
  it('refuses a revocation dated before the founding', () => {
    const granted = ev('SpecialStatusGranted', { ...id, grantedOn: '2016-01-01' })
    expect(given(decider, [founded, granted]).when(cmd('RevokeSpecialStatus', { ...id, revokedOn: '2014-01-01' }), ctx)).toMatchObject(E.left({ code: 'EventBeforeFounding', field: 'data.revokedOn' }))
  })
  it('assigns a staff quota; the same quota again yields nothing', () => {
    const assigned = ev('StaffQuotaAssigned', { ...id, quota: 4, assignedOn: '2016-02-01', decisionRef: 'QĐ 12/QĐ-UBND' })
    const special = ev('SpecialStatusGranted', { ...id, grantedOn: '2016-01-01' })
    expect(given(decider, [founded, special]).when(cmd('AssignStaffQuota', { ...id, quota: 4, assignedOn: '2016-02-01', decisionRef: 'QĐ 12/QĐ-UBND' }), ctx)).toEqual(E.right([assigned]))
    expect(given(decider, [founded, special, assigned]).when(cmd('AssignStaffQuota', { ...id, quota: 4, assignedOn: '2017-02-01' }), ctx)).toEqual(E.right([]))
  })
  it('R26: refuses a staff quota handed down from another association', () => {
    expect(given(decider, [founded]).when(cmd('AssignStaffQuota', { ...id, quota: 2, assignedOn: '2016-02-01', allocatedFrom: 'hnct-tw' }), ctx)).toMatchObject(
      E.left({ code: 'StaffQuotaCannotBeHandedDown', rule: 'R26', field: 'data.allocatedFrom' }),
    )
  })
  it('refuses a staff quota dated before the founding', () => {
    expect(given(decider, [founded, ev('SpecialStatusGranted', { ...id, grantedOn: '2016-01-01' })]).when(cmd('AssignStaffQuota', { ...id, quota: 2, assignedOn: '2015-01-01' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeFounding', field: 'data.assignedOn' }),
    )
  })
  it('every rejection speaks English and Vietnamese', () => {
    const r = given(decider, []).when(cmd('FoundAssociation', { ...foundHnct, foundingMembers: 9 }), ctx)
    expect(E.isLeft(r) && r.left.en.length > 0 && /[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/u.test(r.left.vi)).toBe(true)
  })
})

describe('association: any history', () => {
  const date = fc.constantFrom('2014-01-01', '2015-05-01', '2019-03-01', '2021-06-10', '2024-11-26', '2025-02-01', '2025-08-30', '2026-06-10')
  const ref = fc.option(fc.constant('QĐ 12/QĐ-UBND'), { nil: undefined })
  const memberIds = fc.constantFrom('m1', 'm1', 'm1', 'm2', 'm3')
  const role = fc.constantFrom('president', 'president', 'vice-president')
  const number = fc.constantFrom('I', 'III', 'III')
  const optional = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc
      .record({
        kind: fc.constantFrom('elderly', 'women', 'red-cross'),
        scope: fc.constantFrom('province', 'district'),
        foundedOn: date,
        foundingMembers: fc.constantFrom(5, 25, 60),
        parentId: fc.constantFrom(undefined, 'hnct-tw', 'hnct-qn'),
        decisionRef: ref,
      })
      .map((r) => cmd('FoundAssociation', optional({ ...foundHnct, ...r }))),
    fc.record({ name: fc.constantFrom('Hội NCT tỉnh', 'Hội Người cao tuổi tỉnh Quảng Ninh'), renamedOn: date }).map((r) => cmd('RenameAssociation', { associationId: 'hnct-qn', ...r })),
    date.map((grantedOn) => cmd('GrantSpecialStatus', { associationId: 'hnct-qn', grantedOn })),
    date.map((revokedOn) => cmd('RevokeSpecialStatus', { associationId: 'hnct-qn', revokedOn })),
    fc
      .record({ quota: fc.integer({ min: 0, max: 3 }), assignedOn: date, allocatedFrom: fc.constantFrom(undefined, 'hnct-tw') })
      .map((r) => cmd('AssignStaffQuota', optional({ associationId: 'hnct-qn', ...r }))),
    fc
      .record({
        number,
        kind: fc.constantFrom('founding', 'term', 'term', 'extraordinary'),
        form: fc.constantFrom('plenary', 'delegate'),
        heldOn: date,
        years: fc.constantFrom(0, 4, 5, 6),
        delegatesPresent: fc.constantFrom(40, 51, 100),
      })
      .map(({ years, ...r }) => cmd('HoldCongress', { associationId: 'hnct-qn', ...r, termStart: r.heldOn, termEnd: addYears(r.heldOn as IsoDate, years), delegatesExpected: 100 })),
    {
      weight: 3,
      arbitrary: fc.record({ memberId: memberIds, role, electedOn: date, termEnd: fc.option(date, { nil: undefined }) }).map((r) => cmd('ElectOfficer', optional({ associationId: 'hnct-qn', ...r }))),
    },
    { weight: 3, arbitrary: fc.record({ memberId: memberIds, role, relievedOn: date }).map((r) => cmd('RelieveOfficer', { associationId: 'hnct-qn', ...r })) },
    {
      weight: 3,
      arbitrary: fc
        .record({ resolutionId: fc.constantFrom('r1', 'r2'), congressNumber: number, adoptedOn: date })
        .map((r) => cmd('AdoptResolution', { associationId: 'hnct-qn', ...r, title: 'Nghị quyết', targets: [], keyTasks: [], programmes: [] })),
    },
    fc.record({ conferenceId: fc.constantFrom('c1', 'c2'), heldOn: date }).map((r) => cmd('HoldConference', { associationId: 'hnct-qn', ...r, kind: 'review', title: 'Sơ kết', attendees: 50 })),
    fc
      .record({ suspendedOn: date, days: fc.constantFrom(0, 30, 180, 181) })
      .map(({ suspendedOn, days }) => cmd('SuspendAssociation', { associationId: 'hnct-qn', suspendedOn, until: addDays(suspendedOn as IsoDate, days), reason: 'Vi phạm' })),
    date.map((reinstatedOn) => cmd('ReinstateAssociation', { associationId: 'hnct-qn', reinstatedOn })),
    fc
      .record({
        dissolvedOn: date,
        dissolution: fc.constantFrom('voluntary', 'compulsory'),
        ground: fc.constantFrom('purpose-achieved', 'term-ended', 'no-assets', 'members-request', 'executive-resolution', 'inactive-12-months', 'serious-violation', 'suspension-unremedied'),
        requestingMembers: fc.constantFrom(undefined, 30, 60),
        officialMembers: fc.constantFrom(undefined, 100),
      })
      .map((r) => cmd('DissolveAssociation', optional({ associationId: 'hnct-qn', ...r }))),
  )
  const admitted = (memberId: string, category: string) =>
    ({
      type: 'MemberAdmitted',
      data: { memberId, associationId: 'hnct-qn', personId: `p-${memberId}`, fullName: 'Lê Văn Hùng', birthDate: '1950-01-01', gender: 'male', category, admittedOn: '2016-01-01', flags: [] },
    }) as unknown as MemberEvent
  const members: Record<string, Member.State> = {
    m1: Member.evolve(Member.initialState, admitted('m1', 'official')),
    m2: Member.evolve(Member.initialState, admitted('m2', 'associate')),
  }
  const contextFor = (c: Command) => ({
    policy: defaultPolicy,
    parent: national,
    ...(c.type === 'ElectOfficer' && members[c.data.memberId] !== undefined ? { member: members[c.data.memberId]! } : {}),
  })
  const founding = cmd('FoundAssociation', foundHnct)

  it('deciding a command again on the state it produced yields no events, and every event it emits is valid', () => {
    idempotencyProperty({
      decider,
      command,
      context: contextFor,
      start: [founding],
      commandCodec: CommandCodec,
      eventCodec: EventCodec,
      maxLength: 40,
      numRuns: 1000,
    })
  })
})
