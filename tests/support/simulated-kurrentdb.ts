/**
 * A simulation of the part of KurrentDB's client API the adapter uses, in memory: one log with
 * sparse, growing commit positions (the byte offsets of records, system records among them),
 * streams with revisions, expected-revision checks that throw like the client does, the server's
 * own idempotence (the same ids at the same expected revision are not written twice), inclusive
 * reads from a position, and stream-not-found errors. It exercises hoi's adapter logic (planning,
 * the command index, the position mapping); it says nothing about a real server, whose run of the
 * contract suite is reported separately (and skipped where no server can be had).
 */
type Data = { id: string; contentType: string; type: string; data: unknown; metadata: unknown }
type Rec = { streamId: string; id: string; revision: bigint; type: string; data: unknown; metadata: unknown; isJson: boolean; position: { commit: bigint; prepare: bigint }; created: Date }
type Pos = 'start' | 'end' | { commit: bigint; prepare: bigint }

const error = (type: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { type, ...extra })
const clone = <A>(a: A): A => JSON.parse(JSON.stringify(a)) as A

export class SimulatedKurrentDb {
  private readonly log: Rec[] = []
  private readonly streams = new Map<string, Rec[]>()
  private offset = 4096n // the log starts after the server's own records
  disposed = false

  private write(streamId: string, d: Data): Rec {
    const stream = this.streams.get(streamId) ?? []
    this.streams.set(streamId, stream)
    const commit = this.offset
    this.offset += BigInt(120 + JSON.stringify(d).length) // a record takes its size in the log
    const rec: Rec = {
      streamId,
      id: d.id,
      revision: BigInt(stream.length),
      type: d.type,
      data: clone(d.data),
      metadata: d.metadata === undefined ? undefined : clone(d.metadata),
      isJson: true,
      position: { commit, prepare: commit },
      created: new Date(),
    }
    stream.push(rec)
    this.log.push(rec)
    return rec
  }

  async appendToStream(streamId: string, events: Data | Data[], opts: { expectedRevision?: 'any' | 'no_stream' | 'stream_exists' | bigint } = {}) {
    const list = Array.isArray(events) ? events : [events]
    const stream = this.streams.get(streamId) ?? []
    const current = stream.length - 1
    const expected = opts.expectedRevision ?? 'any'
    const want = expected === 'no_stream' ? -1 : typeof expected === 'bigint' ? Number(expected) : undefined
    if (want !== undefined && want !== current) {
      // the server's idempotence: the same ids right after the expected revision are an acknowledged repeat
      const already = stream.slice(want + 1, want + 1 + list.length)
      if (want < current && already.length === list.length && already.every((r, i) => r.id === list[i]!.id))
        return { success: true, nextExpectedRevision: already[already.length - 1]!.revision, position: already[already.length - 1]!.position }
      throw error('wrong-expected-version', `WrongExpectedVersion ${streamId}`, { streamName: streamId, expectedVersion: expected, actualVersion: current < 0 ? 'no_stream' : BigInt(current) })
    }
    if (expected === 'stream_exists' && current < 0) throw error('wrong-expected-version', `WrongExpectedVersion ${streamId}`)
    if (Math.random() < 0.2) this.write('$stats-127.0.0.1:2113', { id: crypto.randomUUID(), contentType: 'application/json', type: '$statsCollected', data: {}, metadata: undefined })
    const written = list.map((d) => this.write(streamId, d))
    const last = written[written.length - 1]!
    return { success: true, nextExpectedRevision: last.revision, position: last.position }
  }

  readStream(streamId: string, opts: { fromRevision?: 'start' | 'end' | bigint; maxCount?: number | bigint; direction?: 'forwards' | 'backwards' } = {}) {
    const streams = this.streams
    return (async function* () {
      const stream = streams.get(streamId)
      if (stream === undefined) throw error('stream-not-found', `${streamId} not found`)
      const max = Number(opts.maxCount ?? Number.MAX_SAFE_INTEGER)
      const backwards = opts.direction === 'backwards'
      let i =
        opts.fromRevision === 'end' || (backwards && opts.fromRevision === undefined)
          ? stream.length - 1
          : opts.fromRevision === 'start' || opts.fromRevision === undefined
            ? 0
            : Number(opts.fromRevision)
      for (let n = 0; n < max && i >= 0 && i < stream.length; n++, i += backwards ? -1 : 1) yield { event: structuredClone(stream[i]!), commitPosition: stream[i]!.position.commit }
    })()
  }

  readAll(opts: { fromPosition?: Pos; maxCount?: number | bigint; direction?: 'forwards' | 'backwards' } = {}) {
    const log = this.log
    return (async function* () {
      const max = Number(opts.maxCount ?? Number.MAX_SAFE_INTEGER)
      const backwards = opts.direction === 'backwards'
      const from = opts.fromPosition ?? (backwards ? 'end' : 'start')
      let i: number
      if (from === 'start') i = 0
      else if (from === 'end') i = log.length - 1
      else {
        i = log.findIndex((r) => r.position.commit === from.commit)
        if (i < 0) throw error('unknown', `no record at position ${from.commit}`)
      }
      for (let n = 0; n < max && i >= 0 && i < log.length; n++, i += backwards ? -1 : 1) {
        const r = log[i]!
        yield { event: structuredClone(r), commitPosition: r.position.commit }
      }
    })()
  }

  async dispose() {
    this.disposed = true
  }
}
