#!/usr/bin/env node
import { openStore } from '@hoi/adapters'
import { parse, storeUrl, UsageError } from './cli/args.js'
import { runDemo } from './cli/demo.js'
import { execFile } from './cli/exec.js'
import { history } from './cli/history.js'
import { parked } from './cli/parked.js'
import { query, queryUsage } from './cli/query.js'
import { rebuild } from './cli/rebuild.js'
import { chain } from './cli/chain.js'
import { exportLog, importLog } from './cli/exchange.js'
import { head, verify } from './cli/verify.js'
import { commandsMarkdown } from './cli/docs.js'
import { runMigrate } from './cli/migrate.js'
import { erase } from './cli/erase.js'
import { sealCommand } from './cli/seal.js'

const usage = `hoi — sổ ghi chép sự kiện của các hội quần chúng (event-sourced records of mass associations)

usage: hoi <command> [options]     store: --store URL or HOI_STORE (default sqlite:./data/hoi.sqlite)

  demo                        write the golden scenario of the source articles (idempotent)
  exec FILE.jsonl             apply one command per line; prints each line's result or rejection
  query VIEW [ARGS] [--flags]  print a view (--json for the value itself, --format csv|xlsx --out FILE to export); the same parameters as the
                              HTTP API's /views, as flags (asOf → --as-of, recordedAsOf → --recorded-as-of):
${queryUsage()}
  rebuild [PROJECTION…]       rebuild views from the log (all without names); the old ones serve meanwhile
  parked [--limit N]          events a view could not apply, with the reason (--json)
  history STREAM              every event of a stream with its metadata (--json)
  verify [--expect P:HASH]    recompute the hash chain; name the first position where it breaks (docs/audit.md)
  head                        the last position and its hash, for an auditor to keep (--json)
  chain upgrade               chain a store written before events were hash-chained (once)
  seal                        encrypt the personal fields of a store written before they were encrypted (once)
  erase PERSON --reason TEXT  erase a person's personal data: destroy their key, record PersonErased (Decree 13/2023)
  export [--to FILE]          the whole log as JSONL, one canonical envelope a line, + FILE.manifest.json (docs/exchange.md)
  import FILE                 verify an export and store what is missing, keeping positions and hashes
  serve [--demo]              start the HTTP API and dashboard (--port 3000, --host 127.0.0.1)
  migrate --from URL --to URL copy a whole history to another store, resumable, then verify it (exit 3 on a difference)
  docs commands               print docs/commands.md (generated from the codecs)
`

const today = (): string => new Date().toISOString().slice(0, 10)

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv
  const out = (s: string) => process.stdout.write(s + '\n')
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    out(usage)
    return command === undefined ? 1 : 0
  }
  if (command === 'docs') {
    out(commandsMarkdown())
    return 0
  }
  // the HTTP stack is loaded only to serve: the other commands start without it
  if (command === 'serve') return (await import('./cli/serve.js')).serve(rest)
  if (command === 'query') return query(rest, today(), out)
  if (command === 'rebuild') return rebuild(rest, out)
  if (command === 'parked') return parked(rest, out)
  if (command === 'migrate') return runMigrate(parse(rest, { from: { type: 'string' }, to: { type: 'string' }, 'page-size': { type: 'string' } }).flags, out)
  const p = parse(rest, { store: { type: 'string' }, json: { type: 'boolean' }, actor: { type: 'string' }, expect: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } })
  const store = await openStore(storeUrl(p.flags['store']))
  try {
    switch (command) {
      case 'demo':
        await runDemo(store, out)
        return 0
      case 'exec': {
        const file = p.positionals[0]
        if (file === undefined) throw new UsageError('exec needs a file: hoi exec commands.jsonl')
        const actor = typeof p.flags['actor'] === 'string' ? p.flags['actor'] : `cli:${process.env['USER'] ?? 'local'}`
        const summary = await execFile(store, file, actor, (r) =>
          out(p.flags['json'] === true ? JSON.stringify(r) : r.ok ? `line ${r.line}: ok ${r.type} → ${r.streamId}@${r.revision}, ${r.replayed ? 'already applied' : `${r.events} event(s)`}` : `line ${r.line}: ${r.error}`),
        )
        out(`${summary.ok} ok, ${summary.failed} failed`)
        return summary.failed === 0 ? 0 : 2
      }
      case 'history': {
        const stream = p.positionals[0]
        if (stream === undefined) throw new UsageError('history needs a stream id, e.g. hoi history association-lc-nct')
        await history(store, stream, p.flags['json'] === true, out)
        return 0
      }
      case 'verify':
        return await verify(store, typeof p.flags['expect'] === 'string' ? p.flags['expect'] : undefined, p.flags['json'] === true, out)
      case 'head':
        return await head(store, p.flags['json'] === true, out)
      case 'chain':
        return await chain(store, p.positionals[0], out)
      case 'export':
        return await exportLog(store, typeof p.flags['to'] === 'string' ? p.flags['to'] : undefined, (s) => process.stderr.write(`${s}\n`))
      case 'import':
        return await importLog(store, p.positionals[0], out)
      case 'seal':
        return await sealCommand(store, out)
      case 'erase':
        return await erase(store, p.positionals[0], p.flags['reason'], typeof p.flags['actor'] === 'string' ? p.flags['actor'] : `cli:${process.env['USER'] ?? 'local'}`, today(), out)
      default:
        throw new UsageError(`unknown command ${command}\n\n${usage}`)
    }
  } finally {
    await store.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`hoi: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(e instanceof UsageError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) ? 64 : 1)
  },
)
