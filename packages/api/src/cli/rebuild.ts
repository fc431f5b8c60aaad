import { parse, UsageError } from './args.js'
import { optionsOf } from './commands.js'
import { withViews } from './open.js'
import { progressBar } from './progress.js'
import { formatNumber } from './table.js'

/**
 * `hoi rebuild [PROJECTION…]`: rebuilds the named projections (all without names) while the old
 * ones keep serving, retrying parked events. Progress on stderr: a bar on a terminal, lines otherwise.
 */
export const rebuild = async (argv: ReadonlyArray<string>, out: (s: string) => void): Promise<number> => {
  const p = parse(argv, optionsOf('rebuild'))
  return withViews(p.flags['store'], async (views) => {
    const known = (await views.status()).projections.map((x) => x.name)
    const unknown = p.positionals.filter((n) => !known.includes(n))
    if (unknown.length > 0) throw new UsageError(`no projection ${unknown.join(', ')}; projections: ${known.join(', ')}`)
    const started = performance.now()
    const bar = progressBar('rebuild')
    try {
      await views.rebuild(p.positionals, { onProgress: bar.update })
    } finally {
      bar.done()
    }
    const s = await views.status()
    out(
      `rebuilt ${p.positionals.length === 0 ? known.join(', ') : p.positionals.join(', ')} to position ${formatNumber(s.position)} of ${formatNumber(s.head)} in ${formatNumber((performance.now() - started) / 1000)} s; ${formatNumber(s.parked)} parked`,
    )
    return 0
  })
}
