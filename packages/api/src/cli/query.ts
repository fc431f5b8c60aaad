import { DEFAULT_LIMIT } from '../views/query-codecs.js'
import { viewDefs, viewNames } from '../views/view-defs.js'
import { UsageError } from './args.js'
import { exportFlags, tablesOf, writeExport } from '../export/index.js'
import { withViews } from './open.js'
import { renderers } from './render.js'
import { parseViewArgs, type ViewArgs } from './view-args.js'
import { formatNumber } from './table.js'

/**
 * `hoi query VIEW [PARAMS…] [--flags]`: one view, decoded and answered exactly as the HTTP API
 * answers it. A list prints whole unless --limit or --offset asks for a page.
 */
export const query = async (argv: ReadonlyArray<string>, today: string, out: (s: string) => void): Promise<number> => {
  const [name, ...withExport] = argv
  const { rest, format, file } = exportFlags(withExport)
  let def = name === undefined ? undefined : viewDefs.get(name)
  if (def === undefined) throw new UsageError(`unknown view ${name ?? '(none)'}; views: ${viewNames.join(', ')}`)
  let args: ViewArgs
  try {
    args = parseViewArgs(def, rest, today)
  } catch (e) {
    // `reports ASSOCIATION PERIOD` is the roll-up, as it was before the roll-up had its own name
    if (def.name !== 'reports') throw e
    def = viewDefs.get('rollup')!
    try {
      args = parseViewArgs(def, rest, today)
    } catch {
      throw e
    }
  }
  const view = def
  return withViews(
    args.store,
    async (views) => {
      const result = await view.run(views, args.input)
      if (result === undefined) throw new Error(`nothing found for ${view.name} ${Object.values(args.input.params).join(' ')}`.trim())
      let shown = result
      if (view.paged && args.paging && Array.isArray(result)) {
        const limit = typeof args.input.query['limit'] === 'number' ? args.input.query['limit'] : DEFAULT_LIMIT
        const offset = typeof args.input.query['offset'] === 'number' ? args.input.query['offset'] : 0
        shown = { total: result.length, offset, limit, items: result.slice(offset, offset + limit) }
      }
      if (format !== undefined) {
        const bytes = await writeExport(file, format, tablesOf(view.name, shown))
        out(`${file}: ${formatNumber(bytes)} bytes (${format})`)
      } else if (args.json) out(JSON.stringify(shown, null, 2))
      else {
        const rows = shown !== result && typeof shown === 'object' && shown !== null && 'items' in shown ? shown.items : result
        out(renderers.get(view.name)?.(rows, args.input) ?? JSON.stringify(rows, null, 2))
      }
      return 0
    },
    { catchUp: true },
  )
}
