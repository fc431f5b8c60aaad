import { viewDefs, viewNames } from '../views/view-defs.js'
import { viewUsage } from './view-args.js'

/** One flag of a command: how it is spelled, what it holds, and what it is when not given. */
export type Flag = { readonly name: string; readonly value?: string; readonly default?: string; readonly about: string }

/** What `hoi help` and `hoi COMMAND --help` print, and the flags the command's parser accepts. */
export type CommandSpec = {
  readonly name: string
  readonly args: string
  readonly summary: string
  readonly flags: ReadonlyArray<Flag>
  readonly examples: ReadonlyArray<string>
  /** more text after the flags (the views of `query`) */
  readonly more?: () => string
}

const store: Flag = { name: 'store', value: 'URL', default: 'HOI_STORE, else sqlite:./data/hoi.sqlite', about: 'the event store: sqlite:FILE, postgres://…, memory:, esdb://…' }
const json: Flag = { name: 'json', about: 'print JSON instead of text' }

const specs: ReadonlyArray<CommandSpec> = [
  { name: 'demo', args: '', summary: 'write the golden scenario of the source articles (idempotent)', flags: [store], examples: ['hoi demo --store sqlite:./data/hoi.sqlite'] },
  {
    name: 'exec',
    args: 'FILE.jsonl',
    summary: "apply one command per line; prints each line's result or rejection (docs/commands.md)",
    flags: [
      store,
      { name: 'json', about: 'one JSON result a line' },
      { name: 'actor', value: 'NAME', default: 'cli:$USER', about: 'who the commands are recorded as, for lines without metadata.actor' },
    ],
    examples: ['hoi exec my-commands.jsonl', 'hoi exec my-commands.jsonl --json --actor clerk:lan'],
  },
  {
    name: 'query',
    args: 'VIEW [ARGS]',
    summary: "print a view; the same parameters as the HTTP API's /views, as flags (asOf → --as-of, recordedAsOf → --recorded-as-of)",
    flags: [
      store,
      { name: 'json', about: 'print the value itself' },
      { name: 'format', value: 'csv|xlsx', about: 'export the view to a file (with --out)' },
      { name: 'out', value: 'FILE', about: 'the file --format writes' },
    ],
    examples: [
      'hoi query statistics --year 2020',
      'hoi query statistics --year 2024 --area-code 12 --geography today',
      'hoi query units --as-of 2025-07-01',
      'hoi query roster lc-nct --recorded-as-of 2024-04-30 --json',
      'hoi query rollup lc-mttq 2023Q3 --format xlsx --out rollup.xlsx',
    ],
    more: () => `views:\n${viewNames.map((n) => `  ${viewUsage(viewDefs.get(n)!)}`).join('\n')}`,
  },
  {
    name: 'rebuild',
    args: '[PROJECTION…]',
    summary: 'rebuild views from the log (all without names); the old ones serve meanwhile',
    flags: [store],
    examples: ['hoi rebuild', 'hoi rebuild registry'],
  },
  {
    name: 'parked',
    args: '',
    summary: 'events a view could not apply, with the reason',
    flags: [store, json, { name: 'limit', value: 'N', default: '100', about: 'how many of the latest to show (1–999999)' }],
    examples: ['hoi parked --limit 20'],
  },
  {
    name: 'history',
    args: 'STREAM',
    summary: 'every event of a stream with its metadata',
    flags: [store, { name: 'json', about: 'one JSON event a line' }],
    examples: ['hoi history association-lc-nct'],
  },
  {
    name: 'verify',
    args: '',
    summary: 'recompute the hash chain; name the first position where it breaks (exit 3; docs/audit.md)',
    flags: [store, json, { name: 'expect', value: 'POSITION:HASH', about: 'a head kept earlier (hoi head): also prove the history up to it unchanged' }],
    examples: ['hoi verify', 'hoi verify --expect 185549:9f2c…'],
  },
  { name: 'head', args: '', summary: 'the last position and its hash, for an auditor to keep', flags: [store, json], examples: ['hoi head --json'] },
  { name: 'chain', args: 'upgrade', summary: 'chain a store written before events were hash-chained (once)', flags: [store], examples: ['hoi chain upgrade --store sqlite:./old.sqlite'] },
  {
    name: 'export',
    args: '',
    summary: 'the whole log as JSONL, one canonical envelope a line, + FILE.manifest.json (docs/exchange.md)',
    flags: [store, { name: 'to', value: 'FILE', default: 'standard output, without a manifest', about: 'the file to write' }],
    examples: ['hoi export --to hoi.jsonl'],
  },
  {
    name: 'import',
    args: 'FILE',
    summary: 'verify an export and store what is missing, keeping positions and hashes',
    flags: [store],
    examples: ['hoi import hoi.jsonl --store postgres://postgres@127.0.0.1:5432/hoi'],
  },
  { name: 'seal', args: '', summary: 'encrypt the personal fields of a store written before they were encrypted (once)', flags: [store], examples: ['hoi seal --store sqlite:./old.sqlite'] },
  {
    name: 'erase',
    args: 'PERSON',
    summary: "erase a person's personal data: destroy their key and record PersonErased (Decree 13/2023)",
    flags: [
      store,
      { name: 'reason', value: 'TEXT', about: 'why the data is erased (required; kept in the log)' },
      { name: 'actor', value: 'NAME', default: 'cli:$USER', about: 'who the erasure is recorded as' },
    ],
    examples: ['hoi erase person-123 --reason "Đơn yêu cầu xoá dữ liệu cá nhân"'],
  },
  {
    name: 'serve',
    args: '',
    summary: 'start the HTTP API and dashboard',
    flags: [
      store,
      { name: 'demo', about: 'write the golden scenario first and print demo tokens (local use)' },
      { name: 'port', value: 'N', default: 'PORT, else 3000', about: 'the port to listen on (0 picks a free one)' },
      { name: 'host', value: 'HOST', default: 'HOST, else 127.0.0.1', about: 'the address to listen on' },
    ],
    examples: ['hoi serve --demo', 'HOI_JWT_SECRET=… hoi serve --host 0.0.0.0 --port 8080'],
  },
  {
    name: 'migrate',
    args: '',
    summary: 'copy a whole history to another store, resumable, then verify it (exit 3 on a difference)',
    flags: [
      { name: 'from', value: 'URL', about: 'the source store (required)' },
      { name: 'to', value: 'URL', about: 'the target store (required)' },
      { name: 'page-size', value: 'N', default: '1000', about: 'events read per page (1–100000)' },
    ],
    examples: ['hoi migrate --from sqlite:./data/hoi.sqlite --to postgres://postgres@127.0.0.1:5432/hoi'],
  },
  { name: 'docs', args: 'commands', summary: 'print docs/commands.md (generated from the codecs)', flags: [], examples: ['hoi docs commands > docs/commands.md'] },
  { name: 'help', args: '[COMMAND]', summary: 'list the commands, or explain one', flags: [], examples: ['hoi help exec'] },
]

