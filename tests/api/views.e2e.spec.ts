import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseSeed, member, roster, runSetup, targetData, type Raw } from './support/cases.js'
import { call, settle, startTestServer, TODAY, type TestServer } from './support/server.js'

let s: TestServer

const seed: ReadonlyArray<Raw> = [
  ...baseSeed,
  member('v-m1', 'a-commune'),
  member('v-m2', 'a-commune', 'associate'),
  { ...member('v-m3', 'b-commune'), data: { ...member('v-m3', 'b-commune').data, fullName: 'Phạm Thị Lan', gender: 'female' } },
  { type: 'ElectOfficer', data: { associationId: 'a-commune', memberId: 'v-m1', role: 'president', electedOn: '2017-01-01' } },
  {
    type: 'HoldCongress',
    data: {
      associationId: 'prov-a',
      number: 'III',
      kind: 'term',
      form: 'delegate',
      heldOn: '2021-06-01',
      termStart: '2021-06-01',
      termEnd: '2026-06-01',
      delegatesExpected: 200,
      delegatesPresent: 180,
    },
  },
  {
    type: 'LaunchClub',
    data: { clubId: 'v-c1', name: 'CLB Liên thế hệ xã A', model: 'ishc', hostAssociationId: 'a-commune', areaCode: '12.105.01', launchedOn: '2021-05-10', programme: '1336', roster },
  },
  {
    type: 'LaunchClub',
    data: { clubId: 'v-c2', name: 'CLB Liên thế hệ thôn 2', model: 'ishc', hostAssociationId: 'a-commune', areaCode: '12.105.01', launchedOn: '2022-03-10', programme: '1336', roster },
  },
  { type: 'SetTarget', data: { ...targetData('v-t1', 'A'), ownerAssociationId: 'prov-a' } },
  { type: 'SubmitReport', data: { associationId: 'a-commune', period: '2023Q3', submittedOn: '2023-10-10', indicators: { 'propaganda-sessions': 5, 'new-members': 2 } } },
  { type: 'SubmitReport', data: { associationId: 'prov-a', period: '2023Q3', submittedOn: '2023-10-12', indicators: { 'propaganda-sessions': 7 } } },
  { type: 'LaunchEmulationMovement', data: { movementId: 'v-mv', ownerAssociationId: 'prov-a', title: 'Tuổi cao gương sáng', cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-07-01' } },
  { type: 'AwardCommendation', data: { movementId: 'v-mv', commendationId: 'k1', recipient: { kind: 'individual', name: 'Trần Văn Bình' }, form: 'Giấy khen', awardedOn: '2024-06-25' } },
  { type: 'AwardCommendation', data: { movementId: 'v-mv', commendationId: 'k2', recipient: { kind: 'collective', name: 'Chi hội thôn 2' }, form: 'Giấy khen', awardedOn: '2024-06-25' } },
]

beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, seed)
  await settle(s)
})
afterAll(async () => s?.close())

const get = (path: string, who: 'admin' | 'anonymous' | 'clerkA' | 'clerkB' | 'auditor' = 'anonymous', headers: Record<string, string> = {}) => call(s.base, 'GET', path, { who, headers })

