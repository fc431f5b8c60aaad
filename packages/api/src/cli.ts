#!/usr/bin/env node
import { openStore } from '@hoi/adapters'
import { parse, storeUrl, UsageError } from './cli/args.js'
import { runDemo } from './cli/demo.js'
import { execFile } from './cli/exec.js'
import { history } from './cli/history.js'
import { buildModel } from './cli/model.js'
import { views } from './cli/query.js'
import { commandsMarkdown } from './cli/docs.js'
import { serve } from './cli/serve.js'

const usage = `hoi — sổ ghi chép sự kiện của các hội quần chúng (event-sourced records of mass associations)

usage: hoi <command> [options]     store: --store URL or HOI_STORE (default sqlite:./data/hoi.sqlite)

  demo                        write the golden scenario of the source articles (idempotent)
  exec FILE.jsonl             apply one command per line; prints each line's result or rejection
  query VIEW [args]           print a view (--as-of YYYY-MM-DD, --json); views:
${Object.entries(views).map(([k, v]) => `      ${k.padEnd(16)} ${v.help}`).join('\n')}
  history STREAM              every event of a stream with its metadata (--json)
  serve [--demo]              start the HTTP API and dashboard (--port 3000, --host 127.0.0.1)
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
  if (command === 'serve') return serve(rest)
  const common = { store: { type: 'string' as const }, json: { type: 'boolean' as const }, 'as-of': { type: 'string' as const } }
  const p = parse(rest, { ...common, actor: { type: 'string' }, year: { type: 'string' }, association: { type: 'string' }, period: { type: 'string' }, area: { type: 'string' }, kind: { type: 'string' }, scope: { type: 'string' } })
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
      case 'query': {
        const [name, ...args] = p.positionals
        const view = name === undefined || !Object.hasOwn(views, name) ? undefined : views[name]
        if (view === undefined) throw new UsageError(`unknown view ${name ?? '(none)'}; views: ${Object.keys(views).join(', ')}`)
        const asOf = p.flags['as-of']
        if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(asOf))) throw new UsageError('--as-of must be a date YYYY-MM-DD')
        const model = await buildModel(store)
        const f = (k: string) => (typeof p.flags[k] === 'string' ? { [k]: p.flags[k] as string } : {})
        const result = view.run(model, { today: today(), ...(asOf ? { asOf: String(asOf) } : {}), ...f('year'), ...f('association'), ...f('period'), ...f('area'), ...f('kind'), ...f('scope') }, args)
        out(p.flags['json'] === true ? JSON.stringify(result.json, null, 2) : result.text)
        return 0
      }
      case 'history': {
        const stream = p.positionals[0]
        if (stream === undefined) throw new UsageError('history needs a stream id, e.g. hoi history association-lc-nct')
        await history(store, stream, p.flags['json'] === true, out)
        return 0
      }
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
