import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchRoot, environment, formatEnvironment, type Environment } from './env.js'
import type { Options } from './options.js'
import { formatRow, type Row } from './stats.js'

/**
 * `node bench/dist/run.js [fold|w1|w4|w5|w6|w7|w8|w9 ...] [--quick] [--duration SECONDS]`
 * Prints the machine, versions, durability and a measured fsync first; then runs each workload in a
 * child process of its own (a clean heap, so peak RSS is the workload's), printing each row as it
 * finishes; writes everything to bench/results/<timestamp>.json.
 */
const workloads: Readonly<Record<string, { readonly about: string; readonly run: (o: Options) => Promise<Row[]> }>> = {
  fold: { about: "pure fold: projections applyAll and the deciders' evolve", run: async (o) => (await import('./fold.js')).runFold(o) },
  w1: { about: 'W1/W2: SQLite appends with expected revision, 1/10/100 events per append', run: async (o) => (await import('./w1.js')).runW1(o) },
  stores: { about: "W1–W4 on SQLite and PostgreSQL: hoi vs the raw driver on the minimal schema, raw on hoi's schema, and emmett 0.42", run: async (o) => (await import('./stores.js')).runStores(o) },
  w4: { about: 'W4: load an aggregate of 100 and 10,000 events', run: async (o) => (await import('./w4.js')).runW4(o) },
  w5: { about: "W5: build every view's tables from the log, against reading and parsing it", run: async (o) => (await import('./w5.js')).runW5(o) },
  w6: { about: 'W6: commit-to-visible lag of a follower while another process appends ~1k events/s (SQLite polling, PostgreSQL LISTEN/NOTIFY)', run: async (o) => (await import('./w6.js')).runW6(o) },
  w7: { about: 'W7: cached view GETs over HTTP, autocannon from a separate process', run: async (o) => (await import('./w7.js')).runW7(o) },
  w8: { about: 'W8: cold starts (query and serve) on a 1M-event store; hoi query statistics and a serve restart on the demo store', run: async (o) => (await import('./w8.js')).runW8(o) },
  audit: { about: 'E1/E2: hoi verify and export rates against reading the log alone', run: async (o) => (await import('./audit.js')).runAudit(o) },
  w9: { about: 'W9: admit-member commands over HTTP on the embedded store', run: async (o) => (await import('./w9.js')).runW9(o) },
}
const aliases: Readonly<Record<string, string>> = { w2: 'w1' }

type Parsed = { names: string[]; quick: boolean; durationSec: number; child: string | undefined; help: boolean }

