import { openStore } from '@hoi/adapters'
import { demoAuth, startServer, authFromEnv } from '../index.js'
import { parse, storeUrl, viewsAtFor } from './args.js'
import { optionsOf } from './commands.js'
import { demoSecret, parseHost, parsePort } from './serve-config.js'
import { runDemo } from './demo.js'
import { ViewModelService } from '../views/view-model.service.js'
import { summaryInWorker, summaryLines } from './summary.js'
import { viewsProgress } from './progress.js'
import { logLevelFromEnv } from '../observability/logging.js'

/**
 * `hoi serve [--demo]`: the main job. With --demo the golden scenario is written once (a restart
 * finds it and reuses the file), a one-screen summary is printed, and the API serves until stopped.
 */
export const serve = async (argv: string[]): Promise<number> => {
  const p = parse(argv, optionsOf('serve'))
  const out = (s: string) => process.stdout.write(s + '\n')
  const demo = p.flags['demo'] === true
  // everything that can be wrong with the command line or the environment is found before the store is touched
  const port = parsePort(String(p.flags['port'] ?? process.env['PORT'] ?? 3000), p.flags['port'] === undefined && process.env['PORT'] !== undefined ? 'PORT' : '--port')
  const host = parseHost(String(p.flags['host'] ?? process.env['HOST'] ?? '127.0.0.1'), p.flags['host'] === undefined && process.env['HOST'] !== undefined ? 'HOST' : '--host')
  const logLevel = logLevelFromEnv(process.env) ?? 'info'
  const fromEnv = authFromEnv(process.env)
  if (!demo && fromEnv.jwtSecret === undefined && (fromEnv.apiKeys ?? []).length === 0) throw new Error('set HOI_JWT_SECRET or HOI_API_KEYS (or run with --demo for local demo tokens)')
  const url = storeUrl(p.flags['store'])
  const store = await openStore(url)
  let tokens: ReturnType<typeof demoAuth> | undefined
  let auth = fromEnv
  if (demo) {
    const kept = fromEnv.jwtSecret === undefined ? demoSecret(store) : undefined
    if (kept?.file !== undefined) out(`demo: ${kept.created ? 'made a new signing secret in' : 'signing with the secret kept in'} ${kept.file}`)
    const secret = fromEnv.jwtSecret ?? kept!.secret
    tokens = demoAuth(secret, { ...(fromEnv.jwtIssuer === undefined ? {} : { issuer: fromEnv.jwtIssuer }), ...(fromEnv.jwtAudience === undefined ? {} : { audience: fromEnv.jwtAudience }) })
    auth = { ...fromEnv, jwtSecret: secret }
    await runDemo(store, out)
  }
  // the views are built (a store without them) and caught up before the server listens, with progress on stderr;
  // then JSON lines on standard output, one per request (HOI_LOG_LEVEL=warn keeps warnings and errors only)
  const progress = viewsProgress()
  let server: Awaited<ReturnType<typeof startServer>>
  const viewsAt = viewsAtFor(store)
  try {
    server = await startServer({ store, auth, host, port, viewsProgress: progress, logger: { level: logLevel }, ...(viewsAt === undefined ? {} : { viewsAt }) })
  } finally {
    progress.done()
  }
  // the summary's queries block the thread that runs them on SQLite: there they run in a worker of their own,
  // so that requests are answered from the first moment the server listens
  const ask = { demo, today: new Date().toISOString().slice(0, 10) }
  const blocking = store.kind === 'sqlite' || (store.kind === 'esdb' && viewsAt?.startsWith('sqlite:') === true)
  const here = () => summaryLines(server.app.get(ViewModelService).engine, store, ask)
  const lines = blocking
    ? await summaryInWorker({ ...ask, storeUrl: url, viewsAt }).catch((e: unknown) => {
        process.stderr.write(`hoi: the start-up summary's worker failed (${e instanceof Error ? e.message : String(e)}); computing it here\n`)
        return here()
      })
    : await here()
  out('')
  for (const line of lines) out(line)
  out('')
  out(`  dashboard  ${server.address}/`)
  out(`  API docs   ${server.address}/docs`)
  if (tokens !== undefined) {
    out('  demo tokens (Authorization: Bearer …), for local use only:')
    for (const [who, token] of Object.entries(tokens.tokens)) out(`    ${who.padEnd(28)} ${token}`)
  }
  out('  Ctrl+C stops the server.')
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
  await store.close()
  return 0
}
