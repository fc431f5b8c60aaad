import pg from 'pg'
import { channelSql } from '../postgres-schema.js'

/** Waits between reconnection attempts: from the first to the last, doubling. */
export const RECONNECT_MS = { first: 100, last: 5_000 } as const

/**
 * LISTENs on the store's channel (its schema's) on a dedicated connection (a pooled one would be handed to
 * others). `onWake` is called on every notification and after every (re)connection, since
 * commits made while not listening were announced to no one. A lost connection is reported to
 * `onLost` and opened again, waiting longer after each failure. Returns the function that stops.
 */
export const listen = (config: pg.ClientConfig, onWake: () => void, onLost: (e: Error) => void): (() => Promise<void>) => {
  let stopped = false
  let current: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  let wait: number = RECONNECT_MS.first

  const connect = (): void => {
    retry = undefined
    if (stopped) return
    const client = new pg.Client({ ...config, application_name: 'hoi-follow' })
    let gone = false
    const lost = (e: Error): void => {
      if (gone) return
      gone = true
      if (current === client) current = undefined
      void client.end().catch(() => undefined)
      if (stopped) return
      onLost(new Error(`the connection that listens for new events was lost, reconnecting in ${wait} ms: ${e.message}`))
      retry = setTimeout(connect, wait)
      retry.unref()
      wait = Math.min(wait * 2, RECONNECT_MS.last)
    }
    client.on('error', lost)
    client.on('end', () => lost(new Error('the server closed it')))
    let channel: string | undefined
    client.on('notification', (m) => {
      if (m.channel === channel) onWake()
    })
    client
      .connect()
      .then(() => client.query<{ channel: string }>(channelSql))
      .then((r) => {
        channel = r.rows[0]!.channel
        // a name of hex digits and an underscore; quoted all the same
        return client.query(`LISTEN "${channel.replaceAll('"', '""')}"`)
      })
      .then(
        () => {
          if (gone) return
          if (stopped) {
            void client.end().catch(() => undefined)
            return
          }
          current = client
          wait = RECONNECT_MS.first
          onWake()
        },
        (e: unknown) => lost(e instanceof Error ? e : new Error(String(e))),
      )
  }

  connect()
  return async () => {
    stopped = true
    if (retry !== undefined) clearTimeout(retry)
    const c = current
    current = undefined
    await c?.end().catch(() => undefined)
  }
}
