import { Worker } from 'node:worker_threads'
import type { EventStore, ViewEngine } from '@hoi/adapters'
import { PROVINCE } from '../demo/province.js'
import { formatNumber } from './table.js'

export type SummaryAsk = { readonly demo: boolean; readonly today: string }

/** The figures `serve` prints when it starts: the demo's golden figures are Lai Châu's (article 002), the other provinces aside. */
export const summaryLines = async (views: ViewEngine, store: EventStore, ask: SummaryAsk): Promise<string[]> => {
  const s = await views.statistics(ask.demo ? { year: 2020, areaCode: PROVINCE.code } : { year: 2020 })
  const now = await views.registry({})
  const activeClubs = await views.clubs({ status: 'active' })
  const targets = await views.targets({ asOf: ask.today })
  const head = await store.head()
  return [
    // only a dense log's head is a count of events
    `hoi — ${store.url}: ${store.capabilities.densePositions ? `${formatNumber(head)} events` : `log head at position ${head}`}`,
    `  2020${ask.demo ? ` in ${PROVINCE.name} (area ${PROVINCE.code})` : ''}: ${formatNumber(s.associations.total)} associations (province ${formatNumber(s.associations.byScope.province)}, district ${formatNumber(s.associations.byScope.district)}, commune ${formatNumber(s.associations.byScope.commune)}), ${formatNumber(s.members.total)} members, ${formatNumber(s.special.total)} special, ${formatNumber(s.foundedInYear.total)} founded in 2020`,
    `  today: ${formatNumber(now.length)} associations and bodies, ${formatNumber(activeClubs.length)} active clubs`,
    ...targets.map(
      (t) =>
        `  target ${t.title}: ${formatNumber(t.current)}/${formatNumber(t.goal)} (${formatNumber(t.percent)} %), ${t.status}${t.milestones.map((m) => `; milestone ${formatNumber(m.goal)} by ${m.dueOn} ${m.met ? `met ${m.metOn}` : m.missed ? 'missed' : 'open'}`).join('')}`,
    ),
  ]
}

/** What the summary's worker is given: the store (and where its views are) to open on its own. */
export type SummaryJob = SummaryAsk & { readonly storeUrl: string; readonly viewsAt: string | undefined }

/**
 * The summary computed in a worker thread on its own connection to the store and its view tables,
 * so that the server's thread answers requests meanwhile (a SQLite query blocks the thread that
 * runs it, and the summary's take a few hundred milliseconds). The worker only reads: the server
 * has built and caught up the views before it listens.
 */
export const summaryInWorker = (job: SummaryJob): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./summary-worker.js', import.meta.url), { workerData: job })
    let lines: string[] | undefined
    worker.once('message', (m: { lines: string[] } | { error: string }) => {
      if ('lines' in m) lines = m.lines
      else reject(new Error(m.error))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => (lines === undefined ? reject(new Error(`the summary's worker stopped (exit code ${code})`)) : resolve(lines)))
  })
