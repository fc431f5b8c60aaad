import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_OWNED } from '@hoi/api'
import { baseSeed, commandCases, runSetup } from './support/cases.js'
import { malformedRequests, type Request, type Schema } from './support/malformed.js'
import { call, startTestServer, tokens, type TestServer } from './support/server.js'

const SEED = 20_240_315
const COUNT = 10_000
let s: TestServer
let requests: Request[]

type Outcome = { status: number; contentType: string; body: string }

beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, baseSeed)
  const doc = (await call(s.base, 'GET', '/openapi.json')).json
  const templates = []
  let n = 0
  for (const c of commandCases) {
    // the resources each route acts on exist, so that only the body can be what is wrong
    const b = c.build('A', ++n)
    await runSetup(s.store, b.setup)
    const op = doc.paths[c.route.replace(/:([A-Za-z]+)/gu, '{$1}')][c.method.toLowerCase()]
    // a route that carries no domain command (the erasure of a person) documents its own body schema
    const own = op.requestBody.content['application/json'].schema.$ref as string | undefined
    const name = op['x-hoi-commands'] === undefined ? own!.replace('#/components/schemas/', '') : `${c.label === 'correct' ? 'CorrectReport' : op['x-hoi-commands'][0]}Body`
    templates.push({ method: c.method, url: b.path, route: c.route, body: b.body as Record<string, unknown>, schema: doc.components.schemas[name] as Schema })
  }
  requests = malformedRequests(SEED, COUNT, templates, [...SERVER_OWNED, '__proto__', 'constructor', 'prototype'])
})
afterAll(async () => s?.close())

const check = (req: Request, out: Outcome, failures: string[]) => {
  const why = `${req.method} ${req.url} [${req.mutations.join(', ')}] → ${out.status} ${out.body.slice(0, 200)}`
  if (out.status < 400 || out.status > 499) return failures.push(`not 4xx: ${why}`)
  if (!out.contentType.startsWith('application/problem+json')) return failures.push(`not problem+json: ${why}`)
  const problem = JSON.parse(out.body) as { status: number; errors?: Array<{ field?: unknown; message?: unknown }> }
  if (problem.status !== out.status) return failures.push(`status differs: ${why}`)
  if (!Array.isArray(problem.errors) || problem.errors.length === 0) return failures.push(`no field named: ${why}`)
  if (!problem.errors.every((e) => typeof e.field === 'string' && e.field.length > 0 && typeof e.message === 'string')) return failures.push(`bad errors: ${why}`)
  return undefined
}

describe('F4: 10,000 generated malformed bodies against every command route', () => {
  it('answers each with a 4xx problem naming a field, never a 5xx, and stores nothing', async () => {
    const fastify = s.app.getHttpAdapter().getInstance()
    const before = await s.store.head()
    const failures: string[] = []
    const statuses = new Map<number, number>()
    const byMutation = new Map<string, number>()
    for (let i = 0; i < requests.length; i += 100) {
      const batch = requests.slice(i, i + 100)
      const outs = await Promise.all(
        batch.map(async (req) => {
          const res = await fastify.inject({ method: req.method as 'POST', url: req.url, payload: req.payload, headers: { ...req.headers, authorization: `Bearer ${tokens.admin}` } })
          return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body }
        }),
      )
      outs.forEach((out, j) => {
        const req = batch[j]!
        statuses.set(out.status, (statuses.get(out.status) ?? 0) + 1)
        for (const m of req.mutations) byMutation.set(m, (byMutation.get(m) ?? 0) + 1)
        check(req, out, failures)
      })
    }
    console.log(`F4: ${requests.length} malformed requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}; mutations ${JSON.stringify(Object.fromEntries(byMutation))}`)
    expect(failures.slice(0, 10)).toEqual([])
    expect(requests.length).toBe(COUNT)
    expect(byMutation.size).toBe(18)
    expect(await s.store.head()).toBe(before)
  })

  it('does the same over real HTTP, in parallel on kept-alive connections', async () => {
    const before = await s.store.head()
    const sample = requests.filter((_, i) => i % 25 === 0)
    const failures: string[] = []
    for (let i = 0; i < sample.length; i += 20) {
      const batch = sample.slice(i, i + 20)
      const outs = await Promise.all(
        batch.map(async (req) => {
          const res = await fetch(s.base + req.url, { method: req.method, headers: { ...req.headers, authorization: `Bearer ${tokens.admin}` }, body: req.payload })
          return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() }
        }),
      )
      outs.forEach((out, j) => check(batch[j]!, out, failures))
    }
    expect(failures.slice(0, 10)).toEqual([])
    expect(sample.length).toBe(COUNT / 25)
    expect(await s.store.head()).toBe(before)
  })
})
