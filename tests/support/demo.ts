import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hoi, root } from './cli.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A key that changes when the built demo or stores change, so a stale cached database is never used. */
const buildKey = (): string => {
  const h = createHash('sha256')
  for (const dir of ['packages/api/dist/demo', 'packages/adapters/dist', 'packages/domain/dist', 'packages/projections/dist']) {
    const abs = join(root, dir)
    if (!existsSync(abs)) continue
    for (const f of readdirSync(abs, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
      .sort())
      h.update(f).update(readFileSync(join(abs, f)))
  }
  return h.digest('hex').slice(0, 16)
}

/**
 * The golden scenario written by `hoi demo` into a SQLite file, made once per build and shared by
 * the test files that read it (they only read). Returns the store URL.
 */
export const demoDatabase = async (): Promise<string> => {
  const dir = join(tmpdir(), 'hoi-demo-cache')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${buildKey()}.sqlite`)
  const lock = `${file}.lock`
  for (;;) {
    if (existsSync(file)) return `sqlite:${file}`
    try {
      mkdirSync(lock)
    } catch {
      await sleep(500) // another test file is writing it
      continue
    }
    try {
      // databases of earlier builds are never read again
      for (const old of readdirSync(dir)) if (!old.startsWith(buildKey()) && !old.endsWith('.lock')) rmSync(join(dir, old), { force: true, recursive: true })
      const tmp = `${file}.tmp-${process.pid}`
      // ~224k commands: minutes on a quiet machine, more than ten on a loaded one
      const r = hoi(['demo', '--store', `sqlite:${tmp}`], {}, 1_500_000)
      if (r.code !== 0) throw new Error(`hoi demo failed (${r.code}): ${r.stderr}${r.stdout}`)
      const c = hoi(['query', 'registry', '--store', `sqlite:${tmp}`, '--json'])
      if (c.code !== 0) throw new Error(`reading the demo failed: ${c.stderr}`)
      // a clean close checkpoints the WAL away; if it is still there it moves with the file
      for (const ext of ['-wal', '-shm']) if (existsSync(`${tmp}${ext}`)) renameSync(`${tmp}${ext}`, `${file}${ext}`)
      renameSync(tmp, file)
      return `sqlite:${file}`
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
}
