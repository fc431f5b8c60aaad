import { expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { chainHead, GENESIS, hashOf, verifyStore, type EventStore, type ExpectedRevision, type StoreError } from '@hoi/adapters'
import { collect, newEvent, newEvents } from '@hoi/adapters/testing'

const ok = <A>(r: E.Either<StoreError, A>): A => {
  if (E.isLeft(r)) throw new Error(`expected success, got ${JSON.stringify(r.left)}`)
  return r.right
}

/** Every event links to the one before it in global order and matches its own hash. */
const assertChained = async (store: EventStore): Promise<RecordedEvent[]> => {
  const all = await collect(store.readAll({ pageSize: 53 }))
  let prev = GENESIS
  for (const e of all) {
    expect(e.metadata.prevHash, `prevHash at ${e.position}`).toBe(prev)
    expect(e.metadata.hash, `hash at ${e.position}`).toBe(hashOf(e))
    prev = e.metadata.hash!
  }
  const report = await verifyStore(store, { pageSize: 41 })
  expect(report).toMatchObject({ ok: true, events: all.length })
  const last = all[all.length - 1]
  expect(await chainHead(store)).toEqual(last === undefined ? undefined : { position: last.position, hash: last.metadata.hash })
  return all
}

/**
 * The hash chain (docs/audit.md), for every store whose capabilities claim it; run inside the store
 * contract with its fresh store. `open` gives another empty store of the same kind (for imports).
 */
export const chainContract = (current: () => EventStore, open: () => Promise<EventStore>): void => {
  const claims = (skip: () => void): EventStore => {
    const store = current()
    if (store.capabilities.hashChain !== true) skip()
    return store
  }

  it('chain: every event hashes its whole envelope and links to the previous one, from genesis', async (ctx) => {
    const store = claims(() => ctx.skip())
    const res = ok(await store.append('a', newEvents(3), 'no-stream'))
    expect(res.events[0]!.metadata.prevHash).toBe(GENESIS)
    expect(res.events.map((e) => e.metadata.hash)).toEqual(res.events.map((e) => hashOf(e)))
    ok(await store.append('b', [newEvent({ data: { names: ['Nguyễn Thị Hằng'.normalize('NFD'), 'Đỗ 👵🏽 "q" \\ \u2028'], n: -0.5, big: 2 ** 53 - 1 } })], 'no-stream'))
    const all = await assertChained(store)
    expect(all.slice(0, 3)).toEqual(res.events)
  })

  it('chain: appendMany, retries, conflicts and racing appends (group commit) keep one unbroken chain', async (ctx) => {
    const store = claims(() => ctx.skip())
    const items = [
      { streamId: 'a', events: newEvents(2), expected: 'no-stream' as ExpectedRevision },
      { streamId: 'b', events: newEvents(3), expected: 'no-stream' as ExpectedRevision },
    ]
    ok(await store.appendMany(items))
    ok(await store.appendMany(items)) // a retry stores nothing and must not move the chain
    expect(
      E.isLeft(
        await store.appendMany([
          { streamId: 'c', events: newEvents(1), expected: 'no-stream' },
          { streamId: 'a', events: newEvents(1), expected: 9 },
        ]),
      ),
    ).toBe(true)
    for (let round = 0; round < 20; round++) await Promise.all(Array.from({ length: 6 }, (_, k) => store.append(`s-${k % 3}`, newEvents(1 + (k % 2)), k < 3 ? 'any' : round)))
    const all = await assertChained(store)
    expect(all.length).toBeGreaterThan(5 + 20 * 3)
  })

  it('chain: restoreEvents keeps positions, recordedAt and hashes; twice stores nothing new; a tampered event refuses the whole import', async (ctx) => {
    const store = claims(() => ctx.skip())
    if (store.restoreEvents === undefined) ctx.skip()
    for (let i = 0; i < 4; i++) ok(await store.append(`s-${i % 2}`, newEvents(3), 'any'))
    const source = await collect(store.readAll())
    const target = await open()
    try {
      const half = ok(await target.restoreEvents!(source.slice(0, 5)))
      expect(half).toEqual({ imported: 5, skipped: 0, head: 5 })
      expect(ok(await target.restoreEvents!(source))).toEqual({ imported: source.length - 5, skipped: 5, head: source.length })
      expect(ok(await target.restoreEvents!(source))).toEqual({ imported: 0, skipped: source.length, head: source.length })
      expect(await collect(target.readAll())).toEqual(source)
      expect(await chainHead(target)).toEqual(await chainHead(store))
      expect(await target.streamRevision('s-0')).toBe(5)
      await assertChained(target)
      // a changed event, a foreign continuation and a gap: each refused, nothing stored
      const more = ok(await store.append('s-9', newEvents(2), 'no-stream')).events
      const changed = { ...more[0]!, data: { n: 99 } }
      expect(await target.restoreEvents!([changed, more[1]!])).toMatchObject({ left: { _tag: 'StoreFailure', message: expect.stringMatching(/position 13.*does not match its hash/u) } })
      expect(await target.restoreEvents!([more[1]!])).toMatchObject({ left: { message: expect.stringMatching(/positions 13–13 are missing/u) } })
      const other = await open()
      try {
        const foreign = ok(await other.append('x', newEvents(13), 'no-stream')).events
        expect(await target.restoreEvents!([foreign[12]!])).toMatchObject({ left: { message: expect.stringMatching(/does not link/u) } })
      } finally {
        await other.close()
      }
      expect(await target.head()).toBe(source.length)
      expect(ok(await target.restoreEvents!(more))).toMatchObject({ imported: 2, head: 14 })
      await assertChained(target)
      // appends continue the imported chain
      ok(await target.append('s-0', newEvents(1), 5))
      await assertChained(target)
    } finally {
      await target.close()
    }
  })
}