describe('views: answers, filters, paging', () => {
  it('registry: every association, filtered by scope, area, parent, special and date', async () => {
    expect((await get('/views/registry')).json.total).toBe(4)
    expect((await get('/views/registry?scope=commune')).json.items.map((a: { associationId: string }) => a.associationId)).toEqual(['a-commune', 'b-commune'])
    expect((await get('/views/registry?areaCode=13')).json.total).toBe(2)
    expect((await get('/views/registry?parentId=prov-a')).json.items[0].associationId).toBe('a-commune')
    expect((await get('/views/registry?special=true')).json.total).toBe(0)
    expect((await get('/views/registry?asOf=2011-01-01')).json.total).toBe(2)
    const page = (await get('/views/registry?limit=1&offset=1')).json
    expect(page).toMatchObject({ total: 4, limit: 1, offset: 1 })
    expect(page.items.length).toBe(1)
  })

  it('association: one association with its term and members; 404 for an unknown one', async () => {
    const a = (await get('/views/associations/prov-a', 'admin')).json
    expect(a).toMatchObject({ associationId: 'prov-a', scope: 'province', term: { congressNumber: 'III' } })
    expect((await get('/views/associations/a-commune', 'admin')).json.members).toBe(2)
    expect((await get('/views/associations/nobody')).status).toBe(404)
  })

  it('roster: members with personal data, for those allowed; filters by category and name', async () => {
    const all = (await get('/views/roster/a-commune', 'admin')).json
    expect(all.items.map((m: { memberId: string }) => m.memberId)).toEqual(['v-m1', 'v-m2'])
    expect(all.items[0]).toHaveProperty('birthDate', '1950-02-03')
    expect((await get('/views/roster/a-commune?category=associate', 'auditor')).json.items.map((m: { memberId: string }) => m.memberId)).toEqual(['v-m2'])
    expect((await get('/views/roster/prov-a?includeDescendants=true', 'clerkA')).json.total).toBe(2)
    expect((await get('/views/roster/nobody', 'admin')).status).toBe(404)
  })

  it("statistics: by scope for a year; the year defaults to the clock's", async () => {
    const st = (await get('/views/statistics?year=2012')).json
    expect(st.associations.byScope).toMatchObject({ province: 2, commune: 2 })
    expect(st.foundedInYear.total).toBe(2)
    expect((await get('/views/statistics')).json.year).toBe(Number(TODAY.slice(0, 4)))
    expect((await get('/views/statistics?year=2020&areaCode=13')).json.associations.total).toBe(2)
  })

  it('clubs and clubs by area', async () => {
    expect((await get('/views/clubs')).json.total).toBe(2)
    expect((await get('/views/clubs?asOf=2021-12-31')).json.total).toBe(1)
    expect((await get('/views/clubs?hostAssociationId=b-commune')).json.total).toBe(0)
    expect((await get('/views/clubs-by-area?depth=2')).json).toEqual([{ areaCode: '12.105', active: 2, ishc: 2, members: 120 }])
  })

  it('targets: progress as of today by default, or as of a date', async () => {
    const list = (await get('/views/targets')).json
    expect(list.items[0]).toMatchObject({ targetId: 'v-t1', goal: 72, current: 2 })
    const one = (await get('/views/targets/v-t1?asOf=2021-12-31')).json
    expect(one.current).toBe(1)
    expect(one.milestones[0]).toMatchObject({ goal: 9 })
    expect(Array.isArray(one.series)).toBe(true)
    expect((await get('/views/targets/none')).status).toBe(404)
    expect((await get('/views/targets?ownerAssociationId=prov-b')).json.total).toBe(0)
  })

  it('reports and their roll-up over the tree', async () => {
    expect((await get('/views/reports?period=2023Q3')).json.total).toBe(2)
    expect((await get('/views/reports?associationId=prov-a&includeDescendants=true')).json.total).toBe(2)
    const r = (await get('/views/reports/prov-a/2023Q3/rollup')).json
    expect(new Map(r.totals.map((x: { code: string; value: number }) => [x.code, x.value]))).toEqual(
      new Map([
        ['propaganda-sessions', 12],
        ['new-members', 2],
      ]),
    )
    expect(r.submitted).toBe(2)
    expect((await get('/views/reports/nobody/2023Q3/rollup')).status).toBe(404)
  })

  it('congress watch: as of today by default', async () => {
    const w = (await get('/views/congress-watch?withinMonths=60')).json
    expect(w.asOf).toBe(TODAY)
    expect(w.endingSoon.map((r: { associationId: string }) => r.associationId)).toContain('prov-a')
  })
})

