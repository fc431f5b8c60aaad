/** Who is calling. Clerks act for their listed associations and everything below them. */
export const roles = ['admin', 'clerk', 'auditor'] as const
export type Role = (typeof roles)[number]

export type User = {
  readonly kind: 'user'
  readonly sub: string
  readonly role: Role
  readonly associations: ReadonlyArray<string>
}
export type Anonymous = { readonly kind: 'anonymous' }
export type Principal = User | Anonymous

export const anonymous: Anonymous = { kind: 'anonymous' }

/** The audience a rule names: a role, or the anonymous public. */
export type Audience = Role | 'anonymous'
export const audienceOf = (p: Principal): Audience => (p.kind === 'anonymous' ? 'anonymous' : p.role)
