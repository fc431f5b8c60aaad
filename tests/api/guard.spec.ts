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
  new AccessGuard({ get: () => config } as never, authenticator({ jwtSecret: 'guard-test-secret-of-32-characters!!' }, () => new Date('2024-01-01T00:00:00Z')))
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
