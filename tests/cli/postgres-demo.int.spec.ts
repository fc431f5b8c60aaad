import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { hoi } from '../support/cli.js'
import { testDatabase, type TestDatabase } from '../support/pg.js'

// The CLI on a PostgreSQL store: `HOI_STORE=postgres://… hoi demo`, then the golden figures back.
const pgdb = await testDatabase()
const skip = 'skip' in pgdb ? pgdb.skip : undefined
if (skip !== undefined) console.log(`hoi demo on postgres skipped: ${skip}`)
const db = pgdb as TestDatabase
const env = (): Record<string, string> => ({ HOI_STORE: db.url })

describe.skipIf(skip !== undefined)(`hoi CLI with HOI_STORE=postgres://…${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  let demo: ReturnType<typeof hoi>
  beforeAll(() => {
    const started = performance.now()
    demo = hoi(['demo'], env(), 900_000)
    console.log(
      `hoi demo on postgres: ${((performance.now() - started) / 1000).toFixed(1)} s, ${
        demo.stdout
          .trim()
          .split('\n')
          .find((l) => l.includes('events written')) ?? demo.stderr
      }`,
    )
  }, 900_000)
  afterAll(async () => {
    await db.drop()
  })

  it('hoi demo writes the scenario: every event at a dense position', async () => {
    // stderr carries only the progress lines (plain, off a terminal)
    expect(demo.stderr.split('\n').filter((l) => l !== '' && !/^demo \d+ % /u.test(l))).toEqual([])
    expect(demo.code).toBe(0)
    const written = Number((/([\d.]+) events written/u.exec(demo.stdout)?.[1] ?? '').replaceAll('.', ''))
    expect(written).toBeGreaterThan(180_000)
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    const { rows } = await c.query('SELECT count(*)::int AS n, min(position)::int AS lo, max(position)::int AS hi, (SELECT position::int FROM head) AS head FROM events')
    await c.end()
    expect(rows[0]).toEqual({ n: written, lo: 1, hi: written, head: written })
  })

  it('hoi query statistics --year 2020 --area-code 12 prints Lai Châu: 179 associations and 180.455 members', { timeout: 600_000 }, () => {
    const r = hoi(['query', 'statistics', '--year', '2020', '--area-code', '12'], env())
    // the first query builds the views: stderr carries only that progress
    expect(r.stderr.split('\n').filter((l) => l !== '' && !/^(building|catching up) views \d+ % /u.test(l))).toEqual([])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('180.455')
    expect(r.stdout).toMatch(/Số hội \(associations\)\s+179\s+0\s+24\s+56\s+99/u)
    const json = JSON.parse(hoi(['query', 'statistics', '--year', '2020', '--area-code', '12', '--json'], env()).stdout)
    expect([json.associations.total, json.members.total]).toEqual([179, 180_455])
  })

  it('hoi history reads a stream in order, and a second hoi demo writes nothing', { timeout: 600_000 }, () => {
    const h = hoi(['history', 'association-lc-nct', '--json'], env())
    expect(h.code).toBe(0)
    const events = h.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { revision: number })
    expect(events.length).toBeGreaterThan(3)
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i))
    const again = hoi(['demo'], env())
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/already loaded .*nothing written/u)
  })
})
