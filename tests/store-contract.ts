import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, StoreError } from '@hoi/adapters'
import { collect, newEvent, newEvents } from '@hoi/adapters/testing'
import { chainContract } from './chain-contract.js'

const ok = <A>(r: E.Either<StoreError, A>): A => {
  if (E.isLeft(r)) throw new Error(`expected success, got ${JSON.stringify(r.left)}`)
  return r.right
}
const err = <A>(r: E.Either<StoreError, A>): StoreError => {
  if (E.isRight(r)) throw new Error(`expected an error, got success ${JSON.stringify(r.right)}`)
  return r.left
}
/** Metadata without the chain fields a hash-chained store adds (checked by chainContract). */
const unchained = (m: RecordedEvent['metadata']): Record<string, unknown> => {
  const { prevHash: _p, hash: _h, ...rest } = m
  return rest
}
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u

/**
 * What every store promises about the global log: positions are safe integers, unique and
 * increasing in commit order, head() is the last one, every event id once, every stream's
 * revisions 0..n-1 in order. A store with `densePositions` also numbers the log 1..head exactly.
 */
const assertOrdered = async (store: EventStore): Promise<RecordedEvent[]> => {
  const all = await collect(store.readAll({ pageSize: 97 }))
  const positions = all.map((e) => e.position)
  expect(positions.every((p, i) => Number.isSafeInteger(p) && p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true)
  if (store.capabilities.densePositions) expect(positions).toEqual(all.map((_, i) => i + 1))
  expect(await store.head()).toBe(positions[positions.length - 1] ?? 0)
  expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length)
  const next = new Map<string, number>()
  for (const e of all) {
    expect(e.revision).toBe(next.get(e.streamId) ?? 0)
    next.set(e.streamId, e.revision + 1)
  }
  return all
}

/** How many events the log holds (checking its order on the way). */
const stored = async (store: EventStore): Promise<number> => (await assertOrdered(store)).length

/**
 * The behaviour every EventStore adapter must show (ARCHITECTURE "one port, four adapters, one
 * contract suite"; RELIABILITY A1–A3, B2, G1). `open` must give an empty store each time.
 */
