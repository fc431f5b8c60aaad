import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { DomainCommand, decodeWith, issuesOf } from '@hoi/domain'
import { decideAsOf, handleCommand, type EventStore } from '@hoi/adapters'
import { describeFailure } from './failures.js'

/** One JSONL line: the command a client would send, optionally with its metadata. */
const Line = t.intersection([
  t.type({ type: t.unknown, data: t.unknown }),
  t.partial({ metadata: t.partial({ commandId: t.string, actor: t.string, correlationId: t.string, causationId: t.string, reason: t.string }) }),
])
const decodeCommand = decodeWith(DomainCommand)

export type LineResult =
  | { line: number; ok: true; type: string; streamId: string; revision: number; events: number; replayed: boolean }
  | { line: number; ok: false; error: string; code?: string; rule?: string; field?: string }

type Parsed =
  { readonly ok: false; readonly result: LineResult } | { readonly ok: true; readonly command: DomainCommand; readonly commandId: string; readonly metadata: Record<string, string> | undefined }

/**
 * A line read and decoded. Without a commandId, the line's content is its id (unchanged since the
 * first release, so files run before still replay).
 */
const parseLine = (line: number, text: string): Parsed => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { ok: false, result: { line, ok: false, error: `not JSON: ${(e as Error).message}` } }
  }
  const shape = Line.decode(json)
  if (E.isLeft(shape))
    return {
      ok: false,
      result: {
        line,
        ok: false,
        error: `expected {"type", "data", "metadata"?}: ${issuesOf(shape.left)
          .map((i) => `${i.field} ${i.message}`)
          .join('; ')}`,
      },
    }
  const { metadata, ...body } = shape.right
  const command = decodeCommand(body)
  if (E.isLeft(command)) {
    const first = command.left.issues[0]
    return { ok: false, result: { line, ok: false, error: command.left.issues.map((i) => `${i.field}: ${i.message}`).join('; '), ...(first ? { field: first.field } : {}) } }
  }
  const commandId = metadata?.commandId ?? `line-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}`
  return { ok: true, command: command.right, commandId, metadata }
}

const linesOf = (file: string) => createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
const skipped = (text: string): boolean => text.trim() === '' || text.trimStart().startsWith('#')

/**
 * For each line, where the next line after it that an earlier run stored begins (its first global
 * position), if any. A line that an earlier run went past without storing anything (refused, or
 * nothing to do) is then answered as it was then — decided on the store before that position —
 * instead of afresh on what later lines stored: running a file again stores nothing new.
 */
const earlierRun = async (store: EventStore, file: string): Promise<{ boundAfter: Map<number, number>; lines: number }> => {
  const ids: Array<{ line: number; commandId: string }> = []
  let n = 0
  let lines = 0
  for await (const text of linesOf(file)) {
    n++
    if (skipped(text)) continue
    lines++
    const parsed = parseLine(n, text)
    if (parsed.ok) ids.push({ line: n, commandId: parsed.commandId })
  }
  const seen = new Set<string>()
  const boundAfter = new Map<number, number>()
  let next: number | undefined
  const firstOf: Array<{ line: number; position: number | undefined }> = []
  for (const { line, commandId } of ids) {
    // a repeated line replays the first: only a first occurrence says where the run was
    const first = !seen.has(commandId)
    seen.add(commandId)
    const stored = first ? await store.eventsOfCommand(commandId) : []
    firstOf.push({ line, position: stored[0]?.position })
  }
  for (let i = firstOf.length - 1; i >= 0; i--) {
    const { line, position } = firstOf[i]!
    if (position === undefined && next !== undefined) boundAfter.set(line, next)
    if (position !== undefined) next = position
  }
  return { boundAfter, lines }
}

/**
 * Applies a JSONL file one command per line, in order. Each line is decoded and handled on its own,
 * so a bad line is reported and skipped; a line an earlier run of the file already went past is
 * replayed, or answered as it was then: the same file run twice stores nothing new.
 */
export const execFile = async (
  store: EventStore,
  file: string,
  actor: string,
  onResult: (r: LineResult) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: number; failed: number }> => {
  const { boundAfter: bounds, lines } = await earlierRun(store, file)
  let n = 0
  let ok = 0
  let failed = 0
  for await (const text of linesOf(file)) {
    n++
    if (skipped(text)) continue
    const result = await execLine(store, n, text, actor, bounds.get(n))
    if (result.ok) ok++
    else failed++
    onResult(result)
    onProgress?.(ok + failed, lines)
  }
  return { ok, failed }
}

const execLine = async (store: EventStore, line: number, text: string, actor: string, before: number | undefined): Promise<LineResult> => {
  const parsed = parseLine(line, text)
  if (!parsed.ok) return parsed.result
  const { command, commandId, metadata } = parsed
  if (before !== undefined) {
    const then = await decideAsOf(store, command, before)
    if (E.isLeft(then)) return { line, ok: false, ...describeFailure(then.left) }
    if (then.right.events.length === 0) return { line, ok: true, type: command.type, streamId: then.right.streamId, revision: then.right.revision, events: 0, replayed: false }
    return {
      line,
      ok: false,
      code: 'PassedByEarlierRun',
      error: 'not applied: an earlier run of this file stored the lines after this one without it; applying it now would change the order of the file. Put it in a new file if it is still wanted',
    }
  }
  const outcome = await handleCommand(store, command, { ...metadata, commandId, actor: metadata?.actor ?? actor })
  if (E.isLeft(outcome)) return { line, ok: false, ...describeFailure(outcome.left) }
  const done = outcome.right
  return { line, ok: true, type: command.type, streamId: done.streamId, revision: done.revision, events: done.events.length, replayed: done.replayed }
}
