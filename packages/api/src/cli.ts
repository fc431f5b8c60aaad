#!/usr/bin/env node
import { openStore } from '@hoi/adapters'
import { parse, storeUrl, UsageError } from './cli/args.js'
import { runDemo } from './cli/demo.js'
import { execFile, type LineResult } from './cli/exec.js'
import { progressBar } from './cli/progress.js'
import { formatNumber } from './cli/table.js'
import { history } from './cli/history.js'
import { parked } from './cli/parked.js'
import { query } from './cli/query.js'
import { rebuild } from './cli/rebuild.js'
import { chain } from './cli/chain.js'
import { exportLog, importLog } from './cli/exchange.js'
import { head, verify } from './cli/verify.js'
import { commandsMarkdown } from './cli/docs.js'
import { runMigrate } from './cli/migrate.js'
import { erase } from './cli/erase.js'
import { sealCommand } from './cli/seal.js'
import { commandHelp, commands, optionsOf, overview } from './cli/commands.js'
import { version } from './cli/version.js'

const today = (): string => new Date().toISOString().slice(0, 10)

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv
  const out = (s: string) => process.stdout.write(s + '\n')
  if (command === undefined || command === '--help' || command === '-h') {
    out(overview(version()))
    return command === undefined ? 1 : 0
  }
  if (command === '--version' || command === '-V') {
    out(version())
    return 0
  }
  const spec = commands.get(command)
  if (spec === undefined) throw new UsageError(`unknown command ${command}; \`hoi help\` lists the commands`)
  if (rest.includes('--help') || rest.includes('-h')) {
    out(commandHelp(spec))
    return 0
  }
  if (command === 'help') {
    const about = rest[0] === undefined ? undefined : commands.get(rest[0])
    if (rest[0] !== undefined && about === undefined) throw new UsageError(`unknown command ${rest[0]}; \`hoi help\` lists the commands`)
    out(about === undefined ? overview(version()) : commandHelp(about))
    return 0
  }
  if (command === 'docs') {
    if (rest.length !== 1 || rest[0] !== 'commands') throw new UsageError('docs needs a subject: hoi docs commands')
    out(commandsMarkdown())
    return 0
  }
  // the HTTP stack is loaded only to serve: the other commands start without it
  if (command === 'serve') return (await import('./cli/serve.js')).serve(rest)
  if (command === 'query') return query(rest, today(), out)
  if (command === 'rebuild') return rebuild(rest, out)
  if (command === 'parked') return parked(rest, out)
  if (command === 'migrate') return runMigrate(parse(rest, optionsOf('migrate')).flags, out)
  const p = parse(rest, optionsOf(command))
  if (spec.args === '' && p.positionals.length > 0) throw new UsageError(`${command} takes no arguments (got ${p.positionals.join(' ')}); see hoi ${command} --help`)
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
        const bar = progressBar('exec', process.stderr, undefined, 'lines')
        const show = (r: LineResult) =>
          p.flags['json'] === true
            ? JSON.stringify(r)
            : r.ok
              ? `line ${r.line}: ok ${r.type} → ${r.streamId}@${r.revision}, ${r.replayed ? 'already applied' : `${formatNumber(r.events)} event(s)`}`
              : `line ${r.line}: ${r.error}`
        let summary
        try {
          summary = await execFile(store, file, actor, (r) => bar.around(() => out(show(r))), bar.update)
        } finally {
          bar.done()
        }
        out(`${formatNumber(summary.ok)} ok, ${formatNumber(summary.failed)} failed`)
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
        throw new UsageError(`unknown command ${command}; \`hoi help\` lists the commands`)
    }
  } finally {
    await store.close()
  }
}

// what colours its output (Nest's logger) does so only on a terminal, and never when NO_COLOR is set
if (process.stdout.isTTY !== true || process.stderr.isTTY !== true) process.env['NO_COLOR'] ??= '1'

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`hoi: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(e instanceof UsageError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) ? 64 : 1)
  },
)
