import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import { decider, Command as CommandCodec, Event as EventCodec, type Command, type Event } from '../member/index.js'
import { decideErasure, ERASED, personalColumns, personalFields } from './index.js'

const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const founded = (associationId: string) => ({
  type: 'AssociationFounded',
  data: { associationId, name: `Hội ${associationId}`, kind: 'elderly', regime: 'decree-45-2010', scope: 'commune', areaCode: '22.193.07', foundedOn: '2015-05-01', foundingMembers: 40, flags: [] },
})
const association = (id: string) => ([founded(id)] as unknown as AssociationEvent[]).reduce(Association.evolve, Association.initialState)
const id = { memberId: 'm1', associationId: 'hnct-qn' }
/** a member as a reader sees them after their person was erased */
const erased = ev('MemberAdmitted', { ...id, personId: 'p1', fullName: ERASED, birthDate: ERASED, gender: ERASED, category: 'official', admittedOn: '2021-04-01', flags: [] })

describe('H1: personal data erased (Decree 13/2023)', () => {
  it('H1: the member events read the marker in every personal field; commands never take it', () => {
    expect(E.isRight(EventCodec.decode(erased))).toBe(true)
    expect(E.isRight(EventCodec.decode(ev('MemberDetailsCorrected', { ...id, correctedOn: '2022-01-01', reason: 'r', cardNo: ERASED, birthDate: ERASED })))).toBe(true)
    expect(
      E.isLeft(EventCodec.decode(ev('MemberAdmitted', { ...id, personId: 'p1', fullName: 'A', birthDate: '[erased]', gender: 'male', category: 'official', admittedOn: '2021-04-01', flags: [] }))),
    ).toBe(true)
    expect(E.isLeft(CommandCodec.decode(cmd('AdmitMember', { ...id, personId: 'p1', fullName: 'A', birthDate: ERASED, gender: 'male', category: 'official', admittedOn: '2021-04-01' })))).toBe(true)
  })
  it('H1: deciders still work on the other fields of an erased member', () => {
    const ctx = { policy: defaultPolicy, association: association('hnct-qn') }
    expect(given(decider, [erased]).when(cmd('RecordResignation', { ...id, resignedOn: '2023-01-01' }), ctx)).toMatchObject(E.right([{ type: 'MemberResigned' }]))
    expect(given(decider, [erased]).when(cmd('ChangeMemberCategory', { ...id, category: 'honorary', changedOn: '2023-01-01' }), ctx)).toMatchObject(E.right([{ type: 'MemberCategoryChanged' }]))
  })
  it('H1: a decision that needs the erased age or gender (R28) is refused, naming the erasure', () => {
    const ctx = { policy: defaultPolicy, association: association('hnct-qn') }
    const r = given(decider, [erased]).when(cmd('CorrectMemberDetails', { ...id, correctedOn: '2023-01-01', reason: 'r', gender: 'female' }), ctx)
    expect(r).toMatchObject(E.left({ code: 'PersonalDataErased', rule: 'H1', field: 'data.memberId' }))
    expect(E.isLeft(r) ? r.left.vi : '').toMatch(/đã bị xoá/)
  })
  it('H1: a person is erased once, and only a person on record', () => {
    expect(decideErasure('p1', true, false)).toEqual(E.right(undefined))
    expect(decideErasure('p1', true, true)).toMatchObject(E.left({ code: 'PersonAlreadyErased', rule: 'H1' }))
    expect(decideErasure('p9', false, false)).toMatchObject(E.left({ code: 'PersonNotFound', rule: 'H1' }))
  })
  it('H1: personal fields are declared once, as data, with their view columns', () => {
    expect(personalFields.get('MemberAdmitted')?.fields).toEqual(['fullName', 'birthDate', 'gender', 'cardNo'])
    expect(personalColumns).toEqual(['full_name', 'birth_date', 'gender', 'card_no'])
  })
})
