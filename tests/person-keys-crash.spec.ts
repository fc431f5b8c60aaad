import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore, sealingOf, unsealed, verifyStore, type EventStore } from '@hoi/adapters'
import type { RecordedEvent } from '@hoi/domain'
import { envInt, runChild } from './support/children.js'

/**
 * Person keys are committed without an fsync of their own (personal/keys.ts): the keys asked for in
 * one turn go in one transaction at synchronous=NORMAL, and the argument is that SQLite's WAL is one
 * file written in order, so the FULL commit of an event sealed with a key (which fsyncs the WAL)
 * makes every earlier frame durable, the key's included.
 *
 * What this proves. A writer admitting new persons, 8 at a time, is killed with SIGKILL at random
 * points, again and again; after each kill the store is opened again and every stored event's
 * personal fields open under a key in the table (none reads as erased, none is missing), every
 * acknowledged event is there, and the chain verifies (what `hoi verify` runs). Then the WAL left by
 * the kill is cut at random frame boundaries, as SQLite's recovery after a power loss keeps a prefix
 * of the WAL's commits (frames are checksummed in a chain; recovery stops at the first bad one): on
 * every prefix, still no event without its key. That is the ordering the argument needs: a key's
 * commit is in the WAL before the commit of any event that uses it.
 *
 * What it cannot prove. A killed process loses nothing the kernel already has (the page cache
 * survives), so this does not show that a disk, file system or virtual machine honours fsync or
 * writes a synced WAL prefix intact after a power loss; that takes a power cut or a block-device
 * fault injector (dm-log-writes, LazyFS), not a test in this suite.
 */
const CYCLES = envInt('HOI_KEY_CRASH_CYCLES', 10)
const PREFIXES = 6
const dir = mkdtempSync(join(tmpdir(), 'hoi-key-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const readAll = async (store: EventStore): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = []
  for await (const e of store.readAll()) out.push(e)
  return out
}

/** Every sealed personal field of the log opens under a kept key: the count of admissions checked, or what is wrong. */
const keysHold = async (store: EventStore): Promise<{ admitted: number; problems: string[] }> => {
  const sealing = sealingOf(store)
  if (sealing === undefined) throw new Error('the SQLite store keeps no keys')
  const raw = (await readAll(sealing.inner)).filter((e) => e.type === 'MemberAdmitted')
  const keys = await sealing.keys.lookup(raw.map((e) => (e.data as { personId: string }).personId))
  const problems: string[] = []
  for (const e of raw) {
    const d = e.data as { personId: string; fullName: string; memberId: string }
    if (!d.fullName.startsWith('enc1:')) problems.push(`position ${e.position}: the name is not sealed`)
    const k = keys.get(d.personId)
    if (k === undefined || k === null) problems.push(`position ${e.position}: no key for ${d.personId}`)
  }
  // opened as readers see them: a missing key would read "[đã xoá]", a wrong one throw
  for (const e of await sealing.open(raw)) {
    const d = e.data as { fullName: string; memberId: string }
    if (d.fullName !== `Người ${d.memberId}`) problems.push(`position ${e.position}: the name reads ${JSON.stringify(d.fullName)}`)
  }
  return { admitted: raw.length, problems }
}

/** The WAL cut after `frames` frames (header 32 bytes, then 24 + page size per frame), beside a copy of the database file. */
const walPrefix = (file: string, wal: Buffer, frames: number, to: string): void => {
  copyFileSync(file, to)
  const pageSize = wal.readUInt32BE(8)
  writeFileSync(`${to}-wal`, wal.subarray(0, Math.min(wal.length, 32 + frames * (24 + pageSize))))
}

describe('person keys kept without their own fsync', () => {
  it(`a writer of new persons killed with SIGKILL ${CYCLES} times: every stored event's personal data opens, on the log and on every WAL prefix, and the chain verifies`, async () => {
    const file = join(dir, 'hoi.sqlite')
    const acked = new Map<string, number>()
    const totals = { kills: 0, events: 0, prefixes: 0, prefixEvents: 0 }
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let acks = 0
      // killed after a random number of acknowledgements and a random pause: before, during or after a key's transaction
      const killAfter = 1 + Math.floor(Math.random() * 40)
      let kill: Promise<void> | undefined
      const w = runChild('person-writer.mjs', [file, String(cycle)], (line) => {
        const [what, id, position] = line.split(' ')
        if (what !== 'ack') return
        acked.set(id!, Number(position))
        if (++acks === killAfter) kill = sleep(Math.floor(Math.random() * 15)).then(() => void w.child.kill('SIGKILL'))
      })
      const exit = await w.exited
      await kill
      expect(exit.signal, exit.stderr).toBe('SIGKILL')
      totals.kills++
      // the WAL as the kill left it, before opening the store again checkpoints it
      const wal = existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 32 ? readFileSync(`${file}-wal`) : undefined
      if (wal !== undefined) {
        const frames = Math.floor((wal.length - 32) / (24 + wal.readUInt32BE(8)))
        for (let i = 0; i < PREFIXES; i++) {
          const copy = join(dir, `prefix-${cycle}-${i}.sqlite`)
          walPrefix(file, wal, Math.floor(Math.random() * (frames + 1)), copy)
          const store = await openStore(`sqlite:${copy}`)
          try {
            const held = await keysHold(store)
            expect(held.problems).toEqual([])
            totals.prefixes++
            totals.prefixEvents += held.admitted
          } finally {
            await store.close()
          }
          for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true })
        }
      }
      const store = await openStore(`sqlite:${file}`)
      try {
        const held = await keysHold(store)
        expect(held.problems).toEqual([])
        const at = new Map((await readAll(unsealed(store))).map((e) => [e.eventId, e.position]))
        expect([...acked].filter(([id, position]) => at.get(id) !== position)).toEqual([])
        const report = await verifyStore(unsealed(store))
        expect(report.ok, JSON.stringify(report)).toBe(true)
        totals.events = held.admitted
      } finally {
        await store.close()
      }
    }
    expect(totals.events).toBeGreaterThanOrEqual(acked.size)
    console.log(
      `person keys: ${totals.kills} SIGKILLs, ${totals.events} admissions stored (${acked.size} acknowledged), every one opens; ${totals.prefixes} WAL prefixes checked (${totals.prefixEvents} admissions), none without its key`,
    )
  }, 60_000)
})
