import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandAccess } from '@hoi/api'
import { commandTypes, commandCodecs, jsonSchemaOf } from '@hoi/domain'
import { baseSeed, commandCases, runSetup } from './support/cases.js'
import { call, startTestServer, type TestServer } from './support/server.js'

const LIMIT = 2048
let s: TestServer

beforeAll(async () => {
  s = await startTestServer({ bodyLimit: LIMIT, rateLimit: { max: 10_000, timeWindowMs: 60_000 } })
  await runSetup(s.store, baseSeed)
})
afterAll(async () => s?.close())

const problemJson = (r: { headers: Headers; json: { status: number } }, status: number) => {
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/u)
  expect(r.json.status).toBe(status)
}

describe('security headers on every response', () => {
  const paths: ReadonlyArray<[string, string, number]> = [
    ['GET', '/views/registry', 200],
    ['GET', '/nowhere', 404],
    ['POST', '/associations', 401],
    ['GET', '/', 200],
    ['GET', '/docs', 200],
  ]
  for (const [method, path, status] of paths)
    it(`${method} ${path}`, async () => {
      const r = await call(s.base, method, path)
      expect(r.status).toBe(status)
      const csp = r.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-eval')
      expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(r.headers.get('referrer-policy')).toBe('no-referrer')
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/u)
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin')
      expect(r.headers.get('x-powered-by')).toBeNull()
    })
})

describe('framework errors are problem+json too', () => {
  it('F5: a body one byte over the limit is a 413; at the limit it is read', async () => {
    const pad = (n: number) => JSON.stringify({ name: 'x'.repeat(n - 11) })
    expect(Buffer.byteLength(pad(LIMIT))).toBe(LIMIT)
    const at = await call(s.base, 'POST', '/associations', { who: 'admin', raw: pad(LIMIT) })
    expect(at.status).toBe(400)
    const over = await call(s.base, 'POST', '/associations', { who: 'admin', raw: pad(LIMIT + 1) })
    expect(over.status).toBe(413)
    problemJson(over, 413)
  })
  it('a body that is not JSON, not UTF-8, empty, or of another type', async () => {
    const cases: ReadonlyArray<[string | Buffer, string | undefined, number]> = [
      ['{"a":', 'application/json', 400],
      [Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'application/json', 400],
      ['', 'application/json', 400],
      ['a=1', 'application/x-www-form-urlencoded', 415],
      ['<a/>', 'text/xml', 415],
      ['{"a":NaN}', 'application/json', 400],
    ]
    for (const [raw, type, status] of cases) {
      const r = await call(s.base, 'POST', '/associations', { who: 'admin', raw, headers: type === undefined ? {} : { 'content-type': type } })
      expect(r.status, String(raw)).toBe(status)
      problemJson(r, status)
      expect(r.json.errors[0].field.length).toBeGreaterThan(0)
    }
  })
  it('an unknown route is a 404, a wrong method on a known path a 405', async () => {
    problemJson(await call(s.base, 'GET', '/admin.php'), 404)
    problemJson(await call(s.base, 'PATCH', '/associations', { who: 'admin', body: {} }), 405)
  })
  it('a store failure is a 500 that tells nothing of the internals, and health says the store is down', async () => {
    const broken = new Proxy(s.store, {
      get(target, prop, receiver) {
        if (prop === 'eventsOfCommand' || prop === 'head')
          return async () => {
            throw new Error('SQLITE_IOERR at /var/lib/hoi/secret.sqlite')
          }
        const v = Reflect.get(target, prop, receiver)
        return typeof v === 'function' ? v.bind(target) : v
      },
    })
    const b = await startTestServer({ store: broken })
    try {
      const r = await call(b.base, 'POST', '/associations/a-commune/conferences', { who: 'admin', body: { conferenceId: 'c', kind: 'review', title: 'T', heldOn: '2020-01-01', attendees: 1 } })
      expect(r.status).toBe(500)
      problemJson(r, 500)
      expect(r.text).not.toMatch(/SQLITE|secret|\/var\/lib|at .*\.js/u)
      const h = await call(b.base, 'GET', '/health')
      expect(h.status).toBe(503)
      expect(h.json).toMatchObject({ status: 'unavailable', store: { reachable: false } })
    } finally {
      await b.app.close()
    }
  })
})

