import { openStore } from '@hoi/adapters'
import { demoAuth, startServer, authFromEnv } from '../index.js'
import { parse, storeUrl, viewsAtFor } from './args.js'
import { optionsOf } from './commands.js'
import { demoSecret, parseHost, parsePort } from './serve-config.js'
import { runDemo } from './demo.js'
import { PROVINCE } from '../demo/province.js'
import { ViewModelService } from '../views/view-model.service.js'
import { formatNumber } from './table.js'
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
  const store = await openStore(storeUrl(p.flags['store']))
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
  try {
    const viewsAt = viewsAtFor(store)
    server = await startServer({ store, auth, host, port, viewsProgress: progress, logger: { level: logLevel }, ...(viewsAt === undefined ? {} : { viewsAt }) })
  } finally {
    progress.done()
  }
  // the summary reads the server's own view engine; the demo's golden figures are Lai Châu's (article 002), the other provinces aside
  const views = server.app.get(ViewModelService).engine
  const today = new Date().toISOString().slice(0, 10)
  // the server is listening: requests that arrive meanwhile are answered between the summary's queries, not after all of them
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve))
  await turn()
  const s = await views.statistics(demo ? { year: 2020, areaCode: PROVINCE.code } : { year: 2020 })
  await turn()
  const now = await views.registry({})
  await turn()
  const activeClubs = await views.clubs({ status: 'active' })
  await turn()
  const targets = await views.targets({ asOf: today })
  out('')
  const head = await store.head()
  // only a dense log's head is a count of events
  out(`hoi — ${store.url}: ${store.capabilities.densePositions ? `${formatNumber(head)} events` : `log head at position ${head}`}`)
  out(
    `  2020${demo ? ` in ${PROVINCE.name} (area ${PROVINCE.code})` : ''}: ${formatNumber(s.associations.total)} associations (province ${formatNumber(s.associations.byScope.province)}, district ${formatNumber(s.associations.byScope.district)}, commune ${formatNumber(s.associations.byScope.commune)}), ${formatNumber(s.members.total)} members, ${formatNumber(s.special.total)} special, ${formatNumber(s.foundedInYear.total)} founded in 2020`,
  )
  out(`  today: ${formatNumber(now.length)} associations and bodies, ${formatNumber(activeClubs.length)} active clubs`)
  for (const t of targets)
    out(
      `  target ${t.title}: ${formatNumber(t.current)}/${formatNumber(t.goal)} (${formatNumber(t.percent)} %), ${t.status}${t.milestones.map((m) => `; milestone ${formatNumber(m.goal)} by ${m.dueOn} ${m.met ? `met ${m.metOn}` : m.missed ? 'missed' : 'open'}`).join('')}`,
    )
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
