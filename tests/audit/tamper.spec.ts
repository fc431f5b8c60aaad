import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { verifyStore, type ChainHead, type VerifyReport } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { tempSqlitePath } from '@hoi/adapters/testing'
import { flipByte, prng, rowToEvent, Tamper, writeBusyStore } from './tamper-kit.js'

/**
 * RELIABILITY E1/E2: a SQLite file is changed behind the store's back, the way someone with
 * write access to the disk could, at random positions; `verify` must name exactly the first
 * position where history differs from what was written, for every case.
 */
const SEED = Number(process.env['HOI_TAMPER_SEED'] ?? 20261202)
const PER_KIND = 22

const tmp = tempSqlitePath('hoi-tamper-')
const base = tmp.path
let head = 0
let headHash = ''
afterAll(() => tmp.remove())
beforeAll(async () => {
  await writeBusyStore(base, 12, SEED)
  const t = new Tamper(base)
  head = t.head()
  headHash = t.hashAt(head)
  t.close()
})

type Kind = { name: string; tamper: (t: Tamper, rnd: (n: number) => number) => { expected: number; expect?: ChainHead } }

const between = (rnd: (n: number) => number, lo: number, hi: number): number => lo + rnd(hi - lo + 1)

const forgedRow = (t: Tamper, p: number, k: number) => {
  const like = t.row(Math.max(1, p - 1))
  return { ...like, position: p, event_id: `forged-${k}-${p}`, stream_id: `member-forged-${k}`, revision: 0, data: JSON.stringify({ n: -1, name: 'Kẻ Giả Mạo' }) }
}

const kinds: Kind[] = [
  {
    name: 'a changed data byte',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head)
      t.set(p, 'data', flipByte(t.row(p).data, rnd))
      return { expected: p }
    },
  },
  {
    name: 'a changed metadata byte',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head)
      t.set(p, 'metadata', flipByte(t.row(p).metadata, rnd))
      return { expected: p }
    },
  },
  {
    name: 'changed data, its own hash recomputed',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head - 1)
      t.set(p, 'data', flipByte(t.row(p).data, rnd))
      t.rehash(p, t.hashAt(p - 1))
      return { expected: p }
    },
  },
  {
    name: 'a deleted event',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head - 1)
      t.delete(p)
      return { expected: p }
    },
  },
  {
    name: 'a deleted event, later positions renumbered',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head - 1)
      t.delete(p)
      t.shift(p + 1, -1)
      return { expected: p }
    },
  },
  {
    name: 'two events swapped (whole rows)',
    tamper: (t, rnd) => {
      const i = between(rnd, 1, head - 1)
      const j = between(rnd, i + 1, head)
      const [a, b] = [t.row(i), t.row(j)]
      t.delete(i)
      t.delete(j)
      t.insert({ ...b, position: i })
      t.insert({ ...a, position: j })
      return { expected: i }
    },
  },
  {
    name: "two events' data swapped",
    tamper: (t, rnd) => {
      const i = between(rnd, 1, head - 1)
      const j = between(rnd, i + 1, head)
      const [a, b] = [t.row(i), t.row(j)]
      t.set(i, 'data', b.data)
      t.set(j, 'data', a.data)
      return { expected: i }
    },
  },
  {
    name: 'an inserted event (copied metadata)',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head)
      t.shift(p, 1)
      t.insert(forgedRow(t, p, 1))
      return { expected: p }
    },
  },
  {
    name: 'an inserted event with a correct link and hash',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head)
      const prev = t.hashAt(p - 1)
      t.shift(p, 1)
      t.insert(forgedRow(t, p, 2))
      t.rehash(p, prev)
      return { expected: p }
    },
  },
  {
    name: 'a truncated tail (against the auditor-held head)',
    tamper: (t, rnd) => {
      const p = between(rnd, 1, head)
      t.db.prepare('DELETE FROM events WHERE position >= ?').run(p)
      return { expected: p, expect: { position: head, hash: headHash } }
    },
  },
  {
    name: 'a changed event and the whole chain after it recomputed (against the auditor-held head)',
    tamper: (t, rnd) => {
      const q = between(rnd, 1, head)
      t.set(q, 'data', flipByte(t.row(q).data, rnd))
      let prev = t.hashAt(q - 1)
      for (let p = q; p <= head; p++) prev = t.rehash(p, prev)
      return { expected: head, expect: { position: head, hash: headHash } }
    },
  },
]

const verifyFile = async (path: string, expect?: ChainHead): Promise<VerifyReport> => {
  const store = openSqlite(path)
  try {
    return await verifyStore(store, { pageSize: 37, ...(expect === undefined ? {} : { expect }) })
  } finally {
    await store.close()
  }
}

describe(`tamper localisation on SQLite files (seed ${SEED}, ${PER_KIND} cases per kind)`, () => {
  const figures: string[] = []
  afterAll(() => console.log(`tamper localisation (seed ${SEED}, store of ${head} events):\n${figures.join('\n')}`))

  kinds.forEach((kind, k) => {
    it(`${kind.name}: the exact first position, every time`, async () => {
      const rnd = prng(SEED + k * 7919)
      let exact = 0
      const misses: string[] = []
      for (let c = 0; c < PER_KIND; c++) {
        const path = join(tmp.dir, `case-${k}-${c}.sqlite`)
        copyFileSync(base, path)
        const t = new Tamper(path)
        const { expected, expect: held } = kind.tamper(t, rnd)
        t.close()
        const report = await verifyFile(path, held)
        if (!report.ok && report.break.position === expected) exact++
        else misses.push(`case ${c}: expected ${expected}, got ${JSON.stringify(report.ok ? 'ok' : report.break)}`)
      }
      figures.push(`  ${kind.name}: ${exact}/${PER_KIND} exact`)
      expect(misses).toEqual([])
    })
  })

  it('0 false alarms: untouched stores written by concurrent connections with group commit verify, with and without their heads', async () => {
    expect(await verifyFile(base)).toEqual({ ok: true, events: head, head: { position: head, hash: headHash } })
    for (let s = 1; s <= 5; s++) {
      const path = join(tmp.dir, `clean-${s}.sqlite`)
      const n = await writeBusyStore(path, 4 + s, SEED + s)
      const t = new Tamper(path)
      const mid = Math.max(1, Math.floor(n / 2))
      const held = { position: mid, hash: t.hashAt(mid) }
      t.close()
      expect(await verifyFile(path)).toMatchObject({ ok: true, events: n })
      expect(await verifyFile(path, held)).toMatchObject({ ok: true, events: n, expected: held })
    }
    figures.push('  untouched stores: 6 verified, 0 false alarms')
  })

  it('--expect proves history up to the held head even when everything after it was rewritten and re-hashed', async () => {
    const path = join(tmp.dir, 'after-head.sqlite')
    copyFileSync(base, path)
    const t = new Tamper(path)
    const heldAt = Math.floor(head / 2)
    const held = { position: heldAt, hash: t.hashAt(heldAt) }
    const e = rowToEvent(t.row(heldAt + 1))
    t.set(heldAt + 1, 'data', JSON.stringify({ ...(e.data as object), name: 'Đã Sửa' }))
    let prev = held.hash
    for (let p = heldAt + 1; p <= head; p++) prev = t.rehash(p, prev)
    t.close()
    expect(await verifyFile(path, held)).toMatchObject({ ok: true, expected: held })
    expect(await verifyFile(path, { position: head, hash: headHash })).toMatchObject({ ok: false, break: { position: head, kind: 'rewritten' } })
  })
})
