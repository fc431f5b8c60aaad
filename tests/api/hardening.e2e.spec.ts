import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authFromEnv, signJwt } from '@hoi/api'
import { baseSeed, member, runSetup } from './support/cases.js'
import { SECRET, call, settle, startTestServer, tokens, type Reply, type TestServer } from './support/server.js'

/** Defects an adversarial probe found (issue 11, security 2, 3, 5, 6, 7 and 8), each pinned by a test. */
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { max: 10_000, timeWindowMs: 60_000 } })
  await runSetup(s.store, [...baseSeed, member('leak-a1', 'a-commune')])
  await settle(s)
})
afterAll(async () => s?.close())

const isProblem = (r: Reply, status: number) => {
  expect(r.status, r.text).toBe(status)
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/u)
  expect(r.json.status).toBe(status)
}
const conference = (id: string, title = 'Sơ kết') => ({ conferenceId: id, kind: 'review', title, heldOn: '2020-03-03', attendees: 5 })

describe('2. prototype names are refused with a message that says why', () => {
  it('an indicator named "constructor" in a report', async () => {
    const before = await s.store.head()
    const r = await call(s.base, 'PUT', '/reports/a-commune/2023Q3', { who: 'admin', body: { submittedOn: '2023-10-10', indicators: { constructor: 1, activities: 2 } } })
    isProblem(r, 400)
    expect(r.json.errors).toEqual([{ field: 'indicators.constructor', message: expect.stringContaining('reserved name') }])
    expect(r.text).not.toMatch(/set by the server/u)
    expect(await s.store.head()).toBe(before)
  })
  it('a target counting the indicator "constructor"', async () => {
    const body = {
      targetId: 't-ctor',
      ownerAssociationId: 'a-commune',
      title: 'Chỉ tiêu',
      metric: { kind: 'report-indicator', associationId: 'a-commune', indicator: 'constructor' },
      counting: 'cumulative',
      goal: 5,
      startOn: '2021-01-01',
      dueOn: '2025-12-31',
      milestones: [],
      setOn: '2021-01-01',
    }
    const r = await call(s.base, 'POST', '/targets', { who: 'admin', body })
    isProblem(r, 400)
    expect(r.json.errors).toEqual([{ field: 'metric.indicator', message: expect.stringContaining('reserved name') }])
  })
  it('a "__proto__" key anywhere in the body', async () => {
    const r = await call(s.base, 'POST', '/associations/a-commune/conferences', { who: 'admin', raw: `{"__proto__":{"admin":true},${JSON.stringify(conference('p-1')).slice(1)}` })
    isProblem(r, 400)
    expect(r.json.errors).toEqual([{ field: '__proto__', message: expect.stringContaining('reserved name') }])
    expect(r.text).not.toMatch(/set by the server/u)
  })
})

