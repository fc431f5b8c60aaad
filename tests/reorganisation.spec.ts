import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decodeWith, DomainCommand } from '@hoi/domain'
import { handleCommand, openMemory, openMemoryViews, openSqliteViews, type EventStore, type ViewEngine } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { collect } from '@hoi/adapters/testing'

// Reorganisations of associations (R21, R22) through the command handler and its follow-ups, read back by both view engines.
const decode = decodeWith(DomainCommand)
type World = {
  readonly store: EventStore
  readonly send: (type: string, data: Record<string, unknown>) => Promise<unknown>
  readonly refused: (type: string, data: Record<string, unknown>) => Promise<unknown>
}

const world = (store: EventStore): World => {
  let n = 0
  const run = async (type: string, data: Record<string, unknown>) => {
    const command = decode({ type, data })
    if (E.isLeft(command)) throw new Error(JSON.stringify(command.left))
    return handleCommand(store, command.right, { commandId: `c-${++n}`, actor: 'spec' })
  }
  return {
    store,
    send: async (type, data) => {
      const r = await run(type, data)
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
      expect(r.right.followUpFailures).toBeUndefined()
      return r.right
    },
    refused: async (type, data) => {
      const r = await run(type, data)
      if (E.isRight(r)) throw new Error(`${type} was accepted`)
      return r.left
    },
  }
}

const found = (associationId: string, areaCode: string, o: Record<string, unknown> = {}) => ({
  associationId,
  name: `Hội ${associationId}`,
  kind: 'elderly',
  scope: areaCode.split('.').length === 1 ? 'province' : areaCode.split('.').length === 2 ? 'district' : 'commune',
  areaCode,
  foundedOn: '2010-01-01',
  foundingMembers: 60,
  ...o,
})
const admit = (w: World, associationId: string, memberId: string, admittedOn = '2015-01-01') =>
  w.send('AdmitMember', { memberId, associationId, personId: `p-${memberId}`, fullName: `Lò Văn ${memberId}`, birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn })

/** A province with two district associations of the elderly: d1 (2 members, 3 staff), d2 (1 member, 2 staff) with a commune child. */
const setUp = async (w: World) => {
  await w.send('FoundAssociation', found('p', '12', { foundingMembers: 120 }))
  await w.send('FoundAssociation', found('d1', '12.1', { parentId: 'p', foundingMembers: 30 }))
  await w.send('FoundAssociation', found('d2', '12.2', { parentId: 'p', foundingMembers: 30 }))
  await w.send('FoundAssociation', found('c21', '12.2.1', { parentId: 'd2', foundingMembers: 20 }))
  for (const [id, q] of [
    ['d1', 3],
    ['d2', 2],
  ] as const) {
    await w.send('GrantSpecialStatus', { associationId: id, grantedOn: '2012-01-01' })
    await w.send('AssignStaffQuota', { associationId: id, quota: q, assignedOn: '2012-01-01' })
  }
  await admit(w, 'd1', 'm1')
  await admit(w, 'd1', 'm2')
  await admit(w, 'd2', 'm3')
}

/** A store and the views each engine opens on it: the pure fold over memory, the view tables in SQLite. */
const engines: ReadonlyArray<[string, () => { store: EventStore; open: () => Promise<ViewEngine> }]> = [
  [
    'memory',
    () => {
      const store = openMemory()
      return { store, open: () => openMemoryViews(store) }
    },
  ],
  [
    'sqlite',
    () => {
      const store = openSqlite(':memory:')
      return { store, open: () => openSqliteViews(store) }
    },
  ],
]

