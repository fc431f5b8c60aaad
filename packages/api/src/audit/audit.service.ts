import { Inject, Injectable } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { chainHead, GENESIS, unsealed } from '@hoi/adapters'
import type { RecordedEvent } from '@hoi/domain'
import { decodeWith, describeAs, parseStream, strict, strictPartial } from '@hoi/domain'
import { admitted } from '../auth/request-principal.js'
import { ScopeService } from '../auth/scope.service.js'
import { ownerOfStream } from '../commands/ownership.js'
import { WriteSide } from '../commands/write-side.js'
import { problems } from '../http/problem.js'
import type { ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'
import { qInt } from '../views/query-codecs.js'

const STREAM_PATTERN = '^(association|member|club|target|report|movement)-[A-Za-z0-9][A-Za-z0-9._-]*$'
/** A stream id as the aggregates build it: each aggregate's own parser decides. */
export const StreamId = describeAs(
  new t.Type<string, string, unknown>(
    'StreamId',
    (u): u is string => typeof u === 'string' && parseStream(u) !== undefined,
    (u, c) => (typeof u === 'string' && parseStream(u) !== undefined ? t.success(u) : t.failure(u, c, 'must be a stream id like association-lc-nct or member-m-1')),
    String,
  ),
  { type: 'string', pattern: STREAM_PATTERN },
)
export const streamPath = { streamId: StreamId }
export const streamQuery = strictPartial({}, { fromRevision: qInt('fromRevision', 0, Number.MAX_SAFE_INTEGER), limit: qInt('limit', 1, 500) }, 'StreamQuery')
export const logQuery = strictPartial({}, { after: qInt('after', 0, Number.MAX_SAFE_INTEGER), limit: qInt('limit', 1, 500) }, 'LogQuery')

const decodePath = decodeWith(strict(streamPath, 'StreamPath'))
const decodeStreamQuery = decodeWith(streamQuery)
const decodeLogQuery = decodeWith(logQuery)

const invalid = (where: 'path' | 'query', issues: ReadonlyArray<{ field: string; message: string }>) =>
  problems.invalid(
    `The ${where} is not valid`,
    issues.map((i) => ({ field: where === 'path' ? `path.${i.field}` : i.field, message: i.message })),
  )

const json = (reply: FastifyReply, body: unknown, etag?: string): void => {
  reply
    .status(200)
    .headers({ 'cache-control': 'private, no-store', ...(etag === undefined ? {} : { etag }) })
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body))
}

/** History for auditors: one stream with every envelope and its metadata, or the global log by position. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(OPTIONS) private readonly options: ResolvedOptions,
    @Inject(ScopeService) private readonly scopes: ScopeService,
    @Inject(WriteSide) private readonly writeSide: WriteSide,
  ) {}

  async stream(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const path = decodePath(req.params)
    if (E.isLeft(path)) throw invalid('path', path.left.issues)
    const query = decodeStreamQuery(req.query ?? {})
    if (E.isLeft(query)) throw invalid('query', query.left.issues)
    const { streamId } = path.right
    const principal = admitted(req)
    if (principal.kind === 'user' && principal.role === 'clerk') {
      const owner = await ownerOfStream(streamId, this.writeSide)
      if (owner === undefined) throw problems.notFound(`No stream ${streamId}`)
      // a stream outside the clerk's associations is answered as one that does not exist: no membership leaks
      if (!(await this.scopes.covers(principal, [owner], 'own'))) throw problems.notFound(`No stream ${streamId}`)
    }
    const store = this.options.store
    const revision = await store.streamRevision(streamId)
    if (revision < 0) throw problems.notFound(`No stream ${streamId}`)
    const fromRevision = query.right.fromRevision ?? 0
    const limit = query.right.limit ?? 100
    const events: RecordedEvent[] = []
    for await (const e of store.readStream(streamId, { fromRevision, pageSize: limit })) {
      if (events.length === limit) break
      events.push(e)
    }
    const last = events[events.length - 1]
    json(reply, { streamId, revision, fromRevision, events, ...(last !== undefined && last.revision < revision ? { next: last.revision + 1 } : {}) }, `"${revision}"`)
  }

  async log(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = decodeLogQuery(req.query ?? {})
    if (E.isLeft(query)) throw invalid('query', query.left.issues)
    const after = query.right.after ?? 0
    const limit = query.right.limit ?? 100
    // the log as stored, so that an auditor can recompute its hashes: personal fields are ciphertext
    const store = unsealed(this.options.backingStore)
    const [events, head] = await Promise.all([store.readPage(after, limit), store.head()])
    const last = events[events.length - 1]
    json(reply, { after, limit, head, events, ...(last !== undefined && last.position < head ? { next: last.position } : {}) })
  }

  /** The chain's head; 0 and the genesis value for an empty log. */
  async head(_req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const store = this.options.store
    const h = await chainHead(store)
    if (h === undefined && (await store.head()) > 0) throw problems.conflict('the last event has no hash: this store was written before the chain; run `hoi chain upgrade` once')
    json(reply, h ?? { position: 0, hash: GENESIS })
  }
}