describe('rate limit per principal', () => {
  it('answers 429 problem+json past the limit, counting each principal apart', async () => {
    const r = await startTestServer({ rateLimit: { max: 5, timeWindowMs: 60_000 } })
    try {
      for (let i = 0; i < 5; i++) expect((await call(r.base, 'GET', '/health', { who: 'clerkA' })).status).toBe(200)
      const limited = await call(r.base, 'GET', '/health', { who: 'clerkA' })
      expect(limited.status).toBe(429)
      problemJson(limited, 429)
      expect(limited.headers.get('retry-after')).not.toBeNull()
      expect(limited.headers.get('content-security-policy')).not.toBeNull()
      expect((await call(r.base, 'GET', '/health', { who: 'clerkB' })).status).toBe(200)
      expect((await call(r.base, 'GET', '/health')).status).toBe(200)
    } finally {
      await r.close()
    }
  })
})

describe('OpenAPI and /docs', () => {
  it('lists every command route with its body schema generated from the codec', async () => {
    const doc = (await call(s.base, 'GET', '/openapi.json')).json
    expect(doc.openapi).toBe('3.1.0')
    const listed = new Set<string>()
    for (const c of commandCases) {
      const op = doc.paths[c.route.replace(/:([A-Za-z]+)/gu, '{$1}')]?.[c.method.toLowerCase()]
      expect(op, `${c.method} ${c.route}`).toBeDefined()
      expect(op.security).toEqual([{ bearerAuth: [] }])
      const ref = op.requestBody.content['application/json'].schema.$ref ?? op.requestBody.content['application/json'].schema.oneOf[0].$ref
      expect(doc.components.schemas[String(ref).replace('#/components/schemas/', '')], `${c.method} ${c.route} body`).toMatchObject({ type: 'object', additionalProperties: false })
      // the erasure of a person (H1) sends no domain command: its body schema comes from its own codec, and only an administrator may call it
      if (op['x-hoi-commands'] === undefined) {
        expect(op['x-hoi-access']).toBe('admin')
        continue
      }
      for (const t of op['x-hoi-commands']) listed.add(t)
      expect(op['x-hoi-access']).toBe(commandAccess[op['x-hoi-commands'][0] as keyof typeof commandAccess])
    }
    expect([...listed].sort()).toEqual([...commandTypes].sort())
    const data = (jsonSchemaOf(commandCodecs.AdmitMember) as { properties: { data: { properties: Record<string, unknown> } } }).properties.data.properties
    const body = doc.components.schemas.AdmitMemberBody
    expect(body.properties.fullName).toEqual(data.fullName)
    expect(body.properties).not.toHaveProperty('associationId')
    expect(body.required).toContain('fullName')
    expect(body.additionalProperties).toBe(false)
    expect(doc.paths['/views/statistics'].get.parameters.map((p: { name: string }) => p.name)).toContain('year')
    expect(doc.components.schemas.ErasureBody).toMatchObject({ required: ['reason'], properties: { reason: { type: 'string' }, erasedOn: { type: 'string', format: 'date' } } })
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' })
  })
  it('serves Swagger UI and its files from this origin', async () => {
    const page = await call(s.base, 'GET', '/docs')
    expect(page.headers.get('content-type')).toMatch(/^text\/html/u)
    expect(page.text).toContain('swagger-ui')
    expect(page.text).not.toMatch(/https?:\/\//u)
    for (const f of ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) expect((await call(s.base, 'GET', `/docs/assets/${f}`)).status).toBe(200)
    expect((await call(s.base, 'GET', '/docs/assets/package.json')).status).toBe(404)
    expect((await call(s.base, 'GET', '/docs/assets/..%2Fpackage.json')).status).toBe(404)
    expect((await call(s.base, 'GET', '/docs/init.js')).text).toContain('/openapi.json')
  })
})
