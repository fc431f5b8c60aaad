/** RFC 9457 problem details: the one shape of every error this API returns. */
export type FieldIssue = { readonly field: string; readonly message: string }

export type Problem = {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly instance?: string
  readonly errors?: ReadonlyArray<FieldIssue>
  /** a domain rule: stable code, R-number and the Vietnamese message (`detail` is English) */
  readonly code?: string
  readonly rule?: string
  readonly vi?: string
  readonly [extra: string]: unknown
}

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8'

const typeOf = (slug: string): string => `urn:hoi:problem:${slug}`

/** Thrown anywhere in a request; the exception filter writes it as `application/problem+json`. */
export class ProblemException extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.detail)
    this.name = 'ProblemException'
  }
}

const make = (status: number, slug: string, title: string, detail: string, extra: Partial<Problem> = {}, headers: Record<string, string> = {}) =>
  new ProblemException({ type: typeOf(slug), title, status, detail, ...extra }, headers)

export const problems = {
  invalid: (detail: string, errors: ReadonlyArray<FieldIssue>) => make(400, 'invalid-request', 'Invalid request', detail, { errors }),
  unauthenticated: (detail: string) => make(401, 'unauthenticated', 'Authentication required', detail, {}, { 'www-authenticate': 'Bearer realm="hoi"' }),
  forbidden: (detail: string) => make(403, 'forbidden', 'Forbidden', detail),
  notFound: (detail: string, extra: Partial<Problem> = {}) => make(404, 'not-found', 'Not found', detail, extra),
  conflict: (detail: string, extra: Partial<Problem> = {}) => make(409, 'conflict', 'Conflict', detail, extra),
  rule: (status: 404 | 422, code: string, rule: string, en: string, vi: string, errors: ReadonlyArray<FieldIssue>) =>
    make(status, status === 404 ? 'not-found' : 'rule-violated', status === 404 ? 'Not found' : 'A rule refused the command', en, { code, rule, vi, errors }),
  keyReused: (detail: string, errors: ReadonlyArray<FieldIssue>) => make(422, 'idempotency-key-reused', 'Idempotency-Key reused', detail, { errors }),
  methodNotAllowed: (allow: ReadonlyArray<string>) =>
    make(
      405,
      'method-not-allowed',
      'Method not allowed',
      `This resource answers ${allow.join(', ')}`,
      { errors: [{ field: '(method)', message: `must be one of ${allow.join(', ')}` }] },
      { allow: allow.join(', ') },
    ),
  rateLimited: (detail: string) => make(429, 'rate-limited', 'Too many requests', detail),
  unavailable: (detail: string) => make(503, 'unavailable', 'Service unavailable', detail, {}, { 'retry-after': '1' }),
  internal: () => make(500, 'internal', 'Internal error', 'The server could not complete the request; it has been logged.'),
}

export const problemType = typeOf
