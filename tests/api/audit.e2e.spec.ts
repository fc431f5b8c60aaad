import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chainHead, unsealed, verifyStore } from '@hoi/adapters'
import { baseSeed, member, runSetup } from './support/cases.js'
import { call, settle, startTestServer, type TestServer } from './support/server.js'

let s: TestServer

beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, [
    ...baseSeed,
    member('au-m1', 'a-commune'),
    { type: 'RenameAssociation', data: { associationId: 'a-commune', name: 'Hội Người cao tuổi xã A mới', renamedOn: '2019-01-01' } },
  ])
  await settle(s)
})
afterAll(async () => s?.close())

describe('GET /audit/streams/{streamId}', () => {
  it("answers a stream's whole history with who, when and why, and its revision as ETag", async () => {
    const r = await call(s.base, 'GET', '/audit/streams/association-a-commune', { who: 'auditor' })
    expect(r.status).toBe(200)
    expect(r.headers.get('etag')).toBe('"1"')
    expect(r.json.events.map((e: { type: string }) => e.type)).toEqual(['AssociationFounded', 'AssociationRenamed'])
    expect(r.json.events[1].metadata).toMatchObject({ actor: 'setup', occurredOn: '2019-01-01' })
    expect(typeof r.json.events[1].metadata.recordedAt).toBe('string')
    expect(typeof r.json.events[1].metadata.commandId).toBe('string')
  })
  it('pages with fromRevision and limit', async () => {
    const r = await call(s.base, 'GET', '/audit/streams/association-a-commune?fromRevision=1&limit=1', { who: 'admin' })
    expect(r.json.events.map((e: { revision: number }) => e.revision)).toEqual([1])
    const first = await call(s.base, 'GET', '/audit/streams/association-a-commune?limit=1', { who: 'admin' })
    expect(first.json).toMatchObject({ next: 1, revision: 1 })
  })
  it('shows a clerk the history of their own members only', async () => {
    expect((await call(s.base, 'GET', '/audit/streams/member-au-m1', { who: 'clerkA' })).status).toBe(200)
    expect((await call(s.base, 'GET', '/audit/streams/member-au-m1', { who: 'clerkB' })).status).toBe(404)
    expect((await call(s.base, 'GET', '/audit/streams/report-a-commune-2023Q3', { who: 'clerkB' })).status).toBe(404)
  })
  it('answers 404 for an empty stream and 400 for a malformed id or query', async () => {
    expect((await call(s.base, 'GET', '/audit/streams/club-nothing', { who: 'auditor' })).status).toBe(404)
    const bad = await call(s.base, 'GET', '/audit/streams/secrets-1', { who: 'auditor' })
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].field).toBe('path.streamId')
    const q = await call(s.base, 'GET', '/audit/streams/association-a-commune?limit=0', { who: 'auditor' })
    expect(q.status).toBe(400)
    expect(q.json.errors[0].field).toBe('limit')
  })
})

describe('GET /audit/log', () => {
  it('pages the global log by position', async () => {
    const head = await s.store.head()
    const first = await call(s.base, 'GET', '/audit/log?limit=2', { who: 'auditor' })
    expect(first.json.events.map((e: { position: number }) => e.position)).toEqual([1, 2])
    expect(first.json).toMatchObject({ head, next: 2 })
    const rest = await call(s.base, 'GET', `/audit/log?after=${first.json.next}&limit=500`, { who: 'auditor' })
    expect(rest.json.events[0].position).toBe(3)
    expect(rest.json.events[rest.json.events.length - 1].position).toBe(head)
    expect(rest.json.next).toBeUndefined()
  })
  it('refuses bad paging, clerks and the public', async () => {
    const r = await call(s.base, 'GET', '/audit/log?after=x', { who: 'auditor' })
    expect(r.status).toBe(400)
    expect(r.json.errors[0].field).toBe('after')
    expect((await call(s.base, 'GET', '/audit/log', { who: 'clerkA' })).status).toBe(403)
    expect((await call(s.base, 'GET', '/audit/log')).status).toBe(401)
  })
})

describe('GET /audit/head', () => {
  it("answers the chain's last position and hash, which verify accepts as a held head", async () => {
    const r = await call(s.base, 'GET', '/audit/head', { who: 'auditor' })
    expect(r.status).toBe(200)
    expect(r.json).toEqual(await chainHead(s.store))
    expect(r.json.position).toBe(await s.store.head())
    expect(r.json.hash).toMatch(/^[0-9a-f]{64}$/u)
    expect(await verifyStore(unsealed(s.store), { expect: r.json })).toMatchObject({ ok: true, expected: r.json })
    expect((await call(s.base, 'GET', '/audit/head', { who: 'admin' })).json).toEqual(r.json)
  })
  it('refuses clerks and the public', async () => {
    expect((await call(s.base, 'GET', '/audit/head', { who: 'clerkA' })).status).toBe(403)
    expect((await call(s.base, 'GET', '/audit/head')).status).toBe(401)
  })
})
