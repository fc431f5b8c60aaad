import { loadavg } from 'node:os'
import { fastifyVersion, startBare } from './bare.js'
import type { Options } from './options.js'
import { loadWithRss, problemsOf, startHoi } from './server.js'
import { rowOf, type Measure, type Row } from './stats.js'

const CONNECTIONS = 50

/** Server CPU per request, µs: both servers run in this process and the load in another, so on a busy machine this is steadier than req/s. */
const withCpu = async (run: () => ReturnType<typeof loadWithRss>) => {
  const before = process.cpuUsage()
  const r = await run()
  const used = process.cpuUsage(before)
  return { ...r, cpuUs: (used.user + used.system) / Math.max(1, r.result.requests) }
}

/**
 * W7: a cached view over HTTP. The API serves serialised view bytes from its cache; the limit is a
 * bare fastify (the version Nest's adapter uses) returning the same bytes. Load comes from another
 * process (autocannon, 50 connections); the server runs in this one.
 */
export const runW7 = async (o: Options): Promise<Row[]> => {
  const hoi = await startHoi('w7', o.quick ? 3_000 : 20_000, o.log)
  const rows: Row[] = []
  try {
    const cases = [
      { label: 'small cached view', path: '/views/statistics?year=2020', target: '≥ 40k req/s, p99 ≤ 5 ms', check: (r: Row) => r.hoi.rate >= 40_000 && r.hoi.p99Ms <= 5 },
      { label: '50-row list', path: '/views/registry?limit=50', target: '≥ 35k req/s', check: (r: Row) => r.hoi.rate >= 35_000 },
    ]
    const routes = []
    for (const c of cases) {
      const res = await fetch(hoi.address + c.path)
      const body = Buffer.from(await res.arrayBuffer())
      if (res.status !== 200) throw new Error(`GET ${c.path} answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`)
      // the baseline answers with the very headers hoi sent, so both put the same bytes on the wire
      const headers = Object.fromEntries([...res.headers.entries()].filter(([k]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k)))
      routes.push({ ...c, pathname: c.path.split('?')[0]!, body, headers })
    }
    const bare = await startBare(routes.map((r) => ({ path: r.pathname, body: r.body, headers: r.headers })))
    try {
      const warm = Math.max(1, Math.min(2, Math.round(o.durationSec / 3)))
      for (const [k, c] of routes.entries()) {
        const job = (base: string, durationSec: number) => ({ kind: 'get' as const, url: base + c.path, connections: CONNECTIONS, durationSec })
        o.log(`W7 ${c.label}: warming up`)
        await loadWithRss(job(bare.address, warm))
        await loadWithRss(job(hoi.address, warm))
        let h: Awaited<ReturnType<typeof withCpu>>
        let b: Awaited<ReturnType<typeof withCpu>>
        if (k % 2 === 0) {
          b = await withCpu(() => loadWithRss(job(bare.address, o.durationSec)))
          h = await withCpu(() => loadWithRss(job(hoi.address, o.durationSec)))
        } else {
          h = await withCpu(() => loadWithRss(job(hoi.address, o.durationSec)))
          b = await withCpu(() => loadWithRss(job(bare.address, o.durationSec)))
        }
        const issues = [problemsOf('hoi', h.result), problemsOf('bare', b.result)].filter((s) => s !== undefined)
        const measure: Measure = h.measure
        const row = rowOf(
          {
            workload: 'W7',
            case: `GET ${c.path} (${c.label}, ${c.body.length.toLocaleString('en-US')} B), ${CONNECTIONS} connections, ${o.durationSec} s`,
            unit: 'req/s',
            hoi: measure,
            baseline: { name: 'fastify', measure: b.measure },
            target: c.target,
            note: [
              `bare fastify ${fastifyVersion()} returning the same body and headers; rss is the server process's; load generator peak RSS ${h.result.loadgenMaxRssMb.toFixed(0)} MiB`,
              `server CPU per request hoi ${h.cpuUs.toFixed(1)} µs, fastify ${b.cpuUs.toFixed(1)} µs (fastify/hoi ${(b.cpuUs / h.cpuUs).toFixed(2)}); load average ${loadavg()
                .map((x) => x.toFixed(1))
                .join(' ')}`,
              ...issues,
            ].join('; '),
          },
          (r) => issues.length === 0 && c.check(r),
        )
        rows.push(row)
        o.emit(row)
      }
    } finally {
      await bare.close()
    }
  } finally {
    await hoi.stop()
  }
  return rows
}