describe('what the public may see', () => {
  it('registry and association views name no officers', async () => {
    const pub = (await get('/views/associations/a-commune')).json
    expect(pub.officers).toEqual([{ role: 'president' }])
    const admin = (await get('/views/associations/a-commune', 'admin')).json
    expect(admin.officers[0]).toMatchObject({ role: 'president', fullName: 'Nguyễn Văn An', memberId: 'v-m1' })
    const reg = (await get('/views/registry?scope=commune')).text
    expect(reg).not.toContain('Nguyễn Văn An')
  })
  it('commendations name collectives, never individuals', async () => {
    const pub = (await get('/views/commendations')).json
    expect(pub.items[0]).toMatchObject({ collectives: 1, individuals: 1 })
    expect(JSON.stringify(pub)).not.toContain('Trần Văn Bình')
    expect(JSON.stringify(pub)).toContain('Chi hội thôn 2')
    expect((await get('/views/commendations', 'auditor')).text).toContain('Trần Văn Bình')
  })
  it('no public answer carries a member name or birth date', async () => {
    for (const path of [
      '/views/registry',
      '/views/statistics?year=2020',
      '/views/clubs',
      '/views/targets',
      '/views/reports',
      '/views/commendations',
      '/views/congress-watch',
      '/views/associations/a-commune',
    ])
      for (const secret of ['Nguyễn Văn An', 'Phạm Thị Lan', '1950-02-03']) expect((await get(path)).text, path).not.toContain(secret)
    expect((await get('/views/roster/a-commune')).status).toBe(401)
  })
})

describe('bad queries are refused naming the parameter', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['/views/registry?limit=501', 'limit'],
    ['/views/registry?limit=0', 'limit'],
    ['/views/registry?offset=-1', 'offset'],
    ['/views/registry?scope=planet', 'scope'],
    ['/views/registry?asOf=2023-02-30', 'asOf'],
    ['/views/registry?special=yes', 'special'],
    ['/views/registry?color=red', 'color'],
    ['/views/registry?limit=1&limit=2', 'limit'],
    ['/views/associations/a%20b', 'path.associationId'],
    ['/views/statistics?year=20x0', 'year'],
    ['/views/clubs?programme=99', 'programme'],
    ['/views/clubs-by-area?depth=9', 'depth'],
    ['/views/targets?asOf=tomorrow', 'asOf'],
    ['/views/targets/x?asOf=2024-13-01', 'asOf'],
    ['/views/reports/prov-a/2023Q5/rollup', 'path.period'],
    ['/views/reports?status=lost', 'status'],
    ['/views/commendations?movementId=%20', 'movementId'],
    ['/views/congress-watch?withinMonths=0', 'withinMonths'],
  ]
  for (const [path, field] of cases)
    it(`${path} → 400 naming ${field}`, async () => {
      const r = await get(path, 'admin')
      expect(r.status, r.text).toBe(400)
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/u)
      expect(r.json.errors.map((e: { field: string }) => e.field)).toContain(field)
    })
  it('roster parameters too', async () => {
    const r = await get('/views/roster/a-commune?category=vip', 'admin')
    expect(r.status).toBe(400)
    expect(r.json.errors[0].field).toBe('category')
  })
})

