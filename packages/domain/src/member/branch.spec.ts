import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { founded } from '../testing/fixtures.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import { decider, type Command, type Context, type Event } from './index.js'

const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const id = { memberId: 'm1', associationId: 'nct' }
const association = [
  founded({ associationId: 'nct', foundedOn: '2015-05-01' }),
  { type: 'BranchEstablished', data: { associationId: 'nct', branchId: 'b1', name: 'Chi hội bản Sin Suối Hồ', level: 'branch', establishedOn: '2016-01-01' } },
  { type: 'BranchClosed', data: { associationId: 'nct', branchId: 'b1', closedOn: '2020-01-01' } },
] as unknown as AssociationEvent[]
const ctx: Context = { policy: defaultPolicy, association: association.reduce(Association.evolve, Association.initialState) }
const admitted = ev('MemberAdmitted', { ...id, personId: 'p1', fullName: 'Lò Văn Hặc', birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn: '2016-03-01', flags: [] })
const place = (placedOn: string, branchId = 'b1') => cmd('PlaceMemberInBranch', { ...id, branchId, placedOn })

describe('members placed in a branch of their association (R20)', () => {
  it('R20: places a member in a branch open on the date; the same branch again stores nothing', () => {
    const placed = ev('MemberPlacedInBranch', { ...id, branchId: 'b1', placedOn: '2016-04-01' })
    expect(given(decider, [admitted]).when(place('2016-04-01'), ctx)).toEqual(E.right([placed]))
    expect(given(decider, [admitted, placed]).when(place('2017-04-01'), ctx)).toEqual(E.right([]))
  })
  it('R20: refuses a branch that is not open on the date or not of this association', () => {
    expect(given(decider, [admitted]).when(place('2020-01-01'), ctx)).toMatchObject(E.left({ code: 'BranchNotOpen', rule: 'R20', field: 'data.branchId', vi: expect.stringContaining('chi hội') }))
    expect(given(decider, [admitted]).when(place('2016-04-01', 'b9'), ctx)).toMatchObject(E.left({ code: 'BranchNotOpen', rule: 'R20' }))
  })
  it('R20 with R11: not before admission, nor after leaving', () => {
    expect(given(decider, [admitted]).when(place('2016-02-01'), ctx)).toMatchObject(E.left({ code: 'EventBeforeAdmission', field: 'data.placedOn' }))
    expect(given(decider, [admitted, ev('MemberResigned', { ...id, resignedOn: '2017-01-01' })]).when(place('2017-02-01'), ctx)).toMatchObject(E.left({ code: 'MemberAlreadyLeft', rule: 'R11' }))
  })
})
