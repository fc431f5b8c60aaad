import { createHmac } from 'node:crypto'
import { errors, jwtVerify } from 'jose'

/** HS256 JSON Web Tokens (RFC 7519), verified by `jose`. */
export type JwtClaims = {
  readonly sub: string
  readonly role: string
  readonly associations?: ReadonlyArray<string>
  readonly exp?: number
  readonly nbf?: number
  readonly iat?: number
  readonly iss?: string
  readonly aud?: string | ReadonlyArray<string>
}

/** An HS256 key shorter than its hash output (32 bytes) is refused everywhere (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url')
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

/**
 * Signs claims with HS256. Synchronous on purpose (demo tokens and tests are made at start-up); the
 * output is an ordinary compact JWS that `jose` verifies.
 */
export const signJwt = (claims: JwtClaims, secret: string): string => {
  const body = `${HEADER}.${b64url(JSON.stringify(claims))}`
  return `${body}.${b64url(createHmac('sha256', secret).update(body).digest())}`
}

export type JwtFailure = { readonly reason: string }
export type JwtCheck = { readonly secret: string; readonly issuer?: string; readonly audience?: string; readonly leewaySec?: number }

const SEGMENT = /^[A-Za-z0-9_-]+$/u
/**
 * base64url as RFC 7515 writes it: no padding, no other alphabet, and the unused low bits of the last
 * character zero. Lenient decoders take several strings for the same bytes; a token is one string.
 */
const canonical = (segment: string): boolean => SEGMENT.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment

/**
 * Verifies signature, algorithm (only HS256: `none`, other HMACs and RSA confusion are refused),
 * the types of `exp`, `nbf` and `iat` and their times (with a small leeway), and `iss`/`aud` when
 * configured. Never throws: a refusal is a reason.
 */
export const verifyJwt = async (token: string, check: JwtCheck, now: Date): Promise<JwtClaims | JwtFailure> => {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every(canonical)) return { reason: 'not a JWT in strict base64url' }
  if (Buffer.byteLength(check.secret, 'utf8') < MIN_SECRET_BYTES) return { reason: 'the server has no usable signing key' }
  let payload: Record<string, unknown>
  try {
    const verified = await jwtVerify(token, new TextEncoder().encode(check.secret), {
      algorithms: ['HS256'],
      clockTolerance: check.leewaySec ?? 30,
      currentDate: now,
      ...(check.issuer === undefined ? {} : { issuer: check.issuer }),
      ...(check.audience === undefined ? {} : { audience: check.audience }),
    })
    payload = verified.payload
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { reason: 'token expired' }
    if (e instanceof errors.JWSSignatureVerificationFailed) return { reason: 'bad signature' }
    if (e instanceof errors.JOSEAlgNotAllowed) return { reason: 'unsupported algorithm' }
    if (e instanceof errors.JWTClaimValidationFailed) return { reason: `claim ${e.claim} refused: ${e.reason}` }
    return { reason: 'unreadable token' }
  }
  if (typeof payload.iat !== 'undefined' && typeof payload.iat !== 'number') return { reason: 'iat must be a number' }
  if (typeof payload.sub !== 'string' || typeof payload.role !== 'string') return { reason: 'sub and role are required' }
  return payload as unknown as JwtClaims
}

export const isJwtFailure = (x: JwtClaims | JwtFailure): x is JwtFailure => 'reason' in x
