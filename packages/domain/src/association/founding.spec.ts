import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { decider, association, type Command, type Event, type State } from './index.js'
import { evolve } from './state.js'

const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const stateOf = (...events: Event[]): State => events.reduce(evolve, decider.initialState)
const ctx = { policy: defaultPolicy }
const decide = (state: State, c: Command) => decider.decide(c, state, ctx)

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ personId: `p${i}`, fullName: `Người ${i}` }))
const registrants = (n: number) => people(n).map((p) => ({ ...p, birthDate: '1950-01-01', gender: 'female' }))
const id = 'nct-tl'
const committee = { associationId: id, name: 'Hội Người cao tuổi xã Tả Lèng', kind: 'elderly', scope: 'commune', areaCode: '12.105.03', recognisedOn: '2025-01-06', committee: people(3) }
const recognised = ev('FoundingCommitteeRecognised', committee)
const permit = { associationId: id, permittedOn: '2025-02-03', registrants: registrants(10), decisionRef: 'QĐ 12/QĐ-UBND' }
const permitted = ev('AssociationEstablishmentPermitted', { ...permit, congressDueBy: '2025-05-04' })
const congress = { associationId: id, heldOn: '2025-04-20', form: 'plenary', termStart: '2025-04-20', termEnd: '2030-04-19', delegatesExpected: 10, delegatesPresent: 9 }