describe('3. Idempotency-Key bound to the caller and the request', () => {
  const path = '/associations/a-commune/conferences'
  it('replays only the same request of the same caller, and says so in the header and the body alike', async () => {
    const headers = { 'idempotency-key': 'idem-bound-1' }
    const first = await call(s.base, 'POST', path, { who: 'admin', body: conference('ib-1'), headers })
    expect(first.status).toBe(201)
    expect(first.json.replayed).toBe(false)
    expect(first.headers.get('idempotent-replayed')).not.toBe('true')
    const again = await call(s.base, 'POST', path, { who: 'admin', body: { ...conference('ib-1') }, headers })
    expect(again.status).toBe(201)
    expect(again.json.replayed).toBe(true)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.json.events).toEqual(first.json.events)
  })
  it('answers 422 to the same key with another body, storing nothing', async () => {
    const headers = { 'idempotency-key': 'idem-bound-2' }
    expect((await call(s.base, 'POST', path, { who: 'admin', body: conference('ib-2'), headers })).status).toBe(201)
    const before = await s.store.head()
    const other = await call(s.base, 'POST', path, { who: 'admin', body: conference('ib-2', 'Tổng kết'), headers })
    isProblem(other, 422)
    expect(other.json.errors[0].field).toBe('header.idempotency-key')
    expect(other.json).not.toHaveProperty('events')
    expect(await s.store.head()).toBe(before)
  })
  it('never gives another caller the first answer', async () => {
    const headers = { 'idempotency-key': 'idem-bound-3' }
    const first = await call(s.base, 'POST', path, { who: 'admin', body: conference('ib-3'), headers })
    expect(first.status).toBe(201)
    const other = await call(s.base, 'POST', path, { who: 'clerkA', body: conference('ib-3'), headers })
    expect(other.status).not.toBe(201)
    expect(other.text).not.toContain(first.json.events[0].eventId)
    isProblem(other, 422)
  })
  it('answers 409 to a duplicate sent while the first is still being processed', async () => {
    const headers = { 'idempotency-key': 'idem-bound-4' }
    // injected in-process, so that all eight are under way at once rather than queued behind new connections
    const fastify = s.app.getHttpAdapter().getInstance()
    const replies: Reply[] = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const res = await fastify.inject({
          method: 'POST',
          url: path,
          payload: JSON.stringify(conference('ib-4')),
          headers: { ...headers, 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
        })
        return { status: res.statusCode, headers: new Headers(res.headers as Record<string, string>), text: res.body, json: JSON.parse(res.body) }
      }),
    )
    const fresh = replies.filter((r) => r.status === 201 && r.json.replayed === false)
    const busy = replies.filter((r) => r.status === 409)
    expect(fresh).toHaveLength(1)
    expect(busy.length).toBeGreaterThan(0)
    for (const r of busy) {
      isProblem(r, 409)
      expect(r.json.errors[0].field).toBe('header.idempotency-key')
    }
    for (const r of replies) expect([201, 409]).toContain(r.status)
    for (const r of replies.filter((x) => x.status === 201)) expect(r.headers.get('idempotent-replayed') === 'true').toBe(r.json.replayed)
  })
})

describe('5. JWTs are verified strictly', () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  it('refuses a signature written with other unused bits (the same bytes, another string)', async () => {
    const token = tokens.admin
    const last = token[token.length - 1]!
    // 32 bytes in 43 characters: the last character carries 2 unused bits; flipping one keeps the bytes
    const twin = token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1]
    expect(Buffer.from(twin.split('.')[2]!, 'base64url')).toEqual(Buffer.from(token.split('.')[2]!, 'base64url'))
    expect((await call(s.base, 'GET', '/audit/log', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    isProblem(await call(s.base, 'GET', '/audit/log', { headers: { authorization: `Bearer ${twin}` } }), 401)
  })
  it.each([
    ['nbf as a string', { nbf: '1' }],
    ['iat as a string', { iat: 'yesterday' }],
    ['exp as a string', { exp: '9999999999' }],
    ['exp in the past', { exp: 1_000_000 }],
  ])('refuses %s', async (_, claims) => {
    const token = signJwt({ sub: 'admin-1', role: 'admin', ...(claims as object) }, SECRET)
    isProblem(await call(s.base, 'GET', '/audit/log', { headers: { authorization: `Bearer ${token}` } }), 401)
  })
  it('refuses another algorithm and an unsigned token', async () => {
    const [, payload, sig] = tokens.admin.split('.')
    for (const header of [
      { alg: 'none', typ: 'JWT' },
      { alg: 'HS512', typ: 'JWT' },
    ])
      isProblem(await call(s.base, 'GET', '/audit/log', { headers: { authorization: `Bearer ${b64(header)}.${payload}.${header.alg === 'none' ? '' : sig}` } }), 401)
  })
  it('checks issuer and audience when they are configured (HOI_JWT_ISSUER, HOI_JWT_AUDIENCE)', async () => {
    const auth = authFromEnv({ HOI_JWT_SECRET: SECRET, HOI_JWT_ISSUER: 'https://hoi.example/', HOI_JWT_AUDIENCE: 'hoi-api' })
    expect(auth).toMatchObject({ jwtIssuer: 'https://hoi.example/', jwtAudience: 'hoi-api' })
    const t = await startTestServer({ auth })
    try {
      const get = (claims: object) => call(t.base, 'GET', '/audit/log', { headers: { authorization: `Bearer ${signJwt({ sub: 'a', role: 'admin', ...claims }, SECRET)}` } })
      expect((await get({ iss: 'https://hoi.example/', aud: 'hoi-api' })).status).toBe(200)
      isProblem(await get({}), 401)
      isProblem(await get({ iss: 'https://evil.example/', aud: 'hoi-api' }), 401)
      isProblem(await get({ iss: 'https://hoi.example/', aud: 'other' }), 401)
    } finally {
      await t.close()
    }
  })
  it('refuses a configured secret shorter than 32 bytes', () => {
    expect(() => authFromEnv({ HOI_JWT_SECRET: 'x'.repeat(31) })).toThrow(/HOI_JWT_SECRET.*32/u)
  })
})

/** One raw HTTP/1.1 exchange: what the framework answers before any route runs. */
const raw = (base: string, request: string): Promise<{ status: number; headers: Map<string, string>; body: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const socket = connect(Number(url.port), url.hostname)
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (d) => (data += String(d)))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
    socket.write(request)
    setTimeout(() => socket.end(), 1500)
  })

