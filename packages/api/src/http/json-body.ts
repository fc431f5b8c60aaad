import { problems, type ProblemException } from './problem.js'

export const MAX_DEPTH = 32
export const MAX_ARRAY = 10_000

const utf8 = new TextDecoder('utf-8', { fatal: true })
const field = (path: ReadonlyArray<string | number>): string => (path.length === 0 ? '(body)' : path.join('.'))

/**
 * Nesting deeper than MAX_DEPTH or arrays longer than MAX_ARRAY are refused before any decoding
 * walks them (OWASP API4: unbounded resource use). Iterative, so a hostile shape cannot blow the stack.
 */
export const structureProblem = (value: unknown): ProblemException | undefined => {
  const stack: Array<{ v: unknown; path: Array<string | number> }> = [{ v: value, path: [] }]
  while (stack.length > 0) {
    const { v, path } = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (path.length >= MAX_DEPTH) return problems.invalid(`The body nests deeper than ${MAX_DEPTH} levels`, [{ field: field(path), message: `nests deeper than ${MAX_DEPTH} levels` }])
    if (Array.isArray(v)) {
      if (v.length > MAX_ARRAY) return problems.invalid(`An array has more than ${MAX_ARRAY} items`, [{ field: field(path), message: `must have at most ${MAX_ARRAY} items` }])
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: [...path, i] })
    } else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] })
  }
  return undefined
}

/** A request body as bytes → JSON value, or the problem: empty, not UTF-8, not JSON, too deep or too wide. */
export const parseJsonBody = (bytes: Buffer): { ok: true; value: unknown } | { ok: false; problem: ProblemException } => {
  if (bytes.length === 0) return { ok: false, problem: problems.invalid('The body is empty', [{ field: '(body)', message: 'is required: send a JSON object' }]) }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, problem: problems.invalid('The body is not valid UTF-8', [{ field: '(body)', message: 'is not valid UTF-8' }]) }
  }
  let value: unknown
  try {
    // JSON.parse keeps "__proto__" as an own key (it never sets the prototype), so it can be named and refused later
    value = JSON.parse(text)
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message.slice(0, 200) : 'unreadable'
    return { ok: false, problem: problems.invalid('The body is not valid JSON', [{ field: '(body)', message: `is not valid JSON: ${why}` }]) }
  }
  const structure = structureProblem(value)
  return structure === undefined ? { ok: true, value } : { ok: false, problem: structure }
}
