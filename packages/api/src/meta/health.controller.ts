import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { EngineStatus } from '@hoi/adapters'
import { Route } from '../http/route.js'
import type { ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'
import { ViewModelService } from '../views/view-model.service.js'

/** For operators: is the store reachable, how far is the view behind it, were events parked. */
@Controller()
export class HealthController {
  constructor(
    @Inject(OPTIONS) private readonly options: ResolvedOptions,
    @Inject(ViewModelService) private readonly views: ViewModelService,
  ) {}

  @Route('GET', '/health', { access: 'public', tag: 'Operations', summary: 'Store reachable, view position and lag behind the store head, projections and parked events' })
  async health(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const store = this.options.store
    let head: number | undefined
    try {
      head = await store.head()
    } catch {
      head = undefined
    }
    let engine: EngineStatus | undefined
    try {
      engine = await this.views.status()
    } catch {
      engine = undefined
    }
    const position = engine?.position ?? this.views.position
    const parked = engine?.parked ?? 0
    const body = {
      status: head === undefined ? 'unavailable' : engine === undefined || parked > 0 ? 'degraded' : 'ok',
      store: { kind: store.kind, reachable: head !== undefined, ...(head === undefined ? {} : { head }) },
      // a difference of positions counts events only on a dense log; elsewhere only "caught up" (0) is known
      view: { position, lag: head === undefined ? null : store.capabilities.densePositions ? Math.max(0, head - position) : position >= head ? 0 : null, parked },
      // public: counts and checkpoints only; which events were parked and why is for `hoi parked`
      engine: engine === undefined ? { reachable: false } : { reachable: true, position: engine.position, head: engine.head, parked, projections: engine.projections },
    }
    reply
      .status(head === undefined ? 503 : 200)
      .headers({ 'cache-control': 'no-store' })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(body))
  }
}
