import type { RouteCatalogue } from './route.js'

const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')

/** A route pattern as a regular expression over a concrete path: `:name` is one segment, `*` the rest. */
const patternOf = (url: string): RegExp =>
  new RegExp(
    `^${url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : escape(seg)))
      .join('/')}/?$`,
    'u',
  )

/**
 * The methods the registered routes answer on a path, for a 405's `Allow`. Only asked when nothing
 * matched, so it may scan the catalogue (a few dozen routes).
 */
export const allowedMethods = (catalogue: RouteCatalogue) => {
  let compiled: Array<{ method: string; pattern: RegExp }> | undefined
  return (path: string): string[] => {
    compiled ??= catalogue.map((e) => ({ method: e.method, pattern: patternOf(e.url) }))
    const methods = new Set(compiled.filter((e) => e.pattern.test(path)).map((e) => e.method))
    const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
    return [...methods].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  }
}
