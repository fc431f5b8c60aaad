import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import * as Claim from '../claim/claim.js'
import { decider, member, type Command, type Context, type Event, type State } from './index.js'

const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const stateOf = (...events: Event[]): State => events.reduce(decider.evolve, decider.initialState)
const associationOf = (associationId: string, kind: string) =>
  Association.evolve(Association.initialState, {
    type: 'AssociationFounded',
    data: { associationId, name: `Hội ${associationId}`, kind, regime: 'own-charter', scope: 'commune', areaCode: '22.193.07', foundedOn: '2010-05-01', foundingMembers: 40, flags: [] },
  } as unknown as AssociationEvent)
const hnct = associationOf('hnct', 'elderly')
const youth = associationOf('doan', 'youth')
const women = associationOf('phu-nu', 'women')
const claimHeldBy = (owner: string) => Claim.evolve(Claim.initialState, { type: 'ClaimTaken', data: { claimId: Claim.membershipClaim('hnct', 'p1'), owner, takenOn: '2020-01-01' } } as Claim.Event)

const person = { personId: 'p1', fullName: 'Nguyễn Thị Lan', birthDate: '1960-03-15', gender: 'female', category: 'official' }
const admit = (over: Record<string, unknown> = {}) => cmd('AdmitMember', { memberId: 'm2', associationId: 'hnct', ...person, admittedOn: '2021-04-01', ...over })

