// node crash-writer.mjs <url> <cycle> <retry ids, comma-separated>: appends until killed.
// Prints `ack <id> <position>` for every acknowledged event, before anything else happens to it.
import { eventOf, openStore } from './store.mjs'

const [url, cycle, retry = ''] = process.argv.slice(2)
const store = await openStore(url, { poolSize: 4 })
const streamOf = (id) => `crash-${Number(id.split('-')[1]) % 13}`
const send = async (id) => {
  const r = await store.append(streamOf(id), [eventOf(id)], 'any')
  if (r._tag === 'Left') {
    console.error(JSON.stringify(r.left))
    process.exit(2)
  }
  process.stdout.write(`ack ${id} ${r.right.position}\n`)
}
// first the events a killed writer may or may not have stored: a retry must store each at most once
await Promise.all(
  retry
    .split(',')
    .filter((id) => id !== '')
    .map(send),
)
let n = 0
const worker = async () => {
  for (;;) {
    const id = `c${cycle}-${n++}`
    process.stdout.write(`sent ${id}\n`)
    await send(id)
  }
}
await Promise.all(Array.from({ length: 8 }, worker))
