import { request as httpRequest } from 'node:http'
import { Writable } from 'node:stream'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseSeed, commandCases, runSetup } from './support/cases.js'
import { call, settle, startTestServer, tokens, type TestServer } from './support/server.js'

/** Log lines written by the server, parsed. */
const lines: Array<Record<string, unknown>> = []
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l) as Record<string, unknown>)
    done()
  },
})
const spans = new InMemorySpanExporter()
let s: TestServer
let n = 5000

/** GET with exactly these headers (fetch would add and undo an Accept-Encoding): status, headers, raw bytes. */
const raw = (path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(s.base + path, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })

const foundAssociation = () => {
  const b = commandCases[0]!.build('A', ++n)
  return call(s.base, 'POST', b.path, { who: 'admin', body: b.body })
}

beforeAll(async () => {
  s = await startTestServer({ logger: { level: 'info', destination: sink }, traceExporter: spans })
  await runSetup(s.store, baseSeed)
  await settle(s)
})
afterAll(async () => s?.close())

describe('request ids', () => {
  it('a valid X-Request-Id is kept: answered in the header and in a problem', async () => {
    const r = await call(s.base, 'GET', '/views/association/nobody', { headers: { 'x-request-id': 'trace-42.abc' } })
    expect(r.status).toBe(404)
    expect(r.headers.get('x-request-id')).toBe('trace-42.abc')
    expect(r.json.requestId).toBe('trace-42.abc')
  })

  it('an invalid one (spaces, quotes, too long) is replaced by a new one, different each time', async () => {
    const made = new Set<string>()
    for (const bad of ['has space', 'quote"d', 'x'.repeat(129), '']) {
      const r = await call(s.base, 'GET', '/health', { headers: { 'x-request-id': bad } })
      const id = r.headers.get('x-request-id')!
      expect(id).toMatch(/^[A-Za-z0-9_-]{12}-[0-9a-z]+$/u)
      made.add(id)
    }
    expect(made.size).toBe(4)
  })

  it('a framework error (bad percent-encoding) carries the id too', async () => {
    const r = await call(s.base, 'GET', '/views/association/%E0%A4%A', { headers: { 'x-request-id': 'bad-url-1' } })
    expect(r.status).toBe(400)
    expect(r.headers.get('x-request-id')).toBe('bad-url-1')
    expect(r.json.requestId).toBe('bad-url-1')
  })
})

describe('JSON logs', () => {
  it('one line per request with its id, route pattern, status and role; no URL, query, name or token', async () => {
    const id = 'log-line-1'
    await call(s.base, 'GET', '/views/roster/prov-a?search=Nguy%E1%BB%85n', { who: 'admin', headers: { 'x-request-id': id } })
    await new Promise((r) => setTimeout(r, 50))
    const mine = lines.filter((l) => l.reqId === id)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/views/roster/:associationId', status: 200, caller: 'admin' })
    expect(typeof mine[0]!.time).toBe('string')
    const text = JSON.stringify(mine[0])
    for (const secret of ['prov-a', 'search', 'Nguy', tokens.admin.slice(0, 20)]) expect(text).not.toContain(secret)
  })

  it('every line about a request carries its id, the request line included', async () => {
    await call(s.base, 'GET', '/no/such/thing', { headers: { 'x-request-id': 'log-line-2' } })
    await new Promise((r) => setTimeout(r, 50))
    const mine = lines.filter((l) => l.reqId === 'log-line-2')
    expect(mine.map((l) => l.status)).toEqual([404])
    expect(lines.filter((l) => l.msg === 'request').every((l) => typeof l.reqId === 'string')).toBe(true)
  })
})

describe('201 Created', () => {
  it('names the stream written in Location, and the Location answers', async () => {
    const r = await foundAssociation()
    expect(r.status, r.text).toBe(201)
    expect(r.headers.get('location')).toBe(`/audit/streams/${encodeURIComponent(r.json.streamId as string)}`)
    const history = await call(s.base, 'GET', r.headers.get('location')!, { who: 'auditor' })
    expect(history.status).toBe(200)
    expect(history.json.events.at(-1).revision).toBe(r.json.revision)
  })
})

describe('compression', () => {
  it('a large view in gzip or br when asked, the same bytes as uncompressed, and a weak ETag either way', async () => {
    // the ETag names the view's position, which the follow-ups of the commands above (written after
    // their answers) may still move: the three are asked again until one view state answers all three
    let tries = 0
    for (;;) {
      await settle(s)
      const plain = await raw('/views/registry?limit=50', {})
      const gz = await raw('/views/registry?limit=50', { 'accept-encoding': 'gzip' })
      const br = await raw('/views/registry?limit=50', { 'accept-encoding': 'gzip;q=0.5, br' })
      if ((plain.headers.etag !== gz.headers.etag || plain.headers.etag !== br.headers.etag) && ++tries < 20) {
        await new Promise((r) => setTimeout(r, 100))
        continue
      }
      expect(plain.status).toBe(200)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.length).toBeGreaterThan(1024)
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(gz.headers.vary).toContain('accept-encoding')
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
      expect(gz.body.length).toBeLessThan(plain.body.length)
      expect(br.headers['content-encoding']).toBe('br')
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
      expect(gz.headers.etag).toBe(plain.headers.etag)
      expect(br.headers.etag).toBe(plain.headers.etag)
      break
    }
  })

  it('gzip refused with q=0 is not used', async () => {
    const r = await raw('/views/registry?limit=50', { 'accept-encoding': 'gzip;q=0' })
    expect(r.headers['content-encoding']).toBeUndefined()
  })

  it('a small answer is sent as it is, whole and readable', async () => {
    const r = await raw('/health', { 'accept-encoding': 'gzip, br' })
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(r.body.toString('utf8')).status).toBe('ok')
  })

  it('other large answers (the OpenAPI document) are compressed by the server too', async () => {
    const r = await raw('/openapi.json', { 'accept-encoding': 'gzip' })
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(r.body).toString('utf8')).openapi).toBe('3.1.0')
  })
})

