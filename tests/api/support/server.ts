import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, signJwt, type AppOptions } from '@hoi/api'
import { openStore, type EventStore } from '@hoi/adapters'

export const SECRET = 'test-secret-of-at-least-thirty-two-characters'
export const TODAY = '2024-03-15'

/** Tokens for the roles of the authorisation matrix; clerk A acts for prov-a and below, clerk B for prov-b. */
export const tokens = {
  admin: signJwt({ sub: 'admin-1', role: 'admin' }, SECRET),
  clerkA: signJwt({ sub: 'clerk-a', role: 'clerk', associations: ['prov-a'] }, SECRET),
  clerkB: signJwt({ sub: 'clerk-b', role: 'clerk', associations: ['prov-b'] }, SECRET),
  clerkCommuneA: signJwt({ sub: 'clerk-a-commune', role: 'clerk', associations: ['a-commune'] }, SECRET),
  auditor: signJwt({ sub: 'auditor-1', role: 'auditor' }, SECRET),
}
export type Who = 'admin' | 'clerkA' | 'clerkB' | 'auditor' | 'anonymous'

export type App = Awaited<ReturnType<typeof createApp>>
export type TestServer = {
  readonly app: App
  readonly store: EventStore
  readonly base: string
  readonly close: () => Promise<void>
}

/** The API over real HTTP on an ephemeral port, on a SQLite store in a fresh temp folder. */
export const startTestServer = async (opts: Partial<AppOptions> = {}): Promise<TestServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-api-'))
  const store = await openStore(`sqlite:${join(dir, 'hoi.sqlite')}`)
  const app = await createApp({
    store,
    auth: { jwtSecret: SECRET },
    clock: () => new Date(`${TODAY}T09:00:00Z`),
    rateLimit: false,
    pollIntervalMs: 100,
    ...opts,
  })
  await app.listen(0, '127.0.0.1')
  const { port } = app.getHttpServer().address() as { port: number }
  return {
    app,
    store,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type Reply = { readonly status: number; readonly headers: Headers; readonly text: string; readonly json: any } // eslint-disable-line @typescript-eslint/no-explicit-any

/** One HTTP request; `who` adds that role's bearer token. */
export const call = async (base: string, method: string, path: string, opts: { who?: Who; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> => {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) }
  if (opts.who !== undefined && opts.who !== 'anonymous') headers.authorization = `Bearer ${tokens[opts.who]}`
  let body: string | Buffer | undefined
  if (opts.raw !== undefined) body = opts.raw
  else if (opts.body !== undefined) body = JSON.stringify(opts.body)
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json'
  const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) })
  const text = await res.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

/** Waits until the server's view has caught up with everything in the store (it polls the store's head). */
export const settle = async (s: TestServer, timeoutMs = 5000): Promise<void> => {
  const head = await s.store.head()
  const until = Date.now() + timeoutMs
  for (;;) {
    const r = await call(s.base, 'GET', '/health')
    if (r.json?.view?.position >= head) return
    if (Date.now() > until) throw new Error(`the view did not catch up with position ${head}: ${r.text}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
