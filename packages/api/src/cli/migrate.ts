import { migrate, openStore, verify, type EventStore } from '@hoi/adapters'
import { UsageError } from './args.js'
import { progressBar } from './progress.js'
import { formatNumber } from './table.js'

/**
 * `hoi migrate --from URL --to URL`: copies the whole history (resumable), then reads both sides
 * again and compares them event by event. Exit 0 only when they are equal; 3 on any difference.
 */
export const runMigrate = async (flags: Record<string, string | boolean | undefined>, out: (s: string) => void): Promise<number> => {
  const fromUrl = flags['from']
  const toUrl = flags['to']
  if (typeof fromUrl !== 'string' || typeof toUrl !== 'string')
    throw new UsageError('migrate needs both stores: hoi migrate --from URL --to URL (e.g. --from sqlite:./data/hoi.sqlite --to postgres://user@host/db)')
  if (fromUrl === toUrl) throw new UsageError(`migrate --from and --to name the same store (${fromUrl})`)
  const pageSize = flags['page-size'] === undefined ? undefined : Number(flags['page-size'])
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0 && pageSize <= 100_000)) throw new UsageError('--page-size must be a whole number from 1 to 100000')
  const opened: EventStore[] = []
  try {
    const from = await openStore(fromUrl)
    opened.push(from)
    const to = await openStore(toUrl)
    opened.push(to)
    out(`migrate: ${from.url} (${from.kind}) → ${to.url} (${to.kind})`)
    // the source's size in events is known only on a dense log: elsewhere it is estimated from how far through the positions the copy is
    const copying = progressBar('copy')
    const started = performance.now()
    const { copied, alreadyThere } = await migrate(from, to, {
      ...(pageSize === undefined ? {} : { pageSize }),
      onProgress: (p) => copying.update(p.done, p.fraction > 0 ? Math.max(p.done, Math.round(p.done / p.fraction)) : p.done + 1),
    })
    copying.done()
    const seconds = () => formatNumber((performance.now() - started) / 1000)
    process.stderr.write(`copy: ${formatNumber(copied)} events copied${alreadyThere > 0 ? `, ${formatNumber(alreadyThere)} already there from an earlier run` : ''} (${seconds()} s)\n`)
    const total = copied + alreadyThere
    const checking = progressBar('verify')
    const v = await verify(from, to, { ...(pageSize === undefined ? {} : { pageSize }), onProgress: (n) => checking.update(n, Math.max(n, total)) })
    checking.done()
    process.stderr.write(`verify: ${formatNumber(v.sourceEvents)} events compared (${seconds()} s since the start)\n`)
    out(`source: ${formatNumber(v.sourceEvents)} events, sha256 ${v.sourceDigest}`)
    out(`target: ${formatNumber(v.targetEvents)} events, sha256 ${v.targetDigest}`)
    if (!v.equal) {
      out(`migrate: the copy differs from the source: ${v.firstDifference ?? 'the digests differ'}`)
      return 3
    }
    out(`migrate: identical (${formatNumber(copied)} copied now, ${formatNumber(alreadyThere)} already there)`)
    return 0
  } finally {
    for (const s of opened) await s.close()
  }
}
