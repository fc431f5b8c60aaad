import { afterAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { follow, openStore, openViews, type EventStore, type NewEvent, type ViewEngine } from '@hoi/adapters'
import { tempSqlitePath } from '@hoi/adapters/testing'
import { freshSchema, sql, testDatabase, type TestDatabase } from './support/pg.js'

const pgdb = await testDatabase()
const skip = 'skip' in pgdb ? pgdb.skip : undefined
if (skip !== undefined) console.log(`PostgreSQL follower tests skipped: ${skip}`)
const db = pgdb as TestDatabase
const temps: Array<() => void> = []
afterAll(async () => {
  temps.forEach((remove) => remove())
  if (skip === undefined) await db.drop()
})

/** How long a write of one engine may take to show in the other's views. */
const BOUND_MS = 5_000

const founded = (associationId: string): NewEvent => ({
  eventId: `found-${associationId}`,
  type: 'AssociationFounded',
  schemaVersion: 1,
  data: { associationId, name: 'Hội Người cao tuổi xã', kind: 'elderly', regime: 'decree-45-2010', scope: 'commune', areaCode: '12.105.03', foundedOn: '2016-03-01', foundingMembers: 40, flags: [] },
  metadata: { occurredOn: '2016-03-01', actor: 'clerk', commandId: `found-${associationId}`, correlationId: `found-${associationId}`, causationId: `found-${associationId}` },
})

const write = async (store: EventStore, associationId: string): Promise<void> => {
  expect(E.isRight(await store.append(`association-${associationId}`, [founded(associationId)], 'no-stream'))).toBe(true)
}

/** Polls until the association shows in `views`, failing after BOUND_MS. */
const visible = async (views: ViewEngine, associationId: string): Promise<number> => {
  const start = Date.now()
  for (;;) {
    if ((await views.association(associationId, {})) !== undefined) return Date.now() - start
    if (Date.now() - start > BOUND_MS) throw new Error(`${associationId} did not show in the follower's views within ${BOUND_MS} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Two stores on one database, each with its own view engine (as two `hoi serve` processes have). */
const pair = async (url: string) => {
  const writer = await openStore(url)
  const reader = await openStore(url)
  const writerViews = await openViews(writer)
  const readerViews = await openViews(reader)
  return {
    writer,
    reader,
    readerViews,
    close: async () => {
      await writerViews.close()
      await readerViews.close()
      await writer.close()
      await reader.close()
    },
  }
}

describe('a follower sees what another writer appends', () => {
  it('on SQLite, by polling the head', async () => {
    const t = tempSqlitePath('hoi-follow-')
    temps.push(t.remove)
    const p = await pair(`sqlite:${t.path}`)
    const f = await follow(p.reader, p.readerViews, { pollMs: 50 })
    try {
      expect(f.via).toBe('poll')
      await write(p.writer, 'a1')
      expect(await visible(p.readerViews, 'a1')).toBeLessThan(BOUND_MS)
    } finally {
      await f.stop()
      await p.close()
    }
  })
})

describe('a follower reports where the views stand', () => {
  it('after each page of a long catch-up, not only at its end', async () => {
    const t = tempSqlitePath('hoi-follow-')
    temps.push(t.remove)
    const store = await openStore(`sqlite:${t.path}`)
    const views = await openViews(store, { pageSize: 4 })
    for (let i = 0; i < 20; i++) await write(store, `a${i}`)
    const reports: number[] = []
    const f = await follow(store, views, { pollMs: 60_000, onReached: (position) => reports.push(position) })
    try {
      const start = Date.now()
      while (!reports.includes(20)) {
        if (Date.now() - start > BOUND_MS) throw new Error(`the follower did not reach 20 within ${BOUND_MS} ms: ${reports.join(', ')}`)
        await new Promise((r) => setTimeout(r, 20))
      }
      // pages of 4 events: the first catch-up reports its way up before it returns
      expect(reports.filter((p) => p > 0 && p < 20).length).toBeGreaterThanOrEqual(3)
      expect(reports).toEqual([...reports].sort((a, b) => a - b))
    } finally {
      await f.stop()
      await views.close()
      await store.close()
    }
  })
})

describe.skipIf(skip !== undefined)(`a follower on PostgreSQL${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  // the safety-net poll is far beyond the bound: only a notification can make a write visible in time
  const slow = { pollMs: 50, slowPollMs: 600_000 }

  it('is woken by the notification of the append transaction', async () => {
    const p = await pair(await freshSchema(db))
    const f = await follow(p.reader, p.readerViews, slow)
    try {
      expect(f.via).toBe('notify')
      for (const id of ['a1', 'a2', 'a3']) {
        await write(p.writer, id)
        await visible(p.readerViews, id)
      }
    } finally {
      await f.stop()
      await p.close()
    }
  })

  it("is not woken by appends to another schema's store in the same database", async () => {
    const mine = await pair(await freshSchema(db))
    const other = await openStore(await freshSchema(db))
    let catchUps = 0
    const f = await follow(mine.reader, mine.readerViews, { ...slow, onReached: () => catchUps++ })
    try {
      await write(mine.writer, 'a1')
      await visible(mine.readerViews, 'a1')
      // let the wakes of a1 settle, then count only what the other schema's appends cause
      await new Promise((r) => setTimeout(r, 300))
      const before = catchUps
      for (const id of ['b1', 'b2', 'b3']) await write(other, id)
      await new Promise((r) => setTimeout(r, 500))
      expect(catchUps).toBe(before)
      await write(mine.writer, 'a2')
      await visible(mine.readerViews, 'a2')
      expect(catchUps).toBeGreaterThan(before)
    } finally {
      await f.stop()
      await other.close()
      await mine.close()
    }
  })

  it('listens again after its connection is killed, and catches up on what it missed meanwhile', async () => {
    const url = await freshSchema(db)
    const p = await pair(url)
    const lost: Error[] = []
    const f = await follow(p.reader, p.readerViews, { ...slow, onError: (e) => lost.push(e) })
    try {
      await write(p.writer, 'a1')
      await visible(p.readerViews, 'a1')
      const killed = await sql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hoi-follow' AND datname = current_database() AND pid <> pg_backend_pid()")
      expect(killed.rowCount).toBeGreaterThan(0)
      await write(p.writer, 'a2')
      await visible(p.readerViews, 'a2')
      await write(p.writer, 'a3')
      await visible(p.readerViews, 'a3')
      expect(lost.some((e) => /listens for new events was lost/u.test(e.message))).toBe(true)
    } finally {
      await f.stop()
      await p.close()
    }
  })
})
