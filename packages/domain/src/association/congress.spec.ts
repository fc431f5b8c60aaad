import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { founded as foundedFixture, loose } from '../testing/fixtures.js'
import * as Member from '../member/state.js'
import type { Event as MemberEvent } from '../member/events.js'
import { decider, type Command, type Event } from './index.js'

const ev = loose<Event>()
const cmd = loose<Command>()
const ctx = { policy: defaultPolicy }
const id = { associationId: 'hnct-qn' }

const founded = foundedFixture({ ...id, name: 'Hội Người cao tuổi tỉnh Quảng Ninh', areaCode: '22' })
const congressIII = { ...id, number: 'III', kind: 'term', form: 'delegate', heldOn: '2021-06-10', termStart: '2021-06-10', termEnd: '2026-06-10', delegatesExpected: 150, delegatesPresent: 142 }
const heldIII = ev('CongressHeld', congressIII)
const holdIII = cmd('HoldCongress', congressIII)

const admitted = (memberId: string, category: string, associationId = 'hnct-qn') =>
  ({
    type: 'MemberAdmitted',
    data: { memberId, associationId, personId: `p-${memberId}`, fullName: 'Nguyễn Thị Lan', birthDate: '1950-03-02', gender: 'female', category, admittedOn: '2016-01-05', flags: [] },
  }) as unknown as MemberEvent
const memberState = (...events: MemberEvent[]) => events.reduce(Member.evolve, Member.initialState)
const official = memberState(admitted('m1', 'official'))
const elect = cmd('ElectOfficer', { ...id, memberId: 'm1', role: 'president', electedOn: '2021-06-10' })
const elected = ev('OfficerElected', { ...id, memberId: 'm1', fullName: 'Nguyễn Thị Lan', role: 'president', electedOn: '2021-06-10' })

describe('association: active — congresses', () => {
  it('holds a term congress notified in time, after the authority agreed', () => {
    const notified = ev('CongressNotified', { ...id, congressNumber: 'III', notifiedOn: '2021-04-01', plannedOn: '2021-06-10' })
    const agreed = ev('AuthorityOpinionRecorded', { ...id, congressNumber: 'III', receivedOn: '2021-05-01', opinion: 'agreed' })
    expect(given(decider, [founded, notified, agreed]).when(holdIII, ctx)).toEqual(E.right([heldIII]))
  })
  it('the same congress again yields nothing', () => {
    expect(given(decider, [founded, heldIII]).when(holdIII, ctx)).toEqual(E.right([]))
  })
  it('the same congress number with other facts is refused', () => {
    expect(given(decider, [founded, heldIII]).when(cmd('HoldCongress', { ...congressIII, delegatesPresent: 140 }), ctx)).toMatchObject(E.left({ code: 'CongressAlreadyHeld', field: 'data.number' }))
  })
  it('a founding congress is refused once another congress was held', () => {
    expect(given(decider, [founded, heldIII]).when(cmd('HoldCongress', { ...congressIII, number: 'I', kind: 'founding' }), ctx)).toMatchObject(
      E.left({ code: 'FoundingCongressAlreadyHeld', field: 'data.kind' }),
    )
  })
  it('R13: a term of exactly five years is accepted', () => {
    expect(E.isRight(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, termEnd: '2026-06-10' }), ctx))).toBe(true)
  })
  it('R13: refuses a term longer than five years', () => {
    expect(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, termEnd: '2026-06-11' }), ctx)).toMatchObject(E.left({ code: 'TermTooLong', rule: 'R13', field: 'data.termEnd' }))
  })
  it('R13: the longest term comes from the policy', () => {
    const policy = { ...defaultPolicy, maxTermYears: 3 }
    expect(given(decider, [founded]).when(holdIII, { policy })).toMatchObject(E.left({ code: 'TermTooLong', rule: 'R13' }))
  })
  it('R13: refuses a term that ends before it starts', () => {
    expect(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, termEnd: '2021-06-10' }), ctx)).toMatchObject(
      E.left({ code: 'TermEndsBeforeStart', rule: 'R13', field: 'data.termEnd' }),
    )
  })
  it('R15: refuses a congress attended by half the delegates', () => {
    expect(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, delegatesPresent: 75 }), ctx)).toMatchObject(
      E.left({ code: 'QuorumNotReached', rule: 'R15', field: 'data.delegatesPresent' }),
    )
  })
  it('R15: one more than half is a quorum', () => {
    expect(E.isRight(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, delegatesPresent: 76 }), ctx))).toBe(true)
  })
  it('refuses a term that starts before the current one', () => {
    const iv = cmd('HoldCongress', { ...congressIII, number: 'IV', heldOn: '2021-01-05', termStart: '2021-01-05', termEnd: '2025-01-05' })
    expect(given(decider, [founded, heldIII]).when(iv, ctx)).toMatchObject(E.left({ code: 'TermStartsBeforeCurrentTerm', field: 'data.termStart' }))
  })
  it('refuses a congress before the founding', () => {
    expect(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, heldOn: '2015-04-01' }), ctx)).toMatchObject(E.left({ code: 'EventBeforeFounding', field: 'data.heldOn' }))
    expect(given(decider, [founded]).when(cmd('HoldCongress', { ...congressIII, termStart: '2015-04-01', termEnd: '2019-04-01' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeFounding', field: 'data.termStart' }),
    )
  })
})