describe('/metrics', () => {
  it('needs an admin or auditor token', async () => {
    expect((await call(s.base, 'GET', '/metrics')).status).toBe(401)
    expect((await call(s.base, 'GET', '/metrics', { who: 'clerkA' })).status).toBe(403)
    expect((await call(s.base, 'GET', '/metrics', { who: 'auditor' })).status).toBe(200)
  })

  it('counts commands by type and outcome, times the store, shows view lag and parked events', async () => {
    expect((await foundAssociation()).status).toBe(201)
    const refused = await call(s.base, 'POST', '/associations', {
      who: 'admin',
      body: { associationId: 'x', name: 'Hội', kind: 'elderly', scope: 'commune', areaCode: '12.1.1', foundedOn: '2015-01-01', foundingMembers: 1, parentId: 'nobody-here' },
    })
    expect(refused.status, refused.text).toBe(422)
    // follow-up events a command causes are picked up by the poll
    // (a follow-up may land after a settle: the lag reads 0 once the views hold the whole log)
    let r = await call(s.base, 'GET', '/metrics', { who: 'admin' })
    for (const until = Date.now() + 10_000; !/^hoi_view_lag_events 0$/mu.test(r.text) && Date.now() < until;) {
      await settle(s)
      r = await call(s.base, 'GET', '/metrics', { who: 'admin' })
    }
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/u)
    expect(r.text).toMatch(/^hoi_command_duration_seconds_count\{command="FoundAssociation",outcome="stored"\} [1-9]/mu)
    expect(r.text).toMatch(/^hoi_command_duration_seconds_count\{command="FoundAssociation",outcome="refused"\} 1$/mu)
    expect(r.text).toMatch(/^hoi_store_operation_duration_seconds_count\{operation="append",kind="sqlite"\} [1-9]/mu)
    expect(r.text).toMatch(/^hoi_store_operation_duration_seconds_count\{operation="readStream",kind="sqlite"\} [1-9]/mu)
    expect(r.text).toMatch(/^hoi_view_lag_events 0$/mu)
    expect(r.text).toMatch(/^hoi_parked_events 0$/mu)
  })

  it('the lag counts events written by another process until the view catches up', async () => {
    const before = await s.store.head()
    await runSetup(s.store, [
      {
        type: 'FoundAssociation',
        data: { associationId: 'lag-1', name: 'Hội Người cao tuổi xã Lag', kind: 'elderly', scope: 'commune', areaCode: '12.777.01', foundedOn: '2015-01-01', foundingMembers: 12, parentId: 'prov-a' },
      },
    ])
    const written = (await s.store.head()) - before
    const lagging = await call(s.base, 'GET', '/metrics', { who: 'admin' })
    await settle(s)
    const after = await call(s.base, 'GET', '/metrics', { who: 'admin' })
    // the poll (every 100 ms here) may have caught up, wholly or partly, before the first scrape
    const lag = Number(/^hoi_view_lag_events (\d+)$/mu.exec(lagging.text)?.[1])
    expect(lag).toBeGreaterThanOrEqual(0)
    expect(lag).toBeLessThanOrEqual(written)
    expect(after.text).toMatch(/^hoi_view_lag_events 0$/mu)
  })
})

describe('traces', () => {
  it("a command is a span inside its request span, continuing the caller's traceparent", async () => {
    spans.reset()
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    const b = commandCases[0]!.build('A', ++n)
    const r = await call(s.base, 'POST', b.path, { who: 'admin', body: b.body, headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-request-id': 'traced-1' } })
    expect(r.status).toBe(201)
    await new Promise((res) => setTimeout(res, 20))
    const done = spans.getFinishedSpans()
    const http = done.find((x) => x.name === 'POST /associations')
    const command = done.find((x) => x.name === 'command FoundAssociation')
    expect(http?.spanContext().traceId).toBe(traceId)
    expect(http?.attributes['http.response.status_code']).toBe(201)
    expect(http?.attributes['hoi.request_id']).toBe('traced-1')
    expect(command?.parentSpanContext?.spanId).toBe(http?.spanContext().spanId)
    expect(command?.attributes['hoi.outcome']).toBe('stored')
  })
})

describe('JSON logs without tracing (cached views answered before Fastify routes them)', () => {
  const plain: Array<Record<string, unknown>> = []
  let q: TestServer
  beforeAll(async () => {
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n')) if (l.trim() !== '') plain.push(JSON.parse(l) as Record<string, unknown>)
        done()
      },
    })
    q = await startTestServer({ logger: { level: 'info', destination: out } })
    await runSetup(q.store, baseSeed)
    await settle(q)
  })
  afterAll(async () => q?.close())

  it('every answer of a repeated view GET has its line: id, route pattern, status, caller; no URL or query', async () => {
    const ids = ['fast-log-1', 'fast-log-2', 'fast-log-3', 'fast-log-4']
    for (const id of ids) expect((await call(q.base, 'GET', '/views/registry?areaCode=12&limit=3', { headers: { 'x-request-id': id } })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    for (const id of ids) {
      const mine = plain.filter((l) => l.reqId === id)
      expect(mine, id).toHaveLength(1)
      expect(mine[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/views/registry', status: 200, caller: 'anonymous' })
      expect(typeof mine[0]!.ms).toBe('number')
      expect(typeof mine[0]!.time).toBe('string')
      expect(JSON.stringify(mine[0])).not.toContain('areaCode')
    }
  })
})
