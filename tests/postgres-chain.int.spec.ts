import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { chainHead, openStore, UNCHAINED_MESSAGE, verifyStore, type EventStore, type PostgresStore } from '@hoi/adapters'
import { join } from 'node:path'
import { openSqlite } from '@hoi/adapters/sqlite'
import { collect, newEvents, tempSqlitePath } from '@hoi/adapters/testing'
import { hoi } from './support/cli.js'
import { fileDatabase, freshSchema, sql } from './support/pg.js'

const { db, skip } = await fileDatabase('postgres hash chain tests')

/** What a store written before the chain looks like: no hash in any event or in the head. */
const unchain = (url: string): Promise<pg.QueryResult> => sql(url, "UPDATE events SET metadata = (metadata::jsonb - 'hash' - 'prevHash')::json; UPDATE head SET hash = NULL")

const headRow = async (url: string): Promise<{ position: number; hash: string | null }> => {
  const r = (await sql(url, 'SELECT position, hash FROM head')).rows[0] as { position: string; hash: string | null }
  return { position: Number(r.position), hash: r.hash }
}

describe.skipIf(skip !== undefined)(`postgres hash chain${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  it('several stores (own pools) writing at once leave one unbroken chain that hoi verify accepts, and the head row holds its head', async () => {
    const url = await freshSchema(db)
    const stores: EventStore[] = await Promise.all(Array.from({ length: 4 }, () => openStore(url)))
    try {
      for (let round = 0; round < 15; round++)
        await Promise.all(
          stores.flatMap((s, w) =>
            Array.from({ length: 3 }, (_, k) =>
              // shared streams with 'any' race on revisions; own streams with exact revisions conflict never
              k === 0 ? s.append('shared', newEvents(1 + (round % 3)), 'any') : s.append(`w${w}-${k}`, newEvents(k), round === 0 ? 'no-stream' : round * k - 1),
            ),
          ),
        )
      const report = await verifyStore(stores[0]!)
      expect(report).toMatchObject({ ok: true, events: await stores[0]!.head() })
      const head = await chainHead(stores[0]!)
      expect(await headRow(url)).toEqual(head)
      // shared: 1, 2, 3 events in turn (30 per store); own streams: 1 + 2 events a round
      expect(head!.position).toBe(4 * 30 + 4 * 15 * 3)
    } finally {
      await Promise.all(stores.map((s) => s.close()))
    }
    const cli = hoi(['verify', '--store', url])
    expect(cli.code, cli.stdout + cli.stderr).toBe(0)
  })

  it('an unchained store refuses appends and imports until hoi chain upgrade chains it, once; then appends continue the chain', async () => {
    const url = await freshSchema(db)
    const a = await openStore(url)
    await a.append('s', newEvents(4), 'no-stream')
    await a.append('t', newEvents(3), 'no-stream')
    const before = await collect(a.readAll())
    await unchain(url)
    expect(await a.append('s', newEvents(1), 3)).toEqual(E.left({ _tag: 'StoreFailure', message: UNCHAINED_MESSAGE }))
    expect(await a.appendMany([{ streamId: 'u', events: newEvents(1), expected: 'no-stream' }])).toEqual(E.left({ _tag: 'StoreFailure', message: UNCHAINED_MESSAGE }))
    expect(await a.restoreEvents!(before)).toEqual(E.left({ _tag: 'StoreFailure', message: UNCHAINED_MESSAGE }))
    expect(await a.head()).toBe(7)
    await a.close()
    expect(hoi(['verify', '--store', url]).code).not.toBe(0)
    const up = hoi(['chain', 'upgrade', '--store', url])
    expect(up.code, up.stdout + up.stderr).toBe(0)
    expect(up.stdout).toContain('chained 7 events written before the chain, in one transaction')
    // the same envelopes give the same hashes as when they were first written
    expect(up.stdout).toContain(`head 7 ${before[6]!.metadata.hash!}`)
    expect(await headRow(url)).toEqual({ position: 7, hash: before[6]!.metadata.hash })
    expect(hoi(['chain', 'upgrade', '--store', url]).stdout).toContain('already chained: nothing changed')
    const b = await openStore(url)
    try {
      const more = await b.append('s', newEvents(1), 3)
      expect(E.isRight(more) && more.right.events[0]!.metadata.prevHash).toBe(before[6]!.metadata.hash)
      expect(await verifyStore(b)).toMatchObject({ ok: true, events: 8 })
    } finally {
      await b.close()
    }
  })

  it('hoi export of a SQLite store, hoi import into PostgreSQL: the same events and head; again stores nothing; then appends continue the chain', async () => {
    const src = tempSqlitePath('hoi-pgchain-')
    try {
      const sqlite = openSqlite(src.path)
      for (let i = 0; i < 30; i++) await sqlite.append(`s-${i % 4}`, newEvents(1 + (i % 3)), 'any')
      await sqlite.close()
      const file = join(src.dir, 'log.jsonl')
      expect(hoi(['export', '--store', `sqlite:${src.path}`, '--to', file]).code).toBe(0)
      const headLine = hoi(['head', '--store', `sqlite:${src.path}`]).stdout.trim()
      const url = await freshSchema(db)
      const im = hoi(['import', file, '--store', url])
      expect(im.code, im.stdout + im.stderr).toBe(0)
      expect(im.stdout).toContain(`imported 60 events, 0 already stored; head ${headLine}`)
      expect(hoi(['head', '--store', url]).stdout.trim()).toBe(headLine)
      expect(hoi(['import', file, '--store', url]).stdout).toContain('imported 0 events, 60 already stored')
      const [a, b] = [openSqlite(src.path), await openStore(url)]
      try {
        const all = await collect(a.readAll())
        expect(await collect(b.readAll())).toEqual(all)
        expect(await headRow(url)).toEqual({ position: 60, hash: all[59]!.metadata.hash })
        const more = await b.append('s-0', newEvents(1), 'any')
        expect(E.isRight(more) && more.right.events[0]!.metadata.prevHash).toBe(all[59]!.metadata.hash)
      } finally {
        await a.close()
        await b.close()
      }
      expect(hoi(['verify', '--store', url]).code).toBe(0)
    } finally {
      src.remove()
    }
  })

  it('chain upgrade refuses a store where only some events carry a hash, and changes nothing', async () => {
    const url = await freshSchema(db)
    const a = (await openStore(url)) as PostgresStore
    try {
      await a.append('s', newEvents(5), 'no-stream')
      await sql(url, "UPDATE events SET metadata = (metadata::jsonb - 'hash' - 'prevHash')::json WHERE position <> 3; UPDATE head SET hash = NULL")
      const rows = (await sql(url, 'SELECT position, metadata::text FROM events ORDER BY position')).rows
      await expect(a.upgradeChain()).rejects.toThrow(/1 of 5 events carry a hash.*damaged/u)
      expect((await sql(url, 'SELECT position, metadata::text FROM events ORDER BY position')).rows).toEqual(rows)
      expect(await headRow(url)).toEqual({ position: 5, hash: null })
      // the connection went back to the pool usable: reads and the refusal still answer
      expect(await a.head()).toBe(5)
      expect(await a.append('s', newEvents(1), 4)).toEqual(E.left({ _tag: 'StoreFailure', message: UNCHAINED_MESSAGE }))
      // a head hash that is not a hash is damage, refused by name, never written into a statement
      await sql(url, "UPDATE head SET hash = 'x''; DROP TABLE events; --'")
      expect(await a.append('s', newEvents(1), 4)).toMatchObject({ left: { _tag: 'StoreFailure', message: expect.stringMatching(/head row's hash is not 64 lowercase hex digits/u) } })
      expect(await a.head()).toBe(5)
    } finally {
      await a.close()
    }
  })
})