describe('member integrity: one active membership per person and association (R10)', () => {
  it('R10: refuses to admit a person who is already an active member of the association under another member id', () => {
    expect(given(decider, []).when(admit(), { policy: defaultPolicy, association: hnct, membership: claimHeldBy('m1') })).toMatchObject(
      E.left({ code: 'PersonAlreadyActiveMember', rule: 'R10', field: 'data.personId' }),
    )
  })
  it('R10: admits the person again once the earlier membership has ended (its claim released)', () => {
    const released = Claim.evolve(claimHeldBy('m1'), { type: 'ClaimReleased', data: { claimId: Claim.membershipClaim('hnct', 'p1'), owner: 'm1', releasedOn: '2021-01-01' } } as Claim.Event)
    expect(E.isRight(given(decider, []).when(admit(), { policy: defaultPolicy, association: hnct, membership: released }))).toBe(true)
  })
  it('R10: the admission needs the claim of the person in that association, and then takes it', () => {
    expect(member.needs(admit())).toContainEqual({ key: 'membership', aggregate: 'claim', streamId: 'claim-membership~hnct~p1' })
    const admitted = given(decider, []).when(admit(), { policy: defaultPolicy, association: hnct })
    if (E.isLeft(admitted)) throw new Error(admitted.left.en)
    const state = stateOf(...admitted.right)
    expect(member.followUps?.(admit(), admitted.right, state, { policy: defaultPolicy })).toEqual([
      { key: 'membership', aggregate: 'claim', command: { type: 'TakeClaim', data: { claimId: 'membership~hnct~p1', owner: 'm2', takenOn: '2021-04-01' } } },
    ])
  })
  it('R10, R21: an heir refuses a person still active in an association it took over by the admission date, and asks for that seat', () => {
    const heir = Association.evolve(hnct, {
      type: 'AssociationTookOver',
      data: { associationId: 'hnct', fromId: 'hnct-cu', how: 'absorbed', takenOverOn: '2021-01-01' },
    } as unknown as AssociationEvent)
    const seat = Claim.evolve(Claim.initialState, { type: 'ClaimTaken', data: { claimId: Claim.membershipClaim('hnct-cu', 'p1'), owner: 'm7', takenOn: '2015-01-01' } } as Claim.Event)
    expect(member.laterNeeds?.(admit(), { policy: defaultPolicy, association: heir })).toEqual([{ key: 'carried~hnct-cu', aggregate: 'claim', streamId: 'claim-membership~hnct-cu~p1' }])
    expect(member.laterNeeds?.(admit(), { policy: defaultPolicy, association: hnct })).toEqual([])
    expect(given(decider, []).when(admit(), { policy: defaultPolicy, association: heir, 'carried~hnct-cu': seat })).toMatchObject(
      E.left({ code: 'PersonAlreadyActiveMember', rule: 'R10', field: 'data.personId' }),
    )
    // before the takeover the source's members are not yet the heir's; a released seat holds nothing
    expect(E.isRight(given(decider, []).when(admit({ admittedOn: '2020-12-31' }), { policy: defaultPolicy, association: heir, 'carried~hnct-cu': seat }))).toBe(true)
    const released = Claim.evolve(seat, { type: 'ClaimReleased', data: { claimId: Claim.membershipClaim('hnct-cu', 'p1'), owner: 'm7', releasedOn: '2021-02-01' } } as Claim.Event)
    expect(E.isRight(given(decider, []).when(admit(), { policy: defaultPolicy, association: heir, 'carried~hnct-cu': released }))).toBe(true)
  })
  it('R10: a claim is held by one owner: a second taker is refused, the holder taking again is satisfied', () => {
    const take = (owner: string) => ({ type: 'TakeClaim', data: { claimId: 'membership~hnct~p1', owner, takenOn: '2021-01-01' } }) as Claim.Command
    expect(Claim.decide(take('m2'), claimHeldBy('m1'))).toMatchObject(E.left({ code: 'ClaimHeld' }))
    expect(Claim.decide(take('m1'), claimHeldBy('m1'))).toEqual(E.right([]))
  })
  it('R10, R11: leaving releases the claim and ends the offices held, on the same date', () => {
    const admitted = ev('MemberAdmitted', { memberId: 'm1', associationId: 'hnct', ...person, admittedOn: '2015-01-01', flags: [] })
    const resign = cmd('RecordResignation', { memberId: 'm1', associationId: 'hnct', resignedOn: '2022-05-05' })
    const events = given(decider, [admitted]).when(resign, { policy: defaultPolicy })
    if (E.isLeft(events)) throw new Error(events.left.en)
    expect(member.followUps?.(resign, events.right, stateOf(admitted, ...events.right), { policy: defaultPolicy })).toEqual([
      { key: 'membership', aggregate: 'claim', command: { type: 'ReleaseClaim', data: { claimId: 'membership~hnct~p1', owner: 'm1', releasedOn: '2022-05-05' } } },
      { key: 'offices', aggregate: 'association', command: { type: 'EndOfficesOfMember', data: { associationId: 'hnct', memberId: 'm1', endedOn: '2022-05-05', how: 'resigned' } } },
    ])
  })
  it('R10, R12: a transfer in that names the person refuses one already active in the destination', () => {
    const source = stateOf(
      ev('MemberAdmitted', { memberId: 'x1', associationId: 'other', ...person, admittedOn: '2015-01-01', flags: [] }),
      ev('MemberTransferredOut', { memberId: 'x1', associationId: 'other', personId: 'p1', toAssociationId: 'hnct', toMemberId: 'm2', transferredOn: '2021-03-01' }),
    )
    const transferIn = cmd('TransferMemberIn', { memberId: 'm2', associationId: 'hnct', fromAssociationId: 'other', fromMemberId: 'x1', transferredOn: '2021-03-02', personId: 'p1' })
    expect(given(decider, []).when(transferIn, { policy: defaultPolicy, association: hnct, source, membership: claimHeldBy('m1') })).toMatchObject(
      E.left({ code: 'PersonAlreadyActiveMember', rule: 'R10' }),
    )
    expect(
      given(decider, []).when(cmd('TransferMemberIn', { memberId: 'm2', associationId: 'hnct', fromAssociationId: 'other', fromMemberId: 'x1', transferredOn: '2021-03-02', personId: 'p9' }), {
        policy: defaultPolicy,
        association: hnct,
        source,
      }),
    ).toMatchObject(E.left({ code: 'TransferPersonMismatch', rule: 'R12' }))
  })
})

