// node person-writer.mjs <sqlite file> <cycle>: admits members, each a new person (so a new key),
// 8 at a time so that the keys of concurrent appends are asked in one turn and kept in one
// transaction; runs until killed. Prints `ack <id> <position>` for every acknowledged event.
import { openStore } from './store.mjs'

const [file, cycle] = process.argv.slice(2)
const store = await openStore(`sqlite:${file}`)
let n = 0
const admit = async (id) => {
  const meta = { occurredOn: '2024-01-01', actor: 'test', commandId: id, correlationId: id, causationId: id }
  const data = { memberId: id, personId: `p-${id}`, associationId: 'a-1', fullName: `Người ${id}`, birthDate: '1950-01-01', gender: 'female', category: 'official', admittedOn: '2024-01-01' }
  const r = await store.append(`member-${id}`, [{ eventId: id, type: 'MemberAdmitted', schemaVersion: 1, data, metadata: meta }], 'no-stream')
  if (r._tag === 'Left') {
    console.error(JSON.stringify(r.left))
    process.exit(2)
  }
  process.stdout.write(`ack ${id} ${r.right.position}\n`)
}
const worker = async () => {
  for (;;) await admit(`c${cycle}-${n++}`)
}
process.stdout.write('ready\n')
await Promise.all(Array.from({ length: 8 }, worker))
