import type { Audience } from './principal.js'

/**
 * The access rules a route can carry. Clerks are further limited to their own associations
 * (`clerkScope`): `own` = a listed association or one below it; `below` = strictly below one
 * (a superior approves a report, never its own association).
 */
export const accessRules = {
  public: { allow: ['anonymous', 'admin', 'clerk', 'auditor'], clerkScope: 'none', summary: 'anyone, without a token' },
  read: { allow: ['admin', 'clerk', 'auditor'], clerkScope: 'own', summary: 'admin, auditor; clerk for own associations' },
  'audit-log': { allow: ['admin', 'auditor'], clerkScope: 'none', summary: 'admin and auditor' },
  write: { allow: ['admin', 'clerk'], clerkScope: 'own', summary: 'admin; clerk for own associations' },
  supervise: { allow: ['admin', 'clerk'], clerkScope: 'below', summary: 'admin; clerk for associations below their own' },
  admin: { allow: ['admin'], clerkScope: 'none', summary: 'admin only' },
} as const satisfies Record<string, { allow: ReadonlyArray<Audience>; clerkScope: 'none' | 'own' | 'below'; summary: string }>

export type AccessName = keyof typeof accessRules
export type ClerkScope = (typeof accessRules)[AccessName]['clerkScope']

export const allows = (access: AccessName, audience: Audience): boolean => (accessRules[access].allow as ReadonlyArray<Audience>).includes(audience)
