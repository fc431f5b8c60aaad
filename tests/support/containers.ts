import { existsSync } from 'node:fs'
import { request } from 'node:http'
import { homedir } from 'node:os'
import { join } from 'node:path'

type Endpoint = { socketPath: string } | { host: string; port: number }

const endpoints = (): Array<[string, Endpoint]> => {
  const out: Array<[string, Endpoint]> = []
  const env = process.env['DOCKER_HOST']
  if (env !== undefined && env !== '') {
    if (env.startsWith('unix://')) out.push([env, { socketPath: env.slice('unix://'.length) }])
    else {
      const m = /^(?:tcp|http):\/\/([^:/]+):(\d+)/u.exec(env)
      if (m !== null) out.push([env, { host: m[1]!, port: Number(m[2]) }])
    }
  }
  const runtime = process.env['XDG_RUNTIME_DIR']
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker/run/docker.sock'),
    ...(runtime === undefined ? [] : [join(runtime, 'docker.sock'), join(runtime, 'podman/podman.sock')]),
    '/run/podman/podman.sock',
  ]
  for (const s of sockets) if (existsSync(s)) out.push([`unix://${s}`, { socketPath: s }])
  return out
}

const ping = (e: Endpoint, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    const req = request({ ...e, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })

/**
 * Whether a container runtime answers (Docker's or Podman's API `/_ping`), asked with a short
 * timeout so that a machine without one is told so at once: the endpoint, or why there is none.
 */
export const containerRuntime = async (timeoutMs = 1500): Promise<{ endpoint: string } | { reason: string }> => {
  const candidates = endpoints()
  if (candidates.length === 0) return { reason: 'no container runtime: DOCKER_HOST is unset and no Docker or Podman socket exists' }
  for (const [name, e] of candidates) if (await ping(e, timeoutMs)) return { endpoint: name }
  return { reason: `no container runtime answers (${candidates.map(([n]) => n).join(', ')} did not answer /_ping within ${timeoutMs} ms)` }
}
