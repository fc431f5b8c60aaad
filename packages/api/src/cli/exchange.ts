import { createHash } from 'node:crypto'
import { closeSync, createReadStream, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { exportLine, GENESIS, unsealed, verifyEvents, type EventStore } from '@hoi/adapters'
import { UsageError } from './args.js'
import { progressOf } from './progress-total.js'
import { BROKEN } from './verify.js'
import { formatNumber } from './table.js'

/** docs/exchange.md: the manifest written next to an export. */
export type Manifest = {
  format: 'hoi-export'
  version: 1
  genesis: string
  events: number
  streams: number
  /** events per type, sorted by type */
  types: Array<{ type: string; events: number }>
  firstPosition: number
  lastPosition: number
  headHash: string
  sha256: string
  exportedAt: string
}

export const manifestPath = (file: string): string => `${file}.manifest.json`

/**
 * `hoi export [--to FILE]`: the whole log, one canonical envelope a line, verified while it is
 * written (a broken chain is never exported); with --to, the manifest goes next to it.
 */
export const exportLog = async (store: EventStore, to: string | undefined, out: (s: string) => void, now: () => Date = () => new Date()): Promise<number> => {
  const tmp = to === undefined ? undefined : `${to}.partial`
  const fd = tmp === undefined ? 1 : openSync(tmp, 'w')
  const sha = createHash('sha256')
  const types = new Map<string, number>()
  const streams = new Set<string>()
  let first = 0
  let buffer: string[] = []
  let size = 0
  const flush = (): void => {
    const chunk = buffer.join('')
    sha.update(chunk, 'utf8')
    writeSync(fd, chunk)
    buffer = []
    size = 0
  }
  const total = await store.head()
  const bar = progressOf('export', total)
  async function* tap(): AsyncIterable<RecordedEvent> {
    // the log as stored: personal fields stay ciphertext, keys are never exported
    for await (const e of unsealed(store).readAll({ pageSize: 2000 })) {
      const line = `${exportLine(e)}\n`
      buffer.push(line)
      size += line.length
      if (size > 1 << 20) flush()
      if (first === 0) first = e.position
      types.set(e.type, (types.get(e.type) ?? 0) + 1)
      streams.add(e.streamId)
      yield e
    }
  }
  let report
  try {
    report = await verifyEvents(tap(), { dense: store.capabilities.densePositions, onProgress: (n) => bar.update(n) })
    flush()
  } finally {
    if (tmp !== undefined) closeSync(fd)
  }
  bar.finish(report.events)
  if (!report.ok) {
    if (tmp !== undefined) rmSync(tmp, { force: true })
    out(`export refused: the chain is broken at position ${report.break.position} (${report.break.kind}): ${report.break.message}`)
    return BROKEN
  }
  if (to === undefined || tmp === undefined) return 0
  const manifest: Manifest = {
    format: 'hoi-export',
    version: 1,
    genesis: GENESIS,
    events: report.events,
    streams: streams.size,
    types: [...types].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, events]) => ({ type, events })),
    firstPosition: first,
    lastPosition: report.head?.position ?? 0,
    headHash: report.head?.hash ?? GENESIS,
    sha256: sha.digest('hex'),
    exportedAt: now().toISOString(),
  }
  renameSync(tmp, to)
  writeFileSync(manifestPath(to), `${JSON.stringify(manifest, null, 2)}\n`)
  out(
    `exported ${formatNumber(manifest.events)} events of ${formatNumber(manifest.streams)} streams to ${to} (positions ${manifest.firstPosition}–${manifest.lastPosition}, head ${manifest.headHash})`,
  )
  out(`manifest: ${manifestPath(to)}`)
  return 0
}

class LineError extends Error {}

