import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { aggregates as registry, Member, type CommandMetadata, type DomainCommand } from '@hoi/domain'
import { handleCommand, openMemory, runBatch, type EventStore } from '@hoi/adapters'
import { collect } from '@hoi/adapters/testing'

// Follow-ups: what one stream's events imply for another (a person's seat, an officer's office), decided by that stream's decider.
const meta = (commandId: string): CommandMetadata => ({ commandId, actor: 'clerk' })
const c = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as DomainCommand
const found = c('FoundAssociation', {
  associationId: 'nct-x',
  name: 'Hội Người cao tuổi xã Tam Đường',
  kind: 'elderly',
  scope: 'commune',
  areaCode: '12.105.01',
  foundedOn: '2010-01-01',
  foundingMembers: 30,
})
const admit = (memberId: string, personId = 'p1') =>
  c('AdmitMember', { memberId, associationId: 'nct-x', personId, fullName: 'Lò Văn Páo', birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn: '2015-01-01' })
const ok = async (store: EventStore, command: DomainCommand, id: string) => {
  const r = await handleCommand(store, command, meta(id))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('follow-ups through handleCommand', () => {
  it('R10: the same person cannot be admitted twice to one association, and can be once the first membership ended', async () => {
    const store = openMemory()
    await ok(store, found, 'c1')
    await ok(store, admit('m1'), 'c2')
    expect(await collect(store.readStream('claim-membership~nct-x~p1'))).toMatchObject([{ type: 'ClaimTaken', data: { owner: 'm1' }, metadata: { commandId: 'c2/membership', causationId: 'c2' } }])
    expect(await handleCommand(store, admit('m2'), meta('c3'))).toMatchObject(E.left({ code: 'PersonAlreadyActiveMember', rule: 'R10' }))
    await ok(store, c('RecordResignation', { memberId: 'm1', associationId: 'nct-x', resignedOn: '2018-01-01' }), 'c4')
    expect((await ok(store, admit('m2'), 'c5')).events).toHaveLength(1)
  })
  it('R11: an officer who dies leaves office on the date of death; the president seat is free again', async () => {
    const store = openMemory()
    await ok(store, found, 'c1')
    await ok(store, admit('m1'), 'c2')
    await ok(store, admit('m2', 'p2'), 'c3')
    await ok(store, c('ElectOfficer', { associationId: 'nct-x', memberId: 'm1', role: 'president', electedOn: '2016-01-01' }), 'c4')
    expect(await handleCommand(store, c('ElectOfficer', { associationId: 'nct-x', memberId: 'm2', role: 'president', electedOn: '2019-01-01' }), meta('c5'))).toMatchObject(
      E.left({ code: 'SeatOccupied' }),
    )
    await ok(store, c('RecordDeath', { memberId: 'm1', associationId: 'nct-x', diedOn: '2018-07-07' }), 'c6')
    const relieved = (await collect(store.readStream('association-nct-x'))).filter((e) => e.type === 'OfficerRelieved')
    expect(relieved).toMatchObject([{ data: { memberId: 'm1', role: 'president', relievedOn: '2018-07-07' }, metadata: { commandId: 'c6/offices' } }])
    expect((await ok(store, c('ElectOfficer', { associationId: 'nct-x', memberId: 'm2', role: 'president', electedOn: '2019-01-01' }), 'c7')).events).toHaveLength(1)
  })
  it('a replayed command completes follow-ups a crash left undone, and stores nothing twice', async () => {
    const store = openMemory()
    await ok(store, found, 'c1')
    // the admission stored without its follow-up, as if the process stopped in between
    const withoutFollowUps = { ...registry, member: { ...Member.member, followUps: undefined } }
    expect(E.isRight(await handleCommand(store, admit('m1'), meta('c2'), { aggregates: withoutFollowUps }))).toBe(true)
    expect(await collect(store.readStream('claim-membership~nct-x~p1'))).toHaveLength(0)
    expect((await ok(store, admit('m1'), 'c2')).replayed).toBe(true)
    expect(await collect(store.readStream('claim-membership~nct-x~p1'))).toMatchObject([{ type: 'ClaimTaken', metadata: { commandId: 'c2/membership' } }])
    await ok(store, admit('m1'), 'c2')
    expect(await collect(store.readStream('claim-membership~nct-x~p1'))).toHaveLength(1)
  })
})

describe('follow-ups in a batch', () => {
  it('R10: a batch refuses the second admission of the same person and writes the claim with the first', async () => {
    const store = openMemory()
    const results = await runBatch(
      store,
      [found, admit('m1'), admit('m2')].map((command, i) => ({ command, meta: meta(`b${i}`) })),
    )
    expect(E.isRight(results[1]!)).toBe(true)
    expect(results[2]).toMatchObject(E.left({ code: 'PersonAlreadyActiveMember' }))
    expect(await collect(store.readStream('claim-membership~nct-x~p1'))).toMatchObject([{ type: 'ClaimTaken', metadata: { commandId: 'b1/membership' } }])
  })
  it('R10, R21: a batch refuses to admit to an heir a person still active in the association it absorbed', async () => {
    const store = openMemory()
    const other = c('FoundAssociation', {
      associationId: 'nct-y',
      name: 'Hội Người cao tuổi xã Bản Bo',
      kind: 'elderly',
      scope: 'commune',
      areaCode: '12.105.02',
      foundedOn: '2010-01-01',
      foundingMembers: 30,
    })
    const inY = c('AdmitMember', {
      memberId: 'y1',
      associationId: 'nct-y',
      personId: 'p1',
      fullName: 'Lò Văn Páo',
      birthDate: '1950-01-01',
      gender: 'male',
      category: 'official',
      admittedOn: '2015-01-01',
    })
    const absorb = c('AbsorbAssociation', { associationId: 'nct-y', intoId: 'nct-x', absorbedOn: '2025-07-01' })
    const again = c('AdmitMember', {
      memberId: 'm1',
      associationId: 'nct-x',
      personId: 'p1',
      fullName: 'Lò Văn Páo',
      birthDate: '1950-01-01',
      gender: 'male',
      category: 'official',
      admittedOn: '2025-08-01',
    })
    const results = await runBatch(
      store,
      [found, other, inY, absorb, again].map((command, i) => ({ command, meta: meta(`b${i}`) })),
    )
    expect(results.slice(0, 4).every((r) => E.isRight(r))).toBe(true)
    expect(results[4]).toMatchObject(E.left({ code: 'PersonAlreadyActiveMember', rule: 'R10', en: expect.stringContaining('carried over from nct-y') }))
  })
})
