import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { DomainCommand, decodeWith, issuesOf } from '@hoi/domain'
import { handleCommand, type EventStore } from '@hoi/adapters'
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

/**
 * Applies a JSONL file one command per line. Each line is decoded and handled on its own, so a bad
 * line is reported and skipped; without a commandId, the line's content is its id, which makes a
 * re-run of the same file store nothing new.
 */
export const execFile = async (store: EventStore, file: string, actor: string, onResult: (r: LineResult) => void): Promise<{ ok: number; failed: number }> => {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  let n = 0
  let ok = 0
  let failed = 0
  for await (const text of lines) {
    n++
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue
    const result = await execLine(store, n, text, actor)
    result.ok ? ok++ : failed++
    onResult(result)
  }
  return { ok, failed }
}

const execLine = async (store: EventStore, line: number, text: string, actor: string): Promise<LineResult> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { line, ok: false, error: `not JSON: ${(e as Error).message}` }
  }
  const shape = Line.decode(json)
  if (E.isLeft(shape)) return { line, ok: false, error: `expected {"type", "data", "metadata"?}: ${issuesOf(shape.left).map((i) => `${i.field} ${i.message}`).join('; ')}` }
  const { metadata, ...body } = shape.right as { type: unknown; data: unknown; metadata?: Record<string, string> }
  const command = decodeCommand(body)
  if (E.isLeft(command)) {
    const first = command.left.issues[0]
    return { line, ok: false, error: command.left.issues.map((i) => `${i.field}: ${i.message}`).join('; '), ...(first ? { field: first.field } : {}) }
  }
  const commandId = metadata?.commandId ?? `line-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}`
  const outcome = await handleCommand(store, command.right, { ...metadata, commandId, actor: metadata?.actor ?? actor })
  if (E.isLeft(outcome)) return { line, ok: false, ...describeFailure(outcome.left) }
  const done = outcome.right
  return { line, ok: true, type: command.right.type, streamId: done.streamId, revision: done.revision, events: done.events.length, replayed: done.replayed }
}
