import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cliPath, root } from '../support/cli.js'

/**
 * Issue 11, observability: the OpenTelemetry SDK is loaded only when an exporter is configured.
 * A resolve hook in the server process prints every OpenTelemetry module the server asks for, so
 * the test sees what was loaded, not what the code says it loads.
 */
const SECRET = 'tracing-load-test-secret-of-32-characters-or-more'
const hook = [
  "import { register } from 'node:module';",
  'register("data:text/javascript,' +
    encodeURIComponent('export async function resolve(s, c, next) { if (s.startsWith("@opentelemetry/")) process.stderr.write("otel-module " + s + "\\n"); return next(s, c) }') +
    '");',
].join('')
const { OTEL_EXPORTER_OTLP_ENDPOINT: _endpoint, OTEL_TRACES_EXPORTER: _exporter, HOI_STORE: _store, ...baseEnv } = process.env
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Serves a fresh store, answers one view request, stops; returns the OpenTelemetry modules the process resolved. */
const otelModulesOf = (env: Record<string, string>): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'hoi-otel-'))
    dirs.push(dir)
    const proc = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, cliPath, 'serve', '--port', '0', '--store', `sqlite:${join(dir, 'hoi.sqlite')}`], {
      cwd: root,
      env: { ...baseEnv, HOI_JWT_SECRET: SECRET, HOI_LOG_LEVEL: 'warn', ...env },
    })
    let out = ''
    let asked = false
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`serve did not start: ${out}`))
    }, 120_000)
    const read = (d: Buffer) => {
      out += d.toString()
      const base = /dashboard\s+(http:\/\/\S+?)\/\s/u.exec(out)?.[1]
      if (base === undefined || asked) return
      asked = true
      void fetch(`${base}/views/statistics?year=2024`).then(async (r) => {
        expect(r.status).toBe(200)
        await r.arrayBuffer()
        proc.kill('SIGTERM')
      }, reject)
    }
    proc.stdout.on('data', read)
    proc.stderr.on('data', read)
    proc.on('exit', () => {
      clearTimeout(timer)
      if (!asked) reject(new Error(`serve exited before answering: ${out}`))
      else resolve([...out.matchAll(/^otel-module (\S+)$/gmu)].map((m) => m[1]!))
    })
  })

describe('tracing costs nothing unless configured (issue 11)', () => {
  it('without OTEL_EXPORTER_OTLP_ENDPOINT the server resolves no OpenTelemetry module', { timeout: 150_000 }, async () => {
    expect(await otelModulesOf({})).toEqual([])
  })
  it('with it, the SDK and the OTLP exporter are loaded (so the check above can see them)', { timeout: 150_000 }, async () => {
    const loaded = await otelModulesOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })
    expect(loaded).toEqual(expect.arrayContaining(['@opentelemetry/sdk-trace-base', '@opentelemetry/exporter-trace-otlp-http']))
  })
})
