import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { founded } from '../testing/fixtures.js'
import * as Association from '../association/state.js'
import { decider, type Command, type Context } from './index.js'

const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const study = Association.evolve(Association.initialState, founded({ associationId: 'khuyen-hoc', kind: 'study-promotion', foundedOn: '2015-05-01' }))
const women = Association.evolve(Association.initialState, founded({ associationId: 'khuyen-hoc', kind: 'women', foundedOn: '2015-05-01' }))
const ctx = (association = study): Context => ({ policy: defaultPolicy, association })
const admission = (vietnameseCitizen: boolean, admittedOn = '2025-03-01') =>
  cmd('AdmitMember', {
    memberId: 'm1',
    associationId: 'khuyen-hoc',
    personId: 'p1',
    fullName: 'Trần Thị Hoa',
    birthDate: '1975-03-15',
    gender: 'female',
    category: 'official',
    admittedOn,
    representative: { organisation: 'Công ty CP Giáo dục Tây Bắc', vietnameseCitizen },
  })

describe('organisation members (R9)', () => {
  it('R9: refuses an organisation member whose representative is not a Vietnamese citizen, under Decree 126', () => {
    expect(given(decider, []).when(admission(false), ctx())).toMatchObject(
      E.left({
        code: 'RepresentativeNotVietnamese',
        rule: 'R9',
        field: 'data.representative.vietnameseCitizen',
        vi: expect.stringContaining('công dân Việt Nam'),
      }),
    )
  })
  it('R9: admits one represented by a Vietnamese citizen, and keeps the representation on the event', () => {
    const r = given(decider, []).when(admission(true), ctx())
    expect(E.isRight(r) && r.right[0]?.type === 'MemberAdmitted' && r.right[0].data.representative).toEqual({ organisation: 'Công ty CP Giáo dục Tây Bắc', vietnameseCitizen: true })
  })
  it('R9 with R2 and R1: not before Decree 126, nor for a body under its own charter', () => {
    expect(E.isRight(given(decider, []).when(admission(false, '2024-11-25'), ctx()))).toBe(true)
    expect(E.isRight(given(decider, []).when(admission(false), ctx(women)))).toBe(true)
  })
})
