import { afterAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { signJwt } from '@hoi/api'
import { cliPath, root } from '../support/cli.js'
import { testDatabase, type TestDatabase } from '../support/pg.js'

// Two `hoi serve` processes on one PostgreSQL database: each one's views follow the shared log,
// so a command accepted by one shows in the other's views without a restart.
const pgdb = await testDatabase()
const skip = 'skip' in pgdb ? pgdb.skip : undefined
if (skip !== undefined) console.log(`two hoi serve processes on one PostgreSQL database skipped: ${skip}`)
const db = pgdb as TestDatabase

const SECRET = 'serve-postgres-test-secret-of-32-characters-or-more'
const admin = signJwt({ sub: 'admin-1', role: 'admin' }, SECRET)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

type Served = { readonly base: string; readonly child: ChildProcess; readonly output: () => string }

const children: ChildProcess[] = []
afterAll(async () => {
  for (const c of children) {
    if (c.exitCode !== null || c.signalCode !== null) continue
    const gone = new Promise((r) => c.once('exit', r))
    c.kill('SIGTERM')
    await Promise.race([gone, sleep(10_000)])
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  }
  if (skip === undefined) await db.drop()
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const request = async (base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

/** Starts `hoi serve` on the shared database and waits (bounded) until it answers /health. */
const serve = async (): Promise<Served> => {
  const port = await freePort()
  const child = spawn(process.execPath, [cliPath, 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, HOI_STORE: db.url, HOI_JWT_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const base = `http://127.0.0.1:${port}`
  const until = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hoi serve exited with ${child.exitCode}: ${output}`)
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) return { base, child, output: () => output }
    if (Date.now() > until) throw new Error(`hoi serve did not answer /health within 60 s: ${output}`)
    await sleep(200)
  }
}

const registryIds = async (s: Served): Promise<string[]> => {
  const r = await request(s.base, 'GET', '/views/registry')
  expect(r.status).toBe(200)
  return (r.json.items as Array<{ associationId: string }>).map((a) => a.associationId)
}

/** Polls `s`'s registry view until it lists `id`, for at most 20 s; the time it took, in ms. */
const seen = async (s: Served, id: string): Promise<number> => {
  const started = Date.now()
  while (!(await registryIds(s)).includes(id)) {
    if (Date.now() - started > 20_000) throw new Error(`${s.base} did not show ${id} within 20 s; it shows ${JSON.stringify(await registryIds(s))}; output: ${s.output()}`)
    await sleep(100)
  }
  return Date.now() - started
}

const association = (associationId: string, areaCode: string) => ({
  associationId,
  name: `Hội Người cao tuổi tỉnh ${areaCode}`,
  kind: 'elderly',
  scope: 'province',
  areaCode,
  foundedOn: '2010-01-01',
  foundingMembers: 60,
})

describe.skipIf(skip !== undefined)(`two hoi serve processes on one PostgreSQL database${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  it("a command posted to one server shows in the other server's views, both ways", { timeout: 180_000 }, async () => {
    const [a, b] = await Promise.all([serve(), serve()])
    expect(await registryIds(a)).toEqual([])
    expect(await registryIds(b)).toEqual([])

    const first = await request(a.base, 'POST', '/associations', association('pg-a', '11'))
    expect(first.status, JSON.stringify(first.json)).toBe(201)
    const aToB = await seen(b, 'pg-a')

    const second = await request(b.base, 'POST', '/associations', association('pg-b', '12'))
    expect(second.status, JSON.stringify(second.json)).toBe(201)
    const bToA = await seen(a, 'pg-b')

    expect((await registryIds(a)).sort()).toEqual(['pg-a', 'pg-b'])
    expect((await registryIds(b)).sort()).toEqual(['pg-a', 'pg-b'])
    // the same id sent to the other server is refused there: both decide on the one shared log
    expect((await request(b.base, 'POST', '/associations', association('pg-a', '13'))).status).toBeGreaterThanOrEqual(400)
    console.log(`two hoi serve processes on one PostgreSQL database: A's write seen by B after ${aToB} ms, B's by A after ${bToA} ms`)
  })
})
