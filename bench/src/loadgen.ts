import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/**
 * The load generator runs in a process of its own (autocannon is CPU-bound too: sharing the server's
 * event loop would measure the two together). The server's process forks this file and sends a job.
 */
export type Job =
  | { readonly kind: 'get'; readonly url: string; readonly connections: number; readonly durationSec: number; readonly headers?: Readonly<Record<string, string>> }
  | {
      readonly kind: 'admit'
      readonly url: string
      readonly connections: number
      readonly durationSec: number
      readonly token: string
      /** unique per run so that member ids never repeat across runs on one database */
      readonly prefix: string
      readonly body: Readonly<Record<string, unknown>>
    }

export type LoadResult = {
  readonly requests: number
  readonly seconds: number
  /** autocannon's average of requests per second */
  readonly rate: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodes: Readonly<Record<string, number>>
  readonly loadgenMaxRssMb: number
}

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: AutocannonRequest) => AutocannonRequest }
type AutocannonResult = {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  duration: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodeStats?: Record<string, { count: number }>
}
type Autocannon = (opts: { url: string; connections: number; duration: number; pipelining?: number; headers?: Record<string, string>; requests?: AutocannonRequest[] }) => Promise<AutocannonResult>

const runJob = async (job: Job): Promise<LoadResult> => {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  const base = { url: job.url, connections: job.connections, duration: job.durationSec, pipelining: 1 }
  let result: AutocannonResult
  if (job.kind === 'get') result = await autocannon({ ...base, ...(job.headers === undefined ? {} : { headers: { ...job.headers } }) })
  else {
    let n = 0
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${job.token}` }
    result = await autocannon({
      ...base,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (req) => {
            const id = `${job.prefix}-${++n}`
            return { ...req, method: 'POST', headers: { ...headers, 'idempotency-key': `cmd-${id}` }, body: JSON.stringify({ ...job.body, memberId: `m-${id}`, personId: `p-${id}` }) }
          },
        },
      ],
    })
  }
  const codes: Record<string, number> = {}
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) codes[code] = s.count
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rate: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: codes,
    loadgenMaxRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

/** From the server's process: runs `job` in a new load-generator process and returns what it measured. */
export const load = (job: Job): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--loadgen'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let answered = false
    proc.on('message', (m: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      answered = true
      if (m.ok) resolve(m.result)
      else reject(new Error(`load generator: ${m.error}`))
    })
    proc.on('exit', (code) => {
      if (!answered) reject(new Error(`the load generator ended with code ${code} before answering`))
    })
    proc.send(job)
  })

if (process.argv.includes('--loadgen')) {
  process.once('message', (job: Job) => {
    runJob(job).then(
      (result) => process.send?.({ ok: true, result }, undefined, {}, () => process.disconnect()),
      (e: unknown) => process.send?.({ ok: false, error: e instanceof Error ? e.message : String(e) }, undefined, {}, () => process.disconnect()),
    )
  })
}
