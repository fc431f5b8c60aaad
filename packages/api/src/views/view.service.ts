import { Inject, Injectable } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as E from 'fp-ts/lib/Either.js'
import { decodeWith } from '@hoi/domain'
import type { Principal } from '../auth/principal.js'
import { admitted } from '../auth/request-principal.js'
import { ScopeService } from '../auth/scope.service.js'
import { problems } from '../http/problem.js'
import { hoiRouteOf } from '../http/route.js'
import { todayOf, type ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'
import { DEFAULT_LIMIT } from './query-codecs.js'
import { encodedBody, encodingFor, matchesNoneMatch, ViewCache, type CachedView } from './view-cache.js'
import { viewDefs, type ViewDef, type ViewInput } from './view-defs.js'
import { ViewModelService } from './view-model.service.js'
import { formatAccepted, sendExport } from '../export/http.js'

type Decoder = (u: unknown) => E.Either<{ issues: ReadonlyArray<{ field: string; message: string }> }, Record<string, unknown>>
const decoders = new Map<ViewDef, { params: Decoder; query: Decoder }>()
const decodersOf = (def: ViewDef) => {
  let d = decoders.get(def)
  if (d === undefined) {
    d = { params: decodeWith(def.paramsCodec), query: decodeWith(def.query) }
    decoders.set(def, d)
  }
  return d
}

/** Serves every view: decode the path and query, check scope, answer from the cache or run the query. */
@Injectable()
export class ViewService {
  private readonly cache = new ViewCache()
  // today's date formatted once per day, not once per request
  private day = { start: 0, end: 0, text: '' }

  constructor(
    @Inject(OPTIONS) private readonly options: ResolvedOptions,
    @Inject(ViewModelService) private readonly views: ViewModelService,
    @Inject(ScopeService) private readonly scopes: ScopeService,
  ) {}

  async serve(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const def = viewDefs.get(hoiRouteOf(req)?.view ?? '')
    if (def === undefined) throw problems.notFound('No such view')
    const principal = admitted(req)
    const { key, today } = this.keyOf(def, principal, req)
    const entry = (def.personalOf === undefined ? this.cache.get(key, this.views.position) : undefined) ?? (await this.run(def, req, principal, today, key.split('|')[1] as 'public' | 'full', key))
    const format = formatAccepted(req.headers.accept)
    if (format !== undefined) return sendExport(reply, def.name, format, entry)
    this.send(def, entry, req, reply)
  }

  /**
   * The cached answer to a public, non-personal view, before Nest's pipeline: the same key, the
   * same headers, for a caller the guard would admit anyway (no token, or a valid one). Anything
   * else — a miss, a bad token, a personal or restricted view — goes the normal way.
   */
  answerFromCache(req: FastifyRequest, reply: FastifyReply, principal: Principal): boolean {
    const route = hoiRouteOf(req)
    if (route?.view === undefined || route.access !== 'public' || formatAccepted(req.headers.accept) !== undefined) return false
    const def = viewDefs.get(route.view)
    if (def === undefined || def.personalOf !== undefined) return false
    const entry = this.cache.get(this.keyOf(def, principal, req).key, this.views.position)
    if (entry === undefined) return false
    this.send(def, entry, req, reply)
    return true
  }

  // a repeated request costs one lookup: only valid requests are ever cached, under their URL
  private keyOf(def: ViewDef, principal: Principal, req: FastifyRequest): { key: string; today: string } {
    const visibility = principal.kind === 'anonymous' && def.redact !== undefined ? 'public' : 'full'
    const today = this.today()
    return { key: `${def.name}|${visibility}|${today}|${req.url}`, today }
  }

  private today(): string {
    const now = this.options.clock().getTime()
    if (now < this.day.start || now >= this.day.end) {
      const start = now - (now % 86_400_000)
      this.day = { start, end: start + 86_400_000, text: todayOf(() => new Date(now)) }
    }
    return this.day.text
  }

  private send(def: ViewDef, entry: CachedView, req: FastifyRequest, reply: FastifyReply): void {
    reply.headers({
      etag: entry.etag,
      'cache-control': def.personalOf === undefined ? 'no-cache' : 'private, no-cache',
      vary: 'authorization, accept-encoding',
      'x-view-position': String(entry.position),
    })
    const inm = req.headers['if-none-match']
    if (matchesNoneMatch(Array.isArray(inm) ? inm.join(',') : inm, entry.etag)) {
      reply.status(304).send()
      return
    }
    const encoding = encodingFor(req.headers['accept-encoding'], entry.body.length)
    if (encoding !== undefined) reply.header('content-encoding', encoding)
    reply
      .status(200)
      .type('application/json; charset=utf-8')
      .send(encoding === undefined ? entry.body : encodedBody(entry, encoding))
  }

  /** Decodes the path and query (400 naming the parameter), checks a clerk's scope, runs the view. */
  private async run(def: ViewDef, req: FastifyRequest, principal: Principal, today: string, visibility: 'public' | 'full', key: string): Promise<CachedView> {
    const { params, query } = decodersOf(def)
    const p = params(req.params ?? {})
    if (E.isLeft(p))
      throw problems.invalid(
        'The path is not valid',
        p.left.issues.map((i) => ({ field: `path.${i.field}`, message: i.message })),
      )
    const qd = query(req.query ?? {})
    if (E.isLeft(qd))
      throw problems.invalid(
        'The query is not valid',
        qd.left.issues.map((i) => ({ field: i.field === '(body)' ? '(query)' : i.field, message: i.message === 'is not a field of this object' ? 'is not a parameter of this view' : i.message })),
      )
    const input: ViewInput = { params: p.right, query: qd.right, today }
    if (def.personalOf !== undefined && principal.kind === 'user') {
      const id = def.personalOf(input)
      if (!(await this.scopes.covers(principal, [id], 'own'))) throw problems.forbidden(`${id} is outside the associations of ${principal.sub}`)
    }
    // the answer is filed under the position read before it was computed: a later one never looks older
    const at = this.views.position
    return this.cache.get(key, at) ?? this.cache.put(key, at, await this.answer(def, input, visibility))
  }

  private async answer(def: ViewDef, input: ViewInput, visibility: 'public' | 'full'): Promise<unknown> {
    const result = await def.run(this.views.engine, input)
    if (result === undefined) throw problems.notFound(`Nothing found for ${def.name} ${Object.values(input.params).join(' ')}`.trim())
    const shown = visibility === 'public' && def.redact !== undefined ? def.redact(result) : result
    if (!def.paged) return shown
    const rows = shown as ReadonlyArray<unknown>
    const limit = (input.query.limit as number | undefined) ?? DEFAULT_LIMIT
    const offset = (input.query.offset as number | undefined) ?? 0
    return { total: rows.length, offset, limit, items: rows.slice(offset, offset + limit) }
  }
}