describe('association: active — officers', () => {
  it('R8: elects an official member, with the name from the member record', () => {
    expect(given(decider, [founded]).when(elect, { policy: defaultPolicy, member: official })).toEqual(E.right([elected]))
  })
  it('electing someone to a role they hold yields nothing', () => {
    expect(given(decider, [founded, elected]).when(elect, { policy: defaultPolicy, member: official })).toEqual(E.right([]))
  })
  it('R8: refuses an associate member', () => {
    expect(given(decider, [founded]).when(elect, { policy: defaultPolicy, member: memberState(admitted('m1', 'associate')) })).toMatchObject(
      E.left({ code: 'OfficerMustBeOfficialMember', rule: 'R8', field: 'data.memberId' }),
    )
  })
  it('R8: refuses a member of another association', () => {
    expect(given(decider, [founded]).when(elect, { policy: defaultPolicy, member: memberState(admitted('m1', 'official', 'ccb-qn')) })).toMatchObject(
      E.left({ code: 'MemberNotInAssociation', rule: 'R8', field: 'data.memberId' }),
    )
  })
  it('R8: refuses someone who is not a member at all', () => {
    expect(given(decider, [founded]).when(elect, ctx)).toMatchObject(E.left({ code: 'MemberNotInAssociation', rule: 'R8' }))
  })
  it('R8: refuses a member who has left', () => {
    const resigned = { type: 'MemberResigned', data: { memberId: 'm1', associationId: 'hnct-qn', resignedOn: '2020-01-01' } } as unknown as MemberEvent
    expect(given(decider, [founded]).when(elect, { policy: defaultPolicy, member: memberState(admitted('m1', 'official'), resigned) })).toMatchObject(
      E.left({ code: 'MemberNotInAssociation', rule: 'R8' }),
    )
  })
  it('R8: refuses an election before the member joined', () => {
    expect(given(decider, [founded]).when(cmd('ElectOfficer', { ...id, memberId: 'm1', role: 'president', electedOn: '2015-12-01' }), { policy: defaultPolicy, member: official })).toMatchObject(
      E.left({ code: 'ElectedBeforeAdmission', rule: 'R8', field: 'data.electedOn' }),
    )
  })
  it('refuses an election before the founding, or an officer term ending before the election', () => {
    expect(given(decider, [founded]).when(cmd('ElectOfficer', { ...id, memberId: 'm1', role: 'president', electedOn: '2014-01-01' }), { policy: defaultPolicy, member: official })).toMatchObject(
      E.left({ code: 'EventBeforeFounding', field: 'data.electedOn' }),
    )
    expect(
      given(decider, [founded]).when(cmd('ElectOfficer', { ...id, memberId: 'm1', role: 'president', electedOn: '2021-06-10', termEnd: '2021-06-10' }), { policy: defaultPolicy, member: official }),
    ).toMatchObject(E.left({ code: 'OfficerTermEndsBeforeElection', field: 'data.termEnd' }))
  })
  it('relieves an officer; the same relief again yields nothing', () => {
    const relieve = cmd('RelieveOfficer', { ...id, memberId: 'm1', role: 'president', relievedOn: '2023-01-01', reason: 'Sức khỏe' })
    const relieved = ev('OfficerRelieved', { ...id, memberId: 'm1', role: 'president', relievedOn: '2023-01-01', reason: 'Sức khỏe' })
    expect(given(decider, [founded, elected]).when(relieve, ctx)).toEqual(E.right([relieved]))
    expect(given(decider, [founded, elected, relieved]).when(relieve, ctx)).toEqual(E.right([]))
  })
  it('refuses to relieve someone of a role they do not hold', () => {
    expect(given(decider, [founded, elected]).when(cmd('RelieveOfficer', { ...id, memberId: 'm1', role: 'secretary-general', relievedOn: '2023-01-01' }), ctx)).toMatchObject(
      E.left({ code: 'OfficerNotInRole', field: 'data.role' }),
    )
  })
  it('refuses a relief before the election', () => {
    expect(given(decider, [founded, elected]).when(cmd('RelieveOfficer', { ...id, memberId: 'm1', role: 'president', relievedOn: '2021-06-09' }), ctx)).toMatchObject(
      E.left({ code: 'ReliefBeforeElection', field: 'data.relievedOn' }),
    )
  })
})