describe('member integrity: eligibility by kind is policy (R28)', () => {
  const ctx = (association: Association.State): Context => ({ policy: defaultPolicy, association })
  it('R28: the youth union refuses a person over 30 on the day of admission', () => {
    expect(given(decider, []).when(admit({ associationId: 'doan', birthDate: '1990-01-01', admittedOn: '2021-01-02' }), ctx(youth))).toMatchObject(
      E.left({ code: 'AgeAboveMaximum', rule: 'R28', field: 'data.birthDate' }),
    )
    expect(E.isRight(given(decider, []).when(admit({ associationId: 'doan', birthDate: '1991-01-02', admittedOn: '2021-01-02' }), ctx(youth)))).toBe(true)
  })
  it("R28: the Women's Union admits only women", () => {
    expect(given(decider, []).when(admit({ associationId: 'phu-nu', gender: 'male' }), ctx(women))).toMatchObject(E.left({ code: 'GenderNotAdmitted', rule: 'R28', field: 'data.gender' }))
    expect(E.isRight(given(decider, []).when(admit({ associationId: 'phu-nu' }), ctx(women)))).toBe(true)
  })
  it('R28: the rules are configuration: a policy without them admits anyone', () => {
    const policy = { ...defaultPolicy, memberGenders: {}, memberAge: {} }
    expect(E.isRight(given(decider, []).when(admit({ associationId: 'phu-nu', gender: 'male' }), { policy, association: women }))).toBe(true)
  })
  it('R28: a transfer into the elderly association is checked like an admission (refused at 50, flagged at 57)', () => {
    const sourceOf = (birthDate: string) =>
      stateOf(
        ev('MemberAdmitted', { memberId: 'x1', associationId: 'other', ...person, birthDate, admittedOn: '2015-01-01', flags: [] }),
        ev('MemberTransferredOut', { memberId: 'x1', associationId: 'other', personId: 'p1', toAssociationId: 'hnct', toMemberId: 'm2', transferredOn: '2021-03-01' }),
      )
    const transferIn = cmd('TransferMemberIn', { memberId: 'm2', associationId: 'hnct', fromAssociationId: 'other', fromMemberId: 'x1', transferredOn: '2021-03-02' })
    expect(given(decider, []).when(transferIn, { policy: defaultPolicy, association: hnct, source: sourceOf('1971-01-01') })).toMatchObject(E.left({ code: 'AgeBelowMinimum', rule: 'R28' }))
    expect(given(decider, []).when(transferIn, { policy: defaultPolicy, association: hnct, source: sourceOf('1964-01-01') })).toMatchObject(
      E.right([{ type: 'MemberTransferredIn', data: { flags: [{ rule: 'R28', code: 'AgeException' }] } }]),
    )
  })
  const admitted = ev('MemberAdmitted', { memberId: 'm1', associationId: 'hnct', ...person, admittedOn: '2021-04-01', flags: [] })
  const correct = (over: Record<string, unknown>) => cmd('CorrectMemberDetails', { memberId: 'm1', associationId: 'hnct', correctedOn: '2022-01-10', reason: 'Sai ngày sinh', ...over })
  it('R28: a birth-date correction that would have made the member too young at admission is refused', () => {
    expect(given(decider, [admitted]).when(correct({ birthDate: '1975-01-01' }), ctx(hnct))).toMatchObject(E.left({ code: 'AgeBelowMinimum', rule: 'R28', field: 'data.birthDate' }))
  })
  it('R28: a correction into the exception band is recorded with the flag', () => {
    expect(given(decider, [admitted]).when(correct({ birthDate: '1963-01-01' }), ctx(hnct))).toMatchObject(
      E.right([{ type: 'MemberDetailsCorrected', data: { birthDate: '1963-01-01', flags: [{ rule: 'R28', code: 'AgeException' }] } }]),
    )
  })
  it('R28, R21: a correction reads the association named (its age rule; or the heir the member came to)', () => {
    expect(member.needs(correct({ birthDate: '1963-01-01' }))).toEqual([{ key: 'association', aggregate: 'association', streamId: 'association-hnct' }])
    expect(member.needs(correct({ fullName: 'Nguyễn Thị Lan Anh' }))).toEqual([{ key: 'association', aggregate: 'association', streamId: 'association-hnct' }])
  })
  it('refuses a corrected birth date later than the correction itself', () => {
    expect(given(decider, [admitted]).when(correct({ correctedOn: '2021-05-01', birthDate: '2022-01-01' }), ctx(hnct))).toMatchObject(E.left({ code: 'DateAfterCommand', field: 'data.birthDate' }))
  })
})