describe('founding procedure', () => {
  it('R4: a commune association needs a founding committee of at least 3', () => {
    expect(decide(stateOf(), cmd('RecogniseFoundingCommittee', committee))).toEqual(E.right([recognised]))
    expect(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...committee, committee: people(2) }))).toMatchObject(
      E.left({ code: 'FoundingCommitteeTooSmall', rule: 'R4', field: 'data.committee' }),
    )
  })
  it('R4: minimum committee sizes by scope are 10 national, 5 province, 3 district', () => {
    const national = { ...committee, scope: 'national', areaCode: 'VN' }
    const province = { ...committee, scope: 'province', areaCode: '12' }
    const district = { ...committee, scope: 'district', areaCode: '12.105', recognisedOn: '2024-01-06' }
    expect(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...national, committee: people(9) }))).toMatchObject(E.left({ rule: 'R4' }))
    expect(E.isRight(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...national, committee: people(10) })))).toBe(true)
    expect(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...province, committee: people(4) }))).toMatchObject(E.left({ rule: 'R4' }))
    expect(E.isRight(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...province, committee: people(5) })))).toBe(true)
    expect(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...district, committee: people(2) }))).toMatchObject(E.left({ rule: 'R4' }))
  })
  it('R4: a person counted twice does not make the committee larger', () => {
    expect(decide(stateOf(), cmd('RecogniseFoundingCommittee', { ...committee, committee: [...people(2), people(1)[0]] }))).toMatchObject(E.left({ code: 'CommitteeMemberRepeated', rule: 'R4' }))
  })
  it('R4: the same recognition again stores nothing; another one is refused; the procedure holds the area (R30)', () => {
    const s = stateOf(recognised)
    expect(decide(s, cmd('RecogniseFoundingCommittee', committee))).toEqual(E.right([]))
    expect(decide(s, cmd('RecogniseFoundingCommittee', { ...committee, name: 'Hội khác' }))).toMatchObject(E.left({ code: 'FoundingAlreadyUnderway' }))
    expect(association.followUps?.(cmd('RecogniseFoundingCommittee', committee), [recognised], s, ctx)).toMatchObject([
      { aggregate: 'claim', command: { type: 'TakeClaim', data: { claimId: 'area~elderly~12.105.03', owner: id } } },
    ])
  })
  it('R3, R4: the permit needs a recognised committee and enough registrants; the congress is due 90 days later (R5)', () => {
    expect(decide(stateOf(), cmd('PermitEstablishment', permit))).toMatchObject(E.left({ code: 'FoundingNotFound', rule: 'R4' }))
    expect(decide(stateOf(recognised), cmd('PermitEstablishment', { ...permit, registrants: registrants(9) }))).toMatchObject(
      E.left({ code: 'FoundingMembersBelowMinimum', rule: 'R3', field: 'data.registrants' }),
    )
    expect(decide(stateOf(recognised), cmd('PermitEstablishment', permit))).toEqual(E.right([permitted]))
  })
  it('R5: the founding congress within 90 days founds the association and opens its first term', () => {
    const r = decide(stateOf(recognised, permitted), cmd('HoldFoundingCongress', congress))
    expect(r).toMatchObject(
      E.right([
        { type: 'AssociationFounded', data: { associationId: id, regime: 'decree-126-2024', foundedOn: '2025-04-20', foundingMembers: 10, decisionRef: 'QĐ 12/QĐ-UBND' } },
        { type: 'CongressHeld', data: { kind: 'founding', number: 'I', heldOn: '2025-04-20' } },
      ]),
    )
    const after = stateOf(recognised, permitted, ...(E.isRight(r) ? r.right : []))
    expect(after.status).toBe('active')
    expect(decide(after, cmd('HoldFoundingCongress', congress))).toEqual(E.right([]))
  })
  it('R5: a founding congress after the 90 days without extension is refused', () => {
    expect(decide(stateOf(recognised, permitted), cmd('HoldFoundingCongress', { ...congress, heldOn: '2025-05-05', termStart: '2025-05-05' }))).toMatchObject(
      E.left({ code: 'FoundingCongressOverdue', rule: 'R5', field: 'data.heldOn' }),
    )
    expect(decide(stateOf(recognised), cmd('HoldFoundingCongress', congress))).toMatchObject(E.left({ code: 'EstablishmentNotPermitted', rule: 'R5' }))
  })
  it('R5: one extension of at most 30 days, requested within 15 days from the deadline', () => {
    const s = stateOf(recognised, permitted)
    const ext = { associationId: id, requestedOn: '2025-05-10', congressDueBy: '2025-06-03' }
    expect(decide(s, cmd('ExtendEstablishmentPermit', ext))).toEqual(E.right([ev('EstablishmentPermitExtended', ext)]))
    expect(decide(s, cmd('ExtendEstablishmentPermit', { ...ext, requestedOn: '2025-05-20' }))).toMatchObject(E.left({ code: 'ExtensionRequestedTooLate', rule: 'R5', field: 'data.requestedOn' }))
    expect(decide(s, cmd('ExtendEstablishmentPermit', { ...ext, congressDueBy: '2025-06-04' }))).toMatchObject(E.left({ code: 'PermitExtensionOutOfRange', rule: 'R5', field: 'data.congressDueBy' }))
    const extended = stateOf(recognised, permitted, ev('EstablishmentPermitExtended', ext))
    expect(decide(extended, cmd('ExtendEstablishmentPermit', { ...ext, congressDueBy: '2025-06-01' }))).toMatchObject(E.left({ code: 'PermitAlreadyExtended', rule: 'R5' }))
    expect(E.isRight(decide(extended, cmd('HoldFoundingCongress', { ...congress, heldOn: '2025-06-03', termStart: '2025-06-03' })))).toBe(true)
    expect(decide(extended, cmd('HoldFoundingCongress', { ...congress, heldOn: '2025-06-04', termStart: '2025-06-04' }))).toMatchObject(E.left({ code: 'FoundingCongressOverdue' }))
  })
  it('R5: the permit lapses only after its deadline and the extension window; then a congress is refused and the area freed', () => {
    const s = stateOf(recognised, permitted)
    expect(decide(s, cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-04' }))).toMatchObject(E.left({ code: 'PermitStillValid', rule: 'R5' }))
    expect(decide(s, cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-19' }))).toMatchObject(E.left({ code: 'PermitStillValid', rule: 'R5' }))
    const lapse = ev('EstablishmentPermitLapsed', { associationId: id, lapsedOn: '2025-05-20' })
    expect(decide(s, cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-20' }))).toEqual(E.right([lapse]))
    const gone = stateOf(recognised, permitted, lapse)
    expect(decide(gone, cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-20' }))).toEqual(E.right([]))
    expect(decide(gone, cmd('HoldFoundingCongress', congress))).toMatchObject(E.left({ code: 'EstablishmentPermitLapsed', rule: 'R5' }))
    expect(decide(gone, cmd('ExtendEstablishmentPermit', { associationId: id, requestedOn: '2025-05-10', congressDueBy: '2025-06-03' }))).toMatchObject(E.left({ code: 'EstablishmentPermitLapsed' }))
    expect(association.followUps?.(cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-20' }), [lapse], gone, ctx)).toMatchObject([
      { aggregate: 'claim', command: { type: 'ReleaseClaim', data: { claimId: 'area~elderly~12.105.03', owner: id } } },
    ])
  })
  it('R5: an extended permit lapses the day after its new deadline', () => {
    const extended = stateOf(recognised, permitted, ev('EstablishmentPermitExtended', { associationId: id, requestedOn: '2025-04-30', congressDueBy: '2025-05-10' }))
    expect(decide(extended, cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-10' }))).toMatchObject(E.left({ code: 'PermitStillValid' }))
    expect(E.isRight(decide(extended, cmd('LapseEstablishmentPermit', { associationId: id, lapsedOn: '2025-05-11' })))).toBe(true)
  })
  it('R5: a one-step founding of an association in its procedure is refused', () => {
    const one = { associationId: id, name: committee.name, kind: 'elderly', scope: 'commune', areaCode: '12.105.03', foundedOn: '2025-04-20', foundingMembers: 10 }
    expect(decide(stateOf(recognised), cmd('FoundAssociation', one))).toMatchObject(E.left({ code: 'FoundingProcedureUnderway' }))
  })
  it('R7: from Decree 126 the registrants become official members at the founding, one follow-up each', () => {
    const r = decide(stateOf(recognised, permitted), cmd('HoldFoundingCongress', congress))
    const events = E.isRight(r) ? r.right : []
    const after = stateOf(recognised, permitted, ...events)
    const admissions = (association.followUps?.(cmd('HoldFoundingCongress', congress), events, after, ctx) ?? []).filter((f) => f.aggregate === 'member')
    expect(admissions).toHaveLength(10)
    expect(admissions[0]).toEqual({
      key: 'founder~p0',
      aggregate: 'member',
      command: {
        type: 'AdmitMember',
        data: { memberId: 'nct-tl.p0', associationId: id, personId: 'p0', fullName: 'Người 0', birthDate: '1950-01-01', gender: 'female', category: 'official', admittedOn: '2025-04-20' },
      },
    })
  })
  it('R7: before Decree 126 (R2) founders are not admitted automatically', () => {
    const old = { ...committee, scope: 'province', areaCode: '12', committee: people(5), recognisedOn: '2024-01-06' }
    const oldPermit = ev('AssociationEstablishmentPermitted', { associationId: id, permittedOn: '2024-08-01', congressDueBy: '2024-10-30', registrants: registrants(50) })
    const c = { ...congress, heldOn: '2024-10-01', termStart: '2024-10-01', termEnd: '2029-09-30' }
    const r = decide(stateOf(ev('FoundingCommitteeRecognised', old), oldPermit), cmd('HoldFoundingCongress', c))
    expect(r).toMatchObject(E.right([{ type: 'AssociationFounded', data: { regime: 'decree-45-2010' } }, { type: 'CongressHeld' }]))
    const events = E.isRight(r) ? r.right : []
    const after = stateOf(ev('FoundingCommitteeRecognised', old), oldPermit, ...events)
    expect((association.followUps?.(cmd('HoldFoundingCongress', c), events, after, ctx) ?? []).filter((f) => f.aggregate === 'member')).toEqual([])
  })
  it('R15: the founding congress needs its quorum like any congress', () => {
    expect(decide(stateOf(recognised, permitted), cmd('HoldFoundingCongress', { ...congress, delegatesPresent: 5 }))).toMatchObject(E.left({ code: 'QuorumNotReached', rule: 'R15' }))
  })
})
