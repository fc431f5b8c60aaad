import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const cliPath = fileURLToPath(new URL('../../packages/api/dist/bundle/hoi.js', import.meta.url))

/** A count as the CLI's text prints it (vi-VN: 185.549). */
export const vi = (n: number): string => n.toLocaleString('vi-VN')

/** Runs the built `hoi` CLI as a user would, returning its exit code and output. */
export const hoi = (args: ReadonlyArray<string>, env: Record<string, string> = {}, timeoutMs = 300_000) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
