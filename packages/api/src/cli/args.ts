import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'

export type Parsed = { positionals: string[]; flags: Record<string, string | boolean | undefined> }

/** Parses `hoi <command> …`; unknown flags are an error that names the flag. */
export const parse = (argv: ReadonlyArray<string>, options: Record<string, { type: 'string' | 'boolean'; short?: string }>): Parsed => {
  const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  return { positionals, flags: values }
}

export const storeUrl = (flag: unknown): string => (typeof flag === 'string' ? flag : (process.env['HOI_STORE'] ?? 'sqlite:./data/hoi.sqlite'))

/**
 * Where the views of a store that cannot hold tables (KurrentDB) live: HOI_VIEWS (`sqlite:PATH` or
 * `postgres://…`), else a SQLite file of that store's own under ./data. Other stores keep their views
 * in their own database.
 */
export const viewsAtFor = (store: { readonly kind: string; readonly url: string }): string | undefined => {
  const given = process.env['HOI_VIEWS']
  if (given !== undefined && given !== '') return given
  return store.kind === 'esdb' ? `sqlite:./data/views-${createHash('sha256').update(store.url).digest('hex').slice(0, 12)}.sqlite` : undefined
}

export class UsageError extends Error {}