export const storeContract = (name: string, open: () => Promise<EventStore>, opts: { skip?: string } = {}): void => {
  describe.skipIf(opts.skip !== undefined)(`store contract: ${name}${opts.skip === undefined ? '' : ` (skipped: ${opts.skip})`}`, () => {
    let store: EventStore
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store.close()
    })

    it('starts empty', async () => {
      expect(await store.head()).toBe(0)
      expect(await store.streamRevision('s-1')).toBe(-1)
      expect(await collect(store.readAll())).toEqual([])
      expect(await collect(store.readStream('s-1'))).toEqual([])
      expect(await store.readPage(0, 10)).toEqual([])
      expect(await store.eventsOfCommand('nope')).toEqual([])
    })

    it('round-trips an append: envelope, data and metadata as given, recordedAt set by the store', async () => {
      const e = newEvent({ type: 'ThingHappened', data: { a: 1, nested: { b: [1, 'x', null, true] } }, commandId: 'cmd-1' })
      const withReason: NewEvent = { ...newEvent({ commandId: 'cmd-1' }), metadata: { ...e.metadata, reason: 'correction', correlationId: 'corr', causationId: 'cause' } }
      const res = ok(await store.append('s-1', [e, withReason], 'no-stream'))
      const read = await collect(store.readStream('s-1'))
      expect(res).toMatchObject({ streamId: 's-1', revision: 1, position: read[1]!.position })
      expect(read).toEqual(res.events)
      expect(read.map((r) => r.position)).toEqual((await collect(store.readAll())).map((r) => r.position))
      expect({ ...read[0]!, metadata: unchained(read[0]!.metadata) }).toEqual({
        eventId: e.eventId,
        type: 'ThingHappened',
        schemaVersion: 1,
        streamId: 's-1',
        revision: 0,
        position: read[0]!.position,
        data: { a: 1, nested: { b: [1, 'x', null, true] } },
        metadata: { ...e.metadata, recordedAt: read[0]!.metadata.recordedAt },
      })
      expect(unchained(read[1]!.metadata)).toEqual({ ...withReason.metadata, recordedAt: read[1]!.metadata.recordedAt })
      expect(read[0]!.metadata.recordedAt).toMatch(ISO_MS)
      expect(await store.streamRevision('s-1')).toBe(1)
      expect(await stored(store)).toBe(2)
    })

    it('expected revision as a number: the right one appends, a wrong one is a typed conflict and stores nothing', async () => {
      ok(await store.append('s-1', newEvents(3), 'no-stream'))
      expect(err(await store.append('s-1', newEvents(1), 1))).toEqual({ _tag: 'RevisionConflict', streamId: 's-1', expected: 1, actual: 2 })
      expect(err(await store.append('s-1', newEvents(1), 5))).toMatchObject({ _tag: 'RevisionConflict', actual: 2 })
      expect(await stored(store)).toBe(3)
      const more = ok(await store.append('s-1', newEvents(2), 2))
      expect(more).toMatchObject({ revision: 4, position: (await assertOrdered(store))[4]!.position })
      expect(err(await store.append('s-2', newEvents(1), 0))).toEqual({ _tag: 'RevisionConflict', streamId: 's-2', expected: 0, actual: -1 })
    })

    it("'no-stream' appends only to a stream without events", async () => {
      ok(await store.append('s-1', newEvents(1), 'no-stream'))
      expect(err(await store.append('s-1', newEvents(1), 'no-stream'))).toEqual({ _tag: 'RevisionConflict', streamId: 's-1', expected: 'no-stream', actual: 0 })
      expect(await stored(store)).toBe(1)
    })

    it("'stream-exists' appends only to a stream with events; 'any' always appends", async () => {
      expect(err(await store.append('s-1', newEvents(1), 'stream-exists'))).toEqual({ _tag: 'RevisionConflict', streamId: 's-1', expected: 'stream-exists', actual: -1 })
      ok(await store.append('s-1', newEvents(1), 'any'))
      ok(await store.append('s-1', newEvents(1), 'any'))
      expect(ok(await store.append('s-1', newEvents(1), 'stream-exists')).revision).toBe(2)
      expect(await store.streamRevision('s-1')).toBe(2)
    })

    it('B2: positions are unique and in commit order across interleaved streams (dense where the store says so)', async () => {
      for (let i = 0; i < 30; i++) {
        const s = `s-${i % 4}`
        ok(await store.append(s, newEvents(1 + (i % 3)), 'any'))
      }
      const all = await assertOrdered(store)
      expect(all.length).toBe(30 + 30) // 10×1 + 10×2 + 10×3
      expect(all.map((e) => e.streamId)).toEqual(Array.from({ length: 30 }, (_, i) => Array<string>(1 + (i % 3)).fill(`s-${i % 4}`)).flat())
    })

    it('readAll pages from an exclusive position; readPage returns one page', async () => {
      ok(await store.append('a', newEvents(5), 'no-stream'))
      ok(await store.append('b', newEvents(5), 'no-stream'))
      const all = await assertOrdered(store)
      const at = (i: number) => all[i - 1]!.position // the i-th event's position (1-based)
      expect(await collect(store.readAll({ after: at(4), pageSize: 2 }))).toEqual(all.slice(4))
      expect(await collect(store.readAll({ after: at(10) }))).toEqual([])
      expect(await store.readPage(at(3), 4)).toEqual(all.slice(3, 7))
      expect(await store.readPage(at(8), 100)).toEqual(all.slice(8))
      expect(await store.readPage(0, 2)).toEqual(all.slice(0, 2))
      if (store.capabilities.densePositions) expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    })

    it('a reader that checkpoints the head never skips what is appended after it', async () => {
      ok(await store.append('a', newEvents(3), 'no-stream'))
      const checkpoint = await store.head()
      const later = [ok(await store.append('b', newEvents(2), 'no-stream')), ok(await store.append('a', newEvents(1), 2))].flatMap((r) => r.events)
      expect(await collect(store.readAll({ after: checkpoint, pageSize: 1 }))).toEqual(later)
      expect(await store.readPage(checkpoint, 10)).toEqual(later)
      expect(await store.head()).toBe(later[later.length - 1]!.position)
    })

    it('readStream starts at fromRevision and keeps the stream order', async () => {
      ok(await store.append('a', newEvents(3), 'no-stream'))
      ok(await store.append('b', newEvents(2), 'no-stream'))
      ok(await store.append('a', newEvents(3), 2))
      const all = await assertOrdered(store)
      const tail = await collect(store.readStream('a', { fromRevision: 2, pageSize: 2 }))
      expect(tail).toEqual([all[2], all[5], all[6], all[7]])
      expect(tail.map((e) => e.revision)).toEqual([2, 3, 4, 5])
    })

    it('A2: re-appending the same ids at the same expected revision is a no-op success with the stored events', async () => {
      const events = newEvents(3)
      const first = ok(await store.append('s-1', events, 'no-stream'))
      const again = ok(await store.append('s-1', events, 'no-stream'))
      expect(again).toEqual(first)
      ok(await store.append('s-1', newEvents(1), 2))
      const more = newEvents(2)
      const second = ok(await store.append('s-1', more, 3))
      expect(ok(await store.append('s-1', more, 3))).toEqual(second)
      expect(ok(await store.append('s-1', more, 'any'))).toEqual(second)
      expect(ok(await store.append('s-1', more, 'stream-exists'))).toEqual(second)
      expect(await stored(store)).toBe(6)
      await assertOrdered(store)
    })

    it('A2: a retry after the stream moved on still answers with the original events', async () => {
      const events = newEvents(2)
      const first = ok(await store.append('s-1', events, 'no-stream'))
      ok(await store.append('s-1', newEvents(4), 1))
      expect(ok(await store.append('s-1', events, 'no-stream'))).toEqual(first)
      expect(await stored(store)).toBe(6)
    })

    it('a retry whose expected revision did not hold at the original place is a revision conflict', async () => {
      const events = newEvents(1)
      ok(await store.append('s-1', newEvents(2), 'no-stream'))
      ok(await store.append('s-1', events, 1))
      expect(err(await store.append('s-1', events, 'no-stream'))).toMatchObject({ _tag: 'RevisionConflict', actual: 2 })
      expect(await stored(store)).toBe(3)
    })

    it('A3: overlapping but different ids is an IdConflict and stores nothing', async () => {
      const [a, b] = newEvents(2)
      ok(await store.append('s-1', [a!], 'no-stream'))
      expect(err(await store.append('s-1', [a!, b!], 'no-stream'))).toMatchObject({ _tag: 'IdConflict', streamId: 's-1', eventId: a!.eventId })
      expect(err(await store.append('s-1', [b!, a!], 0))).toMatchObject({ _tag: 'IdConflict' })
      expect(await stored(store)).toBe(1)
      expect(await store.eventsOfCommand(b!.metadata.commandId)).toEqual([])
    })

    it('A3: the same id with different content or in another stream is an IdConflict', async () => {
      const e = newEvent({ data: { v: 1 } })
      ok(await store.append('s-1', [e], 'no-stream'))
      expect(err(await store.append('s-1', [{ ...e, data: { v: 2 } }], 'no-stream'))).toMatchObject({ _tag: 'IdConflict', eventId: e.eventId })
      expect(err(await store.append('s-1', [{ ...e, type: 'Other' }], 'no-stream'))).toMatchObject({ _tag: 'IdConflict' })
      expect(err(await store.append('s-2', [e], 'no-stream'))).toMatchObject({ _tag: 'IdConflict', streamId: 's-2' })
      expect(err(await store.append('s-2', [e], 'any'))).toMatchObject({ _tag: 'IdConflict' })
      expect(await stored(store)).toBe(1)
    })

    it('an append that repeats an id within itself stores nothing', async () => {
      const e = newEvent()
      expect(err(await store.append('s-1', [e, e], 'no-stream'))).toMatchObject({ _tag: 'IdConflict', eventId: e.eventId })
      expect(await store.head()).toBe(0)
    })

    it('an empty append stores nothing and still checks the expected revision', async () => {
      expect(ok(await store.append('s-1', [], 'no-stream'))).toMatchObject({ streamId: 's-1', revision: -1, events: [] })
      expect(err(await store.append('s-1', [], 'stream-exists'))._tag).toBe('RevisionConflict')
      expect(await store.head()).toBe(0)
      expect(await store.streamRevision('s-1')).toBe(-1)
    })

    it('appendMany writes several streams in one go, in item order', async () => {
      ok(await store.append('b', newEvents(1), 'no-stream'))
      const res = ok(
        await store.appendMany([
          { streamId: 'a', events: newEvents(2), expected: 'no-stream' },
          { streamId: 'b', events: newEvents(1), expected: 0 },
          { streamId: 'a', events: newEvents(1), expected: 1 },
        ]),
      )
      const all = await assertOrdered(store)
      expect(res.map((r) => [r.streamId, r.revision, r.position])).toEqual([
        ['a', 1, all[2]!.position],
        ['b', 1, all[3]!.position],
        ['a', 2, all[4]!.position],
      ])
      expect(all.map((e) => [e.streamId, e.revision])).toEqual([
        ['b', 0],
        ['a', 0],
        ['a', 1],
        ['b', 1],
        ['a', 2],
      ])
      expect(await store.streamRevision('a')).toBe(2)
      await assertOrdered(store)
      expect(ok(await store.appendMany([]))).toEqual([])
    })

    it('appendMany: an item that fails its checks stores nothing of the request (one transaction, or every item checked before the first write)', async () => {
      const taken = newEvent()
      ok(await store.append('c', [taken], 'no-stream'))
      const good = { streamId: 'a', events: newEvents(3), expected: 'no-stream' as ExpectedRevision }
      expect(err(await store.appendMany([good, { streamId: 'b', events: newEvents(1), expected: 7 }]))).toMatchObject({ _tag: 'RevisionConflict', streamId: 'b' })
      expect(err(await store.appendMany([good, { streamId: 'b', events: [newEvent(), taken], expected: 'no-stream' }]))).toMatchObject({ _tag: 'IdConflict' })
      expect(err(await store.appendMany([good, { ...good, streamId: 'd' }]))).toMatchObject({ _tag: 'IdConflict' })
      expect(await stored(store)).toBe(1)
      expect(await store.streamRevision('a')).toBe(-1)
      expect(ok(await store.appendMany([good]))[0]!.revision).toBe(2)
    })

    it('appendMany retried with the same items is a no-op success (A2)', async () => {
      const items = [
        { streamId: 'a', events: newEvents(2), expected: 'no-stream' as ExpectedRevision },
        { streamId: 'b', events: newEvents(2), expected: 'no-stream' as ExpectedRevision },
      ]
      const first = ok(await store.appendMany(items))
      expect(ok(await store.appendMany(items))).toEqual(first)
      expect(await stored(store)).toBe(4)
    })

    for (const writers of [2, 8]) {
      it(`A1: ${writers} racing appends at the same expected revision, 100 rounds: one winner per round, the rest conflicts`, async () => {
        let expected: ExpectedRevision = 'no-stream'
        const winners: AppendResult[] = []
        for (let round = 0; round < 100; round++) {
          const results = await Promise.all(Array.from({ length: writers }, () => store.append('hot', newEvents(1), expected)))
          const won = results.filter(E.isRight)
          expect(won.length).toBe(1)
          for (const r of results.filter(E.isLeft)) expect(r.left).toMatchObject({ _tag: 'RevisionConflict', streamId: 'hot', actual: round })
          winners.push(won[0]!.right)
          expected = round
        }
        const all = await assertOrdered(store)
        expect(all.length).toBe(100)
        expect(all.map((e) => e.eventId)).toEqual(winners.map((w) => w.events[0]!.eventId)) // 0 acked-but-missing
      })
    }

    it('eventsOfCommand returns the events of one command across streams, in order', async () => {
      ok(
        await store.appendMany([
          { streamId: 'a', events: [newEvent({ commandId: 'c-1' })], expected: 'no-stream' },
          { streamId: 'b', events: [newEvent({ commandId: 'c-2' }), newEvent({ commandId: 'c-1' })], expected: 'no-stream' },
        ]),
      )
      const of1 = await store.eventsOfCommand('c-1')
      const all = await assertOrdered(store)
      expect(of1).toEqual([all[0], all[2]])
      expect(await store.eventsOfCommand('c-2')).toEqual([all[1]])
    })

    it('reads a 2,500-event stream in pages of 100, all of it in order', async () => {
      for (let i = 0; i < 5; i++) ok(await store.append('big', newEvents(500), i === 0 ? 'no-stream' : i * 500 - 1))
      ok(await store.append('other', newEvents(3), 'no-stream'))
      const read = await collect(store.readStream('big', { pageSize: 100 }))
      expect(read.length).toBe(2500)
      expect(read.every((e, i) => e.revision === i && (i === 0 || e.position > read[i - 1]!.position))).toBe(true)
      if (store.capabilities.densePositions) expect(read.every((e, i) => e.position === i + 1)).toBe(true)
      expect((await collect(store.readAll({ pageSize: 100 }))).length).toBe(2503)
    })

    it('importEvents keeps the given recordedAt, checks revisions and ids like appendMany, and a repeat stores nothing', async () => {
      const kept = (n: number, day: string) => newEvents(n).map((e, i) => ({ ...e, recordedAt: `2019-0${day}-0${i + 1}T10:11:12.345Z` }))
      const items = [
        { streamId: 'a', events: kept(2, '3'), expected: 'no-stream' as ExpectedRevision },
        { streamId: 'b', events: kept(1, '4'), expected: 'no-stream' as ExpectedRevision },
        { streamId: 'a', events: kept(1, '5'), expected: 1 },
      ]
      const first = ok(await store.importEvents(items))
      const all = await assertOrdered(store)
      expect(all.map((e) => [e.streamId, e.revision, e.metadata.recordedAt])).toEqual([
        ['a', 0, '2019-03-01T10:11:12.345Z'],
        ['a', 1, '2019-03-02T10:11:12.345Z'],
        ['b', 0, '2019-04-01T10:11:12.345Z'],
        ['a', 2, '2019-05-01T10:11:12.345Z'],
      ])
      expect(first.flatMap((r) => r.events)).toEqual(all)
      expect(ok(await store.importEvents(items))).toEqual(first)
      expect(err(await store.importEvents([{ streamId: 'a', events: kept(1, '6'), expected: 1 }]))).toMatchObject({ _tag: 'RevisionConflict', actual: 2 })
      expect(err(await store.importEvents([{ streamId: 'c', events: [{ ...items[1]!.events[0]! }], expected: 'no-stream' }]))).toMatchObject({ _tag: 'IdConflict' })
      expect(err(await store.importEvents([{ streamId: 'c', events: [{ ...kept(1, '7')[0]!, recordedAt: 'yesterday' }], expected: 'no-stream' }]))).toMatchObject({ _tag: 'StoreFailure' })
      expect(await stored(store)).toBe(4)
    })

    it('G1: keeps unicode data byte for byte (NFC, NFD, mixed, Đ vs Ð, emoji)', async () => {
      const names = ['Nguyễn Thị Hằng', 'Nguyễn Thị Hằng'.normalize('NFD'), 'Nguye\u0302\u0303n', '\u0110ỗ / \u00D0ỗ', 'Hội 👵🏽 "quoted" \\ \u2028']
      const e = newEvent({ data: { names } })
      ok(await store.append('u', [e], 'no-stream'))
      const [read] = await collect(store.readStream('u'))
      const got = (read!.data as { names: string[] }).names
      expect(got).toEqual(names)
      got.forEach((s, i) => expect(Buffer.from(s, 'utf8').equals(Buffer.from(names[i]!, 'utf8'))).toBe(true))
      expect(got[0]).not.toBe(got[1])
    })

    it('a stored event cannot be changed through what a read returned', async () => {
      ok(await store.append('s', [newEvent({ data: { v: 1 } })], 'no-stream'))
      const [read] = await collect(store.readStream('s'))
      try {
        ;(read!.data as { v: number }).v = 2
      } catch {
        // frozen: fine
      }
      const [again] = await collect(store.readStream('s'))
      expect(again!.data).toEqual({ v: 1 })
    })

    chainContract(() => store, open)
  })
}