describe.each(engines)('reorganisations, read by the %s views', (_name, engine) => {
  it('R21: absorbed, the source ends; its heir counts its members and adds its staff quota; its history stays readable under its id', async () => {
    const { store, open } = engine()
    const w = world(store)
    await setUp(w)
    // R30: the commune child of d2 would move under d1, whose area does not cover it
    expect(await w.refused('AbsorbAssociation', { associationId: 'd2', intoId: 'd1', absorbedOn: '2020-06-30' })).toMatchObject({ code: 'ChildrenOutsideHeir', rule: 'R30', field: 'data.intoId' })
    await w.send('ReparentAssociation', { associationId: 'c21', parentId: 'p', reparentedOn: '2020-06-01' })
    await w.send('AbsorbAssociation', { associationId: 'd2', intoId: 'd1', absorbedOn: '2020-06-30', decisionRef: 'QĐ 12/QĐ-UBND' })
    await w.send('RecordResignation', { memberId: 'm3', associationId: 'd2', resignedOn: '2021-03-01' })
    const views = await open()
    await views.catchUp()
    expect(await views.association('d2', { asOf: '2020-06-29' })).toMatchObject({ status: 'active', members: 1, staffQuota: 2 })
    expect(await views.association('d2', { asOf: '2020-06-30' })).toMatchObject({ status: 'dissolved', members: 0, successor: { how: 'absorbed', heirId: 'd1', on: '2020-06-30' } })
    expect(await views.association('d1', { asOf: '2020-06-29' })).toMatchObject({ members: 2, staffQuota: 3 })
    expect(await views.association('d1', { asOf: '2020-06-30' })).toMatchObject({ members: 3, staffQuota: 5, predecessors: ['d2'] })
    // a carried member who leaves later leaves the heir's count
    expect(await views.association('d1', { asOf: '2021-03-01' })).toMatchObject({ members: 2 })
    const s2020 = await views.statistics({ year: 2020, areaCode: '12' })
    expect(s2020.associations.total).toBe(3)
    expect(s2020.members.total).toBe(3)
    // nothing more is accepted under the old id, and the refusal names the heir
    expect(await w.refused('RenameAssociation', { associationId: 'd2', name: 'Hội khác', renamedOn: '2021-01-01' })).toMatchObject({ code: 'AssociationReorganised', rule: 'R21' })
    // the area the source held is free: a new elderly association of district 12.2 may be founded
    expect(await collect(w.store.readStream('claim-area~elderly~12.2'))).toMatchObject([{ type: 'ClaimTaken' }, { type: 'ClaimReleased' }])
    await views.close()
  })

  it('R21: the heir carries on the members, clubs and targets of the source: listed, commanded and counted under it from the date, as before it until then', async () => {
    const { store, open } = engine()
    const w = world(store)
    await setUp(w)
    await w.send('ReparentAssociation', { associationId: 'c21', parentId: 'p', reparentedOn: '2020-06-01' })
    await w.send('LaunchClub', {
      clubId: 'club-d2',
      name: 'CLB Liên thế hệ',
      model: 'ishc',
      hostAssociationId: 'd2',
      areaCode: '12.2',
      launchedOn: '2018-01-01',
      programme: '1533',
      roster: { total: 30, older: 25, women: 20, homeCareVolunteers: 5 },
    })
    await w.send('SetTarget', {
      targetId: 't-d2',
      ownerAssociationId: 'd2',
      title: 'Giữ vững hội viên',
      metric: { kind: 'members-admitted', associationId: 'd2' },
      counting: 'cumulative',
      goal: 1,
      startOn: '2019-01-01',
      dueOn: '2022-12-31',
      milestones: [],
      setOn: '2019-01-01',
    })
    const beforeRecorded = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 5))
    await w.send('AbsorbAssociation', { associationId: 'd2', intoId: 'd1', absorbedOn: '2020-06-30' })
    // a carried member is commanded through the heir from the date, not before it
    expect(await w.refused('ChangeMemberCategory', { memberId: 'm3', associationId: 'd1', category: 'associate', changedOn: '2020-06-29' })).toMatchObject({
      code: 'BeforeCarriedOver',
      rule: 'R21',
      field: 'data.associationId',
    })
    await w.send('ChangeMemberCategory', { memberId: 'm3', associationId: 'd1', category: 'associate', changedOn: '2020-09-01' })
    await w.send('ChangeMemberCategory', { memberId: 'm3', associationId: 'd1', category: 'official', changedOn: '2020-10-01' })
    // R8: the heir may elect a member it carries on
    await w.send('ElectOfficer', { associationId: 'd1', memberId: 'm3', role: 'president', electedOn: '2020-11-01' })
    // a member of an association the heir did not take over is still not its member
    expect(await w.refused('ChangeMemberCategory', { memberId: 'm3', associationId: 'p', category: 'associate', changedOn: '2020-09-01' })).toMatchObject({ code: 'MemberNotInAssociation' })
    const views = await open()
    await views.catchUp()
    const ids = (rows: ReadonlyArray<{ memberId: string }> | undefined) => rows?.map((r) => r.memberId)
    expect(ids(await views.roster('d1', { asOf: '2020-06-29' }))).toEqual(['m1', 'm2'])
    expect(await views.roster('d2', { asOf: '2020-06-29' })).toEqual([expect.objectContaining({ memberId: 'm3', associationId: 'd2' })])
    expect((await views.roster('d2', { asOf: '2020-06-29' }))?.[0]).not.toHaveProperty('carriedOver')
    const carried = await views.roster('d1', { asOf: '2020-06-30' })
    expect(ids(carried)).toEqual(['m1', 'm2', 'm3'])
    expect(carried?.[2]).toMatchObject({ memberId: 'm3', associationId: 'd1', admittedOn: '2015-01-01', carriedOver: { fromAssociationId: 'd2', on: '2020-06-30' } })
    expect(await views.roster('d2', { asOf: '2020-06-30' })).toEqual([])
    expect(ids(await views.roster('p', { asOf: '2020-07-01', includeDescendants: true }))).toEqual(['m1', 'm2', 'm3'])
    // recorded before the absorption, the heir's roster is what it was then
    expect(ids(await views.roster('d1', { asOf: '2020-07-01', recordedAsOf: beforeRecorded }))).toEqual(['m1', 'm2'])
    // the club: hosted by the source until the date, by the heir from it
    expect(await views.clubs({ asOf: '2020-06-29', hostAssociationId: 'd2' })).toEqual([expect.objectContaining({ clubId: 'club-d2', hostAssociationId: 'd2' })])
    expect(await views.clubs({ asOf: '2020-06-29', hostAssociationId: 'd1' })).toEqual([])
    expect(await views.clubs({ asOf: '2020-06-30', hostAssociationId: 'd2' })).toEqual([])
    expect(await views.clubs({ asOf: '2020-06-30', hostAssociationId: 'd1' })).toEqual([
      expect.objectContaining({ clubId: 'club-d2', hostAssociationId: 'd1', carriedOver: { fromAssociationId: 'd2', on: '2020-06-30' } }),
    ])
    expect(await views.clubs({ asOf: '2020-06-30' })).toEqual([expect.objectContaining({ clubId: 'club-d2', hostAssociationId: 'd1' })])
    expect(await views.clubs({ asOf: '2020-06-30', hostAssociationId: 'd1', recordedAsOf: beforeRecorded })).toEqual([])
    // the target: owned by the heir from the date, its members still counted (the source's end does not end them)
    expect(await views.targetProgress('t-d2', { asOf: '2020-06-29' })).toMatchObject({ ownerAssociationId: 'd2', current: 1 })
    expect(await views.targetProgress('t-d2', { asOf: '2020-07-01' })).toMatchObject({ ownerAssociationId: 'd1', current: 1, carriedOver: { fromAssociationId: 'd2', on: '2020-06-30' } })
    expect((await views.targets({ asOf: '2020-07-01', ownerAssociationId: 'd1' })).map((t) => t.targetId)).toEqual(['t-d2'])
    expect(await views.targets({ asOf: '2020-07-01', ownerAssociationId: 'd2' })).toEqual([])
    expect((await views.targets({ asOf: '2020-06-29', ownerAssociationId: 'd2' })).map((t) => t.targetId)).toEqual(['t-d2'])
    // a carried member's later resignation, recorded through the heir, ends the membership, the office and the target's count
    await w.send('RecordResignation', { memberId: 'm3', associationId: 'd1', resignedOn: '2021-03-01' })
    await views.catchUp()
    expect(ids(await views.roster('d1', { asOf: '2021-03-01' }))).toEqual(['m1', 'm2'])
    expect(ids(await views.roster('d1', { asOf: '2021-02-28' }))).toEqual(['m1', 'm2', 'm3'])
    expect(await views.association('d1', { asOf: '2021-03-01' })).toMatchObject({ members: 2, officers: [] })
    expect(await views.targetProgress('t-d2', { asOf: '2021-03-01' })).toMatchObject({ current: 0 })
    // its history stays readable under the source's id
    expect(await views.roster('d2', { asOf: '2020-01-01' })).toEqual([expect.objectContaining({ memberId: 'm3', associationId: 'd2', category: 'official' })])
    await views.close()
  })

  it('R21: an heir taken over in turn passes on what it carried: members, clubs and targets reach the last heir from its takeover', async () => {
    const { store, open } = engine()
    const w = world(store)
    await setUp(w)
    await w.send('ReparentAssociation', { associationId: 'c21', parentId: 'p', reparentedOn: '2020-06-01' })
    await w.send('LaunchClub', {
      clubId: 'club-d2',
      name: 'CLB Liên thế hệ',
      model: 'ishc',
      hostAssociationId: 'd2',
      areaCode: '12.2',
      launchedOn: '2018-01-01',
      programme: '1533',
      roster: { total: 30, older: 25, women: 20, homeCareVolunteers: 5 },
    })
    await w.send('AbsorbAssociation', { associationId: 'd2', intoId: 'd1', absorbedOn: '2020-06-30' })
    await w.send('AbsorbAssociation', { associationId: 'd1', intoId: 'p', absorbedOn: '2022-01-01' })
    expect(await w.refused('RecordDeath', { memberId: 'm3', associationId: 'p', diedOn: '2021-12-31' })).toMatchObject({ code: 'BeforeCarriedOver', rule: 'R21' })
    await w.send('RecordDeath', { memberId: 'm3', associationId: 'p', diedOn: '2023-05-01' })
    // a transfer out recorded through the heir is matched by the arrival naming the heir (R12)
    await w.send('TransferMemberOut', { memberId: 'm2', associationId: 'p', toAssociationId: 'c21', toMemberId: 'm2c', transferredOn: '2023-01-01' })
    await w.send('TransferMemberIn', { memberId: 'm2c', associationId: 'c21', fromAssociationId: 'p', fromMemberId: 'm2', transferredOn: '2023-01-01' })
    const views = await open()
    await views.catchUp()
    const rows = await views.roster('p', { asOf: '2022-01-01' })
    expect(rows?.map((r) => [r.memberId, r.associationId, r.carriedOver])).toEqual([
      ['m1', 'p', { fromAssociationId: 'd1', on: '2022-01-01' }],
      ['m2', 'p', { fromAssociationId: 'd1', on: '2022-01-01' }],
      ['m3', 'p', { fromAssociationId: 'd2', on: '2022-01-01' }],
    ])
    expect(await views.roster('p', { asOf: '2021-12-31' })).toEqual([])
    expect((await views.roster('d1', { asOf: '2021-12-31' }))?.map((r) => r.memberId)).toEqual(['m1', 'm2', 'm3'])
    expect((await views.roster('p', { asOf: '2023-05-01' }))?.map((r) => r.memberId)).toEqual(['m1'])
    expect((await views.roster('c21', { asOf: '2023-05-01' }))?.map((r) => r.memberId)).toEqual(['m2c'])
    expect(await views.clubs({ asOf: '2021-01-01' })).toEqual([expect.objectContaining({ hostAssociationId: 'd1', carriedOver: { fromAssociationId: 'd2', on: '2020-06-30' } })])
    expect(await views.clubs({ asOf: '2022-01-01' })).toEqual([expect.objectContaining({ hostAssociationId: 'p', carriedOver: { fromAssociationId: 'd2', on: '2022-01-01' } })])
    await views.close()
  })

  it('R21, R22: consolidated, the sources end and the new association carries them on; its first congress is due within 30 working days', async () => {
    const { store, open } = engine()
    const w = world(store)
    await setUp(w)
    await w.send('ConsolidateAssociations', {
      associationId: 'd12',
      name: 'Hội NCT liên huyện',
      kind: 'elderly',
      scope: 'province',
      areaCode: '12',
      consolidatedOn: '2025-03-03',
      sourceIds: ['d1', 'd2'],
      parentId: 'p',
    })
    const views = await open()
    await views.catchUp()
    expect(await views.association('d12', { asOf: '2025-03-03' })).toMatchObject({ members: 3, staffQuota: 5, origin: { how: 'consolidated', from: ['d1', 'd2'] }, predecessors: ['d1', 'd2'] })
    for (const id of ['d1', 'd2']) expect(await views.association(id, {})).toMatchObject({ status: 'dissolved', successor: { how: 'consolidated', heirId: 'd12' } })
    const watch = await views.congressWatch({ asOf: '2025-04-15' })
    expect(watch.firstCongressDue).toEqual([expect.objectContaining({ associationId: 'd12', dueOn: '2025-04-14', overdue: true })])
    await w.send('HoldCongress', {
      associationId: 'd12',
      number: 'I',
      kind: 'founding',
      form: 'delegate',
      heldOn: '2025-04-10',
      termStart: '2025-04-10',
      termEnd: '2030-04-09',
      delegatesExpected: 100,
      delegatesPresent: 90,
    })
    await views.catchUp()
    expect((await views.congressWatch({ asOf: '2025-04-15' })).firstCongressDue).toEqual([])
    await views.close()
  })

  it('R21: divided, the source ends and the new bodies are founded under its parent, the heir carrying on; separated, the source carries on', async () => {
    const { store, open } = engine()
    const w = world(store)
    await setUp(w)
    await w.send('DivideAssociation', {
      associationId: 'd2',
      dividedOn: '2019-01-01',
      heirId: 'd2b',
      into: [
        { associationId: 'd2a', name: 'Hội NCT A', scope: 'commune', areaCode: '12.2.9' },
        { associationId: 'd2b', name: 'Hội NCT B', scope: 'district', areaCode: '12.2' },
      ],
    })
    await w.send('SeparateAssociation', {
      associationId: 'd1',
      separatedOn: '2019-05-05',
      newBody: { associationId: 'd1x', name: 'Hội NCT tách', scope: 'commune', areaCode: '12.1.7', foundingMembers: 25 },
    })
    const views = await open()
    await views.catchUp()
    expect(await views.association('d2b', {})).toMatchObject({ parentId: 'p', members: 1, staffQuota: 2, origin: { how: 'divided', from: ['d2'] } })
    expect(await views.association('d2a', {})).toMatchObject({ parentId: 'p', members: 0, origin: { how: 'divided', from: ['d2'] } })
    // a division carries every member to its heir; the other bodies start with their founding members only
    expect(await views.roster('d2b', {})).toEqual([expect.objectContaining({ memberId: 'm3', associationId: 'd2b', carriedOver: { fromAssociationId: 'd2', on: '2019-01-01' } })])
    expect(await views.roster('d2a', {})).toEqual([])
    expect(await views.association('d1', {})).toMatchObject({ status: 'active', members: 2 })
    expect(await views.association('d1x', {})).toMatchObject({ status: 'active', parentId: 'p', origin: { how: 'separated', from: ['d1'] } })
    // d2's commune child goes to the heir, not to the commune body that took its area claim
    expect(await views.association('c21', {})).toMatchObject({ parentId: 'd2b' })
    await views.close()
  })

  it('R10, R21: a person active in both a source and its heir counts once in the heir (the membership joined first), and cannot be admitted again there', async () => {
    const { store, open } = engine()
    const w = world(store)
    await setUp(w)
    const person = (memberId: string, personId: string, associationId: string, admittedOn: string) => ({
      memberId,
      associationId,
      personId,
      fullName: 'Lò Văn Pọm',
      birthDate: '1950-01-01',
      gender: 'male',
      category: 'official',
      admittedOn,
    })
    // p-m1 is m1 in d1 (2015) and also m1b in d2, joined earlier (2012)
    await w.send('AdmitMember', person('m1b', 'p-m1', 'd2', '2012-03-01'))
    await w.send('ReparentAssociation', { associationId: 'c21', parentId: 'p', reparentedOn: '2020-06-01' })
    await w.send('AbsorbAssociation', { associationId: 'd2', intoId: 'd1', absorbedOn: '2020-06-30' })
    // R10: p-m3, a member of d2 only, is carried into d1: admitting p-m3 again there is refused, naming the carried membership
    expect(await w.refused('AdmitMember', person('m3b', 'p-m3', 'd1', '2021-01-01'))).toMatchObject({ code: 'PersonAlreadyActiveMember', rule: 'R10', field: 'data.personId' })
    // before the takeover date d2's members were not yet d1's
    await w.send('AdmitMember', person('m3c', 'p-m3', 'd1', '2020-06-29'))
    const views = await open()
    await views.catchUp()
    // d1 from the takeover: m1 and m1b (p-m1), m2, m3c and m3 (p-m3): five memberships, three persons
    expect(await views.association('d1', { asOf: '2020-06-29' })).toMatchObject({ members: 3 })
    expect(await views.association('d1', { asOf: '2020-06-30' })).toMatchObject({ members: 3 })
    const roster = await views.roster('d1', { asOf: '2020-06-30' })
    expect(roster?.map((r) => [r.memberId, r.alsoMemberIds ?? []])).toEqual([
      ['m2', []],
      ['m3', ['m3c']],
      ['m1b', ['m1']],
    ])
    expect(roster?.find((r) => r.memberId === 'm1b')).toMatchObject({ admittedOn: '2012-03-01', carriedOver: { fromAssociationId: 'd2', on: '2020-06-30' } })
    const s2020 = await views.statistics({ year: 2020, areaCode: '12' })
    expect(s2020.members.total).toBe(3)
    expect((await views.registry({ areaCode: '12' })).find((a) => a.associationId === 'd1')).toMatchObject({ members: 3 })
    // R10: with m1 gone from d1, p-m1 is still active there as m1b, carried from d2
    await w.send('RecordResignation', { memberId: 'm1', associationId: 'd1', resignedOn: '2021-02-01' })
    expect(await w.refused('AdmitMember', person('m1c', 'p-m1', 'd1', '2021-03-01'))).toMatchObject({ code: 'PersonAlreadyActiveMember', rule: 'R10' })
    // once the carried membership ends too, the person may join again
    await w.send('RecordResignation', { memberId: 'm1b', associationId: 'd1', resignedOn: '2021-04-01' })
    await w.send('AdmitMember', person('m1c', 'p-m1', 'd1', '2021-05-01'))
    await views.catchUp()
    expect(await views.association('d1', { asOf: '2021-05-01' })).toMatchObject({ members: 3 })
    await views.close()
  })
})

