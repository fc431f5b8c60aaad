// node follow-writer.mjs <url> <writer> <appends> <in flight>: one-event appends with 'any', then `done <n>`
import { randomUUID } from 'node:crypto'
import { eventOf, openStore } from './store.mjs'

const [url, writer, appends, inflight] = process.argv.slice(2)
const count = Number(appends)
const store = await openStore(url, { poolSize: 2 })
let next = 0
let acked = 0
const worker = async () => {
  while (next < count) {
    const n = next++
    const r = await store.append(`w${writer}-${n % 7}`, [eventOf(randomUUID())], 'any')
    if (r._tag === 'Left') {
      console.error(JSON.stringify(r.left))
      process.exit(2)
    }
    acked++
  }
}
await Promise.all(Array.from({ length: Number(inflight) }, worker))
await store.close()
process.stdout.write(`done ${acked}\n`)
