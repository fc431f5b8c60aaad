import { parse, UsageError } from './args.js'
import { optionsOf } from './commands.js'
import { withViews } from './open.js'
import { formatNumber, table } from './table.js'

/** `hoi parked [--limit N] [--json]`: the events a projection could not apply, newest last, with the reason. */
export const parked = async (argv: ReadonlyArray<string>, out: (s: string) => void): Promise<number> => {
  const p = parse(argv, optionsOf('parked'))
  const limitFlag = p.flags['limit']
  const limit = limitFlag === undefined ? 100 : Number(limitFlag)
  if (typeof limitFlag === 'string' && !(/^\d{1,6}$/u.test(limitFlag) && limit >= 1)) throw new UsageError('--limit must be a whole number from 1 to 999999')
  if (p.positionals.length > 0) throw new UsageError(`parked takes no arguments (got ${p.positionals.join(' ')})`)
  return withViews(
    p.flags['store'],
    async (views) => {
      const [list, status] = [await views.parked(limit), await views.status()]
      if (p.flags['json'] === true) out(JSON.stringify({ total: status.parked, events: list }, null, 2))
      else if (list.length === 0) out('no parked events')
      else {
        out(
          table(
            ['position', 'projection', 'stream', 'type', 'parked at', 'reason'],
            list.map((e) => [e.position, e.projection, e.streamId, e.type, e.parkedAt, e.reason]),
            ['r'],
          ),
        )
        out(`${formatNumber(status.parked)} parked${status.parked > list.length ? ` (latest ${formatNumber(list.length)} shown; --limit for more)` : ''}; \`hoi rebuild\` retries them`)
      }
      return 0
    },
    { catchUp: true },
  )
}
