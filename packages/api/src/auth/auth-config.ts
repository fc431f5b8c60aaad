import { createHash } from 'node:crypto'
import { Id } from '@hoi/domain'
import { isJwtFailure, verifyJwt } from './jwt.js'
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
  readonly apiKeys?: ReadonlyArray<ApiKeyEntry>
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex')

/**
 * From the environment: `HOI_JWT_SECRET` (at least 32 characters; a string argument takes its
 * place) and `HOI_API_KEYS`, a JSON array of `{ hash, sub, role, associations? }`.
 */
export const authFromEnv = (secretOrEnv: string | NodeJS.ProcessEnv = process.env, env: NodeJS.ProcessEnv = process.env): AuthConfig => {
  if (typeof secretOrEnv === 'object') env = secretOrEnv
  const secret = typeof secretOrEnv === 'string' ? secretOrEnv : env.HOI_JWT_SECRET
  if (secret !== undefined && secret.length < 32) throw new Error('HOI_JWT_SECRET must be at least 32 characters')
  let keys: ApiKeyEntry[] = []
  try {
    keys = env.HOI_API_KEYS === undefined ? [] : (JSON.parse(env.HOI_API_KEYS) as ApiKeyEntry[])
  } catch {
    throw new Error('HOI_API_KEYS must be a JSON array of { hash, sub, role, associations? }')
  }
  if (!Array.isArray(keys)) throw new Error('HOI_API_KEYS must be a JSON array of { hash, sub, role, associations? }')
  for (const k of keys)
    if (!/^[0-9a-f]{64}$/u.test(k.hash) || !roles.includes(k.role)) throw new Error(`HOI_API_KEYS: entry for ${k.sub} needs a sha256 hex hash and a role (${roles.join(', ')})`)
  return { ...(secret === undefined ? {} : { jwtSecret: secret }), apiKeys: keys }
}

export type AuthFailure = { readonly _tag: 'AuthFailure'; readonly reason: string }

const user = (sub: string, role: string, associations: unknown): User | AuthFailure => {
  if (!(roles as ReadonlyArray<string>).includes(role)) return { _tag: 'AuthFailure', reason: `unknown role ${role}` }
  if (sub.length === 0 || sub.length > 200) return { _tag: 'AuthFailure', reason: 'bad subject' }
  const list = associations === undefined ? [] : associations
  if (!Array.isArray(list) || !list.every((a) => Id.is(a))) return { _tag: 'AuthFailure', reason: 'associations must be a list of ids' }
  return { kind: 'user', sub, role: role as Role, associations: list as string[] }
}

/** An authenticator for one configuration: token → principal, or why not. */
export const authenticator = (config: AuthConfig, now: () => Date) => {
  const keys = new Map((config.apiKeys ?? []).map((k) => [k.hash.toLowerCase(), k]))
  return (authorization: string | undefined): Principal | AuthFailure => {
    if (authorization === undefined || authorization === '') return { kind: 'anonymous' }
    const m = /^Bearer +([A-Za-z0-9._~+/=-]{8,4096})$/u.exec(authorization)
    if (m === null) return { _tag: 'AuthFailure', reason: 'expected "Authorization: Bearer <token>"' }
    const token = m[1]!
    if (token.split('.').length === 3) {
      if (config.jwtSecret === undefined) return { _tag: 'AuthFailure', reason: 'JWTs are not accepted here' }
      const claims = verifyJwt(token, config.jwtSecret, Math.floor(now().getTime() / 1000))
      if (isJwtFailure(claims)) return { _tag: 'AuthFailure', reason: claims.reason }
      return user(claims.sub, claims.role, claims.associations)
    }
    const key = keys.get(hashApiKey(token))
    if (key === undefined) return { _tag: 'AuthFailure', reason: 'unknown API key' }
    return user(key.sub, key.role, key.associations)
  }
}
export type Authenticator = ReturnType<typeof authenticator>

export const isAuthFailure = (x: Principal | AuthFailure): x is AuthFailure => '_tag' in x
