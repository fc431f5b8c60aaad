import { createHmac, timingSafeEqual } from 'node:crypto'

/** HS256 JSON Web Tokens (RFC 7519) with node:crypto: enough for a deployment secret, nothing more. */
export type JwtClaims = {
  readonly sub: string
  readonly role: string
  readonly associations?: ReadonlyArray<string>
  readonly exp?: number
  readonly nbf?: number
  readonly iat?: number
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url')
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

const sign = (input: string, secret: string): Buffer => createHmac('sha256', secret).update(input).digest()

export const signJwt = (claims: JwtClaims, secret: string): string => {
  const body = `${HEADER}.${b64url(JSON.stringify(claims))}`
  return `${body}.${b64url(sign(body, secret))}`
}

export type JwtFailure = { readonly reason: string }

const parseJson = (segment: string): unknown => {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/**
 * Verifies signature (constant time), algorithm (only HS256: `none` and RSA confusion are refused),
 * `exp` and `nbf` against `nowSec`, with a small leeway for clock skew.
 */
export const verifyJwt = (token: string, secret: string, nowSec: number, leewaySec = 30): JwtClaims | JwtFailure => {
  const parts = token.split('.')
  if (parts.length !== 3) return { reason: 'not a JWT' }
  const [h, p, s] = parts as [string, string, string]
  const header = parseJson(h) as { alg?: unknown } | undefined
  if (header === undefined || header.alg !== 'HS256') return { reason: 'unsupported algorithm' }
  const expected = sign(`${h}.${p}`, secret)
  const given = Buffer.from(s, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { reason: 'bad signature' }
  const claims = parseJson(p) as Record<string, unknown> | undefined
  if (claims === undefined || typeof claims !== 'object' || claims === null) return { reason: 'unreadable claims' }
  if (typeof claims.exp === 'number' && nowSec > claims.exp + leewaySec) return { reason: 'token expired' }
  if (typeof claims.nbf === 'number' && nowSec + leewaySec < claims.nbf) return { reason: 'token not yet valid' }
  if (claims.exp !== undefined && typeof claims.exp !== 'number') return { reason: 'exp must be a number' }
  if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return { reason: 'sub and role are required' }
  return claims as unknown as JwtClaims
}

export const isJwtFailure = (x: JwtClaims | JwtFailure): x is JwtFailure => 'reason' in x
