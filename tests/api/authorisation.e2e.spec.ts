import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessRules, hashApiKey, routeCatalogue, signJwt } from '@hoi/api'
import { baseSeed, commandCases, member, readCases, runSetup, type Built, type Side } from './support/cases.js'
import { SECRET, call, settle, startTestServer, tokens, type TestServer, type Who } from './support/server.js'

/** The matrix as documented: the tests take docs/authorisation.md as the specification. */
type Row = { method: string; route: string; rule: string; admin: number; own: number; foreign: number; auditor: number; anonymous: number }
const matrix: Row[] = readFileSync(fileURLToPath(new URL('../../docs/authorisation.md', import.meta.url)), 'utf8')
  .split('\n')
  .map((line) => /^\| (GET|POST|PUT|DELETE) \| `([^`]+)` \| ([a-z-]+) \| (\d{3}) \| (\d{3}) \| (\d{3}) \| (\d{3}) \| (\d{3}) \|$/u.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ method: m[1]!, route: m[2]!, rule: m[3]!, admin: +m[4]!, own: +m[5]!, foreign: +m[6]!, auditor: +m[7]!, anonymous: +m[8]! }))

const API_KEY = 'hoi-test-api-key-of-clerk-a-0123456789'
const principals: ReadonlyArray<Who> = ['admin', 'clerkA', 'clerkB', 'auditor', 'anonymous']
const expectedFor = (row: Row, who: Who, side: Side): number => (who === 'clerkA' || who === 'clerkB' ? ((who === 'clerkA') === (side === 'A') ? row.own : row.foreign) : row[who])

let s: TestServer
let n = 0

beforeAll(async () => {
  s = await startTestServer({ auth: { jwtSecret: SECRET, apiKeys: [{ hash: hashApiKey(API_KEY), sub: 'key-clerk-a', role: 'clerk', associations: ['prov-a'] }] } })
  await runSetup(s.store, baseSeed)
})
afterAll(async () => s?.close())

/** Sends one cell's request on fresh data; a refusal must leave the store exactly as it was. */
const cell = async (built: Built, method: string, who: Who, expected: number) => {
  await runSetup(s.store, built.setup)
  // views answer from what the view has folded; commands look again themselves when something is missing
  if (method === 'GET') await settle(s)
  const before = await s.store.head()
  const r = await call(s.base, method, built.path, { who, ...(built.body === undefined ? {} : { body: built.body }) })
  const after = await s.store.head()
  const where = `${method} ${built.path} as ${who}: ${r.status} ${r.text.slice(0, 300)}`
  expect(r.status, where).toBe(expected)
  if (expected >= 400) {
    expect(after, `nothing stored: ${where}`).toBe(before)
    expect(r.headers.get('content-type'), where).toMatch(/^application\/problem\+json/u)
  }
  if (expected === 201) expect(r.json.events.length, where).toBeGreaterThan(0)
}

describe('authorisation matrix: docs/authorisation.md, checked cell by cell', () => {
  it('documents every registered route, each with a rule, and nothing else', () => {
    const registered = routeCatalogue(s.app)
    for (const e of registered) expect(e.route?.access, `${e.method} ${e.url} has no access rule`).toBeDefined()
    const documented = matrix.map((r) => `${r.method} ${r.route}`).sort()
    expect(registered.map((e) => `${e.method} ${e.url}`).sort()).toEqual(documented)
    for (const e of registered) {
      const row = matrix.find((r) => r.method === e.method && r.route === e.url)!
      expect(e.route!.access, `${e.method} ${e.url}`).toBe(row.rule)
      expect(Object.keys(accessRules)).toContain(row.rule)
    }
  })

  it('has a request for every documented route', () => {
    for (const row of matrix) {
      const covered = row.method === 'GET' ? readCases.some((c) => c.route === row.route) : commandCases.some((c) => c.method === row.method && c.route === row.route)
      expect(covered, `${row.method} ${row.route}`).toBe(true)
    }
  })

  for (const row of matrix) {
    it(`${row.method} ${row.route} (${row.rule})`, async () => {
      const builds = row.method === 'GET' ? readCases.filter((c) => c.route === row.route) : commandCases.filter((c) => c.method === row.method && c.route === row.route)
      for (const c of builds) for (const side of ['A', 'B'] as const) for (const who of principals) await cell(c.build(side, ++n), row.method, who, expectedFor(row, who, side))
    })
  }
})

describe('object-level rules beyond the matrix', () => {
  it('refuses a clerk reaching a member of another association by naming their own', async () => {
    await runSetup(s.store, [member('b-victim', 'b-commune')])
    await settle(s)
    const before = await s.store.head()
    const r = await call(s.base, 'POST', '/members/b-victim/resignation', { who: 'clerkA', body: { associationId: 'a-commune', resignedOn: '2021-01-01' } })
    // answered as a member that does not exist: the register's membership is not disclosed
    expect(r.status).toBe(404)
    expect(await s.store.head()).toBe(before)
  })

  it('lets only an administrator found an association without a parent', async () => {
    const body = { associationId: 'no-parent', name: 'Hội Người cao tuổi tỉnh C', kind: 'elderly', scope: 'province', areaCode: '14', foundedOn: '2010-01-01', foundingMembers: 60 }
    const before = await s.store.head()
    expect((await call(s.base, 'POST', '/associations', { who: 'clerkA', body })).status).toBe(403)
    expect(await s.store.head()).toBe(before)
    expect((await call(s.base, 'POST', '/associations', { who: 'admin', body })).status).toBe(201)
  })

  it('lets a superior approve a report, never the association itself', async () => {
    const commune = { authorization: `Bearer ${tokens.clerkCommuneA}` }
    const put = await call(s.base, 'PUT', '/reports/a-commune/2023Q4', { headers: commune, body: { submittedOn: '2024-01-05', indicators: { 'new-members': 3 } } })
    expect(put.status).toBe(201)
    const before = await s.store.head()
    const self = await call(s.base, 'POST', '/reports/a-commune/2023Q4/approval', { headers: commune, body: { approvedOn: '2024-01-10' } })
    expect(self.status).toBe(403)
    expect(await s.store.head()).toBe(before)
    expect((await call(s.base, 'POST', '/reports/a-commune/2023Q4/approval', { who: 'clerkA', body: { approvedOn: '2024-01-10' } })).status).toBe(201)
  })

  it("R21: the clerk of an heir acts on the members and clubs it carried over, the source's own commands naming the heir", async () => {
    const commune = { authorization: `Bearer ${tokens.clerkCommuneA}` }
    const roster = { total: 40, older: 30, women: 20, homeCareVolunteers: 5 }
    await runSetup(s.store, [
      {
        type: 'FoundAssociation',
        data: {
          associationId: 'a-src',
          name: 'Hội Người cao tuổi xã nguồn',
          kind: 'elderly',
          scope: 'commune',
          areaCode: '12.105.09',
          foundedOn: '2012-03-01',
          foundingMembers: 12,
          parentId: 'prov-a',
        },
      },
      member('a-carried', 'a-src'),
      {
        type: 'LaunchClub',
        data: { clubId: 'a-src-club', name: 'CLB xã nguồn', model: 'ishc', hostAssociationId: 'a-src', areaCode: '12.105.09', launchedOn: '2016-02-01', programme: '1533', roster },
      },
    ])
    // before the absorption the commune clerk has no business with the sibling's member
    expect((await call(s.base, 'POST', '/members/a-carried/party-referral', { headers: commune, body: { referredOn: '2016-03-01' } })).status).toBe(404)
    await runSetup(s.store, [{ type: 'AbsorbAssociation', data: { associationId: 'a-src', intoId: 'a-commune', absorbedOn: '2016-06-01' } }])
    const resigned = await call(s.base, 'POST', '/members/a-carried/resignation', { headers: commune, body: { resignedOn: '2021-01-01' } })
    expect(resigned.status, resigned.text).toBe(201)
    expect(resigned.json.events[0].data).toMatchObject({ memberId: 'a-carried', associationId: 'a-commune' })
    const activity = await call(s.base, 'POST', '/clubs/a-src-club/activities', {
      headers: commune,
      body: { activityId: 'hd-1', area: 'health-care', heldOn: '2022-02-01', title: 'Khám sức khỏe', participants: 40 },
    })
    expect(activity.status, activity.text).toBe(201)
  })

  it('keeps a commune clerk out of the province association above it', async () => {
    const r = await call(s.base, 'POST', '/associations/prov-a/conferences', {
      headers: { authorization: `Bearer ${tokens.clerkCommuneA}` },
      body: { conferenceId: 'hn-x', kind: 'review', title: 'Sơ kết', heldOn: '2020-01-01', attendees: 10 },
    })
    expect(r.status).toBe(403)
  })

  it('accepts an API key configured by its hash, with the same scope rules', async () => {
    const auth = { authorization: `Bearer ${API_KEY}` }
    const body = { conferenceId: `hn-key`, kind: 'review', title: 'Sơ kết', heldOn: '2020-01-01', attendees: 10 }
    const own = await call(s.base, 'POST', '/associations/a-commune/conferences', { headers: auth, body })
    expect(own.status).toBe(201)
    expect(own.json.events[0].metadata.actor).toBe('key-clerk-a')
    expect((await call(s.base, 'POST', '/associations/b-commune/conferences', { headers: auth, body })).status).toBe(403)
    expect((await call(s.base, 'GET', '/views/statistics', { headers: { authorization: 'Bearer not-a-known-key-0000' } })).status).toBe(401)
  })

  it('refuses bad tokens with 401 everywhere, public routes included', async () => {
    const now = Math.floor(Date.parse('2024-03-15T09:00:00Z') / 1000)
    const bad = {
      signature: signJwt({ sub: 'x', role: 'admin' }, 'another-secret-of-at-least-32-chars!!'),
      expired: signJwt({ sub: 'x', role: 'admin', exp: now - 3600 }, SECRET),
      notYet: signJwt({ sub: 'x', role: 'admin', nbf: now + 3600 }, SECRET),
      role: signJwt({ sub: 'x', role: 'superuser' }, SECRET),
      algNone: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin"}').toString('base64url')}.`,
      scheme: '',
    }
    for (const [why, token] of Object.entries(bad)) {
      const headers = { authorization: why === 'scheme' ? `Basic ${Buffer.from('a:b').toString('base64')}` : `Bearer ${token}` }
      const r = await call(s.base, 'GET', '/views/statistics', { headers })
      expect(r.status, why).toBe(401)
      expect(r.headers.get('www-authenticate'), why).toMatch(/^Bearer/u)
    }
    const valid = signJwt({ sub: 'x', role: 'admin', exp: now + 3600, nbf: now - 10 }, SECRET)
    expect((await call(s.base, 'GET', '/audit/log', { headers: { authorization: `Bearer ${valid}` } })).status).toBe(200)
  })
})
