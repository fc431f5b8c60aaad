import { runBatch, type EventStore } from '@hoi/adapters'
import { DEMO_LAST_COMMAND, scenario } from '../demo/index.js'
import { progressBar } from './progress.js'
import { formatNumber } from './table.js'

/** Writes the golden scenario; a second run finds every command already applied and stores nothing. */
export const runDemo = async (store: EventStore, log: (s: string) => void): Promise<{ applied: number; replayed: number; rejected: number; events: number }> => {
  const before = await store.head()
  const started = performance.now()
  // the last command of the scenario is written last: if it is there, the whole scenario is
  if (before > 0 && (await store.eventsOfCommand(DEMO_LAST_COMMAND)).length > 0) {
    log(`demo: already loaded in ${store.url}; nothing written`)
    return { applied: 0, replayed: 0, rejected: 0, events: 0 }
  }
  // runBatch decodes each command with the same codec a client's command goes through
  // progress on stderr, in commands: a bar on a terminal, a plain line every two seconds otherwise
  const bar = progressBar('demo', process.stderr, undefined, 'commands')
  let results
  try {
    results = await runBatch(
      store,
      [...scenario()].map((c) => ({ command: { type: c.type, data: c.data }, meta: { commandId: c.commandId, actor: 'demo' } })),
      { onProgress: bar.update },
    )
  } finally {
    bar.done()
  }
  let applied = 0
  let replayed = 0
  let events = 0
  const rejected: string[] = []
  for (const [i, r] of results.entries()) {
    if (r._tag === 'Right') {
      if (r.right.replayed) replayed++
      else {
        applied++
        events += r.right.events.length
      }
    } else rejected.push(`#${i + 1}: ${JSON.stringify(r.left)}`)
  }
  // the outcomes hold each command's own events; follow-ups (membership claims, a parent's children) are stored too
  if (store.capabilities.densePositions) events = (await store.head()) - before
  log(`demo: ${formatNumber(applied)} commands applied, ${formatNumber(replayed)} already present, ${formatNumber(events)} events written in ${formatNumber((performance.now() - started) / 1000)} s`)
  if (rejected.length > 0) throw new Error(`the demo scenario was refused ${formatNumber(rejected.length)} times; first: ${rejected.slice(0, 3).join('; ')}`)
  return { applied, replayed, rejected: rejected.length, events }
}
