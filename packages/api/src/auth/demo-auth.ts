import { checkJwtSecret, type AuthConfig } from './auth-config.js'
import { signJwt } from './jwt.js'

export type DemoToken = { readonly sub: string; readonly role: string; readonly associations: ReadonlyArray<string>; readonly token: string }

export type DemoAuth = {
  readonly auth: AuthConfig
  /** label → bearer token, in the order to print them */
  readonly tokens: Readonly<Record<string, string>>
  readonly principals: {
    readonly admin: DemoToken
    readonly provinceClerk: DemoToken
    readonly communeClerk: DemoToken
    readonly auditor: DemoToken
  }
}

/** A commune Hội NCT of the demo province, below the provincial one (lc-nct → lc-109-nct → this). */
export const DEMO_COMMUNE_ASSOCIATION = 'lc-109.04-nct'

/**
 * Tokens for local use with the demo province: an administrator, a clerk of the provincial Hội NCT
 * (`lc-nct`, and so of every Hội NCT below it), a clerk of one commune Hội NCT, and an auditor.
 * They last a year from `now`.
 */
export const demoAuth = (secret: string, opts: { communeAssociationId?: string; now?: Date; issuer?: string; audience?: string } = {}): DemoAuth => {
  checkJwtSecret(secret)
  const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000)
  const exp = iat + 365 * 24 * 3600
  const commune = opts.communeAssociationId ?? DEMO_COMMUNE_ASSOCIATION
  const make = (sub: string, role: string, associations: ReadonlyArray<string>): DemoToken => ({
    sub,
    role,
    associations,
    token: signJwt(
      {
        sub,
        role,
        ...(associations.length > 0 ? { associations } : {}),
        iat,
        exp,
        ...(opts.issuer === undefined ? {} : { iss: opts.issuer }),
        ...(opts.audience === undefined ? {} : { aud: opts.audience }),
      },
      secret,
    ),
  })
  const principals = {
    admin: make('demo-admin', 'admin', []),
    provinceClerk: make('demo-clerk-nct', 'clerk', ['lc-nct']),
    communeClerk: make('demo-clerk-commune', 'clerk', [commune]),
    auditor: make('demo-auditor', 'auditor', []),
  }
  return {
    auth: { jwtSecret: secret, ...(opts.issuer === undefined ? {} : { jwtIssuer: opts.issuer }), ...(opts.audience === undefined ? {} : { jwtAudience: opts.audience }) },
    tokens: {
      admin: principals.admin.token,
      'clerk of lc-nct': principals.provinceClerk.token,
      [`clerk of ${commune}`]: principals.communeClerk.token,
      auditor: principals.auditor.token,
    },
    principals,
  }
}