export const commands: ReadonlyMap<string, CommandSpec> = new Map(specs.map((s) => [s.name, s]))

/** The parser options of a command, from its flags (every flag of a command is a string unless it takes no value). */
export const optionsOf = (name: string): Record<string, { type: 'string' | 'boolean' }> =>
  Object.fromEntries((commands.get(name)?.flags ?? []).map((f) => [f.name, { type: f.value === undefined ? 'boolean' : 'string' }]))

const spelled = (f: Flag): string => `--${f.name}${f.value === undefined ? '' : ` ${f.value}`}`
const synopsis = (s: CommandSpec): string => ['hoi', s.name, s.args, ...s.flags.map((f) => `[${spelled(f)}]`)].filter((x) => x !== '').join(' ')

/** `hoi COMMAND --help`: usage, flags with defaults, examples. */
export const commandHelp = (s: CommandSpec): string => {
  const width = Math.max(0, ...s.flags.map((f) => spelled(f).length))
  return [
    `usage: ${synopsis(s)}`,
    '',
    s.summary,
    ...(s.flags.length === 0 ? [] : ['', 'flags:', ...s.flags.map((f) => `  ${spelled(f).padEnd(width)}  ${f.about}${f.default === undefined ? '' : ` (default: ${f.default})`}`)]),
    ...(s.more === undefined ? [] : ['', s.more()]),
    '',
    s.examples.length === 1 ? 'example:' : 'examples:',
    ...s.examples.map((e) => `  ${e}`),
  ].join('\n')
}

/** `hoi help`: every command in one line. */
export const overview = (version: string): string => {
  const width = Math.max(...specs.map((s) => `${s.name} ${s.args}`.length))
  return [
    `hoi ${version} — sổ ghi chép sự kiện của các hội quần chúng (event-sourced records of mass associations)`,
    '',
    'usage: hoi <command> [options]       hoi <command> --help for its flags and an example',
    '',
    ...specs.map((s) => `  ${`${s.name} ${s.args}`.trimEnd().padEnd(width)}  ${s.summary}`),
    '',
    'every command that reads or writes takes --store URL (default: HOI_STORE, else sqlite:./data/hoi.sqlite)',
    'a KurrentDB store keeps its views in HOI_VIEWS (sqlite:FILE or postgres://…; default ./data/views-HASH.sqlite)',
    'hoi --version prints the version',
  ].join('\n')
}