describe('association: active — resolutions and conferences', () => {
  const resolution = {
    ...id,
    resolutionId: 'nq-iii',
    congressNumber: 'III',
    adoptedOn: '2021-06-10',
    title: 'Nghị quyết Đại hội III',
    targets: ['72 câu lạc bộ liên thế hệ tự giúp nhau đến năm 2025'],
    keyTasks: ['Chăm sóc người cao tuổi'],
    programmes: [],
  }
  const adopted = ev('ResolutionAdopted', resolution)
  it('adopts a resolution of a congress held; again yields nothing', () => {
    expect(given(decider, [founded, heldIII]).when(cmd('AdoptResolution', resolution), ctx)).toEqual(E.right([adopted]))
    expect(given(decider, [founded, heldIII, adopted]).when(cmd('AdoptResolution', resolution), ctx)).toEqual(E.right([]))
  })
  it('refuses a resolution of a congress never held', () => {
    expect(given(decider, [founded]).when(cmd('AdoptResolution', resolution), ctx)).toMatchObject(E.left({ code: 'CongressNotHeld', field: 'data.congressNumber' }))
  })
  it('refuses a resolution adopted before its congress', () => {
    expect(given(decider, [founded, heldIII]).when(cmd('AdoptResolution', { ...resolution, adoptedOn: '2021-06-09' }), ctx)).toMatchObject(
      E.left({ code: 'ResolutionBeforeCongress', field: 'data.adoptedOn' }),
    )
  })
  const conference = { ...id, conferenceId: 'tap-huan-2022', kind: 'training', title: 'Hội nghị tập huấn', heldOn: '2022-04-26', attendees: 160 }
  const conferenceHeld = ev('ConferenceHeld', conference)
  it('holds a conference; again yields nothing', () => {
    expect(given(decider, [founded]).when(cmd('HoldConference', conference), ctx)).toEqual(E.right([conferenceHeld]))
    expect(given(decider, [founded, conferenceHeld]).when(cmd('HoldConference', conference), ctx)).toEqual(E.right([]))
  })
  it('refuses a conference before the founding', () => {
    expect(given(decider, [founded]).when(cmd('HoldConference', { ...conference, heldOn: '2015-01-01' }), ctx)).toMatchObject(E.left({ code: 'EventBeforeFounding', field: 'data.heldOn' }))
  })
})