describe('caching: ETag from the view position, 304 on If-None-Match', () => {
  it('answers 304 while nothing changed, and a new ETag once an event lands', async () => {
    const first = await get('/views/statistics?year=2021')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"\d+-[A-Za-z0-9_-]+"$/u)
    const again = await get('/views/statistics?year=2021', 'anonymous', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    const same = await get('/views/statistics?year=2021')
    expect(same.text).toBe(first.text)
    const admitted = await call(s.base, 'POST', '/associations/b-commune/members', {
      who: 'admin',
      body: { memberId: 'v-new', personId: 'p-v-new', fullName: 'Đỗ Văn Hùng', birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn: '2021-02-02' },
    })
    expect(admitted.status).toBe(201)
    const after = await get('/views/statistics?year=2021', 'anonymous', { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(after.json.members.admittedInYear).toBe(first.json.members.admittedInYear + 1)
  })
  it('keeps public and full answers apart', async () => {
    const pub = await get('/views/commendations')
    const full = await get('/views/commendations', 'admin')
    expect(pub.headers.get('etag')).not.toBe(full.headers.get('etag'))
    expect(pub.headers.get('vary')).toMatch(/authorization/iu)
  })
  it('sees events other processes write, by polling the store', async () => {
    await runSetup(s.store, [member('v-other', 'b-commune')])
    await settle(s)
    const r = await get('/views/roster/b-commune', 'admin')
    expect(r.json.items.map((m: { memberId: string }) => m.memberId)).toContain('v-other')
    const health = (await get('/health')).json
    expect(health).toMatchObject({ status: 'ok', store: { reachable: true, head: await s.store.head() }, view: { lag: 0, parked: 0 } })
  })
})

describe('views: cached answers served before the Nest pipeline keep every rule', () => {
  it('a cached public view still refuses a bad token with 401 and never leaks the full answer to the public', async () => {
    const full = await get('/views/commendations', 'auditor') // fills the cache under "full"
    expect(full.text).toContain('Trần Văn Bình')
    for (let i = 0; i < 3; i++) {
      const pub = await get('/views/commendations') // the public entry, redacted, twice from the cache
      expect(pub.status).toBe(200)
      expect(pub.text).not.toContain('Trần Văn Bình')
      expect(pub.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect((await call(s.base, 'GET', '/views/commendations', { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401)
    expect((await get('/views/commendations', 'auditor')).text).toContain('Trần Văn Bình')
  })
  it('a personal view cached for a clerk is not served to the public', async () => {
    expect((await get('/views/roster/a-commune', 'admin')).status).toBe(200)
    expect((await get('/views/roster/a-commune', 'admin')).status).toBe(200)
    expect((await get('/views/roster/a-commune')).status).toBe(401)
    expect((await get('/views/roster/a-commune', 'clerkB')).status).toBe(403)
  })
  it('a cached answer honours If-None-Match with 304', async () => {
    const first = await get('/views/statistics?year=2020')
    const again = await get('/views/statistics?year=2020', 'anonymous', { 'if-none-match': first.headers.get('etag')! })
    expect(again.status).toBe(304)
  })
})

describe('views: a URL answered from the cache before is answered again before Fastify routes it', () => {
  /** Headers that name the request or the moment, not the answer. */
  const answerHeaders = (h: Headers) => [...h.entries()].filter(([k]) => !['date', 'x-request-id', 'keep-alive', 'connection'].includes(k))

  it('the third and later anonymous answers carry the same status, headers and bytes as the first two', async () => {
    const path = '/views/registry?limit=2&offset=1'
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await get(path, 'anonymous', { 'x-request-id': `fast-${i}` }))
    const [first, ...rest] = answers
    expect(first!.status).toBe(200)
    expect(first!.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(first!.headers.get('content-type')).toBe('application/json; charset=utf-8')
    for (const [i, r] of rest.entries()) {
      expect(r.status).toBe(200)
      expect(r.text).toBe(first!.text)
      expect(answerHeaders(r.headers)).toEqual(answerHeaders(first!.headers))
      expect(r.headers.get('x-request-id')).toBe(`fast-${i + 1}`)
    }
    // an invalid caller id is replaced by one of the server's
    const made = await get(path, 'anonymous', { 'x-request-id': 'has space' })
    expect(made.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{12}-[0-9a-z]+$/u)
  })

  it('a caller with a token, or asking for CSV, still goes through the guard and gets its own answer', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/views/commendations')).text).not.toContain('Trần Văn Bình')
    expect((await get('/views/commendations', 'auditor')).text).toContain('Trần Văn Bình')
    expect((await call(s.base, 'GET', '/views/commendations', { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401)
    const csv = await get('/views/commendations', 'anonymous', { accept: 'text/csv' })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/u)
  })

  it('If-None-Match gets 304 with the answer headers and no body; gzip when asked; a write makes a new answer', async () => {
    const path = '/views/registry?limit=50'
    for (let i = 0; i < 3; i++) await get(path)
    const first = await get(path)
    const etag = first.headers.get('etag')!
    const again = await get(path, 'anonymous', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('x-content-type-options')).toBe('nosniff')
    expect(again.headers.get('content-type')).toBeNull()
    // fetch asks for gzip and br and decodes: the same bytes, whatever the encoding
    expect(first.text.length).toBeGreaterThan(1024)
    expect((await get(path)).text).toBe(first.text)
    const admitted = await call(s.base, 'POST', '/associations/b-commune/members', {
      who: 'admin',
      body: { memberId: 'v-fast', personId: 'p-v-fast', fullName: 'Lê Văn Nam', birthDate: '1952-01-01', gender: 'male', category: 'official', admittedOn: '2021-02-02' },
    })
    expect(admitted.status).toBe(201)
    const after = await get(path, 'anonymous', { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
  })
})
