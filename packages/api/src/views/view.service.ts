import { Inject, Injectable } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { IncomingMessage } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import { decodeWith } from '@hoi/domain'
import { anonymous, type Principal } from '../auth/principal.js'
import { admitted } from '../auth/request-principal.js'
import { ScopeService } from '../auth/scope.service.js'
import type { FastAnswer } from '../http/fast-path.js'
import { problems } from '../http/problem.js'
import { hoiRouteOf } from '../http/route.js'
import { todayOf, type ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'
import { DEFAULT_LIMIT } from './query-codecs.js'
import { encodedBody, encodingFor, matchesNoneMatch, ViewCache, type CachedView, type Encoding } from './view-cache.js'
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

const JSON_TYPE = 'application/json; charset=utf-8'

/** The headers of a view's answer, 200 or 304, besides the security headers and the body's type and encoding. */
const viewHeaders = (def: ViewDef, entry: CachedView): Record<string, string> => ({
  etag: entry.etag,
  'cache-control': def.personalOf === undefined ? 'no-cache' : 'private, no-cache',
  vary: 'authorization, accept-encoding',
  'x-view-position': String(entry.position),
})

const notModified = (inm: string | string[] | undefined, entry: CachedView): boolean => matchesNoneMatch(Array.isArray(inm) ? inm.join(',') : inm, entry.etag)

/** Serves every view: decode the path and query, check scope, answer from the cache or run the query. */
@Injectable()
export class ViewService {
  private readonly cache = new ViewCache()
  /** URLs of public, non-personal views this server answered an anonymous caller from the cache: the router already matched them */
  private readonly routed = new Map<string, { readonly def: ViewDef; readonly route: string }>()
  /** the headers of a cached answer, made once per entry: the security headers, then the view's */
  private readonly heads = new WeakMap<CachedView, { readonly ok: ReadonlyArray<string>; readonly notModified: ReadonlyArray<string> }>()
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
    const { key, today } = this.keyOf(def, principal, req.url)
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
    const entry = this.cache.get(this.keyOf(def, principal, req.url).key, this.views.position)
    if (entry === undefined) return false
    const pattern = req.routeOptions.url
    if (principal.kind === 'anonymous' && req.headers.authorization === undefined && pattern !== undefined) this.learn(req.url, def, pattern)
    this.send(def, entry, req, reply)
    return true
  }

  private learn(url: string, def: ViewDef, route: string): void {
    if (this.routed.has(url)) return
    if (this.routed.size >= 2000) this.routed.delete(this.routed.keys().next().value!)
    this.routed.set(url, { def, route })
  }

  /**
   * The answer to an anonymous GET of a URL answered from the cache before (so routed to a public,
   * non-personal view), while the cache holds it at the current position: what `send` would answer,
   * with `security` first as the onRequest hook sets them. Undefined sends the request the normal way.
   */
  rawAnswer(req: IncomingMessage, security: Readonly<Record<string, string>>): FastAnswer | undefined {
    const url = req.url
    if (url === undefined || req.headers.authorization !== undefined) return undefined
    const known = this.routed.get(url)
    if (known === undefined || formatAccepted(req.headers.accept) !== undefined) return undefined
    const entry = this.cache.get(this.keyOf(known.def, anonymous, url).key, this.views.position)
    if (entry === undefined) return undefined
    const head = this.headsOf(known.def, entry, security)
    if (notModified(req.headers['if-none-match'], entry)) return { status: 304, headers: head.notModified, body: undefined, route: known.route }
    const encoding = encodingFor(req.headers['accept-encoding'], entry.body.length)
    if (encoding === undefined) return { status: 200, headers: head.ok, body: entry.body, route: known.route }
    return { status: 200, headers: [...head.ok, 'content-encoding', encoding], body: encodedBody(entry, encoding), route: known.route }
  }

  private headsOf(def: ViewDef, entry: CachedView, security: Readonly<Record<string, string>>): { readonly ok: ReadonlyArray<string>; readonly notModified: ReadonlyArray<string> } {
    let head = this.heads.get(entry)
    if (head === undefined) {
      const notModified = [...Object.entries(security), ...Object.entries(viewHeaders(def, entry))].flat()
      head = { notModified, ok: [...notModified, 'content-type', JSON_TYPE] }
      this.heads.set(entry, head)
    }
    return head
  }

  // a repeated request costs one lookup: only valid requests are ever cached, under their URL
  private keyOf(def: ViewDef, principal: Principal, url: string): { key: string; today: string } {
    const visibility = principal.kind === 'anonymous' && def.redact !== undefined ? 'public' : 'full'
    const today = this.today()
    return { key: `${def.name}|${visibility}|${today}|${url}`, today }
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
    reply.headers(viewHeaders(def, entry))
    if (notModified(req.headers['if-none-match'], entry)) {
      reply.status(304).send()
      return
    }
    const encoding: Encoding | undefined = encodingFor(req.headers['accept-encoding'], entry.body.length)
    if (encoding !== undefined) reply.header('content-encoding', encoding)
    reply
      .status(200)
      .type(JSON_TYPE)
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
