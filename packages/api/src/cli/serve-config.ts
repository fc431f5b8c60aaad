import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import type { EventStore } from '@hoi/adapters'
import { checkJwtSecret } from '../auth/auth-config.js'
import { UsageError } from './args.js'

/** `--port` (or PORT): a whole number 0–65535, 0 picking a free port. Checked before anything is opened. */
export const parsePort = (value: string, name = '--port'): number => {
  if (!/^\d{1,5}$/u.test(value) || Number(value) > 65_535) throw new UsageError(`${name} must be a whole number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value.slice(0, 40))}`)
  return Number(value)
}

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/u

/** `--host` (or HOST): an IPv4 or IPv6 address or a host name. */
export const parseHost = (value: string, name = '--host'): string => {
  const ok = isIP(value) !== 0 || (value.length <= 253 && value.split('.').every((l) => LABEL.test(l)))
  if (!ok) throw new UsageError(`${name} must be an IP address or a host name such as 127.0.0.1, ::1, 0.0.0.0 or localhost, not ${JSON.stringify(value.slice(0, 40))}`)
  return value
}

/**
 * The demo's signing secret: random, made on the first demo start and kept beside the SQLite file
 * (`<file>.jwt-secret`, mode 0600), so tokens outlive a restart and no two stores share one. A
 * memory store gets a new one on every start.
 */
export const demoSecret = (store: EventStore): { readonly secret: string; readonly file?: string; readonly created: boolean } => {
  const make = () => randomBytes(48).toString('base64url')
  if (store.kind !== 'sqlite') return { secret: make(), created: true }
  const file = `${(store as unknown as { readonly path: string }).path}.jwt-secret`
  let secret: string | undefined
  try {
    const mode = statSync(file).mode & 0o777
    if ((mode & 0o077) !== 0) throw new Error(`${file} is readable by others (mode ${mode.toString(8)}): run chmod 600 ${file}, or delete it to make a new secret`)
    secret = readFileSync(file, 'utf8').trim()
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ENOENT') throw e
  }
  if (secret !== undefined) return { secret: checkJwtSecret(secret, file), file, created: false }
  const fresh = make()
  writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' })
  return { secret: fresh, file, created: true }
}
