import { Inject, Injectable } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { RecordedEvent } from '@hoi/domain'
import { decodeWith, describeAs, strict, strictPartial } from '@hoi/domain'
import { admitted } from '../auth/request-principal.js'
import { ScopeService } from '../auth/scope.service.js'
import { ownerOfStream } from '../commands/ownership.js'
import { problems } from '../http/problem.js'
import type { ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'
import { qInt } from '../views/query-codecs.js'
import { ViewModelService } from '../views/view-model.service.js'

const STREAM = /^(association|member|club|target|report|movement)-[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/u
export const StreamId = describeAs(
  new t.Type<string, string, unknown>('StreamId', (u): u is string => typeof u === 'string' && STREAM.test(u), (u, c) =>
    typeof u === 'string' && STREAM.test(u) ? t.success(u) : t.failure(u, c, 'must be a stream id like association-lc-nct or member-m-1'), String),
  { type: 'string', pattern: STREAM.source },
)
export const streamPath = { streamId: StreamId }
export const streamQuery = strictPartial({}, { fromRevision: qInt('fromRevision', 0, Number.MAX_SAFE_INTEGER), limit: qInt('limit', 1, 500) }, 'StreamQuery')
export const logQuery = strictPartial({}, { after: qInt('after', 0, Number.MAX_SAFE_INTEGER), limit: qInt('limit', 1, 500) }, 'LogQuery')

const decodePath = decodeWith(strict(streamPath, 'StreamPath'))
const decodeStreamQuery = decodeWith(streamQuery)
const decodeLogQuery = decodeWith(logQuery)

const invalid = (where: 'path' | 'query', issues: ReadonlyArray<{ field: string; message: string }>) =>
  problems.invalid(`The ${where} is not valid`, issues.map((i) => ({ field: where === 'path' ? `path.${i.field}` : i.field, message: i.message })))

const json = (reply: FastifyReply, body: unknown, etag?: string): void => {
  reply.status(200).headers({ 'cache-control': 'private, no-store', ...(etag === undefined ? {} : { etag }) }).type('application/json; charset=utf-8').send(JSON.stringify(body))
}

/** History for auditors: one stream with every envelope and its metadata, or the global log by position. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(OPTIONS) private readonly options: ResolvedOptions,
    @Inject(ViewModelService) private readonly views: ViewModelService,
    @Inject(ScopeService) private readonly scopes: ScopeService,
  ) {}

  async stream(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const path = decodePath(req.params)
    if (E.isLeft(path)) throw invalid('path', path.left.issues)
    const query = decodeStreamQuery(req.query ?? {})
    if (E.isLeft(query)) throw invalid('query', query.left.issues)
    const { streamId } = path.right
    const principal = admitted(req)
    if (principal.kind === 'user' && principal.role === 'clerk') {
      let owner = ownerOfStream(streamId, this.views.model)
      if (owner === undefined) {
        await this.views.catchUp()
        owner = ownerOfStream(streamId, this.views.model)
      }
      if (owner === undefined) throw problems.notFound(`No stream ${streamId}`)
      if (!this.scopes.covers(principal, [owner], 'own')) await this.views.catchUp()
      // a stream outside the clerk's associations is answered as one that does not exist: no membership leaks
      if (!this.scopes.covers(principal, [owner], 'own')) throw problems.notFound(`No stream ${streamId}`)
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
    const store = this.options.store
    const [events, head] = await Promise.all([store.readPage(after, limit), store.head()])
    const last = events[events.length - 1]
    json(reply, { after, limit, head, events, ...(last !== undefined && last.position < head ? { next: last.position } : {}) })
  }
}
