import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eventTypes } from '@hoi/domain'
import { applyAll, emptyModel } from '@hoi/projections'
import { openSqlite } from '../sqlite.js'
import { openSqliteViews } from './sqlite.js'
import { decodable, anyEvent, anyLog, foundingEvent, area, askAll, date, foldReader, generatedTypes, logOf, period, recordedAtOf, reorganisationEvent, writeLog } from './testing.js'

describe('table-backed views equal the pure fold', () => {
  it('over logs of every event type of the domain', () => {
    expect(eventTypes.filter((t) => !generatedTypes.has(t))).toEqual([])
    // and each of them decodes (an event that does not is parked by both engines, and tests nothing)
    const decoded = new Set(decodable(logOf(fc.sample(fc.oneof(anyEvent, reorganisationEvent, foundingEvent), { numRuns: 4000, seed: 7 }))).map((e) => e.type))
    expect(eventTypes.filter((t) => !decoded.has(t))).toEqual([])
  })

  it('for random logs, business dates and record times', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyLog,
        date,
        fc.nat(),
        fc.option(area, { nil: undefined }),
        fc.integer({ min: 2015, max: 2026 }),
        period,
        fc.integer({ min: 1, max: 40 }),
        async (raw, asOf, cut, areaCode, year, p, pageSize) => {
          const events = logOf(raw)
          const store = openSqlite(':memory:')
          try {
            writeLog(store, events)
            const views = await openSqliteViews(store, { pageSize })
            await views.catchUp()
            // now, then as recorded after `k` events: the fold of only those events
            const k = events.length === 0 ? 0 : cut % (events.length + 1)
            const o = { year, period: p, ...(areaCode === undefined ? {} : { areaCode }) }
            expect(await askAll(views, asOf, o)).toEqual(await askAll(foldReader(applyAll(emptyModel(), decodable(events))), asOf, o))
            const recordedAsOf = k === 0 ? '2024-12-31' : recordedAtOf(k)
            expect(await askAll(views, asOf, { ...o, recordedAsOf })).toEqual(await askAll(foldReader(applyAll(emptyModel(), decodable(events.slice(0, k)))), asOf, o))
          } finally {
            await store.close()
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
