import { createHash } from 'node:crypto'
import { Id } from '@hoi/domain'
import { isJwtFailure, MIN_SECRET_BYTES, verifyJwt } from './jwt.js'
import { roles, type Principal, type Role, type User } from './principal.js'

/** An API key as configured: only its sha256 (hex) is kept, never the key itself. */
export type ApiKeyEntry = {
  readonly hash: string
  readonly sub: string
  readonly role: Role
  readonly associations?: ReadonlyArray<string>
}

/** How a deployment authenticates bearer tokens: HS256 JWTs signed with `jwtSecret`, and/or API keys. */
export type AuthConfig = {
  readonly jwtSecret?: string
  /** when set, a JWT must carry this `iss` (HOI_JWT_ISSUER) */
  readonly jwtIssuer?: string
  /** when set, a JWT's `aud` must name this audience (HOI_JWT_AUDIENCE) */
  readonly jwtAudience?: string
  readonly apiKeys?: ReadonlyArray<ApiKeyEntry>
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex')

/** The JWT signing secret's rule, the same for a configured, a demo and a generated secret. */
export const checkJwtSecret = (secret: string, name = 'HOI_JWT_SECRET'): string => {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) throw new Error(`${name} must be at least ${MIN_SECRET_BYTES} bytes (32 ASCII characters); generate one with: openssl rand -base64 48`)
  return secret
}

const KEYS_SHAPE = 'HOI_API_KEYS must be a JSON array of { "hash": "<sha256 hex of the key>", "sub": "<who>", "role": "admin|clerk|auditor", "associations"?: ["<id>", …] }'

/** Every entry of HOI_API_KEYS, checked field by field: a mistake names the entry and the field. */
export const parseApiKeys = (text: string | undefined): ApiKeyEntry[] => {
  if (text === undefined || text.trim() === '') return []
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new Error(`${KEYS_SHAPE}; it is not JSON (${(e as Error).message})`)
  }
  if (!Array.isArray(value)) throw new Error(`${KEYS_SHAPE}; it is not an array`)
  const seen = new Set<string>()
  return value.map((entry: unknown, i): ApiKeyEntry => {
    const at = `HOI_API_KEYS[${i}]`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${at} must be an object { hash, sub, role, associations? }`)
    const e = entry as Record<string, unknown>
    const extra = Object.keys(e).filter((k) => !['hash', 'sub', 'role', 'associations'].includes(k))
    if (extra.length > 0) throw new Error(`${at}.${extra[0]} is not a field (hash, sub, role, associations)`)
    if (typeof e.hash !== 'string' || !/^[0-9a-fA-F]{64}$/u.test(e.hash)) throw new Error(`${at}.hash must be the SHA-256 of the key as 64 hex digits, never the key itself`)
    if (typeof e.sub !== 'string' || e.sub.length === 0 || e.sub.length > 200) throw new Error(`${at}.sub must be a name of 1–200 characters`)
    if (typeof e.role !== 'string' || !(roles as ReadonlyArray<string>).includes(e.role)) throw new Error(`${at}.role must be one of ${roles.join(', ')}`)
    if (e.associations !== undefined && (!Array.isArray(e.associations) || !e.associations.every((a) => Id.is(a)))) throw new Error(`${at}.associations must be a list of association ids`)
    const hash = e.hash.toLowerCase()
    if (seen.has(hash)) throw new Error(`${at}.hash repeats an earlier entry's key`)
    seen.add(hash)
    return { hash, sub: e.sub, role: e.role as Role, ...(e.associations === undefined ? {} : { associations: e.associations }) }
  })
}

/**
 * From the environment: `HOI_JWT_SECRET` (at least 32 bytes; a string argument takes its place),
 * `HOI_JWT_ISSUER` and `HOI_JWT_AUDIENCE` (checked when set), and `HOI_API_KEYS`.
 */