const parse = (argv: ReadonlyArray<string>): Parsed => {
  const p: Parsed = { names: [], quick: false, durationSec: 10, child: undefined, help: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--quick') p.quick = true
    else if (a === '--help' || a === '-h') p.help = true
    else if (a === '--duration') p.durationSec = Number(argv[++i])
    else if (a === '--child') p.child = argv[++i]
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`)
    else {
      const name = aliases[a.toLowerCase()] ?? a.toLowerCase()
      if (workloads[name] === undefined) throw new Error(`unknown workload ${a}: one of ${Object.keys(workloads).join(', ')}`)
      if (!p.names.includes(name)) p.names.push(name)
    }
  }
  if (!Number.isFinite(p.durationSec) || p.durationSec <= 0) throw new Error('--duration takes a number of seconds')
  if (p.quick && !argv.includes('--duration')) p.durationSec = 3
  if (p.names.length === 0) p.names = Object.keys(workloads)
  return p
}

type FromChild = { kind: 'row'; row: Row } | { kind: 'done'; maxRssMb: number } | { kind: 'failed'; message: string }

/** In the child: run one workload, send its rows to the parent. */
const child = async (name: string, p: Parsed): Promise<void> => {
  const send = (m: FromChild): Promise<void> => new Promise((resolve) => (process.send === undefined ? resolve() : process.send(m, undefined, {}, () => resolve())))
  const options: Options = {
    quick: p.quick,
    durationSec: p.durationSec,
    log: (line) => process.stdout.write(`  · ${line}\n`),
    emit: (row) => {
      process.stdout.write(`${formatRow(row)}\n`)
      void send({ kind: 'row', row })
    },
  }
  try {
    await workloads[name]!.run(options)
    await send({ kind: 'done', maxRssMb: process.resourceUsage().maxRSS / 1024 })
  } catch (e) {
    await send({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
  process.disconnect?.()
  // a handle a workload forgot (a timer, a socket) must not keep the run waiting
  setTimeout(() => process.exit(0), 3000).unref()
}

/** Extra node flags for the workload processes, e.g. HOI_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const childNodeArgs = (): string[] => (process.env['HOI_BENCH_NODE_ARGS'] ?? '').split(/\s+/u).filter((a) => a !== '')

const runChild = (name: string, p: Parsed): Promise<{ rows: Row[]; maxRssMb?: number; error?: string }> =>
  new Promise((resolve) => {
    const args = ['--child', name, '--duration', String(p.durationSec), ...(p.quick ? ['--quick'] : [])]
    const proc = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=4096', '--expose-gc', ...childNodeArgs()] })
    const rows: Row[] = []
    let maxRssMb: number | undefined
    let error: string | undefined
    proc.on('message', (m: FromChild) => {
      if (m.kind === 'row') rows.push(m.row)
      else if (m.kind === 'done') maxRssMb = m.maxRssMb
      else error = m.message
    })
    proc.on('exit', (code, signal) => {
      if (error === undefined && maxRssMb === undefined) error = `the workload process ended (${signal ?? `code ${code}`}) without a result`
      resolve({ rows, ...(maxRssMb === undefined ? {} : { maxRssMb }), ...(error === undefined ? {} : { error }) })
    })
  })

const main = async (): Promise<number> => {
  const p = parse(process.argv.slice(2))
  if (p.child !== undefined) {
    await child(p.child, p)
    return 0
  }
  if (p.help) {
    process.stdout.write(`node bench/dist/run.js [${Object.keys(workloads).join('|')} ...] [--quick] [--duration SECONDS]\n`)
    for (const [name, w] of Object.entries(workloads)) process.stdout.write(`  ${name.padEnd(5)} ${w.about}\n`)
    return 0
  }
  const started = new Date()
  const env: Environment = environment()
  process.stdout.write(`hoi bench ${started.toISOString()}${p.quick ? ' (--quick: smoke sizes, not a measurement)' : ''}\n${formatEnvironment(env)}\n\n`)
  const results: Array<{ workload: string; rows: Row[]; maxRssMb?: number; error?: string; seconds: number }> = []
  for (const name of p.names) {
    process.stdout.write(`== ${name}: ${workloads[name]!.about}\n`)
    const t0 = performance.now()
    const r = await runChild(name, p)
    const seconds = (performance.now() - t0) / 1000
    if (r.error !== undefined) process.stdout.write(`  ${name} FAILED: ${r.error}\n`)
    process.stdout.write(`  (${name}: ${seconds.toFixed(1)} s${r.maxRssMb === undefined ? '' : `, process peak RSS ${r.maxRssMb.toFixed(0)} MiB`})\n\n`)
    results.push({ workload: name, ...r, seconds })
  }
  const dir = join(benchRoot, 'results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify({ startedAt: started.toISOString(), argv: process.argv.slice(2), quick: p.quick, durationSec: p.durationSec, environment: env, results }, null, 2))
  const rows = results.flatMap((r) => r.rows)
  const judged = rows.filter((r) => r.met !== undefined)
  process.stdout.write(`targets met: ${judged.filter((r) => r.met === true).length}/${judged.length}; results in ${file}\n`)
  return results.some((r) => r.error !== undefined) ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 2
  },
)
