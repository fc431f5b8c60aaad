/** Injection tokens: every dependency is injected by token, never by emitted type metadata. */
export const OPTIONS = Symbol('hoi.options')
export const STORE = Symbol('hoi.store')
export const AUTHENTICATOR = Symbol('hoi.authenticator')
export const CATALOGUE = Symbol('hoi.route-catalogue')
export const TELEMETRY = Symbol('hoi.telemetry')
