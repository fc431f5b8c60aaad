import { readFileSync } from 'node:fs'

/** The version of the installed package (packages/api/package.json, one level above dist/ and src/). */
export const version = (): string => {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown'
}
