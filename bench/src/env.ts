import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, platform, release, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SqliteStore } from '@hoi/adapters'
import { Latencies } from './stats.js'

const require = createRequire(import.meta.url)

/** The driver's connection type, taken from the adapter so that bench needs no typings of its own. */
export type Db = SqliteStore['db']
export const Database = require('better-sqlite3') as new (filename: string, options?: { readonly?: boolean; timeout?: number }) => Db
export const betterSqliteVersion = (require('better-sqlite3/package.json') as { version: string }).version

export const benchRoot = resolve(fileURLToPath(new URL('..', import.meta.url)))
/** Where the databases live (gitignored); `HOI_BENCH_DIR` moves them, e.g. to another disk. */
export const dataDir = (): string => {
  const dir = resolve(process.env['HOI_BENCH_DIR'] ?? join(benchRoot, 'data'))
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A fresh database path in the data directory (any leftover file of that name removed first). */
export const freshDb = (name: string): string => {
  const file = join(dataDir(), `${name}-${process.pid}.sqlite`)
  removeDb(file)
  return file
}
export const removeDb = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

export const DURABILITY = 'SQLite journal_mode=WAL, synchronous=FULL (every connection), one transaction per append'

export type Environment = {
  readonly machine: string
  readonly cpus: number
  readonly memoryGiB: number
  readonly os: string
  readonly node: string
  readonly betterSqlite3: string
  readonly sqlite: string
  readonly durability: string
  readonly dataDir: string
  readonly fdatasync: { readonly p50Ms: number; readonly p99Ms: number }
  readonly fsync: { readonly p50Ms: number; readonly p99Ms: number }
}

/** Writes 4 KiB then syncs, `rounds` times, on a temp file next to the databases. */
export const measureSync = (dir: string, sync: (fd: number) => void, rounds = 200): { p50Ms: number; p99Ms: number } => {
  const file = join(dir, `fsync-probe-${process.pid}.tmp`)
  const block = Buffer.alloc(4096, 0x5a)
  const lat = new Latencies(rounds)
  const fd = openSync(file, 'w')
  try {
    for (let i = 0; i < rounds; i++) {
      block.writeUInt32LE(i, 0)
      const t0 = performance.now()
      writeSync(fd, block, 0, block.length, (i % 64) * block.length)
      sync(fd)
      lat.add(performance.now() - t0)
    }
  } finally {
    closeSync(fd)
    rmSync(file, { force: true })
  }
  return { p50Ms: lat.percentile(50), p99Ms: lat.percentile(99) }
}

export const environment = (): Environment => {
  const dir = dataDir()
  const probe = new Database(':memory:')
  const sqlite = String(probe.prepare('select sqlite_version()').pluck().get())
  probe.close()
  const cpu = cpus()
  return {
    machine: cpu[0]?.model.trim() ?? 'unknown cpu',
    cpus: cpu.length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${platform()} ${release()}`,
    node: process.version,
    betterSqlite3: betterSqliteVersion,
    sqlite,
    durability: DURABILITY,
    dataDir: dir,
    fdatasync: measureSync(dir, fdatasyncSync),
    fsync: measureSync(dir, fsyncSync),
  }
}

export const formatEnvironment = (e: Environment): string =>
  [
    `machine     ${e.machine} × ${e.cpus}, ${e.memoryGiB.toFixed(1)} GiB, ${e.os}`,
    `runtime     Node ${e.node}, better-sqlite3 ${e.betterSqlite3}, SQLite ${e.sqlite}`,
    `durability  ${e.durability}`,
    `disk        ${e.dataDir}: 4 KiB write + fdatasync p50 ${e.fdatasync.p50Ms.toFixed(3)} ms p99 ${e.fdatasync.p99Ms.toFixed(3)} ms; + fsync p50 ${e.fsync.p50Ms.toFixed(3)} ms p99 ${e.fsync.p99Ms.toFixed(3)} ms (200 each)`,
  ].join('\n')