export const authFromEnv = (secretOrEnv: string | NodeJS.ProcessEnv = process.env, env: NodeJS.ProcessEnv = process.env): AuthConfig => {
  if (typeof secretOrEnv === 'object') env = secretOrEnv
  const secret = typeof secretOrEnv === 'string' ? secretOrEnv : env.HOI_JWT_SECRET
  if (secret !== undefined) checkJwtSecret(secret)
  const claim = (name: string): string | undefined => {
    const v = env[name]
    if (v === undefined || v === '') return undefined
    if (v.trim() !== v || v.length > 500) throw new Error(`${name} must be a plain string without surrounding spaces`)
    return v
  }
  const issuer = claim('HOI_JWT_ISSUER')
  const audience = claim('HOI_JWT_AUDIENCE')
  return {
    ...(secret === undefined ? {} : { jwtSecret: secret }),
    ...(issuer === undefined ? {} : { jwtIssuer: issuer }),
    ...(audience === undefined ? {} : { jwtAudience: audience }),
    apiKeys: parseApiKeys(env.HOI_API_KEYS),
  }
}

export type AuthFailure = { readonly _tag: 'AuthFailure'; readonly reason: string }

const user = (sub: string, role: string, associations: unknown): User | AuthFailure => {
  if (!(roles as ReadonlyArray<string>).includes(role)) return { _tag: 'AuthFailure', reason: `unknown role ${role}` }
  if (sub.length === 0 || sub.length > 200) return { _tag: 'AuthFailure', reason: 'bad subject' }
  const list = associations === undefined ? [] : associations
  if (!Array.isArray(list) || !list.every((a) => Id.is(a))) return { _tag: 'AuthFailure', reason: 'associations must be a list of ids' }
  return { kind: 'user', sub, role: role as Role, associations: list }
}

/** Seconds of clock skew allowed on `exp` and `nbf`. */
const JWT_LEEWAY_SEC = 30
/** At most this many verified tokens are remembered (then the memory starts again). */
const VERIFIED_TOKENS = 10_000

/** An authenticator for one configuration: token → principal, or why not. */
export const authenticator = (config: AuthConfig, now: () => Date) => {
  const keys = new Map((config.apiKeys ?? []).map((k) => [k.hash.toLowerCase(), k]))
  const jwt =
    config.jwtSecret === undefined
      ? undefined
      : {
          secret: config.jwtSecret,
          ...(config.jwtIssuer === undefined ? {} : { issuer: config.jwtIssuer }),
          ...(config.jwtAudience === undefined ? {} : { audience: config.jwtAudience }),
        }
  // tokens whose signature and claims were verified, so a client's every request does not pay for the HMAC again
  const verified = new Map<string, { readonly principal: Principal; readonly exp: number | undefined }>()
  return async (authorization: string | undefined): Promise<Principal | AuthFailure> => {
    if (authorization === undefined || authorization === '') return { kind: 'anonymous' }
    const m = /^Bearer +([A-Za-z0-9._~+/=-]{8,4096})$/u.exec(authorization)
    if (m === null) return { _tag: 'AuthFailure', reason: 'expected "Authorization: Bearer <token>"' }
    const token = m[1]!
    if (token.split('.').length === 3) {
      if (jwt === undefined) return { _tag: 'AuthFailure', reason: 'JWTs are not accepted here' }
      const at = now()
      const seen = verified.get(token)
      if (seen !== undefined) {
        // a token already verified is the same token: only its expiry can have changed since (nbf only passes)
        if (seen.exp === undefined || seen.exp > Math.floor(at.getTime() / 1000) - JWT_LEEWAY_SEC) return seen.principal
        verified.delete(token)
      }
      const claims = await verifyJwt(token, { ...jwt, leewaySec: JWT_LEEWAY_SEC }, at)
      if (isJwtFailure(claims)) return { _tag: 'AuthFailure', reason: claims.reason }
      const principal = user(claims.sub, claims.role, claims.associations)
      if (!isAuthFailure(principal)) {
        if (verified.size >= VERIFIED_TOKENS) verified.clear()
        verified.set(token, { principal, exp: claims.exp })
      }
      return principal
    }
    const key = keys.get(hashApiKey(token))
    if (key === undefined) return { _tag: 'AuthFailure', reason: 'unknown API key' }
    return user(key.sub, key.role, key.associations)
  }
}
export type Authenticator = ReturnType<typeof authenticator>

export const isAuthFailure = (x: Principal | AuthFailure): x is AuthFailure => '_tag' in x
