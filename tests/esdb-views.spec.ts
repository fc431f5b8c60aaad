import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openMemoryViews, openViews, type ViewEngine } from '@hoi/adapters'
import { EsdbStore } from '@hoi/adapters/esdb'
import { baseSeed, member, runSetup } from './api/support/cases.js'
import { SimulatedKurrentDb } from './support/simulated-kurrentdb.js'
import { fileDatabase, freshSchema } from './support/pg.js'

/**
 * Issue 7: a KurrentDB store cannot hold view tables, so its views live in a database of their own
 * (HOI_VIEWS: a SQLite file or PostgreSQL) with their checkpoints, and a restart reads them instead
 * of folding the whole log again. The store here is the adapter on a simulated client (sparse
 * commit positions, as a real server has); the runner reads the log through the store.
 */
const dir = mkdtempSync(join(tmpdir(), 'hoi-esdb-views-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const answers = async (v: ViewEngine) => ({
  registry: await v.registry({}),
  statistics: await v.statistics({ year: 2024 }),
  roster: await v.roster('a-commune', {}),
  asOf2011: await v.registry({ asOf: '2011-12-31' }),
})

const suite = (name: string, viewsAt: () => Promise<string>) =>
  describe(`KurrentDB views in ${name}`, () => {
    it('answer what the reference fold answers, keep their checkpoint across a restart, and catch up only what is new', async () => {
      const store = new EsdbStore('esdb://simulated-a', new SimulatedKurrentDb() as never)
      await runSetup(store, [...baseSeed, member('k-m1', 'a-commune'), member('k-m2', 'a-commune', 'associate')])
      const at = await viewsAt()
      const first = await openViews(store, { viewsAt: at })
      await first.catchUp()
      const reference = await openMemoryViews(store)
      await reference.catchUp()
      expect(await answers(first)).toEqual(await answers(reference))
      const reached = (await first.status()).position
      expect(reached).toBe(await store.head())
      await first.close()

      // a restart: the tables and checkpoint are there, nothing to apply
      let applied = 0
      const second = await openViews(store, { viewsAt: at, onProgress: () => void applied++ })
      expect((await second.status()).position).toBe(reached)
      await second.catchUp({ onProgress: (done) => void (applied += done) })
      expect(applied).toBe(0)
      await runSetup(store, [member('k-m3', 'b-commune')])
      await second.catchUp()
      expect((await second.status()).position).toBe(await store.head())
      expect((await second.roster('b-commune', {}))?.map((m) => m.memberId)).toEqual(['k-m3'])
      await second.close()
    })

    it('refuse to serve another store from the same views database', async () => {
      const at = await viewsAt()
      const a = new EsdbStore('esdb://simulated-b', new SimulatedKurrentDb() as never)
      await (await openViews(a, { viewsAt: at })).close()
      const other = new EsdbStore('esdb://simulated-c', new SimulatedKurrentDb() as never)
      await expect(openViews(other, { viewsAt: at })).rejects.toThrow(/built from another store than esdb:\/\/simulated-c/u)
    })
  })

let n = 0
suite('a SQLite file', async () => {
  const file = join(dir, `views-${++n}.sqlite`)
  return `sqlite:${file}`
})

it('a new SQLite views file is private (0600)', async () => {
  const file = join(dir, 'private.sqlite')
  const v = await openViews(new EsdbStore('esdb://simulated-p', new SimulatedKurrentDb() as never), { viewsAt: `sqlite:${file}` })
  await v.close()
  expect(statSync(file).mode & 0o777).toBe(0o600)
})

const { db, skip } = await fileDatabase('KurrentDB views in PostgreSQL')
describe.skipIf(skip !== undefined)(`KurrentDB views in PostgreSQL${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  // a schema of its own per case: each case's store claims its views database
  suite('PostgreSQL', () => freshSchema(db))
})
