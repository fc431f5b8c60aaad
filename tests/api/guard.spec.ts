import { describe, expect, it } from 'vitest'
import { AccessGuard, ProblemException, authenticator, signJwt } from '@hoi/api'

/** The guard itself, on a handler as Nest would hand it over: deny by default. */
const contextFor = (config: unknown, authorization?: string) => {
  const request = { headers: authorization === undefined ? {} : { authorization } }
  return {
    getHandler: () => () => undefined,
    switchToHttp: () => ({ getRequest: () => request }),
    config,
  }
}
const guardWith = (config: unknown) =>
  new AccessGuard(
    { get: () => config } as never,
    authenticator({ jwtSecret: 'guard-test-secret-of-32-characters!!' }, () => new Date('2024-01-01T00:00:00Z')),
  )
const statusOf = async (f: () => Promise<unknown>): Promise<number | undefined> => {
  try {
    await f()
    return undefined
  } catch (e) {
    return e instanceof ProblemException ? e.problem.status : -1
  }
}
const admin = `Bearer ${signJwt({ sub: 'a', role: 'admin' }, 'guard-test-secret-of-32-characters!!')}`

describe('AccessGuard', () => {
  it('refuses everyone, admins included, on a handler without a rule', async () => {
    for (const config of [undefined, {}, { hoi: {} }, { hoi: { access: 'everyone' } }]) {
      expect(await statusOf(() => guardWith(config).canActivate(contextFor(config, admin) as never)), JSON.stringify(config)).toBe(403)
      expect(await statusOf(() => guardWith(config).canActivate(contextFor(config) as never))).toBe(403)
    }
  })
  it('admits by the rule once one is there', async () => {
    const config = { hoi: { access: 'admin', tag: 't', summary: 's' } }
    expect(await guardWith(config).canActivate(contextFor(config, admin) as never)).toBe(true)
    expect(await statusOf(() => guardWith(config).canActivate(contextFor(config) as never))).toBe(401)
  })
})

describe('authenticator', () => {
  const secret = 'guard-test-secret-of-32-characters!!'
  it('a token verified once is still refused once it expires (30 s leeway), and a forged one is never taken for it', async () => {
    let now = new Date('2024-01-01T00:00:00Z')
    const authenticate = authenticator({ jwtSecret: secret }, () => now)
    const exp = Math.floor(now.getTime() / 1000) + 60
    const token = signJwt({ sub: 'clerk-1', role: 'clerk', associations: ['a-1'], exp }, secret)
    expect(await authenticate(`Bearer ${token}`)).toEqual({ kind: 'user', sub: 'clerk-1', role: 'clerk', associations: ['a-1'] })
    expect(await authenticate(`Bearer ${token}`)).toEqual({ kind: 'user', sub: 'clerk-1', role: 'clerk', associations: ['a-1'] })
    const forged = `${token.split('.').slice(0, 2).join('.')}.${signJwt({ sub: 'x', role: 'admin' }, 'another-secret-of-at-least-32-bytes!').split('.')[2]}`
    expect(await authenticate(`Bearer ${forged}`)).toEqual({ _tag: 'AuthFailure', reason: 'bad signature' })
    now = new Date((exp + 29) * 1000)
    expect(await authenticate(`Bearer ${token}`)).toMatchObject({ kind: 'user', sub: 'clerk-1' })
    now = new Date((exp + 30) * 1000)
    expect(await authenticate(`Bearer ${token}`)).toEqual({ _tag: 'AuthFailure', reason: 'token expired' })
  })
})
