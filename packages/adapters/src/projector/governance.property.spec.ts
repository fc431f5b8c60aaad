import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel } from '@hoi/projections'
import { openSqlite } from '../sqlite.js'
import { openSqliteViews } from './sqlite.js'
import { anyEvent, date, decodable, foldReader, foundedEvent, governanceEvents, logOf, recordedAtOf, writeLog } from './testing.js'
import type { ViewReader } from '../views.js'

const ids = ['a0', 'a1', 'a2', 'a3', 'a4']
const ask = async (v: ViewReader, asOf: string, recordedAsOf?: string) =>
  Promise.all(ids.flatMap((id) => [v.governance(id, { asOf, ...(recordedAsOf === undefined ? {} : { recordedAsOf }) }), v.governance(id, recordedAsOf === undefined ? {} : { recordedAsOf })]))

/** Logs mostly of governance events (and the foundings they need), so that requests, notices, complaints and branches meet often. */
describe('the governance view from tables equals the pure fold (R16–R18, R20, R25, R27)', () => {
  it('for random governance logs, business dates and record times', async () => {
    // any event now and then, so that members are admitted, placed in branches and leave
    const governanceEvent = fc.oneof({ weight: 1, arbitrary: foundedEvent }, { weight: 6, arbitrary: anyEvent }, ...governanceEvents.map((arbitrary) => ({ weight: 2, arbitrary })))
    await fc.assert(
      fc.asyncProperty(fc.array(governanceEvent, { maxLength: 60, size: 'max' }), date, fc.nat(), async (raw, asOf, cut) => {
        const events = logOf(raw)
        const store = openSqlite(':memory:')
        try {
          writeLog(store, events)
          const views = await openSqliteViews(store)
          await views.catchUp()
          const k = events.length === 0 ? 0 : cut % (events.length + 1)
          expect(await ask(views, asOf)).toEqual(await ask(foldReader(applyAll(emptyModel(), decodable(events))), asOf))
          const recordedAsOf = k === 0 ? '2024-12-31' : recordedAtOf(k)
          expect(await ask(views, asOf, recordedAsOf)).toEqual(await ask(foldReader(applyAll(emptyModel(), decodable(events.slice(0, k)))), asOf))
        } finally {
          await store.close()
        }
      }),
      { numRuns: 60 },
    )
  })
})
