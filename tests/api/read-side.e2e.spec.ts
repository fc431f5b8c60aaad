import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { baseSeed, member, runSetup } from './support/cases.js'
import { call, settle, startTestServer, type TestServer } from './support/server.js'

let s: TestServer

beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, [
    ...baseSeed,
    member('rs-m1', 'a-commune'),
    { type: 'HoldConference', data: { associationId: 'a-commune', conferenceId: 'k1', kind: 'review', title: 'Hội nghị sơ kết', heldOn: '2023-06-01', attendees: 40 } },
  ])
  await settle(s)
})
afterAll(async () => s?.close())

const get = (path: string, who: 'admin' | 'anonymous' | 'clerkA' | 'clerkB' = 'anonymous') => call(s.base, 'GET', path, { who })

describe('the read side over HTTP', () => {
  it('answers as of record time on every view, and refuses a bad record time naming it', async () => {
    const before = await get('/views/registry?recordedAsOf=2000-01-01')
    expect(before.status, before.text).toBe(200)
    expect(before.json.total).toBe(0) // nothing was recorded yet in 2000
    expect((await get('/views/registry?recordedAsOf=2999-12-31T00:00:00Z')).json.total).toBe(4)
    for (const bad of ['2022-13-45', 'yesterday', '2024-02-30T00:00:00Z']) {
      const r = await get(`/views/statistics?recordedAsOf=${bad}`)
      expect(r.status, bad).toBe(400)
      expect(r.json.errors.map((e: { field: string }) => e.field)).toEqual(['recordedAsOf'])
    }
  })

  it('serves conferences and resolutions, filtered like the other lists', async () => {
    const all = (await get('/views/conferences?associationId=prov-a&includeDescendants=true')).json
    expect(all).toMatchObject({ total: 1, items: [{ conferenceId: 'k1', associationId: 'a-commune', attendees: 40 }] })
    expect((await get('/views/conferences?associationId=prov-b&includeDescendants=true')).json.total).toBe(0)
    expect((await get('/views/conferences?kind=party')).status).toBe(400)
    expect((await get('/views/resolutions')).json).toMatchObject({ total: 0, items: [] })
  })

  it("a member command finds the member's association on the write side, before any view has it", async () => {
    await runSetup(s.store, [member('rs-fresh', 'a-commune')]) // another writer; no settle
    const r = await call(s.base, 'POST', '/members/rs-fresh/category', { who: 'clerkA', body: { category: 'associate', changedOn: '2024-01-02' } })
    expect(r.status, r.text).toBe(201)
    const other = await call(s.base, 'POST', '/members/rs-fresh/category', { who: 'clerkB', body: { category: 'official', changedOn: '2024-01-03' } })
    // a member outside the clerk's associations is answered like a missing one (no membership leaks)
    expect(other.status, other.text).toBe(404)
  })

  it('health shows the engine and parks an event it cannot apply without stopping the others', async () => {
    const bad = await s.store.append(
      'member-rs-bad',
      [
        {
          eventId: 'rs-bad-1',
          type: 'MemberAdmitted',
          schemaVersion: 1,
          data: { memberId: 'rs-bad' },
          metadata: { occurredOn: '2024-01-01', actor: 'elsewhere', commandId: 'rs-bad', correlationId: 'rs-bad', causationId: 'rs-bad' },
        },
      ],
      'no-stream',
    )
    expect(E.isRight(bad)).toBe(true)
    await runSetup(s.store, [member('rs-after', 'a-commune')])
    await settle(s)
    const h = (await get('/health')).json
    const head = await s.store.head()
    expect(h).toMatchObject({ status: 'degraded', view: { position: head, lag: 0, parked: 1 }, engine: { reachable: true, position: head, head, parked: 1 } })
    expect(h.engine.projections.length).toBeGreaterThan(0)
    expect(JSON.stringify(h)).not.toContain('rs-bad') // which event, and why, is for `hoi parked`
    const roster = (await get('/views/roster/a-commune', 'admin')).json
    expect(roster.items.map((m: { memberId: string }) => m.memberId)).toContain('rs-after')
  })
})
