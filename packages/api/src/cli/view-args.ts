import * as E from 'fp-ts/lib/Either.js'
import { decodeWith } from '@hoi/domain'
import { qBool } from '../views/query-codecs.js'
import type { ViewDef, ViewInput } from '../views/view-defs.js'
import { UsageError } from './args.js'

/** The CLI spelling of a query parameter: recordedAsOf → --recorded-as-of. */
export const flagOf = (name: string): string => `--${name.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`
const argOf = (name: string): string => name.replace(/[A-Z]/gu, (c) => `_${c}`).toUpperCase()

/** `roster ASSOCIATION_ID [--as-of …]`: how the CLI takes a view, from its codecs. */
export const viewUsage = (def: ViewDef): string => [def.name, ...Object.keys(def.params).map(argOf), ...Object.keys(def.queryProps).map(flagOf)].join(' ')

export type ViewArgs = { readonly input: ViewInput; readonly store?: string; readonly json: boolean; readonly paging: boolean }

/**
 * Reads `hoi query VIEW [PARAMS…] [--flags]` for one view: positionals are its path parameters in
 * order, each query parameter is a flag, and both are decoded by the codecs the HTTP API uses, so
 * a bad value is refused naming its flag. A boolean flag may stand alone (meaning true).
 */
export const parseViewArgs = (def: ViewDef, argv: ReadonlyArray<string>, today: string): ViewArgs => {
  const byFlag = new Map(Object.keys(def.queryProps).map((k) => [flagOf(k), k]))
  const raw = Object.create(null) as Record<string, string>
  const positionals: string[] = []
  let store: string | undefined
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq < 0 ? arg : arg.slice(0, eq)
    const inline = eq < 0 ? undefined : arg.slice(eq + 1)
    if (flag === '--json' && inline === undefined) {
      json = true
      continue
    }
    const name = flag === '--store' ? 'store' : byFlag.get(flag)
    if (name === undefined) throw new UsageError(`${flag} is not an option of the view ${def.name}; it takes: ${[...byFlag.keys(), '--json', '--store'].join(' ')}`)
    let value = inline
    if (value === undefined) {
      const next = argv[i + 1]
      const standsAlone = def.queryProps[name] === qBool && next !== 'true' && next !== 'false'
      if (standsAlone) value = 'true'
      else if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`)
      else value = argv[++i]!
    }
    if (name === 'store') store = value
    else if (name in raw) throw new UsageError(`${flag} is given twice`)
    else raw[name] = value
  }
  const names = Object.keys(def.params)
  if (positionals.length !== names.length) throw new UsageError(names.length === 0 ? `the view ${def.name} takes no arguments (got ${positionals.join(' ')})` : `usage: hoi query ${viewUsage(def)}`)
  const params = decodeWith(def.paramsCodec)(Object.fromEntries(names.map((n, i) => [n, positionals[i]])))
  if (E.isLeft(params)) throw new UsageError(params.left.issues.map((i) => `${argOf(i.field)} ${i.message}`).join('; '))
  const query = decodeWith(def.query)(raw)
  if (E.isLeft(query)) throw new UsageError(query.left.issues.map((i) => `${flagOf(i.field)} ${i.message}`).join('; '))
  return {
    input: { params: params.right, query: query.right, today },
    ...(store === undefined ? {} : { store }),
    json,
    paging: 'limit' in raw || 'offset' in raw,
  }
}
