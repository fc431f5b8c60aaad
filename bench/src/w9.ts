import { loadavg } from 'node:os'
import type { Options } from './options.js'
import { loadWithRss, problemsOf, startHoi } from './server.js'
import { COMMUNE_NCT as ASSOCIATION } from './seed.js'
import { rowOf, type Row } from './stats.js'
import { rawAppendReference } from './w1.js'

const body = { fullName: 'Nguyễn Văn An', birthDate: '1950-03-04', gender: 'male', category: 'official', admittedOn: '2024-05-02' }

/**
 * W9: the whole command path over HTTP — JSON body → codec → authorisation (a clerk's scope) →
 * handleCommand (idempotency lookup, load member and association, decide, append with FULL fsync)
 * → 201 — with unique ids from a separate load-generator process. The reference is the raw driver's
 * one-event appends measured in this run: every command is one durable transaction.
 */
export const runW9 = async (o: Options): Promise<Row[]> => {
  const rows: Row[] = []
  const raw = await rawAppendReference(o.quick ? 3_000 : 10_000)
  o.log(`W9: raw one-event appends ${raw.rate.toFixed(0)} events/s (reference)`)
  const hoi = await startHoi('w9', 1_000, o.log)
  try {
    const url = `${hoi.address}/associations/${ASSOCIATION}/members`
    const token = hoi.auth.principals.provinceClerk.token
    const probe = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...body, memberId: 'probe-1', personId: 'probe-p-1' }),
    })
    if (probe.status !== 201) throw new Error(`POST ${url} answered ${probe.status}: ${(await probe.text()).slice(0, 500)}`)
    let run = 0
    for (const connections of [10, 50]) {
      const job = (durationSec: number) => ({ kind: 'admit' as const, url, connections, durationSec, token, prefix: `r${process.pid}-${++run}`, body })
      o.log(`W9 c=${connections}: warming up`)
      await loadWithRss(job(Math.max(1, Math.min(2, Math.round(o.durationSec / 3)))))
      const before = await hoi.store.head()
      const cpu = process.cpuUsage()
      const h = await loadWithRss(job(o.durationSec))
      const used = process.cpuUsage(cpu)
      const stored = (await hoi.store.head()) - before
      const ok = h.result.requests - h.result.non2xx - h.result.errors - h.result.timeouts
      const issues = [problemsOf('hoi', h.result), stored < ok ? `only ${stored} events stored for ${ok} acknowledged commands` : undefined].filter((s) => s !== undefined)
      const row = rowOf(
        {
          workload: 'W9',
          case: `POST /associations/{id}/members (AdmitMember, clerk token), ${connections} connections, ${o.durationSec} s`,
          unit: 'commands/s',
          hoi: h.measure,
          baseline: { name: 'raw W1', measure: raw },
          target: '≥ 1.5 × raw one-event appends (group commit), p99 ≤ 25 ms',
          note: [
            `baseline: raw better-sqlite3 one-event appends (FULL) in this process; ${stored.toLocaleString('en-US')} events stored during the run; rss is the server process's`,
            `server CPU per command ${((used.user + used.system) / 1000 / Math.max(1, h.result.requests)).toFixed(2)} ms; load average ${loadavg()
              .map((x) => x.toFixed(1))
              .join(' ')}`,
            ...issues,
          ].join('; '),
        },
        (r) => issues.length === 0 && (r.ratio ?? 0) >= 1.5 && r.hoi.p99Ms <= 25,
      )
      rows.push(row)
      o.emit(row)
    }
  } finally {
    await hoi.stop()
  }
  return rows
}
