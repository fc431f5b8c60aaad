import { chainHead, GENESIS, parseHead, unsealed, verifyStore, type ChainHead, type EventStore } from '@hoi/adapters'
import { UsageError } from './args.js'
import { progressOf } from './progress-total.js'
import { formatNumber } from './table.js'

/** Exit code of `hoi verify` when the chain is broken (1 is an error, 64 a usage error). */
export const BROKEN = 3

/**
 * `hoi verify [--expect POSITION:HASH]`: recomputes the whole chain in pages and names the first
 * position where it breaks. With an auditor-held head, also proves the history up to it unchanged.
 */
export const verify = async (store: EventStore, expectText: string | undefined, json: boolean, out: (s: string) => void): Promise<number> => {
  let expect: ChainHead | undefined
  if (expectText !== undefined) {
    const parsed = parseHead(expectText)
    if (typeof parsed === 'string') throw new UsageError(`--expect: ${parsed}`)
    expect = parsed
  }
  const total = await store.head()
  const bar = progressOf('verify', total)
  const report = await verifyStore(unsealed(store), { onProgress: (n) => bar.update(n), ...(expect === undefined ? {} : { expect }) })
  bar.finish(report.events)
  if (json) out(JSON.stringify(report))
  else if (report.ok) {
    out(`chain verified: ${formatNumber(report.events)} events, head ${report.head === undefined ? `0 ${GENESIS}` : `${report.head.position} ${report.head.hash}`}`)
    if (expect !== undefined) out(`history up to position ${expect.position} is exactly the history the held head ${expect.hash} sealed`)
    else out('a removed tail can only be seen against a head kept earlier: hoi verify --expect POSITION:HASH')
  } else out(`chain broken at position ${report.break.position} (${report.break.kind}): ${report.break.message}`)
  return report.ok ? 0 : BROKEN
}

/** `hoi head`: the last position and its hash, for an auditor to keep. */
export const head = async (store: EventStore, json: boolean, out: (s: string) => void): Promise<number> => {
  const h = (await chainHead(store)) ?? ((await store.head()) === 0 ? { position: 0, hash: GENESIS } : undefined)
  if (h === undefined) throw new Error('the last event has no hash: this store was written before the chain; run `hoi chain upgrade` once')
  out(json ? JSON.stringify(h) : `${h.position} ${h.hash}`)
  return 0
}
