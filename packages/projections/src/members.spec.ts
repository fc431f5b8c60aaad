import { describe, expect, it } from 'vitest'
import { apply, applyAll, emptyModel } from './index.js'
import { ev, log, recorded } from './testing/recorded.js'

describe('members by id', () => {
  it('finds members admitted before and after the first lookup, and counts every admission', () => {
    const m = applyAll(emptyModel(), log(ev.founded('a'), ev.founded('b'), ev.admitted('m1', 'a', '2015-01-01'), ev.admitted('m2', 'b', '2015-01-01')))
    expect(m.members.size).toBe(2)
    expect(m.members.get('m2')?.associationId).toBe('b')
    apply(m, recorded(...ev.admitted('m3', 'a', '2016-01-01'), { position: 5 }))
    expect(m.members.get('m3')?.associationId).toBe('a')
    expect(m.members.has('m1')).toBe(true)
    expect(m.members.get('nobody')).toBeUndefined()
    expect([...m.members.values()].map((s) => s.memberId).sort()).toEqual(['m1', 'm2', 'm3'])
    expect(m.members.size).toBe(3)
  })

  it('a model whose index was built equals one whose index was not', () => {
    const events = log(ev.founded('a'), ev.admitted('m1', 'a', '2015-01-01'), ['MemberResigned', { memberId: 'm1', associationId: 'a', resignedOn: '2019-01-01' }])
    const looked = applyAll(emptyModel(), events)
    looked.members.get('m1')
    expect(looked).toEqual(applyAll(emptyModel(), events))
    expect(looked.memberChanges.get('m1')).toMatchObject({ leftOn: '2019-01-01', leftBy: 'resigned' })
  })
})
