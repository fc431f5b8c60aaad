import { describe, expect, it } from 'vitest'
import { apply, applyAll, association, descendants, emptyModel, registry } from './index.js'
import { ev, log, recorded } from './testing/recorded.js'

const province = () =>
  log(
    ev.founded('nct', { scope: 'province', areaCode: '12', foundedOn: '2000-03-01' }),
    ev.founded('nct-tp', { scope: 'district', areaCode: '12.105', parentId: 'nct', foundedOn: '2005-06-01' }),
    ev.founded('nct-tp-a', { scope: 'commune', areaCode: '12.105.03', parentId: 'nct-tp', foundedOn: '2012-01-10' }),
    ev.founded('ccb', { scope: 'province', areaCode: '12', kind: 'veterans', foundedOn: '2001-01-01' }),
    ev.admitted('m1', 'nct-tp-a', '2015-01-01'),
    ev.admitted('m2', 'nct-tp-a', '2016-01-01'),
    ['AssociationRenamed', { associationId: 'nct-tp', name: 'Hội NCT thành phố', renamedOn: '2020-05-01' }],
    ['SpecialStatusGranted', { associationId: 'nct', grantedOn: '2010-01-01' }],
    ['SpecialStatusRevoked', { associationId: 'nct', revokedOn: '2019-01-01' }],
    ['StaffQuotaAssigned', { associationId: 'ccb', quota: 12, assignedOn: '2018-01-01' }],
    [
      'CongressHeld',
      { associationId: 'nct', number: 'III', kind: 'term', form: 'delegate', heldOn: '2021-04-01', termStart: '2021-04-01', termEnd: '2026-03-31', delegatesExpected: 200, delegatesPresent: 180 },
    ],
    ['OfficerElected', { associationId: 'nct', memberId: 'x1', fullName: 'Lò Văn Mười', role: 'president', electedOn: '2021-04-01' }],
    ['OfficerRelieved', { associationId: 'nct', memberId: 'x1', role: 'president', relievedOn: '2023-01-01' }],
    ['AssociationSuspended', { associationId: 'nct-tp-a', suspendedOn: '2021-01-01', until: '2021-06-01', reason: 'kiểm tra' }],
    ['AssociationReinstated', { associationId: 'nct-tp-a', reinstatedOn: '2021-03-01' }],
    ['AssociationDissolved', { associationId: 'nct-tp-a', dissolvedOn: '2022-07-01', dissolution: 'voluntary', ground: 'members-request' }],
  )

describe('fold', () => {
  it('a redelivered event (same position twice) changes nothing', () => {
    const events = province()
    const once = applyAll(emptyModel(), events)
    const twice = applyAll(emptyModel(), events)
    apply(twice, events[4]!) // MemberAdmitted again
    apply(twice, events[events.length - 1]!)
    applyAll(twice, events.slice(0, 6))
    expect(twice).toEqual(once)
    expect(registry(twice, { asOf: '2020-12-31' }).find((r) => r.associationId === 'nct-tp-a')?.members).toBe(2)
  })

  it('returns the same model and advances its position and record time', () => {
    const m = emptyModel()
    const e = recorded('AssociationFounded', ev.founded('a')[1], { position: 7 })
    expect(apply(m, e)).toBe(m)
    expect(m.position).toBe(7)
    expect(m.lastRecordedAt).toBe('2010-01-01T00:00:00.000Z')
    expect(apply(m, recorded('AssociationFounded', ev.founded('b')[1], { position: 7 }))).toBe(m)
    expect(m.associations.has('b')).toBe(false)
  })

  it('ignores events of unknown entities and unknown types', () => {
    const m = applyAll(emptyModel(), log(['MemberResigned', { memberId: 'ghost', associationId: 'x', resignedOn: '2020-01-01' }], ['ClubClosed', { clubId: 'ghost', closedOn: '2020-01-01' }]))
    expect(m.position).toBe(2)
    apply(m, { ...recorded('ClubClosed', { clubId: 'c' }, { position: 3 }), type: 'SomethingNew' as never })
    expect(m.position).toBe(3)
    expect(m.members.size + m.clubs.size).toBe(0)
  })
})

describe('registry', () => {
  const m = applyAll(emptyModel(), province())

  it('shows the association as of a date: name, special, quota, term, officers', () => {
    expect(association(m, 'nct-tp', '2020-04-30')?.name).toBe('Hội nct-tp')
    expect(association(m, 'nct-tp', '2020-05-01')?.name).toBe('Hội NCT thành phố')
    expect(association(m, 'nct', '2015-01-01')?.special).toBe(true)
    expect(association(m, 'nct', '2019-01-01')?.special).toBe(false)
    expect(association(m, 'ccb', '2017-12-31')?.staffQuota).toBeUndefined()
    expect(association(m, 'ccb')?.staffQuota).toBe(12)
    expect(association(m, 'nct', '2021-03-31')?.term).toBeUndefined()
    expect(association(m, 'nct', '2022-01-01')?.term).toEqual({ congressNumber: 'III', start: '2021-04-01', end: '2026-03-31' })
    expect(association(m, 'nct', '2022-01-01')?.officers).toEqual([{ memberId: 'x1', fullName: 'Lò Văn Mười', role: 'president' }])
    expect(association(m, 'nct', '2023-01-01')?.officers).toEqual([])
    expect(association(m, 'nct', '1999-12-31')).toBeUndefined()
    expect(association(m, 'nobody')).toBeUndefined()
  })

  it('R23/R24: status follows suspension, reinstatement and dissolution on their dates', () => {
    const status = (d: string) => association(m, 'nct-tp-a', d)?.status
    expect([status('2020-12-31'), status('2021-01-01'), status('2021-03-01'), status('2022-06-30'), status('2022-07-01')]).toEqual(['active', 'suspended', 'active', 'active', 'dissolved'])
    expect(association(m, 'nct-tp-a', '2022-06-30')?.members).toBe(2)
    expect(association(m, 'nct-tp-a', '2022-07-01')?.members).toBe(0)
  })

  it('filters by kind, scope, parent, area prefix, status, special and founding date', () => {
    const ids = (q: Parameters<typeof registry>[1]) => registry(m, q).map((r) => r.associationId)
    expect(ids({})).toEqual(['nct', 'nct-tp', 'nct-tp-a', 'ccb'])
    expect(ids({ asOf: '2004-12-31' })).toEqual(['nct', 'ccb'])
    expect(ids({ kind: 'veterans' })).toEqual(['ccb'])
    expect(ids({ scope: 'district' })).toEqual(['nct-tp'])
    expect(ids({ parentId: 'nct' })).toEqual(['nct-tp'])
    expect(ids({ areaCode: '12.105' })).toEqual(['nct-tp', 'nct-tp-a'])
    expect(ids({ areaCode: '12.10' })).toEqual([])
    expect(ids({ status: 'dissolved' })).toEqual(['nct-tp-a'])
    expect(ids({ status: 'active', asOf: '2022-06-30' })).toEqual(['nct', 'nct-tp', 'nct-tp-a', 'ccb'])
    expect(ids({ special: true, asOf: '2015-01-01' })).toEqual(['nct'])
    expect(ids({ special: true })).toEqual([])
  })

  it('descendants lists the association and everything below it', () => {
    expect(descendants(m, 'nct')).toEqual(['nct', 'nct-tp', 'nct-tp-a'])
    expect(descendants(m, 'nct-tp-a')).toEqual(['nct-tp-a'])
  })
})
