import { parseArgs } from 'node:util'

export type Parsed = { positionals: string[]; flags: Record<string, string | boolean | undefined> }

/** Parses `hoi <command> …`; unknown flags are an error that names the flag. */
export const parse = (argv: ReadonlyArray<string>, options: Record<string, { type: 'string' | 'boolean'; short?: string }>): Parsed => {
  const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  return { positionals, flags: values }
}

export const storeUrl = (flag: unknown): string =>
  typeof flag === 'string' ? flag : process.env['HOI_STORE'] ?? 'sqlite:./data/hoi.sqlite'

export class UsageError extends Error {}
