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
const suspension = { ...id, suspendedOn: '2025-01-10', until: '2025-07-09', reason: 'Vi phạm điều lệ' }
const suspended = ev('AssociationSuspended', suspension)
const dissolve = (data: Record<string, unknown>) => cmd('DissolveAssociation', { ...id, ...data })

describe('association: active — suspension and dissolution', () => {
  it('R23: suspends for up to 180 days', () => {
    expect(given(decider, [founded]).when(cmd('SuspendAssociation', suspension), ctx)).toEqual(E.right([suspended]))
  })
  it('R23: refuses a suspension of 181 days', () => {
    expect(given(decider, [founded]).when(cmd('SuspendAssociation', { ...suspension, until: '2025-07-10' }), ctx)).toMatchObject(
      E.left({ code: 'SuspensionTooLong', rule: 'R23', field: 'data.until' }),
    )
  })
  it('R23: refuses a suspension that ends before it starts', () => {
    expect(given(decider, [founded]).when(cmd('SuspendAssociation', { ...suspension, until: '2025-01-10' }), ctx)).toMatchObject(
      E.left({ code: 'SuspensionEndsBeforeStart', rule: 'R23', field: 'data.until' }),
    )
  })
  it('refuses a suspension before the founding', () => {
    expect(given(decider, [founded]).when(cmd('SuspendAssociation', { ...suspension, suspendedOn: '2015-01-01', until: '2015-03-01' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeFounding', field: 'data.suspendedOn' }),
    )
  })
  it('R23: refuses to reinstate an association that is not suspended', () => {
    expect(given(decider, [founded]).when(cmd('ReinstateAssociation', { ...id, reinstatedOn: '2025-03-01' }), ctx)).toMatchObject(E.left({ code: 'AssociationNotSuspended', rule: 'R23' }))
  })
  it('R24: dissolves voluntarily under 45/2010 when the term of operation ended', () => {
    const data = { dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'term-ended' }
    expect(given(decider, [founded]).when(dissolve(data), ctx)).toEqual(E.right([ev('AssociationDissolved', { ...id, ...data })]))
  })
  it('R24, R2: term-ended is no longer a ground under 126/2024', () => {
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'term-ended' }), ctx)).toMatchObject(
      E.left({ code: 'DissolutionGroundNotAllowed', rule: 'R24', field: 'data.ground' }),
    )
  })
  it('R24, R2: an executive-committee resolution is a ground only under 126/2024', () => {
    expect(E.isRight(given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'executive-resolution' }), ctx))).toBe(true)
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'no-assets' }), ctx)).toMatchObject(
      E.left({ code: 'DissolutionGroundNotAllowed', rule: 'R24' }),
    )
  })
  it("R1: an own-charter body is held to neither decree's list", () => {
    const women = ev('AssociationFounded', {
      ...id,
      name: 'Hội LHPN tỉnh',
      kind: 'women',
      regime: 'own-charter',
      scope: 'province',
      areaCode: '22',
      foundedOn: '2015-05-01',
      foundingMembers: 3,
      flags: [],
    })
    expect(E.isRight(given(decider, [women]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'term-ended' }), ctx))).toBe(true)
  })
  it('R24: more than half of the official members may request dissolution', () => {
    expect(
      E.isRight(given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'members-request', requestingMembers: 51, officialMembers: 100 }), ctx)),
    ).toBe(true)
  })
  it('R24: half of the official members is not enough', () => {
    expect(
      given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'members-request', requestingMembers: 50, officialMembers: 100 }), ctx),
    ).toMatchObject(E.left({ code: 'MembersRequestBelowMajority', rule: 'R24', field: 'data.requestingMembers' }))
  })
  it("R24: a members' request needs both counts", () => {
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'members-request', requestingMembers: 51 }), ctx)).toMatchObject(
      E.left({ code: 'MembersRequestCountsMissing', rule: 'R24', field: 'data.officialMembers' }),
    )
  })
  it('refuses more requesting members than official members', () => {
    expect(
      given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'members-request', requestingMembers: 101, officialMembers: 100 }), ctx),
    ).toMatchObject(E.left({ code: 'RequestingMembersExceedOfficial', field: 'data.requestingMembers' }))
  })
  it('R24: a compulsory ground cannot justify a voluntary dissolution', () => {
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-01-01', dissolution: 'voluntary', ground: 'serious-violation' }), ctx)).toMatchObject(
      E.left({ code: 'DissolutionGroundNotVoluntary', rule: 'R24', field: 'data.ground' }),
    )
  })
  it('R25: dissolves compulsorily for a serious violation', () => {
    expect(E.isRight(given(decider, [founded]).when(dissolve({ dissolvedOn: '2020-01-01', dissolution: 'compulsory', ground: 'serious-violation' }), ctx))).toBe(true)
  })
  it('R25: a voluntary ground cannot justify a compulsory dissolution', () => {
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2020-01-01', dissolution: 'compulsory', ground: 'purpose-achieved' }), ctx)).toMatchObject(
      E.left({ code: 'DissolutionGroundNotCompulsory', rule: 'R25', field: 'data.ground' }),
    )
  })
  it('R23: an unremedied suspension needs a suspension', () => {
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2025-09-01', dissolution: 'compulsory', ground: 'suspension-unremedied' }), ctx)).toMatchObject(
      E.left({ code: 'AssociationNotSuspended', rule: 'R23', field: 'data.ground' }),
    )
  })
  it('refuses a dissolution before the founding', () => {
    expect(given(decider, [founded]).when(dissolve({ dissolvedOn: '2015-01-01', dissolution: 'compulsory', ground: 'serious-violation' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeFounding', field: 'data.dissolvedOn' }),
    )
  })
})

describe('association: suspended', () => {
  const history = [founded, suspended]
  it('R23: the same suspension again yields nothing; another is refused', () => {
    expect(given(decider, history).when(cmd('SuspendAssociation', suspension), ctx)).toEqual(E.right([]))
    expect(given(decider, history).when(cmd('SuspendAssociation', { ...suspension, until: '2025-05-01' }), ctx)).toMatchObject(E.left({ code: 'AssociationAlreadySuspended', rule: 'R23' }))
  })
  it('R23: refuses a conference or a resolution while suspended', () => {
    expect(given(decider, history).when(cmd('HoldConference', { ...id, conferenceId: 'c1', kind: 'review', title: 'Sơ kết', heldOn: '2025-02-01', attendees: 40 }), ctx)).toMatchObject(
      E.left({ code: 'AssociationSuspended', rule: 'R23' }),
    )
    const held = ev('CongressHeld', {
      ...id,
      number: 'IV',
      kind: 'term',
      form: 'delegate',
      heldOn: '2021-06-10',
      termStart: '2021-06-10',
      termEnd: '2026-06-10',
      delegatesExpected: 150,
      delegatesPresent: 142,
    })
    const resolution = { ...id, resolutionId: 'nq', congressNumber: 'IV', adoptedOn: '2025-02-01', title: 'Nghị quyết', targets: [], keyTasks: [], programmes: [] }
    expect(given(decider, [founded, held, suspended]).when(cmd('AdoptResolution', resolution), ctx)).toMatchObject(E.left({ code: 'AssociationSuspended', rule: 'R23' }))
  })
  it('R23: an extraordinary congress and a new officer are allowed as the remedy', () => {
    const congress = { ...id, number: 'V', kind: 'extraordinary', form: 'plenary', heldOn: '2025-03-01', termStart: '2025-03-01', termEnd: '2030-03-01', delegatesExpected: 80, delegatesPresent: 70 }
    const asked = ev('ExtraordinaryCongressRequested', { ...id, requestId: 'rq1', requestedOn: '2025-02-01', by: 'leadership', requesting: 20, outOf: 25 })
    expect(given(decider, [...history, asked]).when(cmd('HoldCongress', congress), ctx)).toEqual(E.right([ev('CongressHeld', congress)]))
    const member = [
      {
        type: 'MemberAdmitted',
        data: { memberId: 'm1', ...id, personId: 'p1', fullName: 'Trần Văn Bình', birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn: '2016-01-01', flags: [] },
      } as unknown as MemberEvent,
    ].reduce(Member.evolve, Member.initialState)
    expect(E.isRight(given(decider, history).when(cmd('ElectOfficer', { ...id, memberId: 'm1', role: 'president', electedOn: '2025-03-01' }), { policy: defaultPolicy, member }))).toBe(true)
  })
  it('R23: reinstates; the same reinstatement again yields nothing', () => {
    const reinstated = ev('AssociationReinstated', { ...id, reinstatedOn: '2025-03-01' })
    expect(given(decider, history).when(cmd('ReinstateAssociation', { ...id, reinstatedOn: '2025-03-01' }), ctx)).toEqual(E.right([reinstated]))
    expect(given(decider, [...history, reinstated]).when(cmd('ReinstateAssociation', { ...id, reinstatedOn: '2025-03-01' }), ctx)).toEqual(E.right([]))
  })
  it('R23: refuses a reinstatement before the suspension', () => {
    expect(given(decider, history).when(cmd('ReinstateAssociation', { ...id, reinstatedOn: '2025-01-09' }), ctx)).toMatchObject(
      E.left({ code: 'ReinstatementBeforeSuspension', rule: 'R23', field: 'data.reinstatedOn' }),
    )
  })
  it('R23: dissolves a suspension left unremedied after it ran out', () => {
    expect(E.isRight(given(decider, history).when(dissolve({ dissolvedOn: '2025-09-01', dissolution: 'compulsory', ground: 'suspension-unremedied' }), ctx))).toBe(true)
  })
  it('R23: refuses that dissolution while the suspension still runs', () => {
    expect(given(decider, history).when(dissolve({ dissolvedOn: '2025-07-09', dissolution: 'compulsory', ground: 'suspension-unremedied' }), ctx)).toMatchObject(
      E.left({ code: 'SuspensionStillRunning', rule: 'R23', field: 'data.dissolvedOn' }),
    )
  })
})

describe('association: dissolved', () => {
  const dissolved = ev('AssociationDissolved', { ...id, dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' })
  const history = [founded, dissolved]
  it('dissolving again yields nothing', () => {
    expect(given(decider, history).when(dissolve({ dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' }), ctx)).toEqual(E.right([]))
  })
  it('R24: a dissolved association accepts no further commands', () => {
    for (const c of [
      cmd('RenameAssociation', { ...id, name: 'Hội mới', renamedOn: '2021-01-01' }),
      cmd('GrantSpecialStatus', { ...id, grantedOn: '2021-01-01' }),
      cmd('SuspendAssociation', { ...suspension }),
      cmd('ReinstateAssociation', { ...id, reinstatedOn: '2021-01-01' }),
      cmd('HoldConference', { ...id, conferenceId: 'c1', kind: 'review', title: 'Tổng kết', heldOn: '2021-01-01', attendees: 10 }),
    ])
      expect(given(decider, history).when(c, ctx)).toMatchObject(E.left({ code: 'AssociationDissolved', rule: 'R24', field: 'data.associationId' }))
  })
  it('is terminal', () => {
    expect(decider.isTerminal(given(decider, history).state)).toBe(true)
  })
})