describe('6. every error is problem+json with the security headers, echoing nothing', () => {
  const secure = (get: (name: string) => string | null | undefined) => {
    expect(get('content-type')).toMatch(/^application\/problem\+json/u)
    expect(get('content-security-policy')).toContain("default-src 'self'")
    expect(get('x-content-type-options')).toBe('nosniff')
  }
  it('414 for a path parameter over the limit', async () => {
    const r = await call(s.base, 'GET', `/views/associations/${'x'.repeat(300)}`)
    isProblem(r, 414)
    secure((n) => r.headers.get(n))
    expect(r.text).not.toContain('xxxxxxxxxx')
  })
  it('400 for a malformed percent-encoding in the path', async () => {
    const r = await call(s.base, 'GET', '/views/associations/%E0%A4%A<b>')
    isProblem(r, 400)
    secure((n) => r.headers.get(n))
    expect(r.text).not.toMatch(/%E0|<b>/u)
  })
  it('404 for an unknown route, without the URL', async () => {
    const r = await call(s.base, 'GET', '/nowhere/%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    isProblem(r, 404)
    secure((n) => r.headers.get(n))
    expect(r.text).not.toMatch(/nowhere|script/u)
  })
  it('405 with Allow for a wrong method on an existing path', async () => {
    const patch = await call(s.base, 'PATCH', '/associations', { who: 'admin', body: {} })
    isProblem(patch, 405)
    expect(patch.headers.get('allow')).toBe('POST')
    secure((n) => patch.headers.get(n))
    const del = await call(s.base, 'DELETE', '/views/registry')
    isProblem(del, 405)
    expect(del.headers.get('allow')).toBe('GET, HEAD')
    const put = await call(s.base, 'PUT', '/members/m-1/category', { who: 'admin', body: {} })
    isProblem(put, 405)
    expect(put.headers.get('allow')).toBe('POST')
  })
  it('431 for headers over the limit', async () => {
    const r = await raw(s.base, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expect(r.status).toBe(431)
    secure((n) => r.headers.get(n))
    expect(JSON.parse(r.body)).toMatchObject({ status: 431, title: 'Request header fields too large' })
  })
  it('400 for a request the HTTP parser refuses', async () => {
    const r = await raw(s.base, 'GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n')
    expect(r.status).toBe(400)
    secure((n) => r.headers.get(n))
    expect(JSON.parse(r.body)).toMatchObject({ status: 400 })
  })
})

describe('7. no membership leaks', () => {
  const same = (a: Reply, b: Reply, idA: string, idB: string) => {
    expect(a.status).toBe(b.status)
    // the same answer but for the member's id and the request's own id
    const masked = (r: Reply, id: string) => r.text.replaceAll(id, 'ID').replace(/"requestId":"[^"]+"/u, '"requestId":"REQ"')
    expect(masked(a, idA)).toBe(masked(b, idB))
  }
  it('a clerk asking about a member outside their scope gets the 404 of a member that does not exist', async () => {
    const body = { category: 'honorary', changedOn: '2021-01-01' }
    const foreign = await call(s.base, 'POST', '/members/leak-a1/category', { who: 'clerkB', body })
    const nobody = await call(s.base, 'POST', '/members/leak-none/category', { who: 'clerkB', body })
    isProblem(foreign, 404)
    same(foreign, nobody, 'leak-a1', 'leak-none')
    expect(foreign.text).not.toMatch(/a-commune|prov-a/u)
  })
  it('also when the clerk names their own association in the body', async () => {
    const body = { associationId: 'b-commune', resignedOn: '2021-01-01' }
    const foreign = await call(s.base, 'POST', '/members/leak-a1/resignation', { who: 'clerkB', body })
    const nobody = await call(s.base, 'POST', '/members/leak-none/resignation', { who: 'clerkB', body })
    isProblem(foreign, 404)
    same(foreign, nobody, 'leak-a1', 'leak-none')
  })
  it("and for the member's history", async () => {
    const foreign = await call(s.base, 'GET', '/audit/streams/member-leak-a1', { who: 'clerkB' })
    const nobody = await call(s.base, 'GET', '/audit/streams/member-leak-none', { who: 'clerkB' })
    isProblem(foreign, 404)
    same(foreign, nobody, 'leak-a1', 'leak-none')
    expect(foreign.text).not.toMatch(/a-commune/u)
  })
})

describe('8. limits by cost', () => {
  it('stops one anonymous client sending distinct asOf values (cache misses) long before the request count would', async () => {
    const t = await startTestServer({ rateLimit: { max: 10_000, timeWindowMs: 60_000, anonymousCostMs: 40 } })
    try {
      await runSetup(t.store, baseSeed)
      await settle(t)
      let limited: Reply | undefined
      let sent = 0
      for (let day = 0; day < 600 && limited === undefined; day++) {
        const asOf = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
        const r = await call(t.base, 'GET', `/views/registry?asOf=${asOf}`)
        sent++
        if (r.status === 429) limited = r
        else expect(r.status).toBe(200)
      }
      expect(limited, `no 429 after ${sent} distinct asOf values`).toBeDefined()
      isProblem(limited!, 429)
      expect(limited!.headers.get('retry-after')).not.toBeNull()
      // another caller still gets answers
      expect((await call(t.base, 'GET', '/views/registry?asOf=2001-01-01', { who: 'auditor' })).status).toBe(200)
    } finally {
      await t.close()
    }
  })
  it("gives the dashboard's page and files their own budget: a burst of API calls never turns the page into problem JSON", async () => {
    const t = await startTestServer({ rateLimit: { max: 5, timeWindowMs: 60_000 } })
    try {
      for (let i = 0; i < 6; i++) await call(t.base, 'GET', '/health')
      expect((await call(t.base, 'GET', '/health')).status).toBe(429)
      for (const [path, type] of [
        ['/', 'text/html'],
        ['/assets/dashboard.js', 'text/javascript'],
        ['/assets/dashboard.css', 'text/css'],
      ] as const) {
        const r = await call(t.base, 'GET', path)
        expect(r.status, path).toBe(200)
        expect(r.headers.get('content-type')).toMatch(new RegExp(`^${type}`, 'u'))
      }
    } finally {
      await t.close()
    }
  })
})
