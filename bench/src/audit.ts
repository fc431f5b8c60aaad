import { closeSync, openSync, writeSync } from 'node:fs'
import { exportLine, sealStore, sqliteKeys, verifyStore, type EventStore, type NewEvent } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { freshDb, removeDb } from './env.js'
import { metadataOf, rng, uuid } from './gen.js'
import type { Options } from './options.js'
import { breathe, Latencies, measureOf, RssPeak, rowOf, type Row } from './stats.js'

const NAMES = ['Nguyễn Thị Hằng', 'Trần Văn Đức', 'Lê Thị Ánh', 'Phạm Quốc Bảo', 'Đỗ Minh Châu', 'Hoàng Văn Sơn']

/** A log shaped like the province: member admissions over many small streams, written in transactions of 5,000. */
const seed = async (store: EventStore, total: number): Promise<void> => {
  const r = rng(8)
  for (let done = 0; done < total;) {
    const items: Array<{ streamId: string; events: NewEvent[]; expected: 'no-stream' }> = []
    for (let k = 0; k < 5000 && done < total; k++, done++) {
      const id = `m-${done}`
      const commandId = uuid(r)
      items.push({
        streamId: `member-${id}`,
        expected: 'no-stream',
        events: [
          {
            eventId: uuid(r),
            type: 'MemberAdmitted',
            schemaVersion: 1,
            metadata: metadataOf(commandId, '2020-01-01'),
            data: {
              memberId: id,
              associationId: `lc-${done % 400}`,
              personId: `p-${done}`,
              fullName: NAMES[done % NAMES.length],
              birthDate: `19${40 + (done % 30)}-05-0${1 + (done % 9)}`,
              gender: done % 2 === 0 ? 'female' : 'male',
              category: 'official',
              admittedOn: '2020-01-01',
              flags: [],
            },
          },
        ],
      })
    }
    const w = await store.appendMany(items)
    if (w._tag === 'Left') throw new Error(JSON.stringify(w.left))
  }
}

/**
 * E1/E2 rates: `hoi verify` (read every page, recompute every hash) and the export pipeline
 * (verify + canonical line + file write), against reading the log alone in the same run.
 */
export const runAudit = async (o: Options): Promise<Row[]> => {
  const total = o.quick ? 20_000 : 200_000
  const runs = o.quick ? 2 : 3
  const file = freshDb('audit')
  const store = openSqlite(file)
  const rows: Row[] = []
  try {
    o.log(`seeding ${total.toLocaleString('en-US')} events`)
    const seedRss = new RssPeak()
    let t0 = performance.now()
    await seed(store, total)
    const plainSeed = measureOf(total, (performance.now() - t0) / 1000, new Latencies(1), seedRss)
    // H1: the same events through the sealing store: four personal fields each encrypted under a new per-person key
    const sealedFile = freshDb('audit-sealed')
    const sealedRaw = openSqlite(sealedFile)
    const sealed = sealStore(sealedRaw, sqliteKeys(sealedRaw.db, false))
    t0 = performance.now()
    await seed(sealed, total)
    const sealedSeed = measureOf(total, (performance.now() - t0) / 1000, new Latencies(1), new RssPeak())
    const timed = async (f: () => Promise<number>): Promise<ReturnType<typeof measureOf>> => {
      const lat = new Latencies(runs)
      const rss = new RssPeak()
      let ops = 0
      let seconds = 0
      for (let i = 0; i < runs; i++) {
        await breathe()
        const t = performance.now()
        ops += await f()
        const ms = performance.now() - t
        lat.add(ms)
        seconds += ms / 1000
      }
      return measureOf(ops, seconds, lat, rss)
    }
    const read = await timed(async () => {
      let n = 0
      for await (const e of store.readAll({ pageSize: 2000 })) if (e.metadata.hash !== undefined) n++
      return n
    })
    const verify = await timed(async () => {
      const r = await verifyStore(store)
      if (!r.ok) throw new Error(`the seeded chain does not verify: ${r.break.message}`)
      return r.events
    })
    const out = `${file}.export.jsonl`
    const exported = await timed(async () => {
      const fd = openSync(out, 'w')
      let n = 0
      let chunk = ''
      try {
        for await (const e of store.readAll({ pageSize: 2000 })) {
          chunk += `${exportLine(e)}\n`
          if (++n % 2000 === 0) {
            writeSync(fd, chunk)
            chunk = ''
          }
        }
        writeSync(fd, chunk)
      } finally {
        closeSync(fd)
      }
      return n
    })
    const each = (label: string, m: typeof read) => {
      const row = rowOf({
        workload: 'E1',
        case: `${label} of ${total.toLocaleString('en-US')} events (SQLite, pages of 2,000)`,
        unit: 'events/s',
        hoi: m,
        baseline: { name: 'read only', measure: read },
        note: 'p50/p99 are whole passes',
      })
      rows.push(row)
      o.emit(row)
    }
    each('hoi verify: recompute the chain', verify)
    each('export: canonical JSONL line per event, written to a file', exported)
    removeDb(out)
    const openedRead = await timed(async () => {
      let n = 0
      for await (const e of sealed.readAll({ pageSize: 2000 })) if (e.metadata.hash !== undefined) n++
      return n
    })
    const h1 = (label: string, m: typeof read, baseline: string, b: typeof read) => {
      const row = rowOf({
        workload: 'H1',
        case: `${label} (${total.toLocaleString('en-US')} MemberAdmitted, SQLite)`,
        unit: 'events/s',
        hoi: m,
        baseline: { name: baseline, measure: b },
        note: 'AES-256-GCM, 4 personal fields an event, one key a person',
      })
      rows.push(row)
      o.emit(row)
    }
    h1('append with personal fields encrypted, keys created', sealedSeed, 'append in clear text', plainSeed)
    h1('read with personal fields decrypted', openedRead, 'read only (ciphertext)', read)
    await sealed.close()
    removeDb(sealedFile)
  } finally {
    await store.close()
    removeDb(file)
  }
  return rows
}
