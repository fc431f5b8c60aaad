// node racer.mjs <url>: on each {round, expected} message appends one event to 'hot' and answers who won
import { randomUUID } from 'node:crypto'
import { eventOf, openStore } from './store.mjs'

const store = await openStore(process.argv[2])
process.on('message', async (m) => {
  if (m === 'stop') {
    await store.close()
    process.disconnect()
    return
  }
  const eventId = randomUUID()
  const r = await store.append('hot', [eventOf(eventId)], m.expected)
  process.send(r._tag === 'Right' ? { round: m.round, won: true, eventId, position: r.right.position } : { round: m.round, won: false, error: r.left })
})
process.send('ready')