describe('reorganisation refusals (R21)', () => {
  it('R21: refuses an absorption into a narrower, absent or child association, and a division into fewer than two or outside the source', async () => {
    const w = world(openMemory())
    await setUp(w)
    expect(await w.refused('AbsorbAssociation', { associationId: 'd1', intoId: 'c21', absorbedOn: '2020-01-01' })).toMatchObject({ code: 'HeirNarrower', rule: 'R21', field: 'data.intoId' })
    expect(await w.refused('AbsorbAssociation', { associationId: 'd2', intoId: 'c21', absorbedOn: '2020-01-01' })).toMatchObject({ code: 'HeirIsAChild', rule: 'R21' })
    expect(await w.refused('AbsorbAssociation', { associationId: 'd2', intoId: 'nobody', absorbedOn: '2020-01-01' })).toMatchObject({ code: 'AssociationNotFound', field: 'data.intoId' })
    expect(await w.refused('AbsorbAssociation', { associationId: 'd2', intoId: 'd2', absorbedOn: '2020-01-01' })).toMatchObject({ code: 'ReorganisationIdsNotDistinct', rule: 'R21' })
    const body = (associationId: string, areaCode: string) => ({ associationId, name: `Hội ${associationId}`, scope: 'commune', areaCode })
    expect(await w.refused('DivideAssociation', { associationId: 'd2', dividedOn: '2020-01-01', into: [body('x', '12.2.3')] })).toMatchObject({
      code: 'ReorganisationNeedsTwo',
      rule: 'R21',
      field: 'data.into',
    })
    expect(await w.refused('DivideAssociation', { associationId: 'd2', dividedOn: '2020-01-01', into: [body('x', '12.2.3'), body('y', '12.1.3')] })).toMatchObject({
      code: 'SuccessorOutsideSource',
      rule: 'R21',
      field: 'data.into.1.areaCode',
    })
    expect(await w.refused('DivideAssociation', { associationId: 'd2', dividedOn: '2020-01-01', into: [body('x', '12.2.3'), body('x', '12.2.4')] })).toMatchObject({
      code: 'ReorganisationIdsNotDistinct',
    })
    expect(await w.refused('DivideAssociation', { associationId: 'd2', dividedOn: '2020-01-01', heirId: 'z', into: [body('x', '12.2.3'), body('y', '12.2.4')] })).toMatchObject({
      code: 'HeirNotASuccessor',
      field: 'data.heirId',
    })
    expect(
      await w.refused('ConsolidateAssociations', { associationId: 'n', name: 'Hội mới', kind: 'elderly', scope: 'commune', areaCode: '12.1.5', consolidatedOn: '2020-01-01', sourceIds: ['d1', 'd2'] }),
    ).toMatchObject({ code: 'SuccessorOutsideSource', rule: 'R21' })
    expect(
      await w.refused('ConsolidateAssociations', { associationId: 'n', name: 'Hội mới', kind: 'elderly', scope: 'province', areaCode: '12', consolidatedOn: '2020-01-01', sourceIds: ['d1'] }),
    ).toMatchObject({ code: 'ReorganisationNeedsTwo' })
    expect(
      await w.refused('ConsolidateAssociations', { associationId: 'n', name: 'Hội mới', kind: 'elderly', scope: 'province', areaCode: '12', consolidatedOn: '2020-01-01', sourceIds: ['d1', 'gone'] }),
    ).toMatchObject({ code: 'AssociationNotFound', field: 'data.sourceIds.1' })
  })
  it('R21: a consolidation whose area is held by another association than its sources is a duplicate (R30)', async () => {
    const w = world(openMemory())
    await setUp(w)
    expect(
      await w.refused('ConsolidateAssociations', {
        associationId: 'n',
        name: 'Hội mới',
        kind: 'elderly',
        scope: 'district',
        areaCode: '12.2',
        consolidatedOn: '2020-01-01',
        sourceIds: ['c21', 'd1x'],
      }),
    ).toMatchObject({ code: 'AssociationNotFound' })
    await w.send('FoundAssociation', found('c22', '12.2.2', { parentId: 'd2', foundingMembers: 20 }))
    expect(
      await w.refused('ConsolidateAssociations', {
        associationId: 'n',
        name: 'Hội mới',
        kind: 'elderly',
        scope: 'district',
        areaCode: '12.2',
        consolidatedOn: '2020-01-01',
        sourceIds: ['c21', 'c22'],
      }),
    ).toMatchObject({ code: 'DuplicateAssociation', rule: 'R30' })
  })
})
