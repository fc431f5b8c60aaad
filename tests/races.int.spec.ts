import { afterAll, describe, expect, it } from 'vitest'
import { fork, type ChildProcess } from 'node:child_process'
import { openStore } from '@hoi/adapters'
import { collect, tempSqlitePath } from '@hoi/adapters/testing'
import { childScript } from './support/children.js'
import { freshSchema, testDatabase, type TestDatabase } from './support/pg.js'

const pgdb = await testDatabase()
const skip = 'skip' in pgdb ? pgdb.skip : undefined
if (skip !== undefined) console.log(`postgres race test skipped: ${skip}`)
const sqlite = tempSqlitePath('hoi-race-')
afterAll(async () => {
  sqlite.remove()
  if (skip === undefined) await (pgdb as TestDatabase).drop()
})

type Answer = { round: number; won: true; eventId: string; position: number } | { round: number; won: false; error: { _tag: string; actual?: number } }

const PROCESSES = 4
const ROUNDS = 100

/**
 * A1 across processes: every round the test tells all racers at once to append to 'hot' at the
 * same expected revision, and waits for every answer before the next round.
 */
const race = async (url: string): Promise<void> => {
  const racers: ChildProcess[] = Array.from({ length: PROCESSES }, () => fork(childScript('racer.mjs'), [url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
  const answers = racers.map((r) => {
    const queue: Array<Answer | 'ready'> = []
    const waiting: Array<(a: Answer | 'ready') => void> = []
    r.on('message', (m: Answer | 'ready') => (waiting.length > 0 ? waiting.shift()!(m) : queue.push(m)))
    return () => new Promise<Answer | 'ready'>((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : waiting.push(resolve)))
  })
  try {
    expect(await Promise.all(answers.map((next) => next()))).toEqual(racers.map(() => 'ready'))
    const winners: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const expected = round === 0 ? 'no-stream' : round - 1
      for (const r of racers) r.send({ round, expected })
      const results = (await Promise.all(answers.map((next) => next()))) as Answer[]
      const won = results.filter((a) => a.won)
      expect(won.length, `round ${round}`).toBe(1)
      for (const a of results) if (!a.won) expect(a.error).toMatchObject({ _tag: 'RevisionConflict', actual: round })
      winners.push((won[0] as { eventId: string }).eventId)
    }
    const store = await openStore(url)
    const all = await collect(store.readAll())
    expect(all.map((e) => e.eventId)).toEqual(winners) // no acknowledged winner missing, nothing else stored
    expect(all.map((e) => [e.position, e.revision])).toEqual(all.map((_, i) => [i + 1, i]))
    await store.close()
  } finally {
    for (const r of racers) if (r.connected) r.send('stop')
    await Promise.all(racers.map((r) => new Promise((resolve) => (r.exitCode !== null ? resolve(null) : r.on('exit', resolve)))))
  }
}

describe('one winner per round across processes', () => {
  it(`sqlite: ${PROCESSES} processes, ${ROUNDS} rounds at the same expected revision`, async () => {
    await race(`sqlite:${sqlite.path}`)
  }, 300_000)

  it.skipIf(skip !== undefined)(
    `postgres: ${PROCESSES} processes, ${ROUNDS} rounds at the same expected revision${skip === undefined ? '' : ` (skipped: ${skip})`}`,
    async () => {
      await race(await freshSchema(pgdb as TestDatabase))
    },
    300_000,
  )
})
