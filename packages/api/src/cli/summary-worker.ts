import { parentPort, workerData } from 'node:worker_threads'
import { openStore, openViews } from '@hoi/adapters'
import { summaryLines, type SummaryJob } from './summary.js'

/** The worker of `summaryInWorker`: opens the store and its views, computes the lines, closes both. */
const job = workerData as SummaryJob
try {
  const store = await openStore(job.storeUrl)
  try {
    const views = await openViews(store, job.viewsAt === undefined ? {} : { viewsAt: job.viewsAt })
    try {
      parentPort?.postMessage({ lines: await summaryLines(views, store, job) })
    } finally {
      await views.close()
    }
  } finally {
    await store.close()
  }
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) })
}