/** The events of an export file, each with its line number; a line that is not an envelope stops the read. */
async function* readExport(file: string, lines: number[]): AsyncIterable<RecordedEvent> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  let n = 0
  for await (const text of rl) {
    n++
    if (text === '') throw new LineError(`line ${n}: empty line (an export has one envelope on every line)`)
    let e: unknown
    try {
      e = JSON.parse(text)
    } catch (err) {
      throw new LineError(`line ${n}: not JSON (${(err as Error).message})`)
    }
    const o = e as Partial<RecordedEvent>
    if (
      typeof o !== 'object' ||
      o === null ||
      Array.isArray(o) ||
      typeof o.position !== 'number' ||
      typeof o.metadata !== 'object' ||
      o.metadata === null ||
      typeof o.type !== 'string' ||
      typeof o.streamId !== 'string'
    )
      throw new LineError(`line ${n}: not an event envelope (needs position, type, streamId and metadata)`)
    lines.push(n)
    yield o as RecordedEvent
  }
}

/**
 * `hoi import FILE`: checks the whole file first (chain, and the manifest when one is next to it),
 * then stores it in batches that each continue the store's chain. Importing the same file again,
 * or again after an interruption, stores only what is missing.
 */
export const importLog = async (store: EventStore, file: string | undefined, out: (s: string) => void): Promise<number> => {
  if (file === undefined) throw new UsageError('import needs a file: hoi import export.jsonl')
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`)
  if (store.restoreEvents === undefined) throw new Error(`a ${store.kind} store cannot keep imported positions: import into a sqlite:, postgres: or memory: store`)
  const lines: number[] = []
  let report
  try {
    report = await verifyEvents(readExport(file, lines), { dense: true })
  } catch (e) {
    if (e instanceof LineError) {
      out(`import refused: ${e.message}; nothing stored`)
      return BROKEN
    }
    throw e
  }
  if (!report.ok) {
    const line = lines[report.events] ?? lines.length + 1
    out(`import refused: line ${line}: the chain breaks at position ${report.break.position} (${report.break.kind}): ${report.break.message}; nothing stored`)
    return BROKEN
  }
  const mf = manifestPath(file)
  if (existsSync(mf)) {
    const m = JSON.parse(readFileSync(mf, 'utf8')) as Partial<Manifest>
    const head = report.head ?? { position: 0, hash: GENESIS }
    if (m.events !== report.events || m.lastPosition !== head.position || m.headHash !== head.hash) {
      out(
        `import refused: ${file} holds ${formatNumber(report.events)} events up to ${head.position} ${head.hash}, but its manifest says ${String(m.events)} up to ${String(m.lastPosition)} ${String(m.headHash)} (truncated or replaced); nothing stored`,
      )
      return BROKEN
    }
  }
  const bar = progressOf('import', report.events)
  let imported = 0
  let skipped = 0
  let batch: RecordedEvent[] = []
  let seen = 0
  const write = async (): Promise<string | undefined> => {
    const r = await store.restoreEvents!(batch)
    if (E.isLeft(r)) return r.left._tag === 'RevisionConflict' ? `revision conflict in ${r.left.streamId}` : r.left.message
    imported += r.right.imported
    skipped += r.right.skipped
    seen += batch.length
    batch = []
    bar.update(seen)
    return undefined
  }
  for await (const e of readExport(file, [])) {
    batch.push(e)
    if (batch.length === 2000) {
      const failed = await write()
      if (failed !== undefined) return refusedAfter(out, failed, imported)
    }
  }
  const failed = batch.length > 0 ? await write() : undefined
  if (failed !== undefined) return refusedAfter(out, failed, imported)
  bar.finish(seen)
  const head = report.head
  out(`imported ${formatNumber(imported)} events, ${formatNumber(skipped)} already stored; head ${head === undefined ? `0 ${GENESIS}` : `${head.position} ${head.hash}`}`)
  return 0
}

const refusedAfter = (out: (s: string) => void, why: string, imported: number): number => {
  out(`import refused: ${why}${imported > 0 ? ` (the ${formatNumber(imported)} events before it are stored and continue the chain; importing again resumes)` : '; nothing stored'}`)
  return BROKEN
}
