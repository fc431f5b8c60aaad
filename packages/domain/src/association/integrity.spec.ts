import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { founded as foundedFixture, loose } from '../testing/fixtures.js'
import * as Member from '../member/state.js'
import type { Event as MemberEvent } from '../member/events.js'
import { decider, type Event } from './index.js'
import type { Command } from './decide.js'

const ev = loose<Event>()
const cmd = loose<Command>()
const ctx = { policy: defaultPolicy }
const id = { associationId: 'hnct-qn' }
const founded = foundedFixture({ ...id, name: 'Hội Người cao tuổi tỉnh Quảng Ninh', areaCode: '22' })
const memberOf = (memberId: string) =>
  [
    {
      type: 'MemberAdmitted',
      data: { memberId, ...id, personId: `p-${memberId}`, fullName: `Người ${memberId}`, birthDate: '1950-03-02', gender: 'female', category: 'official', admittedOn: '2016-01-05', flags: [] },
    } as unknown as MemberEvent,
  ].reduce(Member.evolve, Member.initialState)
const elected = (memberId: string, role: string, electedOn = '2021-06-10') => ev('OfficerElected', { ...id, memberId, fullName: `Người ${memberId}`, role, electedOn })

describe('association integrity: officers', () => {
  it('refuses a second president while the first holds the seat', () => {
    expect(
      given(decider, [founded, elected('m1', 'president')]).when(cmd('ElectOfficer', { ...id, memberId: 'm2', role: 'president', electedOn: '2022-01-01' }), { ...ctx, member: memberOf('m2') }),
    ).toMatchObject(E.left({ code: 'SeatOccupied', field: 'data.role' }))
  })
  it('elects a new president once the first is relieved, and several vice-presidents at once', () => {
    const relieved = ev('OfficerRelieved', { ...id, memberId: 'm1', role: 'president', relievedOn: '2021-12-31' })
    expect(
      E.isRight(
        given(decider, [founded, elected('m1', 'president'), relieved]).when(cmd('ElectOfficer', { ...id, memberId: 'm2', role: 'president', electedOn: '2022-01-01' }), {
          ...ctx,
          member: memberOf('m2'),
        }),
      ),
    ).toBe(true)
    expect(
      E.isRight(
        given(decider, [founded, elected('m1', 'vice-president')]).when(cmd('ElectOfficer', { ...id, memberId: 'm2', role: 'vice-president', electedOn: '2022-01-01' }), {
          ...ctx,
          member: memberOf('m2'),
        }),
      ),
    ).toBe(true)
  })
  it('R11: a member who leaves the association leaves every office on the same date', () => {
    const end = cmd('EndOfficesOfMember', { ...id, memberId: 'm1', endedOn: '2023-03-03', how: 'deceased' })
    const r = given(decider, [founded, elected('m1', 'president'), elected('m1', 'executive-committee'), elected('m2', 'vice-president')]).when(end, ctx)
    expect(r).toMatchObject(
      E.right([
        { type: 'OfficerRelieved', data: { memberId: 'm1', role: 'president', relievedOn: '2023-03-03', reason: expect.stringContaining('từ trần') } },
        { type: 'OfficerRelieved', data: { memberId: 'm1', role: 'executive-committee', relievedOn: '2023-03-03' } },
      ]),
    )
    if (E.isLeft(r)) return
    expect(given(decider, [founded, elected('m1', 'president'), elected('m1', 'executive-committee'), ...r.right]).when(end, ctx)).toEqual(E.right([]))
  })
  it('ending the offices of a member who holds none, or of a dissolved association, stores nothing', () => {
    expect(given(decider, [founded]).when(cmd('EndOfficesOfMember', { ...id, memberId: 'm1', endedOn: '2023-03-03', how: 'resigned' }), ctx)).toEqual(E.right([]))
  })
})

describe('association integrity: congresses and dissolution', () => {
  const congress = { ...id, number: 'III', kind: 'term', form: 'delegate', heldOn: '2021-06-10', termStart: '2021-06-10', termEnd: '2026-06-10', delegatesExpected: 150, delegatesPresent: 142 }
  it('R13: a term cannot start long before its congress (policy: 30 days)', () => {
    expect(given(decider, [founded]).when(cmd('HoldCongress', { ...congress, termStart: '2021-05-10', termEnd: '2026-05-10' }), ctx)).toMatchObject(
      E.left({ code: 'TermStartsLongBeforeCongress', rule: 'R13', field: 'data.termStart' }),
    )
    expect(E.isRight(given(decider, [founded]).when(cmd('HoldCongress', { ...congress, termStart: '2021-05-11', termEnd: '2026-05-11' }), ctx))).toBe(true)
  })
  const dissolved = ev('AssociationDissolved', { ...id, dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' })
  it('R24: a second dissolution of a dissolved association is refused', () => {
    expect(given(decider, [founded, dissolved]).when(cmd('DissolveAssociation', { ...id, dissolvedOn: '2021-01-01', dissolution: 'compulsory', ground: 'serious-violation' }), ctx)).toMatchObject(
      E.left({ code: 'AssociationAlreadyDissolved', rule: 'R24', vi: expect.stringContaining('đã giải thể') }),
    )
  })
  it('R24: the same dissolution sent again is a retry and stores nothing', () => {
    expect(given(decider, [founded, dissolved]).when(cmd('DissolveAssociation', { ...id, dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' }), ctx)).toEqual(E.right([]))
  })
})
