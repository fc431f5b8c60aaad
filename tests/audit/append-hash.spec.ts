import { describe, expect, it } from 'vitest'
import { canonicalJson, hashOf, openMemory, verifyStore, type EventStore } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { newEvent, tempSqlitePath } from '@hoi/adapters/testing'

/**
 * An append hashes the canonical text of its data encoded from the value at hand, not read back
 * from the stored JSON: the chain must still cover exactly what is stored (docs/audit.md), so
 * `hoi verify` passes whatever JSON.stringify changes on the way (undefined fields, a Date, NaN, -0).
 */
const tricky: unknown[] = [
  { name: 'Nguyễn Thị Ánh', note: undefined, list: [1, undefined, 'x'], zero: -0, nested: { b: 2, a: [true, null] } },
  { name: 'Lê Văn An', on: new Date(Date.UTC(2024, 3, 17)) },
  { count: Number.NaN, big: 1e21, small: 1e-7 },
  // "é" as e + combining acute: canonical text is NFC
  { name: 'Le\u0301 Thi\u0323' },
  [],
]

const appendAndVerify = async (store: EventStore): Promise<void> => {
  for (const [i, data] of tricky.entries()) {
    const r = await store.append(`member-t${i}`, [newEvent({ data })], -1)
    expect(r._tag).toBe('Right')
  }
  const report = await verifyStore(store)
  expect(report.ok).toBe(true)
  expect(report.events).toBe(tricky.length)
  for await (const e of store.readAll()) {
    expect(e.metadata.hash).toBe(hashOf(e))
    // the stored data is what JSON made of the value; the hash covers that
    expect(canonicalJson(e.data)).toBe(canonicalJson(JSON.parse(JSON.stringify(tricky[e.position - 1] ?? null))))
  }
}

describe('appends hash the canonical data at hand, and the chain verifies', () => {
  it('SQLite', async () => {
    const tmp = tempSqlitePath('hoi-append-hash-')
    const store = openSqlite(tmp.path)
    try {
      await appendAndVerify(store)
    } finally {
      await store.close()
      tmp.remove()
    }
  })
  it('memory', async () => {
    const store = openMemory()
    await appendAndVerify(store)
    await store.close()
  })
})
