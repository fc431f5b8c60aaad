import { isReservedKey, reservedMessage } from '@hoi/domain'
import { problems, type FieldIssue, type ProblemException } from '../http/problem.js'

/** Fields the server writes; a client naming one anywhere is refused (OWASP API3, mass assignment). */
export const SERVER_OWNED: ReadonlySet<string> = new Set(['eventId', 'position', 'revision', 'recordedAt', 'actor', 'commandId', 'streamId', 'metadata', 'schemaVersion'])

/** The first key, at any depth, that is server-owned or a name of Object.prototype ("__proto__", "constructor", …). */
const forbiddenPath = (value: unknown, path: string[]): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenPath(value[i], [...path, String(i)])
      if (found !== undefined) return found
    }
    return undefined
  }
  // own keys only, "__proto__" included (JSON.parse makes it an own key)
  for (const key of Object.keys(value)) {
    if (SERVER_OWNED.has(key) || isReservedKey(key)) return [...path, key].join('.')
    const found = forbiddenPath((value as Record<string, unknown>)[key], [...path, key])
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * The command's `data`: the body's fields plus the path's. A body that repeats a path field must
 * agree with it; the body was already bounded in depth by the JSON parser.
 */
export const commandData = (body: unknown, params: Readonly<Record<string, string>>): { ok: true; data: Record<string, unknown> } | { ok: false; problem: ProblemException } => {
  if (body === undefined || body === null) return { ok: true, data: { ...params } }
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, problem: problems.invalid('The body must be a JSON object', [{ field: '(body)', message: 'must be a JSON object' }]) }
  const found = forbiddenPath(body, [])
  if (found !== undefined) {
    const key = found.slice(found.lastIndexOf('.') + 1)
    if (SERVER_OWNED.has(key)) return { ok: false, problem: problems.invalid(`${found} is set by the server, not by clients`, [{ field: found, message: 'is set by the server and may not be sent' }]) }
    return { ok: false, problem: problems.invalid(`${found} is a reserved name, not a field`, [{ field: found, message: reservedMessage(key) }]) }
  }
  const record = body as Record<string, unknown>
  const clashes: FieldIssue[] = Object.keys(params)
    .filter((k) => Object.prototype.hasOwnProperty.call(record, k) && record[k] !== params[k])
    .map((k) => ({ field: k, message: `must match the path (${params[k]}) or be left out` }))
  if (clashes.length > 0) return { ok: false, problem: problems.invalid('The body contradicts the path', clashes) }
  return { ok: true, data: { ...record, ...params } }
}

/** A domain field path (`data.fullName`) as the client sees it: `fullName`, or `path.memberId` for a path parameter. */
export const apiField = (field: string | undefined, pathParams: ReadonlyArray<string>): string => {
  if (field === undefined || field === '' || field === '(body)') return '(body)'
  const f = field.startsWith('data.') ? field.slice(5) : field === 'data' ? '(body)' : field
  const head = f.split('.')[0] ?? f
  return pathParams.includes(head) ? `path.${f}` : f
}
