import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { CommandMetadata, DomainCommand } from '@hoi/domain'
import { handleCommand, openMemory, type EventStore } from '@hoi/adapters'
import { collect } from '@hoi/adapters/testing'

// The founding procedure through the command handler: the area it holds (R30) and the founders' memberships (R7).
const meta = (commandId: string): CommandMetadata => ({ commandId, actor: 'admin' })
const c = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as DomainCommand
const ok = async (store: EventStore, command: DomainCommand, id: string) => {
  const r = await handleCommand(store, command, meta(id))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const committee = (associationId: string) =>
  c('RecogniseFoundingCommittee', {
    associationId,
    name: 'Hội Người cao tuổi xã Tả Lèng',
    kind: 'elderly',
    scope: 'commune',
    areaCode: '12.105.03',
    recognisedOn: '2025-01-06',
    committee: [0, 1, 2].map((k) => ({ personId: `c${k}`, fullName: `Thành viên ${k}` })),
  })
const permit = (associationId: string) =>
  c('PermitEstablishment', {
    associationId,
    permittedOn: '2025-02-03',
    registrants: Array.from({ length: 10 }, (_, k) => ({ personId: `p${k}`, fullName: `Người đăng ký ${k}`, birthDate: '1955-01-01', gender: 'female' })),
  })
const congress = (associationId: string) =>
  c('HoldFoundingCongress', {
    associationId,
    heldOn: '2025-04-20',
    form: 'plenary',
    termStart: '2025-04-20',
    termEnd: '2030-04-19',
    delegatesExpected: 10,
    delegatesPresent: 9,
  })

describe('founding procedure through handleCommand', () => {
  it("R4, R30: a recognised committee holds its kind's place in the area; a lapsed permit frees it (R5)", async () => {
    const store = openMemory()
    await ok(store, committee('tl'), 'c1')
    expect(await handleCommand(store, committee('tl-2'), meta('c2'))).toMatchObject(E.left({ code: 'DuplicateAssociation', rule: 'R30' }))
    await ok(store, permit('tl'), 'c3')
    await ok(store, c('LapseEstablishmentPermit', { associationId: 'tl', lapsedOn: '2025-05-20' }), 'c4')
    expect((await ok(store, committee('tl-2'), 'c5')).events).toHaveLength(1)
  })
  it('R7: the founding congress admits every registrant once; the same congress again admits no one twice', async () => {
    const store = openMemory()
    await ok(store, committee('tl'), 'c1')
    await ok(store, permit('tl'), 'c2')
    await ok(store, congress('tl'), 'c3')
    const admitted = async () => (await collect(store.readAll())).filter((e) => e.type === 'MemberAdmitted')
    expect(await admitted()).toHaveLength(10)
    expect((await admitted())[0]).toMatchObject({ data: { memberId: 'tl.p0', associationId: 'tl', category: 'official', admittedOn: '2025-04-20' }, metadata: { causationId: 'c3' } })
    await ok(store, congress('tl'), 'c4')
    expect(await admitted()).toHaveLength(10)
  })
})
